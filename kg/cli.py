"""The command line: parses options, calls the Python API, prints. ``kg --help``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import click

from kg.errors import DipkgError
from kg.query_call import DEFAULT_GRAPH as GRAPH_FILE
from kg.query_call import FORMATS as QUERY_FORMATS
from kg.query_call import param as _param
from kg.query_call import run_query

# A graph file, or an output folder of `kg build` (its store is read directly).
GRAPH_PATH = click.Path(path_type=Path)
DEFAULT_GRAPH = Path(GRAPH_FILE)
DEFAULT_TRIG = Path("exports/diplomacy.trig")


class _LazyChoice(click.Choice):
    """A choice among values looked up when first needed (a registry's names), so that a command
    starts without importing every module another command's options name."""

    def __init__(self, values: Callable[[], Sequence[str]]) -> None:
        self._values = cache(values)
        super().__init__(())

    @property
    def choices(self) -> Sequence[str]:  # type: ignore[override]
        return tuple(self._values())

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        pass


class _LazyHelpOption(click.Option):
    """An option whose help text is made when help is shown (it names a registry's entries)."""

    def __init__(self, *args, lazy_help: Callable[[], str], **kwargs) -> None:
        self._lazy_help = lazy_help
        super().__init__(*args, **kwargs)

    @property
    def help(self) -> str:  # type: ignore[override]
        return self._lazy_help()

    @help.setter
    def help(self, value: str | None) -> None:
        pass


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dipkg")
def main() -> None:
    """dipkg: a knowledge graph of diplomatic meetings, read out of news reports.

    Example: kg build seeds --out exports
    """


def _language_codes() -> Sequence[str]:
    """The languages' codes, from ``kg.lang`` (imported when an option needs them, not by every command)."""
    from kg.lang import codes

    return codes()


def _extractor_help() -> str:
    from kg.mentions import available
    from kg.pipeline import DEFAULT_EXTRACTORS

    return f"Extractor to run (repeatable; default {', '.join(DEFAULT_EXTRACTORS)}): {', '.join(available())}."


def _extractor_option(func: Callable[..., None]) -> Callable[..., None]:
    return click.option("--extractor", "extractors", multiple=True, metavar="NAME", cls=_LazyHelpOption,
                        lazy_help=_extractor_help)(func)


def _reader_names() -> list[str]:
    from kg.inputs import READERS

    return [r.name for r in READERS]


def _input_format_help() -> str:
    from kg.inputs import help_text

    return f"Read every input as this format [default: by suffix; standard input as text]. {help_text()}."


def _input_options(func: Callable[..., None]) -> Callable[..., None]:
    options = [
        click.option("--input-format", type=_LazyChoice(_reader_names), default=None, cls=_LazyHelpOption,
                     lazy_help=_input_format_help),
        *(click.option(f"--{part}-field", f"{part}_field", metavar="NAME", default=part, show_default=True,
                       help=f"The JSON field or CSV column that holds a record's {part}.")
          for part in ("text", "url", "date", "title", "language")),
        click.option("--strict", is_flag=True,
                     help="Fail (and write nothing) when an input cannot be read, instead of skipping it."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("exports"),
              show_default=True,
              help="Folder for diplomacy.ttl, diplomacy.trig and the views (see kg view --help).")
@_extractor_option
@_input_options
@click.option("--jobs", "-j", type=click.IntRange(1), default=None,
              help="Processes reading and extracting reports, writing their graphs and the exports [default: every "
                   "core]; the output is the same for any number.")
@click.option("--views/--no-views", default=True, show_default=True,
              help="Write the HTML views (without them, those of an earlier build are removed; kg view --graph OUT "
                   "writes any of them later from the store).")
@click.option("--exports/--no-exports", default=True, show_default=True,
              help="Write diplomacy.ttl and diplomacy.trig beside the store (without them a rebuild of a large "
                   "collection is much faster; kg export --graph OUT writes any of them later from the store).")
@click.option("--timings", is_flag=True, help="Also print the wall seconds of each stage of the build.")
@click.option("--compact", is_flag=True,
              help="Compact the store before publishing it: the build takes longer (seconds for 10,000 reports), "
                   "and queries read fewer tables until small rebuilds add more (a build compacts of itself once "
                   "they have more than doubled them).")
def build(paths: tuple[Path, ...], out_dir: Path, extractors: tuple[str, ...], input_format: str | None,
          strict: bool, jobs: int | None, views: bool, exports: bool, timings: bool, compact: bool,
          **field_names: str) -> None:
    """Build the graph from report files, folders, globs or - (standard input), default seeds/,
    into the store OUT/store and write the exports.

    Folders are searched for every input format (see --input-format); a JSON Lines or CSV file
    holds one report per record. An input that cannot be read is named on one line and skipped.
    A rebuild into the same folder extracts only new and changed reports (all of them after a
    change of the extractor's code or word lists) and drops the reports no longer given.

    Example: kg build seeds 'pages/**/*.html' feed.jsonl --text-field body --out exports --jobs 2
    """
    from kg.inputs import Fields
    from kg.inputs.collect import InputOptions, UnreadableInputs
    from kg.pipeline import DEFAULT_EXTRACTORS
    from kg.pipeline import build as run_build

    write_views = None
    if views:
        from kg.views import write_views
    fields = Fields(**{name.removesuffix("_field"): value for name, value in field_names.items()})
    inputs = InputOptions(fields=fields, format=input_format, strict=strict)
    try:
        result = run_build(list(paths) or [Path("seeds")], out_dir=out_dir, views=write_views,
                           extractors=extractors or DEFAULT_EXTRACTORS, inputs=inputs, jobs=jobs, exports=exports,
                           compact=compact)
    except UnreadableInputs as exc:
        for problem in exc.problems[1:]:
            click.echo(f"cannot read {problem}", err=True)
        raise click.ClickException(str(exc)) from exc
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    for problem in result.skipped:
        click.echo(f"skipped {problem}", err=True)
    s = result.summary
    click.echo(f"reports {s.reports}  meetings {s.meetings}  persons {s.persons}  places {s.places}  "
               f"organizations {s.organizations}  sectors {s.sectors}  triples {s.triples}  "
               f"skipped {len(result.skipped)}  extracted {result.extracted}")
    for path in result.written:
        click.echo(f"wrote {path}")
    for path in result.kept:
        click.echo(f"kept {path} (what it is written from has not changed)")
    if timings:
        click.echo("seconds " + "  ".join(f"{stage} {seconds:.2f}" for stage, seconds in result.timings.items()))


@main.command()
@click.argument("query", required=False)
@click.option("--graph", "graph_path", type=GRAPH_PATH, default=DEFAULT_GRAPH,
              show_default=True,
              help="Graph file to query (Turtle, TriG or N-Triples), or a build's output folder (its store).")
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table",
              show_default=True, help="json is the SPARQL 1.1 Query Results JSON format.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (repeatable); never pasted into the query text.")
@click.option("--limit", type=click.IntRange(min=0), default=None, metavar="N",
              help="At most N rows (default: 100 for table, every row for csv, tsv and json).")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True, metavar="K",
              help="Skip the first K rows (with --limit, the next page).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries with their parameters.")
