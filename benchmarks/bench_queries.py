"""Named-query latency on Oxigraph and on rdflib's own SPARQL engine, on generated graphs.

    python benchmarks/bench_queries.py [--sizes 1000 10000 100000] [--repeat 5] [--rdflib-timeout 60]
    python benchmarks/bench_queries.py --store OUT [--repeat 5] [--page 100]

For each size a graph of that many meetings is generated with the shapes ``kg/graph.py`` writes
(reports, meetings with participants, place, date and topics, persons with posts, countries,
regions, organizations, mentions and evidence nodes) plus the vocabulary of ``ontology/``. Each
named query runs with the parameters below; the median latency of ``--repeat`` runs is printed
for both engines, with the row counts (which must agree). rdflib runs in a forked process that
is stopped after ``--rdflib-timeout`` seconds per query; a query stopped before its first run
ends prints as ``>TIMEOUT``.

With ``--store OUT`` (a build's output folder, e.g. of ``bench_build.py --folder``) each named query
is timed as a user runs it: a whole ``kg query NAME --graph OUT --param ...`` process (the ``kg``
command installed beside this Python, else ``python -m kg``; start-up and imports included, the
package's bytecode compiled first, as an installed package's is), with parameters picked from the
store (a person, an organization, a meeting and a report it holds; Kazakhstan and a partner
country), asking for one page of ``--page`` rows (by default the page a table shows); the calls go
round the queries ``--repeat`` times, and each query's median wall time is printed against the
target of ``CALL_TARGET_MS``, with that of a bare start of the same Python for comparison.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing as mp
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query

from kg import query as q
from kg.files import ONTOLOGY_DIR
from kg.summaries import MeetingFacts, tally_graphs

DIP = "https://w3id.org/dipkg/ontology#"
RES = "https://w3id.org/dipkg/resource/"
SECTOR = "https://w3id.org/dipkg/sector/"
ROLE = "https://w3id.org/dipkg/role/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
COUNTRIES = ("KZ", "BE", "JP", "PT", "DE", "FR", "US", "CN", "TR", "KR", "IT", "ES", "GB", "NL", "PL", "UZ", "KG",
             "RU", "IN", "AE", "SA", "QA", "AZ", "GE", "HU", "CZ", "AT", "CH", "SE", "FI")
SECTORS = ("trade", "economy", "investment", "finance", "industry", "metallurgy", "engineering", "mining",
           "oil-and-gas", "chemicals", "energy", "green-technology", "transport", "logistics", "digital",
           "science", "education", "innovation", "agriculture", "healthcare", "tourism", "culture")
LATERAL = re.compile(r"\bLATERAL\s*\{")
DIPLOMATS = ("ambassador", "consul-general", "honorary-consul", "diplomat")
LOCALS = ("governor", "mayor", "deputy-governor")


def iri(value: str) -> str:
    return f"<{value}>"


def lit(value: str | int, *, lang: str | None = None, datatype: str | None = None) -> str:
    if isinstance(value, int):
        return f'"{value}"^^<{XSD}integer>'
    text = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if lang:
        return f"{text}@{lang}"
    return f"{text}^^<{datatype}>" if datatype else text


def digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]


class Generator:
    """Triples of a synthetic graph, as N-Triples lines, with the shapes of a real build."""

    def __init__(self, meetings: int, *, seed: int = 7) -> None:
        self.n = meetings
        self.rng = random.Random(seed)
        self.persons = max(20, meetings // 5)
        self.regions = max(10, meetings // 50)
        self.organizations = max(10, meetings // 20)
        # What each generated meeting states, for the collection's tallies (kg.summaries).
        self.facts: dict[str, MeetingFacts] = {}

    def person(self, i: int) -> str:
        return f"{RES}person/person-{i}"

    def person_name(self, i: int) -> str:
        return f"Тұлға {i} Тегі"

    def person_country(self, i: int) -> str:
        return "KZ" if i % 2 == 0 else COUNTRIES[1 + i % (len(COUNTRIES) - 1)]

    def region(self, i: int) -> str:
        return f"{RES}place/region-{i}"

    def governed(self, i: int) -> str | None:
        """The region person ``i`` governs (every third person is a governor or mayor), or None."""
        return self.region(i % self.regions) if i % 3 == 0 else None

    def region_country(self, i: int) -> str:
        return COUNTRIES[i % len(COUNTRIES)]

    def organization(self, i: int) -> str:
        return f"{RES}organization/org-{i}"

    def organization_name(self, i: int) -> str:
        return f"Ұйым {i}"

    def report_file(self, i: int) -> str:
        return f"{i:06d}_{digest('report', i)}.txt"

    def report_ranks(self) -> dict[str, int]:
        """Each report's rank in the order of the file names (``kg.summaries.report_ranks``)."""
        files = sorted((self.report_file(i), i) for i in range((self.n + 1) // 2))
        return {iri(f"{RES}report/{digest('report', i)}"): rank for rank, (_, i) in enumerate(files, start=1)}

    def meeting(self, i: int) -> str:
        return f"{RES}meeting/{i // 2:06d}-{i % 2 + 1}"

    def lines(self) -> Iterator[str]:
        def t(s: str, p: str, o: str) -> str:
            return f"{iri(s)} {iri(p)} {o} .\n"

        for code in COUNTRIES:
            c = f"{RES}country/{code}"
            yield t(c, RDF_TYPE, iri(DIP + "Country"))
            yield t(c, DIP + "countryCode", lit(code))
            yield from labels(t, c, [(f"Country {code}", "en")])
        for i in range(self.regions):
            r = self.region(i)
            yield t(r, RDF_TYPE, iri(DIP + ("Region" if i % 3 else "City")))
            yield from labels(t, r, [(f"Өңір {i}", "kk")])
            if i % 4:
                yield t(r, DIP + "inCountry", iri(f"{RES}country/{self.region_country(i)}"))
        for i in range(self.organizations):
            o = self.organization(i)
            yield t(o, RDF_TYPE, iri(DIP + ("Company" if i % 2 else "GovernmentBody")))
            yield from labels(t, o, [(self.organization_name(i), "kk"), (f"Organization {i}", "en")])
        for i in range(self.persons):
            yield from self._person(i, t)
        for i in range(0, self.n, 2):
            yield from self._report(i // 2, t)
            for m in (i, i + 1):
                if m < self.n:
                    yield from self._meeting(m, t)

    def _evidence(self, t, report: str, prop: str, value: str | None, start: int) -> tuple[str, list[str]]:
        ev = f"{RES}evidence/{digest(report, prop, value, start)}"
        out = [t(ev, RDF_TYPE, iri(DIP + "Evidence")), t(ev, DIP + "inReport", iri(report)),
               t(ev, DIP + "sentence", lit(f"Сөйлем {start}: кездесу өтті.")),
               t(ev, DIP + "sentenceStart", lit(start)), t(ev, DIP + "sentenceEnd", lit(start + 24)),
               t(ev, DIP + "quote", lit("кездесу")), t(ev, DIP + "quoteStart", lit(start + 10)),
               t(ev, DIP + "quoteEnd", lit(start + 17)), t(ev, DIP + "supportsProperty", iri(prop)),
               t(ev, DIP + "extractor", lit("rules"))]
        if value is not None:
            out.append(t(ev, DIP + "supportsValue", iri(value)))
        return ev, out

    def _person(self, i: int, t) -> Iterator[str]:
        p, code = self.person(i), self.person_country(i)
        yield t(p, RDF_TYPE, iri(DIP + "Person"))
        yield from labels(t, p, [(self.person_name(i), "kk"), (f"Т. {i} Тегі", "kk")])
        post = f"{RES}post/{digest('post', i)}"
        yield t(p, DIP + "holds", iri(post))
        yield t(post, RDF_TYPE, iri(DIP + "Post"))
        yield t(post, DIP + "country", iri(f"{RES}country/{code}"))
        yield t(post, DIP + "servesKey", lit(code))
        governed = self.governed(i)
        if governed is not None:
            yield t(post, DIP + "role", iri(ROLE + LOCALS[i % len(LOCALS)]))
            yield t(post, DIP + "jurisdiction", iri(governed))
        else:
            yield t(post, DIP + "role", iri(ROLE + DIPLOMATS[(i // 2) % len(DIPLOMATS)]))
            host = "KZ" if code != "KZ" else COUNTRIES[1 + i % (len(COUNTRIES) - 1)]
            yield t(post, DIP + "accreditedTo", iri(f"{RES}country/{host}"))
        report = f"{RES}report/{digest('report', (i * 7) % max(1, self.n // 2))}"
        ev, lines = self._evidence(t, report, DIP + "holds", post, 100 + i % 50)
        yield t(post, DIP + "evidence", iri(ev))
        yield from lines

    def _report(self, i: int, t) -> Iterator[str]:
        r = f"{RES}report/{digest('report', i)}"
        yield t(r, RDF_TYPE, iri(DIP + "Report"))
        yield t(r, DIP + "sourceFile", lit(self.report_file(i)))
        yield t(r, DIP + "language", lit("kk"))
        yield t(r, DIP + "textLength", lit(3000))
        yield t(r, DIP + "textSha256", lit(hashlib.sha256(str(i).encode()).hexdigest()))
        yield t(r, DIP + "published", lit(f"{2015 + i % 11}-{1 + i % 12:02d}-{1 + i % 28:02d}", datatype=XSD + "date"))
        yield t(r, DIP + "title", lit(f"Хабар {i}", lang="kk"))
        org = self.organization(i % self.organizations)
        for n, entity in enumerate((org, f"{RES}country/{COUNTRIES[i % len(COUNTRIES)]}")):
            yield t(r, DIP + "mentions", iri(entity))
            ev, lines = self._evidence(t, r, DIP + "mentions", entity, 500 + n * 40)
            yield t(r, DIP + "evidence", iri(ev))
            yield from lines

    def _meeting(self, i: int, t) -> Iterator[str]:
        rng = self.rng
        m, r = self.meeting(i), f"{RES}report/{digest('report', i // 2)}"
        a = rng.randrange(self.persons)
        b = rng.randrange(self.persons)
        while self.person_country(b) == self.person_country(a):
            b = rng.randrange(self.persons)
        yield t(m, RDF_TYPE, iri(DIP + "Meeting"))
        yield t(m, DIP + "reportedIn", iri(r))
        yield t(m, LABEL, lit(f"{self.person_name(a)} – {self.person_name(b)}"))
        for p in (a, b):
            yield t(m, DIP + "participant", iri(self.person(p)))
            yield t(r, DIP + "mentions", iri(self.person(p)))
            yield t(m, DIP + "countryKey", lit(self.person_country(p)))
        where = self.region(rng.randrange(self.regions))
        yield t(m, DIP + "location", iri(where))
        year = 2015 + rng.randrange(11)
        years = [str(year)]
        if rng.random() < 0.85:
            yield t(m, DIP + "date", lit(f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
                                          datatype=XSD + "date"))
            yield t(m, DIP + "yearKey", lit(year))
        elif rng.random() < 0.5:
            yield t(m, DIP + "date", lit(str(year), datatype=XSD + "gYear"))
            yield t(m, DIP + "yearKey", lit(year))
        else:
            yield t(m, DIP + "yearKey", lit(""))
            years = [""]
        ev, lines = self._evidence(t, r, DIP + "participant", None, 200 + (i % 2) * 300)
        yield t(m, DIP + "evidence", iri(ev))
        yield from lines
        sectors = rng.sample(SECTORS, rng.randrange(1, 5))
        governed = {iri(region) for region in map(self.governed, (a, b)) if region is not None}
        self.facts[iri(m)] = MeetingFacts.of(countries=[self.person_country(a), self.person_country(b)], years=years,
                                             sectors=sectors, places=[iri(where), *governed],
                                             reports=[self.report_file(i // 2)])
        for sector in sectors:
            yield t(m, DIP + "sectorKey", lit(sector))
            yield t(m, DIP + "topic", iri(SECTOR + sector))
            ev, lines = self._evidence(t, r, DIP + "topic", SECTOR + sector, 260 + (i % 2) * 300)
            yield t(m, DIP + "evidence", iri(ev))
            yield from lines

    def country_reports(self) -> dict[str, int]:
        """How many reports mention each state (``_report``: one each), as the build counts them."""
        counts = Counter(COUNTRIES[i % len(COUNTRIES)] for i in range((self.n + 1) // 2))
        return {iri(f"{RES}country/{code}"): count for code, count in counts.items()}

    def place_states(self) -> dict[str, frozenset[str]]:
        """The states of each region and city: the one it lies in, and those of the posts that govern it."""
        states: dict[str, set[str]] = {iri(self.region(i)): set() for i in range(self.regions)}
        for i in range(self.regions):
            if i % 4:
                states[iri(self.region(i))].add(self.region_country(i))
        for i in range(self.persons):
            region = self.governed(i)
            if region is not None:
                states[iri(region)].add(self.person_country(i))
        return {k: frozenset(v) for k, v in states.items() if v}

    def params(self) -> dict[str, dict[str, str]]:
        """The parameters each named query runs with: a typical filtered question."""
        return {
            "countries": {},
            "explain": {"node": self.organization_name(3)},
            "meeting-evidence": {"meeting": self.meeting(self.n // 2)},
            "meetings-between-countries": {"country": "KZ", "partner": self.person_country(1)},
            "person-meetings": {"person": self.person_name(2)},
            "persons-by-role": {"role": "ambassador", "country": self.person_country(1)},
            "regions-engaged": {"country": "KZ"},
            "report-meetings": {"report": self.report_file(self.n // 4)},
            "report-mentions": {"report": self.report_file(self.n // 4)},
            "reports-mentioning-organization": {"organization": self.organization_name(3)},
            "top-sectors-by-partner": {"country": "KZ"},
            "who-met-whom": {},
        }


def labels(t, node: str, names: list[tuple[str, str]]) -> Iterator[str]:
    """An entity's labels as ``kg.graph`` writes them: rdfs:label, dip:labelKey in lower case and the
    longest as dip:displayLabel."""
    longest = max(len(name) for name, _ in names)
    for name, lang in names:
        yield t(node, LABEL, lit(name, lang=lang))
        yield t(node, DIP + "labelKey", lit(name.lower()))
        if len(name) == longest:
            yield t(node, DIP + "displayLabel", lit(name, lang=lang))


def plain_sparql(sparql: str) -> str:
    """The query for an engine without SPARQL 1.2's LATERAL (rdflib): each ``LATERAL { ... }`` as a plain
    group, which the named queries use only where a join means the same and LATERAL only makes Oxigraph
    evaluate the group once per row instead of for the whole graph."""
    return LATERAL.sub("{", sparql)


def write_graph(meetings: int, folder: Path) -> tuple[Path, dict[str, dict[str, str]]]:
    gen = Generator(meetings)
    path = folder / f"bench-{meetings}.nt"
    with path.open("w", encoding="utf-8") as fh:
        fh.writelines(gen.lines())
        for tally in tally_graphs(gen.facts, gen.place_states(), countries=gen.country_reports(),
                                  ranks=gen.report_ranks()).values():
            fh.write(tally.ntriples().decode("utf-8"))
        for name in ("dipkg.ttl", "sectors.ttl", "roles.ttl"):
            for triple in ox.parse(path=str(ONTOLOGY_DIR / name), format=ox.RdfFormat.TURTLE):
                fh.write(f"{triple.subject} {triple.predicate} {triple.object} .\n")
    return path, gen.params()


def to_rdflib(term: ox.NamedNode | ox.Literal) -> URIRef | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if term.datatype.value == XSD + "integer":
        return Literal(int(term.value))
    return Literal(term.value)


def time_oxigraph(store: ox.Store, sparql: str, bound: dict, repeat: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(q.run(store, sparql, params=bound).rows)
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def rdflib_query(sparql: str, bindings: dict[Variable, URIRef | Literal]) -> Query:
    """The query for rdflib's engine with the parameters bound as Oxigraph's substitutions bind them.

    rdflib's ``initBindings`` pre-bind the variables (so FILTERs see them) but a ``BIND`` may
    overwrite them; a VALUES clause with the same typed terms, added to the parsed query rather
    than its text, then keeps only the rows with the asked values.
    """
    parsed = parseQuery(plain_sparql(sparql))
    if bindings:
        names = list(bindings)
        parsed[1]["valuesClause"] = CompValue("ValuesClause", var=names, value=[[bindings[v] for v in names]])
    return translateQuery(parsed)


def _rdflib_worker(graph: Graph, sparql: str, bindings: dict, repeat: int, budget: float, out) -> None:
    spent = 0.0
    prepared = rdflib_query(sparql, bindings)
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(list(graph.query(prepared, initBindings=bindings)))
        elapsed = time.perf_counter() - start
        out.put((elapsed, rows))
        spent += elapsed
        if spent > budget:
            break
    out.put(None)


def time_rdflib(graph: Graph, sparql: str, bound: dict, repeat: int, timeout: float) -> tuple[float | None, int]:
    """Median latency and rows of rdflib's engine, in a forked process killed after ``timeout`` s."""
    ctx = mp.get_context("fork")
    out = ctx.Queue()
    bindings = {Variable(k): to_rdflib(v) for k, v in bound.items()}
    proc = ctx.Process(target=_rdflib_worker, args=(graph, sparql, bindings, repeat, timeout / 3, out))
    proc.start()
    times, rows = [], -1
    deadline = time.monotonic() + timeout
    while True:
        try:
            item = out.get(timeout=max(0.01, deadline - time.monotonic()))
        except Exception:
            break
        if item is None:
            break
        times.append(item[0])
        rows = item[1]
    if proc.is_alive():
        proc.kill()
    proc.join()
    return (statistics.median(times) if times else None), rows


# The most a whole ``kg query`` call may take, median, on a 10,000-report store.
CALL_TARGET_MS = 50
PICK = {
    "person": "SELECT ?v WHERE { ?x a dip:Person ; rdfs:label ?v } ORDER BY ?v LIMIT 1 OFFSET 7",
    "organization": "SELECT ?v WHERE { ?r dip:mentions ?x . ?x rdfs:label ?v "
                    "FILTER(STRSTARTS(STR(?x), \"https://w3id.org/dipkg/resource/organization/\")) } "
                    "ORDER BY ?v LIMIT 1",
    "meeting": "SELECT ?v WHERE { ?v a dip:Meeting } ORDER BY ?v LIMIT 1 OFFSET 11",
    "report": "SELECT ?v WHERE { ?r a dip:Report ; dip:sourceFile ?v } ORDER BY ?v LIMIT 1 OFFSET 5",
    "partner": "SELECT ?v (COUNT(*) AS ?n) WHERE { ?p dip:country ?c . ?c dip:countryCode ?v FILTER(?v != \"KZ\") } "
               "GROUP BY ?v ORDER BY DESC(?n) ?v LIMIT 1",
}


def store_params(out: Path) -> dict[str, dict[str, str]]:
    """Typical parameters for each named query, picked from the store of a build's output folder."""
    store = q.load_store(out)
    head = "PREFIX dip: <https://w3id.org/dipkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    picked = {}
    for name, sparql in PICK.items():
        rows = list(store.query(head + sparql))
        picked[name] = rows[0]["v"].value if rows else ""
    return {
        "countries": {},
        "explain": {"node": picked["organization"] or picked["person"]},
        "meeting-evidence": {"meeting": picked["meeting"]},
        "meetings-between-countries": {"country": "KZ", "partner": picked["partner"]},
        "person-meetings": {"person": picked["person"]},
        "persons-by-role": {"role": "ambassador", "country": picked["partner"]},
        "regions-engaged": {"country": "KZ"},
        "report-meetings": {"report": picked["report"]},
        "report-mentions": {"report": picked["report"]},
        "reports-mentioning-organization": {"organization": picked["organization"]},
        "top-sectors-by-partner": {"country": "KZ"},
        "who-met-whom": {},
    }


def time_calls(out: Path, names: list[str], repeat: int, timeout: float = 120.0, page: int = q.TABLE_ROWS) -> None:
    """Each named query as a whole ``kg query`` process on a build's store, a page of ``page`` rows: median wall
    ms. The calls go round the queries ``repeat`` times (each query once a round), so that a slow spell of the
    host falls on every query alike rather than on the few timed during it; each round also times a bare start
    of the same Python (``python -c pass``), the part of every call that is not the command's own."""
    import compileall
    import os
    import subprocess

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    # Where bytecode is not written (PYTHONDONTWRITEBYTECODE), every call would compile the package's modules again.
    compileall.compile_dir(root / "kg", quiet=1)
    command = Path(sys.executable).with_name("kg")
    call = [str(command)] if command.exists() else [sys.executable, "-m", "kg"]
    params = store_params(out)
    print(f"command {' '.join(call)}")
    print(f"store {out}  triples {q.triples(q.load_store(out))}  load average {os.getloadavg()[0]:.1f}  "
          f"repeat {repeat}  page {page} rows  target {CALL_TARGET_MS} ms median per whole call")
    asked = {}
    for name in names:
        if any(v == "" for v in params.get(name, {}).values()):
            print(f"{name:34} skipped: the store has nothing to ask it about", flush=True)
            continue
        asked[name] = [*call, "query", name, "--graph", str(out), "--format", "tsv", "--limit", str(page),
                       *(a for k, v in params.get(name, {}).items() for a in ("--param", f"{k}={v}"))]
    times: dict[str, list[float]] = {name: [] for name in asked}
    rows: dict[str, int] = {}
    bare: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=env)
        bare.append(time.perf_counter() - start)
        for name, args in asked.items():
            if times[name] and times[name][-1] == float("inf"):
                continue
            start = time.perf_counter()
            try:
                done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=timeout)
            except subprocess.TimeoutExpired:
                times[name].append(float("inf"))
                continue
            times[name].append(time.perf_counter() - start)
            if done.returncode != 0:
                raise SystemExit(f"{name}: {done.stderr.strip()}")
            rows[name] = max(0, len(done.stdout.splitlines()) - 1)
    print(f"a bare start of this Python: median {statistics.median(bare) * 1000:.0f} ms, "
          f"min {min(bare) * 1000:.0f} ms (part of every call)")
    print(f"{'query':34} {'rows':>6} {'median ms':>10} {'min ms':>8}  params")
    for name, taken in times.items():
        if taken[-1] == float("inf"):
            print(f"{name:34} {'':6} {'>' + str(int(timeout * 1000)):>10}  stopped after {timeout:.0f} s", flush=True)
            continue
        median = statistics.median(taken) * 1000
        flag = "" if median <= CALL_TARGET_MS else "  over target"
        shown = " ".join(f"{k}={v}" for k, v in params.get(name, {}).items())
        print(f"{name:34} {rows[name]:6} {median:10.0f} {min(taken) * 1000:8.0f}  {shown}{flag}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000, 100000])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rdflib-timeout", type=float, default=60.0, help="seconds per query on rdflib")
    ap.add_argument("--queries", nargs="*", default=None, help="named queries to run (default: all)")
    ap.add_argument("--oxigraph-only", action="store_true", help="skip rdflib's engine")
    ap.add_argument("--call-timeout", type=float, default=120.0, help="seconds before a kg query call is stopped")
    ap.add_argument("--page", type=int, default=q.TABLE_ROWS,
                    help="with --store: the rows a call asks for (--limit), by default a table's page")
    ap.add_argument("--store", type=Path, default=None,
                    help="time whole kg query calls on this build's output folder instead")
    args = ap.parse_args()
    named = [n for n in q.named_queries() if args.queries is None or n.name in args.queries]
    if args.store is not None:
        time_calls(args.store, [n.name for n in named], args.repeat, args.call_timeout, args.page)
        return
    with tempfile.TemporaryDirectory(prefix="dipkg-bench-") as tmp:
        for size in args.sizes:
            start = time.perf_counter()
            path, params = write_graph(size, Path(tmp))
            generated = time.perf_counter() - start
            start = time.perf_counter()
            store = q.load_store(path)
            ox_load = time.perf_counter() - start
            start = time.perf_counter()
            graph = Graph()
            if not args.oxigraph_only:
                graph.parse(path, format="nt")
            rdflib_load = time.perf_counter() - start
            print(f"\nmeetings {size}  reports {(size + 1) // 2}  triples {q.triples(store)}  "
                  f"generated {generated:.1f}s  load: oxigraph {ox_load:.1f}s, rdflib {rdflib_load:.1f}s", flush=True)
            print(f"{'query':34} {'rows':>8} {'oxigraph ms':>12} {'rdflib ms':>12} {'ratio':>8}  params")
            for nq in named:
                sparql, bound = q.resolve(nq.name, params.get(nq.name, {}))
                ox_time, ox_rows = time_oxigraph(store, sparql, bound, args.repeat)
                rl_time, rl_rows = None, -1
                if not args.oxigraph_only:
                    rl_time, rl_rows = time_rdflib(graph, sparql, bound, args.repeat, args.rdflib_timeout)
                timeout = "-" if args.oxigraph_only else f">{int(args.rdflib_timeout * 1000)}"
                rl_text = f"{rl_time * 1000:12.1f}" if rl_time is not None else f"{timeout:>12}"
                ratio = f"{rl_time / ox_time:7.0f}x" if rl_time is not None and ox_time > 0 else f"{'':>8}"
                agree = "" if rl_rows in (-1, ox_rows) else f"  ROWS DIFFER: rdflib {rl_rows}"
                shown = " ".join(f"{k}={v}" for k, v in params.get(nq.name, {}).items())
                print(f"{nq.name:34} {ox_rows:8} {ox_time * 1000:12.1f} {rl_text} {ratio}  {shown}{agree}", flush=True)
            del graph, store
    sys.stdout.flush()


if __name__ == "__main__":
    main()
