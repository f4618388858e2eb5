"""Load the graph into an existing SPARQL store with the SPARQL 1.1 Graph Store HTTP Protocol.

The endpoint is the store's graph store service (Oxigraph ``/store``, Fuseki ``/DATASET/data``,
GraphDB ``/repositories/REPO/rdf-graphs/service``). The triples of every graph of the file go as
N-Triples into one graph of the store: the named graph ``graph_name``, or the default graph.
``PUT`` replaces that graph, ``POST`` adds to it. Credentials in the URL (``http://user:pw@host``)
are sent as HTTP Basic authentication.
"""

from __future__ import annotations

import base64
import os
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import pyoxigraph as ox

from kg.errors import DipkgError
from kg.query import load_store, triples

TIMEOUT = 600.0


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
        size = Path(tmp).stat().st_size
        with open(tmp, "rb") as body:
            request = urllib.request.Request(url, data=body, method=method, headers={
                "Content-Type": "application/n-triples", "Content-Length": str(size), **_authorization(endpoint)})
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    status = response.status
            except urllib.error.HTTPError as exc:
                detail = exc.read().decode("utf-8", "replace").strip().splitlines()
                raise DipkgError(f"{url}: the store answered {exc.code} {exc.reason}"
                                 + (f": {detail[0][:200]}" if detail else "")) from None
            except (urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                raise DipkgError(f"{url}: cannot reach the store: {reason}") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return PushResult(url=url, method=method, triples=count, status=status)