@click.option("--lang", type=_LazyChoice(_language_codes), default=None,
              help="For --format table: show each entity IRI as its label in this language (falling back to en, "
                   "ru, kk).")
def query(query: str | None, graph_path: Path, fmt: str, params: tuple[str, ...], limit: int | None, offset: int,
          list_queries: bool, lang: str | None) -> None:
    """Run QUERY: SPARQL text, a .rq file, or the name of a query in kg/queries.

    Example: kg query who-met-whom --limit 50 --offset 100
    """
    from kg import query as q

    if list_queries:
        for named in q.named_queries():
            click.echo(named.name)
            click.echo(f"    {named.description}")
            for p in named.params:
                click.echo(f"    --param {p.name}=<{p.kind}>{' (required)' if p.required else ''}  {p.description}")
        return
    if query is None:
        raise click.UsageError("give a QUERY, or --list for the named queries")
    try:
        if not (lang and fmt == "table"):
            click.echo(run_query(query, graph_path, fmt, params, limit, offset))
            return
        given = dict(_param(p) for p in params)
        store = q.load_store(graph_path)
        result = q.ask(store, query, given, limit=q.TABLE_ROWS if limit is None else limit, offset=offset)
        click.echo(q.render(_labelled(store, result, lang), fmt))
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc


def _labelled(store, result, lang: str):
    """The result with each IRI that has a label shown as that label in ``lang`` (``kg.labels``)."""
    import pyoxigraph as ox

    from kg.labels import store_label
    from kg.query import Result

    def cell(term):
        if isinstance(term, ox.NamedNode):
            text = store_label(store, term, lang)
            return term if text is None else ox.Literal(text)
        return term

    return Result(result.variables, tuple(tuple(cell(t) for t in row) for row in result.rows))


