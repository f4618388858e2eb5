"""The one place that knows the order of the stages:
reports → mentions → entities and relations → graph → exports."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from kg.entities import merge, resolve, serving_states
from kg.errors import DipkgError
from kg.events import resolve_events
from kg.files import LEXICON_DIR, read_tsv, write_atomic
from kg.graph import GraphBuilder, write_dataset
from kg.inputs.collect import Collected, InputOptions, collect
from kg.lexicon import load_lexicon
from kg.mentions import extract_mentions
from kg.model import Extraction, Report
from kg.publish import output_lock, publish
from kg.relations import relate
from kg.text import sentences

DEFAULT_EXTRACTORS = ("rules+ner",)


@dataclass(frozen=True)
class Summary:
    reports: int
    meetings: int
    persons: int
    places: int
    organizations: int
    sectors: int
    triples: int


@dataclass(frozen=True)
class BuildResult:
    graph: Graph
    dataset: Dataset
    extractions: tuple[Extraction, ...]
    summary: Summary
    written: tuple[Path, ...] = ()
    skipped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def read_reports(paths: Iterable[Path], *, inputs: InputOptions | None = None) -> list[Report]:
    """The reports under ``paths`` (``kg.inputs``), each with a key no other has; an input that
    cannot be read raises ``DipkgError`` naming it (unless ``inputs`` says otherwise)."""
    return list(read_inputs(paths, inputs or InputOptions(strict=True)).reports)


def read_inputs(paths: Iterable[Path], inputs: InputOptions | None = None, *,
                exclude: Iterable[Path] = ()) -> Collected:
    """The reports under ``paths`` (none under ``exclude``), and a line for each input skipped or
    encoding guessed."""
    return collect(paths, inputs or InputOptions(), month=load_lexicon().month, exclude=exclude)


def extract(report: Report, *, extractors: Sequence[str] = DEFAULT_EXTRACTORS) -> Extraction:
    """One report's mentions, entities, posts and meetings."""
    lex = load_lexicon()
    mentions = extract_mentions(report, names=extractors)
    entities, key_of = resolve(mentions, language=report.language, lexicon=lex)
    spans = tuple(sentences(report.text, start=report.body_start))
    posts, meetings = relate(report, mentions, entities, key_of, lex, sentences=spans)
    return Extraction(report=report, mentions=mentions, entities=entities, posts=posts, meetings=meetings,
                      sentences=spans)


def to_graph(extractions: Sequence[Extraction]) -> tuple[Graph, Dataset]:
    entities, redirect = merge((e for x in extractions for e in x.entities), serves=serving_states(extractions))
    # after the entities: one event per real meeting, whose participants may show two names one person
    entities, redirect, meetings = resolve_events(extractions, entities, redirect)
    by_key = {e.key: e for e in entities}
    builder = GraphBuilder(wikidata=load_wikidata())
    for x in extractions:
        builder.add(x, by_key, redirect, meetings)
    return builder.merged(), builder.ds


def build(paths: Sequence[Path], *, out_dir: Path | None = None,
          extractors: Sequence[str] = DEFAULT_EXTRACTORS,
          views: Callable[[Graph, Path], list[Path]] | None = None,
          inputs: InputOptions | None = None) -> BuildResult:
    """Build the graph from report files, folders and globs (``kg.inputs``), and write the exports
    if ``out_dir`` is given. An input that cannot be read is skipped (``BuildResult.skipped``), or
    fails the build before anything is written when ``inputs.strict``.

    Only one build at a time writes into a folder (``kg.publish``), and its files appear there
    together: a reader sees the previous build or this one, never a mix.
    """
    if out_dir is None:
        return _build(paths, None, extractors, views, inputs)
    with output_lock(out_dir):
        return _build(paths, out_dir, extractors, views, inputs)


def _build(paths: Sequence[Path], out_dir: Path | None, extractors: Sequence[str],
           views: Callable[[Graph, Path], list[Path]] | None, inputs: InputOptions | None) -> BuildResult:
    collected = read_inputs(paths, inputs, exclude=[out_dir] if out_dir is not None else [])
    reports = collected.reports
    if not reports:
        problem = f"; {collected.problems[0]}" if collected.problems else ""
        raise DipkgError(f"{', '.join(str(p) for p in paths)}: no reports found{problem}")
    extractions = tuple(extract(r, extractors=extractors) for r in reports)
    graph, dataset = to_graph(extractions)
    written: tuple[Path, ...] = ()
    if out_dir is not None:
        def write(folder: Path) -> list[Path]:
            files = [write_atomic(folder / "diplomacy.ttl", lambda f: graph.serialize(f, format="turtle")),
                     write_atomic(folder / "diplomacy.trig", lambda f: write_dataset(dataset, f, "trig"))]
            return files + (views(graph, folder) if views is not None else [])

        written = publish(out_dir, write)
    return BuildResult(graph, dataset, extractions, summarise(graph, len(reports)), written,
                       skipped=collected.problems, notes=collected.notes)


def summarise(graph: Graph, reports: int | None = None) -> Summary:
    from rdflib import RDF

    from kg.graph import DIP

    def count(cls) -> int:
        return len(set(graph.subjects(RDF.type, cls)))

    places = count(DIP.Place) + count(DIP.Region) + count(DIP.City) + count(DIP.Country)
    orgs = sum(count(c) for c in (DIP.Organization, DIP.Company, DIP.University, DIP.GovernmentBody,
                                  DIP.InternationalOrganization))
    sectors = len(set(graph.objects(None, DIP.topic)))
    return Summary(reports=reports if reports is not None else count(DIP.Report), meetings=count(DIP.Meeting),
                   persons=count(DIP.Person), places=places, organizations=orgs, sectors=sectors,
                   triples=len(graph))


def load_wikidata() -> dict[str, str]:
    """ISO alpha-2 → Wikidata QID, from ``lexicons/country_wikidata.tsv`` where present."""
    path = LEXICON_DIR / "country_wikidata.tsv"
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for row in read_tsv(path):
        if len(row) >= 2 and row[1].strip():
            out[row[0].strip()] = row[1].strip()
    return out
