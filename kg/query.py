"""Queries: SPARQL text or a named query from ``kg/queries/``, answered by Oxigraph.

Values are bound as SPARQL substitutions, never formatted into the query text.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import DipkgError

QUERY_DIR = Path(__file__).resolve().parent / "queries"
FORMATS = ("table", "csv", "tsv", "json")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    description: str


@dataclass(frozen=True)
class Result:
    variables: tuple[str, ...]
    rows: tuple[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...], ...]


def named_queries() -> list[NamedQuery]:
    out = []
    for path in sorted(QUERY_DIR.glob("*.rq")):
        first = next((ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("#")), "# ")
        out.append(NamedQuery(path.stem, path, first.lstrip("# ").strip()))
    return out


def query_text(query: str) -> str:
    """SPARQL text from a named query, a ``.rq`` file, or the text itself."""
    named = QUERY_DIR / f"{query}.rq"
    if "\n" not in query and " " not in query.strip() and named.exists():
        return named.read_text(encoding="utf-8")
    if query.endswith(".rq"):
        path = Path(query)
        if not path.exists():
            raise DipkgError(f"{query}: no such query file")
        return path.read_text(encoding="utf-8")
    if "select" not in query.lower() and "ask" not in query.lower() and "construct" not in query.lower():
        names = ", ".join(q.name for q in named_queries())
        raise DipkgError(f"{query!r}: neither SPARQL nor a named query (known: {names})")
    return query


def load_store(graph_path: Path) -> ox.Store:
    if not graph_path.exists():
        raise DipkgError(f"{graph_path}: no such graph file; run 'kg build' first")
    store = ox.Store()
    fmt = ox.RdfFormat.TRIG if graph_path.suffix == ".trig" else ox.RdfFormat.from_extension(
        graph_path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
    try:
        store.bulk_load(path=str(graph_path), format=fmt, to_graph=None if fmt == ox.RdfFormat.TRIG
                        else ox.DefaultGraph())
    except (SyntaxError, ValueError, OSError) as exc:
        raise DipkgError(f"{graph_path}: not a readable RDF graph: {str(exc).splitlines()[0]}") from exc
    return store


def run(store: ox.Store, sparql: str, *, params: dict[str, str] | None = None) -> Result:
    """Run a SELECT query; ``params`` bind variables (``country`` → ``?country``) as literals."""
    subs = {ox.Variable(k): ox.Literal(v) for k, v in (params or {}).items()}
    try:
        answer = store.query(sparql, substitutions=subs, use_default_graph_as_union=True)
    except (SyntaxError, RuntimeError) as exc:
        raise DipkgError(f"query: {str(exc).splitlines()[0]}") from exc
    if not isinstance(answer, ox.QuerySolutions):
        raise DipkgError("query: only SELECT queries print as a table")
    variables = tuple(v.value for v in answer.variables)
    rows = tuple(tuple(sol[v] for v in variables) for sol in answer)
    return Result(variables, rows)


def _plain(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def render(result: Result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(_json(result), ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(result.variables)
        for row in result.rows:
            w.writerow([_plain(t) for t in row])
        return buf.getvalue()
    cells = [list(result.variables)] + [[_plain(t) for t in row] for row in result.rows]
    widths = [min(48, max(len(r[i]) for r in cells)) for i in range(len(result.variables))]
    lines = []
    for n, r in enumerate(cells):
        lines.append("  ".join(c[:48].ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(result.rows)} rows)")
    return "\n".join(lines)


def _json(result: Result) -> dict:
    def term(t: object) -> dict[str, str]:
        if isinstance(t, ox.NamedNode):
            return {"type": "uri", "value": t.value}
        if isinstance(t, ox.BlankNode):
            return {"type": "bnode", "value": t.value}
        assert isinstance(t, ox.Literal)
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype and t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = t.datatype.value
        return out

    return {"head": {"vars": list(result.variables)},
            "results": {"bindings": [{v: term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
                                     for row in result.rows]}}
