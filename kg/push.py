"""Load the graph into an existing SPARQL store with the SPARQL 1.1 Graph Store HTTP Protocol.

The endpoint is the store's graph store service (Oxigraph ``/store``, Fuseki ``/DATASET/data``,
GraphDB ``/repositories/REPO/rdf-graphs/service``). ``push`` sends the triples of every graph of
the file as N-Triples into one graph of the store: the named graph ``graph_name``, or the default
graph. ``PUT`` replaces that graph, ``POST`` adds to it. Credentials in the URL
(``http://user:pw@host``) are sent as HTTP Basic authentication.

``push_incremental`` keeps the file's named graphs (one per report, and the vocabulary): each goes
to the store's graph of the same name, but only when it changed since the last push to that store.
A manifest beside the graph file (``diplomacy.trig.pushed.json``) keeps, per store, a hash of each
graph as pushed; graphs that left the file are deleted from the store. The hash is of the graph's
sorted N-Triples lines (blank node labels blanked), so it does not depend on the order of the file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import pyoxigraph as ox

from kg.errors import DipkgError
from kg.files import write_atomic
from kg.query import load_store, rdf_format, triples

TIMEOUT = 600.0
MANIFEST_SUFFIX = ".pushed.json"
MANIFEST_VERSION = 1
# The file's default graph, as a key of the manifest.
DEFAULT_KEY = ""
BLANK_LABEL = re.compile(rb"_:[A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class PushResult:
    url: str
    method: str
    triples: int
    status: int


def target_url(endpoint: str, graph_name: str | None) -> str:
    """The Graph Store Protocol address of one graph: ``?graph=IRI`` (encoded) or ``?default``."""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise DipkgError(f"{endpoint}: not an http(s) URL of a graph store endpoint")
    try:
        port = parts.port
    except ValueError as exc:
        raise DipkgError(f"{endpoint}: bad port ({exc})") from None
    if graph_name is not None:
        try:
            ox.NamedNode(graph_name)
        except ValueError as exc:
            raise DipkgError(f"{graph_name}: not an IRI for --graph-name ({exc})") from None
    extra = f"graph={quote(graph_name, safe='')}" if graph_name is not None else "default"
    query = f"{parts.query}&{extra}" if parts.query else extra
    netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    if port:
        netloc += f":{port}"
    return urlunsplit((parts.scheme, netloc, parts.path or "/", query, ""))


def _authorization(endpoint: str) -> dict[str, str]:
    parts = urlsplit(endpoint)
    if parts.username is None:
        return {}
    token = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
    return {"Authorization": "Basic " + base64.b64encode(token).decode("ascii")}


def _send(url: str, method: str, endpoint: str, timeout: float, body: object = None, size: int = 0,
          *, missing_ok: bool = False) -> int:
    """One Graph Store Protocol request; the HTTP status, or a one-line ``DipkgError``."""
    headers = {"Content-Type": "application/n-triples", "Content-Length": str(size)} if body is not None else {}
    request = urllib.request.Request(url, data=body, method=method, headers={**headers, **_authorization(endpoint)})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        if missing_ok and exc.code == 404:
            return exc.code
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise DipkgError(f"{url}: the store answered {exc.code} {exc.reason}"
                         + (f": {detail[0][:200]}" if detail else "")) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DipkgError(f"{url}: cannot reach the store: {reason}") from None


def push(graph_path: Path, endpoint: str, *, graph_name: str | None = None, replace: bool = True,
         timeout: float = TIMEOUT) -> PushResult:
    """Send the graph file's triples to the store; a one-line ``DipkgError`` when the store refuses."""
    store = load_store(graph_path)
    url = target_url(endpoint, graph_name)
    method = "PUT" if replace else "POST"
    fd, tmp = tempfile.mkstemp(prefix="dipkg-push-", suffix=".nt")
    os.close(fd)
    try:
        store.dump(tmp, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        count = triples(store)
        with open(tmp, "rb") as body:
            status = _send(url, method, endpoint, timeout, body, Path(tmp).stat().st_size)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return PushResult(url=url, method=method, triples=count, status=status)


@dataclass(frozen=True)
class IncrementalPushResult:
    store: str
    sent: int
    unchanged: int
    removed: int
    triples: int
    manifest: Path


def manifest_path(graph_path: Path) -> Path:
    """Where the hashes of the graphs pushed from ``graph_path`` are kept: beside it."""
    return graph_path.with_name(graph_path.name + MANIFEST_SUFFIX)


def store_key(endpoint: str) -> str:
    """The endpoint as the manifest names it: its address without credentials."""
    return target_url(endpoint, None).removesuffix("default").rstrip("?&")


def graph_digest(ntriples: bytes) -> str:
    """A hash of a graph's N-Triples that ignores the order of the lines and blank node labels."""
    lines = sorted(BLANK_LABEL.sub(b"_:", line) for line in ntriples.splitlines() if line.strip())
    return hashlib.sha256(b"\n".join(lines)).hexdigest()


def push_incremental(graph_path: Path, endpoint: str, *, timeout: float = TIMEOUT,
                     manifest: Path | None = None) -> IncrementalPushResult:
    """Send each graph of a TriG or N-Quads file that changed since the last push to this store.

    Each named graph replaces (``PUT``) the store's graph of the same name; the file's default
    graph, if it holds triples, replaces the store's default graph; a graph pushed before and no
    longer in the file is deleted. The manifest is written after every run, also a failed one, so
    that what did reach the store is not sent again.
    """
    store = _quads_store(graph_path)
    path = manifest or manifest_path(graph_path)
    state = _read_manifest(path)
    key = store_key(endpoint)
    pushed: dict[str, str] = dict(state.get(key, {}))
    graphs = [ox.DefaultGraph(), *sorted(store.named_graphs(), key=lambda g: g.value)]
    present = {DEFAULT_KEY if isinstance(g, ox.DefaultGraph) else g.value for g in graphs}
    sent = unchanged = removed = count = 0
    try:
        for graph in graphs:
            name = DEFAULT_KEY if isinstance(graph, ox.DefaultGraph) else graph.value
            body = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
            if name == DEFAULT_KEY and not body:
                present.discard(DEFAULT_KEY)
                continue
            digest = graph_digest(body)
            if pushed.get(name) == digest:
                unchanged += 1
                continue
            _send(target_url(endpoint, name or None), "PUT", endpoint, timeout, body, len(body))
            pushed[name] = digest
            sent += 1
            count += body.count(b"\n")
        for name in sorted(set(pushed) - present):
            _send(target_url(endpoint, name or None), "DELETE", endpoint, timeout, missing_ok=True)
            del pushed[name]
            removed += 1
    finally:
        state[key] = pushed
        _write_manifest(path, state)
    return IncrementalPushResult(key, sent, unchanged, removed, count, path)


def _quads_store(graph_path: Path) -> ox.Store:
    """The graph file's quads, each in its own graph (no merged default graph)."""
    if not graph_path.is_file():
        raise DipkgError(f"{graph_path}: no such graph file; run 'kg build' first")
    fmt = rdf_format(graph_path)
    if fmt not in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        raise DipkgError(f"{graph_path}: an incremental push needs a TriG or N-Quads file (a graph per report), "
                         f"such as exports/diplomacy.trig")
    store = ox.Store()
    try:
        store.bulk_load(path=str(graph_path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise DipkgError(f"{graph_path}: not a readable RDF graph: {str(exc).splitlines()[0]}") from exc
    return store


def _read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Per store, the hash of each graph pushed; an unreadable or foreign manifest counts as none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return {}
    stores = data.get("stores")
    if not isinstance(stores, dict):
        return {}
    return {k: {g: h for g, h in v.items() if isinstance(h, str)} for k, v in stores.items() if isinstance(v, dict)}


def _write_manifest(path: Path, state: dict[str, dict[str, str]]) -> None:
    text = json.dumps({"version": MANIFEST_VERSION, "stores": state}, ensure_ascii=False, indent=1, sort_keys=True)
    try:
        write_atomic(path, lambda tmp: Path(tmp).write_text(text + "\n", encoding="utf-8"))
    except OSError as exc:
        raise DipkgError(f"{path}: cannot write the push manifest: {exc.strerror or exc}") from exc
