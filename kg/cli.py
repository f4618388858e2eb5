"""The command line: parses options, calls the Python API, prints. ``kg --help``."""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import DipkgError

DEFAULT_GRAPH = Path("exports/diplomacy.ttl")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dipkg")
def main() -> None:
    """dipkg: a knowledge graph of diplomatic meetings, read out of news reports.

    Example: kg build seeds --out exports
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("exports"),
              show_default=True,
              help="Folder for diplomacy.ttl, diplomacy.trig and the views graph.html, countries.html, sectors.html.")
def build(paths: tuple[Path, ...], out_dir: Path) -> None:
    """Build the graph from report files or folders (default: seeds/) and write the exports.

    Example: kg build seeds ../more-reports --out exports
    """
    from kg.pipeline import build as run_build
    from kg.views import write_views

    try:
        result = run_build(list(paths) or [Path("seeds")], out_dir=out_dir, views=write_views)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    s = result.summary
    click.echo(f"reports {s.reports}  meetings {s.meetings}  persons {s.persons}  places {s.places}  "
               f"organizations {s.organizations}  sectors {s.sectors}  triples {s.triples}")
    for path in result.written:
        click.echo(f"wrote {path}")


@main.command()
@click.argument("query")
@click.option("--graph", "graph_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_GRAPH,
              show_default=True, help="Graph file to query (Turtle or TriG).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="json is the SPARQL 1.1 Query Results JSON format.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to the literal VALUE (repeatable); never pasted into the query text.")
def query(query: str, graph_path: Path, fmt: str, params: tuple[str, ...]) -> None:
    """Run QUERY: SPARQL text, a .rq file, or the name of a query in kg/queries.

    Example: kg query who-met-whom --graph exports/diplomacy.ttl --format csv
    """
    from kg import query as q

    try:
        bound = dict(_param(p) for p in params)
        store = q.load_store(graph_path)
        click.echo(q.render(q.run(store, q.query_text(query), params=bound), fmt))
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc


def _param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise DipkgError(f"--param {text!r}: expected NAME=VALUE")
    return name, value


@main.command()
@click.option("--graph", "graph_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_GRAPH,
              show_default=True, help="Graph file to draw (Turtle or TriG).")
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
    from kg.views import DEFAULT_VIEWS, read_graph, write_view

    path = out_path or DEFAULT_GRAPH.parent / DEFAULT_VIEWS.get(kind, f"{kind}.html")
    try:
        written = write_view(read_graph(graph_path), path, kind, focus=focus, lang=lang)
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {written}")


@main.command()
@click.option("--graph", "graph_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_GRAPH,
              show_default=True, help="Graph file to count.")
def stats(graph_path: Path) -> None:
    """Count reports, meetings, persons, places, organizations, sectors and triples.

    Example: kg stats --graph exports/diplomacy.ttl
    """
    from kg.graph import load_graph
    from kg.pipeline import summarise

    try:
        s = summarise(load_graph(graph_path))
    except DipkgError as exc:
        raise click.ClickException(str(exc)) from exc
    for name in ("reports", "meetings", "persons", "places", "organizations", "sectors", "triples"):
        click.echo(f"{name:14} {getattr(s, name)}")


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--graph", "graph_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Score this graph file instead of building one from PATHS.")
@click.option("--verbose", is_flag=True, help="List each miss and false alarm, report by report.")
def evaluate_command(gold_dir: Path, paths: tuple[Path, ...], graph_path: Path | None, verbose: bool) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per category.

    Builds the graph from PATHS (report files or folders), or reads --graph, and compares it
    with the gold files (one JSON per report) in GOLD_DIR.

    Example: kg eval ../shared/corpus/dev/gold ../shared/corpus/dev/reports --verbose
    """
    from kg.evaluate import evaluate, load_for_evaluation
    from kg.graph import load_graph
    from kg.lexicon import ONTOLOGY_DIR
    from kg.pipeline import build as run_build

    try:
        graph = load_graph(graph_path) if graph_path else run_build(list(paths) or [Path("seeds")]).graph
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


if __name__ == "__main__":
    main()
