"""The command line: parses options, calls the Python API, prints. ``kg --help``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from kg.errors import DipkgError

DEFAULT_GRAPH = Path("exports/diplomacy.ttl")
# A graph file, or an output folder of `kg build` (its store is read directly).
GRAPH_PATH = click.Path(path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dipkg")
def main() -> None:
    """dipkg: a knowledge graph of diplomatic meetings, read out of news reports.

    Example: kg build seeds --out exports
    """


def _extractor_option(func: Callable[..., None]) -> Callable[..., None]:
    from kg.mentions import available
    from kg.pipeline import DEFAULT_EXTRACTORS

    return click.option(
        "--extractor", "extractors", multiple=True, metavar="NAME",
        help=f"Extractor to run (repeatable; default {', '.join(DEFAULT_EXTRACTORS)}): "
             f"{', '.join(available())}.")(func)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("exports"),
              show_default=True,
              help="Folder for diplomacy.ttl, diplomacy.trig and the views graph.html, countries.html, sectors.html.")
@_extractor_option
@click.option("--jobs", "-j", type=click.IntRange(1), default=None,
              help="Processes extracting reports [default: every core]; the output is the same for any number.")
@click.option("--views/--no-views", default=True, show_default=True, help="Write the HTML views.")
def build(paths: tuple[Path, ...], out_dir: Path, extractors: tuple[str, ...], jobs: int | None,
          views: bool) -> None:
    """Build the graph from report files or folders (default: seeds/) into the store OUT/store
    and write the exports.

    A rebuild into the same folder extracts only new and changed reports (all of them after a
    change of the extractor's code or word lists) and drops the reports no longer given.

    Example: kg build seeds ../more-reports --out exports --jobs 2
    """
    from kg.pipeline import DEFAULT_EXTRACTORS
    from kg.pipeline import build as run_build
    from kg.views import write_views

    try:
        result = run_build(list(paths) or [Path("seeds")], out_dir=out_dir, views=write_views if views else None,
                           extractors=extractors or DEFAULT_EXTRACTORS, jobs=jobs)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    s = result.summary
    click.echo(f"reports {s.reports}  meetings {s.meetings}  persons {s.persons}  places {s.places}  "
               f"organizations {s.organizations}  sectors {s.sectors}  triples {s.triples}  "
               f"extracted {result.extracted}")
    for path in result.written:
        click.echo(f"wrote {path}")


@main.command()
@click.argument("query", required=False)
@click.option("--graph", "graph_path", type=GRAPH_PATH, default=DEFAULT_GRAPH,
              show_default=True,
              help="Graph file to query (Turtle, TriG or N-Triples), or a build's output folder (its store).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="json is the SPARQL 1.1 Query Results JSON format.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (repeatable); never pasted into the query text.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries with their parameters.")
def query(query: str | None, graph_path: Path, fmt: str, params: tuple[str, ...], list_queries: bool) -> None:
    """Run QUERY: SPARQL text, a .rq file, or the name of a query in kg/queries.

    Example: kg query meetings-between-countries --param country=KZ --param year=2025 --format csv
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
        sparql, bound = q.resolve(query, dict(_param(p) for p in params))
        store = q.load_store(graph_path)
        click.echo(q.render(q.run(store, sparql, params=bound), fmt))
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc


def _param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise DipkgError(f"--param {text!r}: expected NAME=VALUE")
    return name, value


@main.command()
@click.option("--graph", "graph_path", type=GRAPH_PATH, default=DEFAULT_GRAPH,
              show_default=True, help="Graph file to draw (Turtle or TriG), or a build's output folder.")
@click.option("--kind", type=click.Choice(["network", "countries", "sectors", "ego"]), default="network",
              show_default=True, help="network: every node and relation; countries: who met whom; sectors: who "
              "discussed what; ego: --focus and everything within two steps.")
@click.option("--focus", metavar="NAME", default=None,
              help="For --kind ego: a person, country, region or sector, by any name, word form or IRI.")
@click.option("--lang", type=click.Choice(["kk", "ru", "en"]), default="kk", show_default=True,
              help="Language of the labels; the page can switch and falls back to another when one is missing.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="HTML file to write [default: exports/KIND.html, exports/graph.html for the network].")
def view(graph_path: Path, kind: str, focus: str | None, lang: str, out_path: Path | None) -> None:
    """Write one interactive view of the graph as a self-contained HTML file that needs no network.

    Example: kg view --kind ego --focus Жамармен --lang ru --out exports/zhamar.html
    """
    from kg.graph import load_graph
    from kg.store import open_store, rdflib_triples
    from kg.views import DEFAULT_VIEWS, GraphIndex, write_view

    path = out_path or DEFAULT_GRAPH.parent / DEFAULT_VIEWS.get(kind, f"{kind}.html")
    try:
        source = (GraphIndex(rdflib_triples(open_store(graph_path))) if graph_path.is_dir()
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

    GET or POST queries to http://127.0.0.1:PORT/sparql from YASGUI, SPARQLWrapper or curl.

    Example: curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 5'
    http://127.0.0.1:7878/sparql
    """
    from kg.query import load_store, triples
    from kg.serve import Settings, SparqlServer
    from kg.sparql_limits import Limits

    settings = Settings(timeout=timeout, max_rows=max_rows, workers=workers,
                        limits=Limits(allow_service=allow_service))
    try:
        store = load_store(graph_path)
        server = SparqlServer(store, port=port, log=None if quiet else lambda line: click.echo(line, err=True),
                              settings=settings)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(f"port {port}: {exc.strerror or exc}") from exc
    click.echo(f"serving {graph_path} ({triples(store)} triples) at {server.url}  (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command(name="export")
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nt", "jsonld", "graphml", "csv"]),
              required=True, help="RDF for triple stores, graphml for Gephi and networkx, csv of meetings.")
@click.option("--graph", "graph_path", type=GRAPH_PATH,
              default=Path("exports/diplomacy.trig"), show_default=True,
              help="Graph file to export, or a build's output folder (its store); TriG keeps the named graph "
                   "of each report.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (default: exports/diplomacy.EXT, exports/network.graphml, exports/meetings.csv).")
def export_command(fmt: str, graph_path: Path, out: Path | None) -> None:
    """Export the graph for other tools.

    Example: kg export --format graphml --out network.graphml
    """
    from kg.exports import DEFAULT_NAMES, export
    from kg.graph import load_dataset
    from kg.store import STORE_FORMATS, export_store

    target = out or Path("exports") / DEFAULT_NAMES[fmt]
    try:
        if graph_path.is_dir() and fmt in STORE_FORMATS:
            written = export_store(graph_path, fmt, target)
        else:
            written = export(load_dataset(graph_path), fmt, target)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {written}")


@main.command(name="validate")
@click.option("--graph", "graph_path", type=GRAPH_PATH, default=DEFAULT_GRAPH,
              show_default=True, help="Graph file to check.")
@click.option("--shapes", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="SHACL shapes file (default: ontology/shapes.ttl).")
def validate_command(graph_path: Path, shapes: Path | None) -> None:
    """Check the graph against the SHACL shapes and list every violation; exit 1 if there is one.

    Example: kg validate --graph exports/diplomacy.ttl
    """
    from kg.graph import load_dataset, union
    from kg.validate import SHAPES, validate

    try:
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
@click.option("--graph", "graph_path", type=GRAPH_PATH, default=DEFAULT_GRAPH,
              show_default=True, help="Graph file to send.")
@click.option("--append", is_flag=True, help="Add to the store's graph (POST) instead of replacing it (PUT).")
def push_command(endpoint: str, graph_name: str | None, graph_path: Path, append: bool) -> None:
    """Load the graph into a SPARQL store through the Graph Store HTTP Protocol.

    Example: kg push --endpoint http://localhost:7878/store --graph-name https://example.org/dipkg
    """
    from kg.push import push

    try:
        result = push(graph_path, endpoint, graph_name=graph_name, replace=not append)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{result.method} {result.url}: {result.triples} triples, HTTP {result.status}")


if __name__ == "__main__":
    main()