@main.command()
@click.argument("node")
@click.option("--graph", "graph_path", type=GRAPH_PATH, default=DEFAULT_GRAPH,
              show_default=True, help="Graph file (Turtle, TriG or N-Triples), or a build's output folder.")
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table",
              show_default=True)
def explain(node: str, graph_path: Path, fmt: str) -> None:
    """List the mentions merged into NODE (an IRI, res:..., or any of its names) with report, sentence
    and the rule that joined each.

    Example: kg explain Kosherbayev
    """
    from kg import query as q
    from kg.explain import explain_file

    try:
        result = explain_file(graph_path, node)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    if not result.rows:
        raise click.ClickException(f"{node!r}: no node of that name or IRI in {graph_path}")
    click.echo(q.render(result, fmt))




def _view_kinds() -> list[str]:
    from kg.views.registry import view_names

    return list(view_names())


def _view_help() -> str:
    from kg.views.registry import registry

    return "; ".join(f"{v.name}: {v.description}" for v in registry()) + "."


@main.command()
@click.option("--graph", "graph_path", type=GRAPH_PATH, default=DEFAULT_GRAPH,
              show_default=True, help="Graph file to draw (Turtle or TriG), or a build's output folder.")
@click.option("--kind", type=_LazyChoice(_view_kinds), default="network", show_default=True, cls=_LazyHelpOption,
              lazy_help=_view_help)
@click.option("--focus", metavar="NAME", default=None,
              help="For --kind ego: a person, country, region or sector, by any name, case form or IRI.")
@click.option("--lang", type=_LazyChoice(_language_codes), default="kk", show_default=True,
              help="Language of the labels; the page can switch and falls back to another when one is missing.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write [default: the view's file in exports/, as kg build names it].")
def view(graph_path: Path, kind: str, focus: str | None, lang: str, out_path: Path | None) -> None:
    """Write one view of the graph: a self-contained HTML page that needs no network, or a picture.

    Example: kg view --kind ego --focus Жамармен --lang ru --out exports/zhamar.html
    """
    from kg.graph import load_graph
    from kg.store import open_store
    from kg.views import GraphIndex, write_view
    from kg.views.registry import view_kind

    path = out_path or DEFAULT_GRAPH.parent / view_kind(kind).file_name
    try:
        source = (GraphIndex.from_store(open_store(graph_path)) if graph_path.is_dir()
                  else load_graph(graph_path))
        written = write_view(source, path, kind, focus=focus, lang=lang)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {written}")


@main.command()
@click.option("--graph", "graph_path", type=GRAPH_PATH, default=DEFAULT_GRAPH,
              show_default=True, help="Graph file to count, or a build's output folder (its store).")
