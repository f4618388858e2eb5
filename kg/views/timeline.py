"""The timeline as a static picture (SVG or PNG) for reports: meetings per year, stacked by partner state.

matplotlib draws it with its object-oriented API (no pyplot, no global backend), in DejaVu Sans,
which it ships and which has every Kazakh letter. The same graph gives the same SVG: no date in
its metadata and a fixed hash salt for its element ids.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rdflib import URIRef

from kg.errors import DipkgError
from kg.views.index import GraphIndex

TOP_PARTNERS = 8  # the states with most meetings get a colour each; the rest share one bar segment
COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9d9a")
OTHER_COLOUR = "#bab0ac"


def timeline_counts(index: GraphIndex) -> tuple[list[str], list[URIRef | None], dict[tuple[str, URIRef | None], int]]:
    """Years, the series (the top partner states, then None for the others) and meetings per (year, series).

    A meeting with two partner states counts once for each.
    """
    from kg.views.kinds import timeline_view

    view = timeline_view(index)
    per: Counter[tuple[str, URIRef]] = Counter()
    total: Counter[URIRef] = Counter()
    for row in view.meetings:
        for partner in row.partners:
            per[(row.date[:4], partner)] += 1
            total[partner] += 1
    top = [p for p, _ in sorted(total.items(), key=lambda kv: (-kv[1], str(kv[0])))[:TOP_PARTNERS]]
    series: list[URIRef | None] = [*top, None] if len(total) > len(top) else list(top)
    counts: dict[tuple[str, URIRef | None], int] = Counter()
    for (year, partner), n in per.items():
        counts[(year, partner if partner in top else None)] += n
    years = sorted({year for year, _ in per})
    return years, series, dict(counts)


def write_timeline_image(index: GraphIndex, path: Path, lang: str = "kk") -> Path:
    """Draw the meetings per year, stacked by partner state, to ``path`` (.svg, or .png)."""
    from matplotlib.figure import Figure

    from kg.files import write_atomic
    from kg.views.payload import _pick
    from kg.views.text import UI

    suffix = path.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise DipkgError(f"{path}: the timeline picture is written as .svg or .png")
    years, series, counts = timeline_counts(index)
    figure = Figure(figsize=(10, 5.2), dpi=120, layout="constrained")
    axes = figure.add_subplot()
    bottoms = [0] * len(years)
    for i, partner in enumerate(series):
        heights = [counts.get((year, partner), 0) for year in years]
        name = UI["otherStates"][lang] if partner is None else _pick(index.labels_by_language(partner), lang)
        axes.bar(years, heights, bottom=bottoms, label=name, width=0.7,
                 color=OTHER_COLOUR if partner is None else COLOURS[i % len(COLOURS)])
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    axes.set_title(UI["title.timeline-image"][lang], fontsize=13, loc="left")
    axes.set_ylabel(UI["meetingsAxis"][lang])
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.spines[["top", "right"]].set_visible(False)
    if not years:
        axes.text(0.5, 0.5, UI["noMeetings"][lang], ha="center", va="center", transform=axes.transAxes)
        axes.set_xticks([])
    if series:
        axes.legend(title=UI["partnerState"][lang], loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": "dipkg", "font.family": "DejaVu Sans"}):
        metadata = {"Date": None} if suffix == ".svg" else {}
        write_atomic(path, lambda tmp: figure.savefig(tmp, format=suffix[1:], metadata=metadata))
    return path
