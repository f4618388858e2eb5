"""Measure a graph against gold annotations: precision, recall and F1 per category.

The gold format is one JSON file per report (see the evaluation README shipped with the
corpus): persons with their posts, meetings with participants, place and date, topics,
countries, places and organizations, each with optional items that count neither way.
Names match after Unicode normalisation, case folding, dropping punctuation and folding
look-alike letters; close spellings count (a surname with a matching initial, an
organization's name inside a longer one), as in the corpus's own scorer.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import DipkgError
from kg.graph import DIP
from kg.text import LATIN_TO_CYRILLIC

CATEGORIES = ("persons", "person attributes", "met-with pairs", "meeting place+date",
              "topics", "countries", "places", "organizations")
PUNCT = re.compile(r"[\"'«»“”„‘’`.,;:()\[\]!?]+")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
THRESHOLD = {"person": 0.88, "place": 0.9, "org": 0.85}
ATTRIBUTES = ("role", "country", "accredited_to")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass(frozen=True)
class CategoryScore:
    category: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class Evaluation:
    categories: tuple[CategoryScore, ...]
    macro_f1: float
    details: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text)).replace("ё", "е").replace("Ё", "Е")
    words = [w.translate(LATIN_TO_CYRILLIC) if CYRILLIC.search(w) else w for w in PUNCT.sub(" ", text).split()]
    return " ".join(" ".join(words).casefold().replace("-", " ").split())


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def similarity(a: str, b: str, kind: str) -> float:
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    if a == b or _strip_accents(a) == _strip_accents(b):
        return 1.0
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    ta, tb = a.split(), b.split()
    if kind == "person" and ta and tb and ta[-1] == tb[-1] and (len(ta) == 1 or len(tb) == 1 or ta[0][0] == tb[0][0]):
        ratio = max(ratio, 0.95)
    if kind == "org":
        short, long_ = sorted((a, b), key=len)
        if len(short) >= 4 and re.search(r"(^| )" + re.escape(short) + r"( |$)", long_):
            ratio = max(ratio, 0.9)
    return ratio


def _best(names: Sequence[str], candidates: dict[str, list[str]], kind: str, taken: set[str]) -> str | None:
    best, score = None, 0.0
    for key, gold_names in candidates.items():
        if key in taken:
            continue
        s = max((similarity(n, g, kind) for n in names for g in gold_names if g), default=0.0)
        if s > score:
            best, score = key, s
    return best if score >= THRESHOLD[kind] else None


class _View:
    """The questions of the graph contract, asked of one graph."""

    LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)

    def __init__(self, g: Graph) -> None:
        self.g = g
        sub: dict[URIRef, set[URIRef]] = defaultdict(set)
        for s, o in g.subject_objects(RDFS.subClassOf):
            sub[o].add(s)
        self.closed: dict[URIRef, set[URIRef]] = {}
        for root in (DIP.Person, DIP.Place, DIP.Country, DIP.Organization):
            seen, stack = {root}, [root]
            while stack:
                for s in sub.get(stack.pop(), ()):
                    if s not in seen:
                        seen.add(s)
                        stack.append(s)
            self.closed[root] = seen

    def is_a(self, node, root) -> bool:
        return any(t in self.closed[root] for t in self.g.objects(node, RDF.type))

    def labels(self, node) -> list[str]:
        return [str(o) for p in self.LABELS for o in self.g.objects(node, p)]

    def notations(self, node, *, broader: bool = False) -> set[str]:
        out, stack, seen = set(), [node], set()
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.add(n)
            out |= {str(o) for o in self.g.objects(n, SKOS.notation)}
            if broader:
                stack.extend(self.g.objects(n, SKOS.broader))
        return out

    def codes(self, node) -> set[str]:
        return {str(o).upper() for o in self.g.objects(node, DIP.countryCode)}


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    out = set()
    for grp in groups:
        ids = sorted(set(grp))
        out |= {(ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids))}
    return out


def _score_report(v: _View, report, gold: dict, t: dict[str, Tally], notes: list[str]) -> None:
    g = v.g
    mentioned = set(g.objects(report, DIP.mentions)) if report is not None else set()
    meetings = list(g.subjects(DIP.reportedIn, report)) if report is not None else []
    for m in meetings:
        mentioned |= set(g.objects(m, DIP.participant))

    gold_persons = {k: p["names"] for k, p in gold["persons"].items()}
    optional = {k: p["names"] for k, p in gold.get("persons_optional", {}).items()}
    person_of: dict = {}
    taken: set[str] = set()
    for p in sorted((x for x in mentioned if v.is_a(x, DIP.Person)), key=str):
        names = v.labels(p)
        key = _best(names, gold_persons, "person", taken)
        if key:
            taken.add(key)
            person_of[p] = key
            t["persons"].tp += 1
            continue
        okey = _best(names, optional, "person", taken)
        if okey:
            taken.add(okey)
            person_of[p] = okey
            continue
        t["persons"].fp += 1
        notes.append(f"person false alarm: {names[:2]}")
    for key, names in gold_persons.items():
        if key not in taken:
            t["persons"].fn += 1
            notes.append(f"person missed: {names[0]}")

    ta = t["person attributes"]
    for key, spec in gold["persons"].items():
        if key not in taken:
            ta.fn += sum(1 for a in (*ATTRIBUTES, "jurisdiction") if a in spec)
    for p, key in person_of.items():
        spec = gold["persons"].get(key)
        if not spec:
            continue
        pred: dict[str, set[str]] = {a: set() for a in ATTRIBUTES}
        juris: list[list[str]] = []
        for post in g.objects(p, DIP.holds):
            for r in g.objects(post, DIP.role):
                pred["role"] |= v.notations(r, broader=True)
            for c in g.objects(post, DIP.country):
                pred["country"] |= v.codes(c)
            for c in g.objects(post, DIP.accreditedTo):
                pred["accredited_to"] |= v.codes(c)
            juris.extend(v.labels(j) for j in g.objects(post, DIP.jurisdiction))
        for attr in ATTRIBUTES:
            if attr not in spec:
                continue
            if pred[attr] & set(spec[attr]):
                ta.tp += 1
            else:
                ta.fn += 1
                ta.fp += 1 if pred[attr] else 0
                notes.append(f"{attr} of {spec['names'][0]}: want {sorted(spec[attr])}, got {sorted(pred[attr])}")
        if "jurisdiction" in spec:
            wanted = spec["jurisdiction"]
            if any(similarity(n, w, "org") >= THRESHOLD["org"] for ls in juris for n in ls for w in wanted):
                ta.tp += 1
            else:
                ta.fn += 1
                ta.fp += 1 if juris else 0
                notes.append(f"jurisdiction of {spec['names'][0]}: got {juris[:2]}")

    gold_pairs = _pairs(m["participants"] for m in gold["meetings"])
    optional_pairs = _pairs(m["participants"] for m in gold.get("meetings_optional", []))
    groups = [[person_of.get(p, f"?{p}") for p in g.objects(m, DIP.participant)] for m in meetings]
    predicted = _pairs(groups)
    tm = t["met-with pairs"]
    for pr in predicted:
        if pr in gold_pairs:
            tm.tp += 1
        elif pr not in optional_pairs:
            tm.fp += 1
            notes.append(f"pair false alarm: {pr}")
    for pr in gold_pairs - predicted:
        tm.fn += 1
        notes.append(f"pair missed: {pr}")

    td = t["meeting place+date"]
    for gm in gold["meetings"]:
        found = [m for m, grp in zip(meetings, groups, strict=True) if set(gm["participants"]) <= set(grp)]
        if not found:
            td.fn += 2
            continue
        m = found[0]
        places = [v.labels(x) for x in g.objects(m, DIP.location)]
        accepted = [x for x in gm.get("place", [None]) if x]
        may_lack_place = None in gm.get("place", [None])
        if not places:
            if may_lack_place:
                td.tp += 1
            else:
                td.fn += 1
        elif any(similarity(n, w, "org") >= THRESHOLD["org"] for ls in places for n in ls for w in accepted):
            td.tp += 1
        else:
            td.fp += 1
            td.fn += 0 if may_lack_place else 1
            notes.append(f"meeting place: got {places[:2]}, want {accepted[:2]}")
        dates = [str(d) for d in g.objects(m, DIP.date)]
        accepted_d = gm.get("date", [None])
        if not dates:
            if None in accepted_d:
                td.tp += 1
            else:
                td.fn += 1
        elif any(d.startswith(a) or a.startswith(d) for d in dates for a in accepted_d if a):
            td.tp += 1
        else:
            td.fp += 1
            td.fn += 0 if None in accepted_d else 1
            notes.append(f"meeting date: got {dates}, want {accepted_d}")

    topics = {n for m in meetings for s in g.objects(m, DIP.topic) for n in v.notations(s)}
    _sets(t["topics"], topics, set(gold["topics"]), set(gold.get("topics_optional", [])), "topics", notes)
    codes = {c for x in mentioned if v.is_a(x, DIP.Country) for c in v.codes(x)}
    _sets(t["countries"], codes, set(gold["countries"]), set(gold.get("countries_optional", [])), "countries", notes)

    for cat, root, kind in (("places", DIP.Place, "place"), ("organizations", DIP.Organization, "org")):
        nodes = [x for x in mentioned if v.is_a(x, root) and not v.is_a(x, DIP.Country)]
        required = {str(i): names for i, names in enumerate(gold[cat])}
        opt = {f"o{i}": names for i, names in enumerate(gold.get(cat + "_optional", []))}
        used: set[str] = set()
        for x in sorted(nodes, key=str):
            names = v.labels(x)
            k = _best(names, required, kind, used) or _best(names, opt, kind, used)
            if k:
                used.add(k)
                if not k.startswith("o"):
                    t[cat].tp += 1
                continue
            t[cat].fp += 1
            notes.append(f"{cat} false alarm: {names[:2]}")
        for k, names in required.items():
            if k not in used:
                t[cat].fn += 1
                notes.append(f"{cat} missed: {names[0]}")


def _sets(tally: Tally, predicted: set[str], want: set[str], optional: set[str], name: str, notes: list[str]) -> None:
    tally.tp += len(predicted & want)
    tally.fp += len(predicted - want - optional)
    tally.fn += len(want - predicted)
    if predicted - want - optional:
        notes.append(f"{name} false alarm: {sorted(predicted - want - optional)}")
    if want - predicted:
        notes.append(f"{name} missed: {sorted(want - predicted)}")


def evaluate(graph: Graph, gold_dir: Path) -> Evaluation:
    """Score ``graph`` against every ``*.json`` gold file in ``gold_dir``."""
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise DipkgError(f"{gold_dir}: no gold .json files")
    view = _View(graph)
    reports = {Path(str(f)).name: r for r, f in graph.subject_objects(DIP.sourceFile)}
    tallies = {c: Tally() for c in CATEGORIES}
    details = []
    for path in files:
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
            notes: list[str] = []
            report = reports.get(gold["file"])
            if report is None:
                notes.append("report not in the graph")
            _score_report(view, report, gold, tallies, notes)
        except (ValueError, KeyError, TypeError) as exc:
            raise DipkgError(f"{path}: not a gold file ({type(exc).__name__}: {exc})") from exc
        except OSError as exc:
            raise DipkgError(f"{path}: cannot read the gold file: {exc.strerror or exc}") from exc
        details.append((gold["file"], tuple(notes)))
    scores = tuple(CategoryScore(c, tallies[c].tp, tallies[c].fp, tallies[c].fn, *tallies[c].prf())
                   for c in CATEGORIES)
    return Evaluation(scores, sum(s.f1 for s in scores) / len(scores), tuple(details))


def load_for_evaluation(graph: Graph, ontology_dir: Path) -> Graph:
    """The graph with the ontology's class hierarchy and vocabularies, as the scorer reads it."""
    g = Graph()
    for t in graph:
        g.add(t)
    for path in sorted(ontology_dir.glob("*.ttl")):
        g.parse(path, format="turtle")
    return g
