"""The rows every named query gives on a graph, for many parameters: to check that a change to the
queries or to the graph's summaries keeps every answer.

    python benchmarks/query_rows.py GRAPH --out rows.json      # a build's output folder or a graph file
    python benchmarks/query_rows.py --compare before.json after.json

The parameters are taken from the graph itself: every country code and pair of codes, every role,
sector and year, the reports, meetings and some names of persons, places and organizations; each
query runs with none, with each parameter alone and with the pairs its header declares. A page of
each unfiltered query (``--limit``/``--offset``) is dumped too. ``--compare`` prints every query and
parameter set whose rows differ (as sets, and in order) and exits non-zero if any does.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import pyoxigraph as ox

from kg import query as q
from kg.errors import DipkgError

HEAD = ("PREFIX dip: <https://w3id.org/dipkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")
# Values of each parameter, picked from the graph; at most this many of each kind of name.
NAMES = 40
PICK = {
    "code": "SELECT DISTINCT ?v WHERE { ?c dip:countryCode ?v }",
    "role": "SELECT DISTINCT ?v WHERE { ?p dip:role ?r . ?r skos:notation ?v }",
    "sector": "SELECT DISTINCT ?v WHERE { ?m dip:topic ?s . ?s skos:notation ?v }",
    "year": "SELECT DISTINCT ?v WHERE { ?m dip:yearKey ?v FILTER(?v != \"\") }",
    "report": "SELECT ?v WHERE { ?r a dip:Report ; dip:sourceFile ?v }",
    "meeting": "SELECT ?v WHERE { ?v a dip:Meeting }",
    "person": "SELECT DISTINCT ?v WHERE { ?x a dip:Person ; rdfs:label ?v }",
    "place": "SELECT DISTINCT ?v WHERE { ?x a ?k ; rdfs:label ?v VALUES ?k { dip:Region dip:City } }",
    "organization": "SELECT DISTINCT ?v WHERE { ?r dip:mentions ?x . ?x rdfs:label ?v "
                    "FILTER(STRSTARTS(STR(?x), \"https://w3id.org/dipkg/resource/organization/\")) }",
}


def picked(store: ox.Store) -> dict[str, list[str]]:
    out = {}
    for kind, sparql in PICK.items():
        values = sorted({row["v"].value for row in store.query(HEAD + sparql)})
        if kind in ("person", "place", "organization"):
            values = values[:: max(1, len(values) // NAMES)][:NAMES]
        out[kind] = values
    return out


def param_sets(name: str, v: dict[str, list[str]]) -> list[dict[str, str]]:
    """The parameter sets ``name`` runs with."""
    codes = v["code"]
    pairs = [{"country": a, "partner": b} for a, b in itertools.permutations(codes, 2)]
    if name == "countries":
        return [{}] + [{"country": c} for c in codes]
    if name == "explain":
        return [{"node": n} for n in v["person"][:10] + v["place"][:10] + v["organization"][:10]]
    if name == "meeting-evidence":
        return [{"meeting": m} for m in v["meeting"]]
    if name == "meetings-between-countries":
        return ([{}] + [{"country": c} for c in codes] + [{"partner": c} for c in codes] + pairs
                + [{"year": y} for y in v["year"]] + [{"sector": s} for s in v["sector"]]
                + [{"country": c, "year": y} for c in codes[:3] for y in v["year"]]
                + [{"country": c, "sector": s} for c in codes[:3] for s in v["sector"]])
    if name == "person-meetings":
        return [{"person": p} for p in v["person"]]
    if name == "persons-by-role":
        return ([{}] + [{"role": r} for r in v["role"]] + [{"country": c} for c in codes]
                + [{"role": r, "country": c} for r in v["role"] for c in codes])
    if name == "regions-engaged":
        return ([{}] + [{"country": c} for c in codes] + [{"partner": c} for c in codes] + pairs
                + [{"region": p} for p in v["place"]] + [{"country": "KZ", "region": p} for p in v["place"][:10]])
    if name in ("report-meetings", "report-mentions"):
        return [{}] + [{"report": r} for r in v["report"]]
    if name == "reports-mentioning-organization":
        return [{"organization": o} for o in v["organization"] + v["place"][:5]]
    if name == "top-sectors-by-partner":
        return [{}] + [{"country": c} for c in codes] + [{"partner": c} for c in codes] + pairs
    if name == "who-met-whom":
        return [{}] + [{"report": r} for r in v["report"]]
    return [{}]


def dump(store: ox.Store) -> dict[str, list]:
    values = picked(store)
    out: dict[str, list] = {}
    for nq in q.named_queries():
        for params in param_sets(nq.name, values):
            try:
                result = q.ask(store, nq.name, params)
            except DipkgError as exc:
                out[f"{nq.name} {json.dumps(params, ensure_ascii=False)}"] = [f"error: {exc}"]
                continue
            out[f"{nq.name} {json.dumps(params, ensure_ascii=False)}"] = [list(result.variables)] + [
                [str(t) if t is not None else None for t in row] for row in result.rows]
        if not any(p.required for p in nq.params):
            for limit, offset in ((3, 0), (3, 2), (5, 7)):
                page = q.ask(store, nq.name, limit=limit, offset=offset)
                out[f"{nq.name} page {limit}+{offset}"] = [[str(t) if t is not None else None for t in row]
                                                          for row in page.rows] + [page.more]
    return out


def _lists(rows: list) -> list:
    """The rows with each cell that lists values (GROUP_CONCAT's ", " or "; ") as the sorted values: the
    order of a group's values is the engine's, which a change to the query may change."""
    def cell(value: object) -> object:
        if isinstance(value, str) and len(value) > 1 and value[0] == value[-1] == '"':
            for sep in ("; ", ", "):
                if sep in value:
                    return sorted(value[1:-1].split(sep))
        return value

    return [[cell(v) for v in row] if isinstance(row, list) else row for row in rows]


def compare(before: dict[str, list], after: dict[str, list]) -> int:
    differ = lists = 0
    for key in sorted(before.keys() | after.keys()):
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        differ += 1
        if a is None or b is None:
            print(f"{key}: only {'after' if a is None else 'before'}")
            continue
        sa, sb = {json.dumps(r, ensure_ascii=False) for r in a}, {json.dumps(r, ensure_ascii=False) for r in b}
        if sa == sb:
            print(f"{key}: same rows, other order")
            continue
        if _lists(a) == _lists(b):
            lists += 1
            continue
        print(f"{key}: {len(a)} rows before, {len(b)} after")
        for r in sorted(sa - sb)[:5]:
            print(f"  - {r}")
        for r in sorted(sb - sa)[:5]:
            print(f"  + {r}")
    rows = sum(len(v) for v in before.values())
    print(f"{len(before)} answers ({rows} rows) before, {len(after)} after; {differ - lists} differ, "
          f"{lists} more list values in another order within a cell")
    return differ - lists


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph", nargs="?", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        sys.exit(1 if compare(before, after) else 0)
    if args.graph is None or args.out is None:
        ap.error("give a GRAPH and --out, or --compare BEFORE AFTER")
    rows = dump(q.load_store(args.graph))
    args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(rows)} answers, {sum(len(v) for v in rows.values())} rows -> {args.out}")


if __name__ == "__main__":
    main()