def stats(graph_path: Path) -> None:
    """Count reports, meetings, persons, places, organizations, sectors and triples.

    Example: kg stats --graph exports/diplomacy.ttl
    """
    from kg.pipeline import summarise_path

    try:
        s = summarise_path(graph_path)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    for name in ("reports", "meetings", "persons", "places", "organizations", "sectors", "triples"):
        click.echo(f"{name:14} {getattr(s, name)}")


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--graph", "graph_path", type=GRAPH_PATH, default=None,
              help="Score this graph file instead of building one from PATHS.")
@click.option("--verbose", is_flag=True, help="List each miss and false alarm, report by report.")
@_extractor_option
def evaluate_command(gold_dir: Path, paths: tuple[Path, ...], graph_path: Path | None, verbose: bool,
                     extractors: tuple[str, ...]) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per category.

    Builds the graph from PATHS (report files or folders), or reads --graph, and compares it
    with the gold files (one JSON per report) in GOLD_DIR.

    Example: kg eval ../shared/corpus/dev/gold ../shared/corpus/dev/reports --verbose
    """
    from kg.evaluate import evaluate, load_for_evaluation
    from kg.files import ONTOLOGY_DIR
    from kg.graph import load_graph
    from kg.pipeline import DEFAULT_EXTRACTORS
    from kg.pipeline import build as run_build

    try:
        graph = load_graph(graph_path) if graph_path else run_build(
            list(paths) or [Path("seeds")], extractors=extractors or DEFAULT_EXTRACTORS).graph
        result = evaluate(load_for_evaluation(graph, ONTOLOGY_DIR), gold_dir)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    if verbose:
        for name, notes in result.details:
            click.echo(name)
            click.echo("\n".join(f"  {n}" for n in notes) if notes else "  all correct")
    click.echo(f"{'category':22} {'tp':>5} {'fp':>5} {'fn':>5} {'prec':>6} {'rec':>6} {'f1':>6}")
    for c in result.categories:
        click.echo(f"{c.category:22} {c.tp:5} {c.fp:5} {c.fn:5} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}")
    click.echo(f"macro F1 over {len(result.categories)} categories: {result.macro_f1:.3f}")


@main.command(name="train-ner")
@click.argument("train_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--test", "test_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A CoNLL file to score the new model on, class by class.")
@click.option("--model", "model_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the model [default: the shipped kg/models/kaznerd.crfsuite].")
@click.option("--iterations", type=click.IntRange(1), default=None, help="L-BFGS iterations [default: 300].")
@click.option("--c1", type=float, default=None, help="L1 regularisation [default: 0.02].")
@click.option("--c2", type=float, default=None, help="L2 regularisation [default: 0.01].")
def train_ner(train_file: Path, test_file: Path | None, model_path: Path | None, iterations: int | None,
              c1: float | None, c2: float | None) -> None:
    """Train the Kazakh named-entity tagger on a KazNERD-style CoNLL file (IOB2, one token per line).

    The shipped model is trained on KazNERD's validation split and scored on its test split;
    the same defaults rebuild it byte for byte. The model is written to a temporary file and
    renamed, so a failed run leaves the old one in place.

    Example: kg train-ner ../shared/data/kaznerd/IOB2_valid.txt --test ../shared/data/kaznerd/IOB2_test.txt
    """
    from kg import ner

    settings = {k: v for k, v in (("max_iterations", iterations), ("c1", c1), ("c2", c2)) if v is not None}
    try:
        report = ner.train(train_file, model_path=model_path or ner.DEFAULT_MODEL, **settings)
        click.echo(f"trained on {report.sentences} sentences ({report.tokens} tokens) in {report.seconds:.0f} s: "
                   f"{report.features} features, {report.iterations} iterations, {report.model_bytes} bytes "
                   f"-> {report.model_path}")
        if test_file is None:
            return
        scores = ner.evaluate(test_file, model_path=report.model_path)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{test_file.name}: {scores.sentences} sentences, entity level (exact span and class)")
    click.echo(f"{'class':17} {'gold':>6} {'found':>6} {'prec':>6} {'rec':>6} {'f1':>6}")
    kept = sorted(ner.KINDS)
    everything = scores.micro([row.label for row in scores.classes], name=f"micro, all {len(scores.classes)}")
    rows = [*(scores.score(label) for label in kept), scores.micro(kept, name=f"micro, these {len(kept)}"), everything]
    for row in rows:
        click.echo(f"{row.label:17} {row.gold:6} {row.predicted:6} {100 * row.precision:6.2f} "
                   f"{100 * row.recall:6.2f} {100 * row.f1:6.2f}")


@main.command()
@click.option("--graph", "graph_path", type=GRAPH_PATH, default=DEFAULT_GRAPH,
              show_default=True,
              help="Graph file to serve (Turtle, TriG or N-Triples), or a build's output folder (its store).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port on 127.0.0.1; 0 picks a free one.")
@click.option("--quiet", is_flag=True, help="Do not log requests.")
@click.option("--timeout", type=click.FloatRange(0.1), default=30.0, show_default=True,
              help="Seconds a query may run before it is stopped (HTTP 503).")
@click.option("--max-rows", type=click.IntRange(1), default=100_000, show_default=True,
              help="Rows (or triples) an answer may have; the rest are not sent.")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Query worker processes, each holding a copy of the graph.")
@click.option("--allow-service", "allow_service", multiple=True, metavar="IRI-PREFIX",
              help="Allow SERVICE calls to endpoints whose IRI starts with this (repeatable); none by default.")
def serve(graph_path: Path, port: int, quiet: bool, timeout: float, max_rows: int, workers: int,
          allow_service: tuple[str, ...]) -> None:
    """Answer SPARQL 1.1 Protocol queries over the graph on 127.0.0.1, read-only, until Ctrl-C.

    GET or POST queries to http://127.0.0.1:PORT/sparql from YASGUI, SPARQLWrapper or curl; the query
    page is http://127.0.0.1:PORT/ and GET /sparql without a query is the service description.

    Example: curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 5'
    http://127.0.0.1:7878/sparql
    """
    import signal

    from kg.query import load_store
    from kg.serve import Settings, SparqlServer
    from kg.sparql_limits import Limits
    from kg.store import database

    settings = Settings(timeout=timeout, max_rows=max_rows, workers=workers,
                        limits=Limits(allow_service=allow_service))
    try:
        store = load_store(graph_path)
        server = SparqlServer(store, port=port, log=None if quiet else lambda line: click.echo(line, err=True),
                              settings=settings, database=database(graph_path))
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(f"port {port}: {exc.strerror or exc}") from exc
    click.echo(f"serving {graph_path} ({server.triples} triples) at {server.url}  (Ctrl-C stops)")
    # A service manager's stop (SIGTERM) ends the server as Ctrl-C does: its workers and the copy of the
    # graph they read (a whole dump, for a graph file) are cleaned up rather than left in the temporary folder.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _export_formats() -> list[str]:
    from kg.exports import FORMATS

    return list(FORMATS)


@main.command(name="export")
@click.option("--format", "fmt", type=_LazyChoice(_export_formats), required=True,
              help="RDF for triple stores, graphml for Gephi and networkx, csv of meetings (see the README's table).")
@click.option("--graph", "graph_path", type=GRAPH_PATH,
              default=Path("exports/diplomacy.trig"), show_default=True,
              help="Graph file to export, or a build's output folder (its store); TriG keeps the named graph "
                   "of each report.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (default: the format's file in exports/, e.g. exports/network.graphml).")
@click.option("--lang", type=_LazyChoice(_language_codes), default=None,
              help="Language of the labels in graphml and csv, falling back to en, ru, kk [default: the language "
                   "most reports are in].")
@click.option("--excel", is_flag=True, help="For csv: write a byte-order mark so that Excel reads the file as UTF-8.")
def export_command(fmt: str, graph_path: Path, out: Path | None, lang: str | None, excel: bool) -> None:
    """Export the graph for other tools.

    Example: kg export --format graphml --lang en --out network.graphml
    """
    from kg.exports import FORMATS, ExportOptions, export, export_store_part
    from kg.graph import load_dataset
    from kg.store import STORE_FORMATS, export_store, open_store

    target = out or Path("exports") / FORMATS[fmt].file_name
    options = ExportOptions(lang=lang, excel=excel)
    try:
        if graph_path.is_dir() and fmt in STORE_FORMATS:
            written = export_store(graph_path, fmt, target)
        elif graph_path.is_dir() and FORMATS[fmt].reads is not None:
            written = export_store_part(open_store(graph_path), fmt, target, options)
        else:
            written = export(load_dataset(graph_path), fmt, target, options)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {written}")


@main.command(name="validate")
@click.option("--graph", "graph_path", type=GRAPH_PATH, default=DEFAULT_GRAPH,
              show_default=True, help="Graph file to check, or a build's output folder (its store, in batches).")
@click.option("--shapes", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="SHACL shapes file (default: ontology/shapes.ttl).")
def validate_command(graph_path: Path, shapes: Path | None) -> None:
    """Check the graph against the SHACL shapes and list every violation; exit 1 if there is one.

    Example: kg validate --graph exports/diplomacy.ttl
    """
    from kg.graph import load_dataset, union
    from kg.validate import SHAPES, validate, validate_store

    try:
        if graph_path.is_dir():  # a build's store: a batch of nodes at a time, on every core
            violations = validate_store(graph_path, shapes=shapes or SHAPES)
        else:
            graph = union(load_dataset(graph_path))
            if not len(graph):
                raise DipkgError(f"{graph_path}: the graph is empty; nothing to validate")
            violations = validate(graph, shapes=shapes or SHAPES)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    for v in violations:
        click.echo(str(v))
    if violations:
        n = len(violations)
        raise click.ClickException(f"{graph_path}: {n} violation{'' if n == 1 else 's'} of {shapes or SHAPES}")
    click.echo(f"{graph_path}: conforms to {shapes or SHAPES}")


@main.command(name="push")
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's SPARQL 1.1 Graph Store endpoint, e.g. http://localhost:7878/store.")
@click.option("--graph-name", default=None, metavar="IRI",
              help="Named graph to load into (default: the default graph).")
@click.option("--graph", "graph_path", type=GRAPH_PATH, default=None,
              help=f"Graph file to send (default: {DEFAULT_GRAPH}, or {DEFAULT_TRIG} with --incremental).")
@click.option("--append", is_flag=True, help="Add to the store's graph (POST) instead of replacing it (PUT).")
@click.option("--incremental", is_flag=True,
              help="Send each report's graph to the store's graph of the same name, only those that changed since "
                   "the last push to this store (hashes kept in GRAPH.pushed.json); delete those that are gone.")
def push_command(endpoint: str, graph_name: str | None, graph_path: Path | None, append: bool,
                 incremental: bool) -> None:
    """Load the graph into a SPARQL store through the Graph Store HTTP Protocol.

    Example: kg push --endpoint http://localhost:7878/store --incremental
    """
    from kg.push import push, push_incremental

    if incremental and (graph_name or append):
        raise click.UsageError("--incremental keeps each report's graph: it takes neither --graph-name nor --append")
    try:
        if incremental:
            done = push_incremental(graph_path or DEFAULT_TRIG, endpoint)
            click.echo(f"{done.store}: {done.sent} graphs sent ({done.triples} triples), {done.unchanged} unchanged, "
                       f"{done.removed} removed; hashes in {done.manifest}")
            return
        result = push(graph_path or DEFAULT_GRAPH, endpoint, graph_name=graph_name, replace=not append)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{result.method} {result.url}: {result.triples} triples, HTTP {result.status}")


if __name__ == "__main__":
    main()
