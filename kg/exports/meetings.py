"""CSV of meetings for spreadsheets: one row per meeting, sorted by date (undated last).

Each row has the states on each side: ``state`` is the one of the meeting's states that takes part
in the most meetings of the whole graph (Kazakhstan in a graph of Kazakh reports; ties by code),
``partner`` the others (``;``-separated), each with its name in the export's language, so a
spreadsheet can pivot by partner. Names are labels in one language (``kg.labels``). A cell that a
spreadsheet would read as a formula gets a leading ``'`` (``kg.spreadsheet``); ``excel`` writes a
byte-order mark, without which Excel reads UTF-8 as its local code page.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from rdflib import RDF, Graph
from rdflib.term import Node

from kg.exports.posts import PostView, code, notation, posts, posts_in
from kg.files import write_atomic
from kg.graph import DIP
from kg.labels import label
from kg.spreadsheet import safe_cell

COLUMNS = ("meeting", "date", "place", "state", "state_name", "partner", "partner_name", "participants", "topics",
           "report", "title")
SEPARATOR = "; "


def _post_text(g: Graph, p: PostView, lang: str) -> str:
    text = p.role
    if p.country is not None:
        text += f" of {code(g, p.country, lang)}"
    if p.accredited is not None:
        text += f" to {code(g, p.accredited, lang)}"
    if p.jurisdiction is not None:
        text += f", {label(g, p.jurisdiction, lang)}"
    return text


def _reports(g: Graph, meeting: Node) -> list[Node]:
    """The reports that tell a meeting, by file name (a meeting several reports tell has each)."""
    return sorted(g.objects(meeting, DIP.reportedIn), key=lambda r: str(g.value(r, DIP.sourceFile) or r))


def _meeting_states(g: Graph, meeting: Node, held: Callable[[Node], list[PostView]]) -> set[Node]:
    reports = set(_reports(g, meeting))
    return {p.country for person in g.objects(meeting, DIP.participant)
            for p in posts_in(held(person), reports) if p.country is not None}


def meeting_rows(g: Graph, lang: str = "en") -> list[dict[str, str]]:
    """One row per meeting (``COLUMNS``), sorted by date (undated last), then report and meeting."""
    # Each person's posts, read once: an ambassador's post is stated by every report that names it, and the
    # graph of 10,000 generated reports took 68 of the 80 s of its table reading them again for each meeting.
    held = cache(lambda person: posts(g, person, lang))
    meetings = sorted(set(g.subjects(RDF.type, DIP.Meeting)))
    states = {m: _meeting_states(g, m, held) for m in meetings}
    weight = Counter(s for found in states.values() for s in found)
    rows = []
    for m in meetings:
        reports = _reports(g, m)
        report = reports[0] if reports else None  # the first by file name gives the title
        people = []
        for person in sorted(g.objects(m, DIP.participant), key=lambda p: (label(g, p, lang), str(p))):
            described = "; ".join(_post_text(g, p, lang) for p in posts_in(held(person), set(reports)))
            people.append(f"{label(g, person, lang)} ({described})" if described else label(g, person, lang))
        sides = sorted(states[m], key=lambda s: (-weight[s], code(g, s, lang)))
        partners = sorted(sides[1:], key=lambda s: code(g, s, lang))
        place = g.value(m, DIP.location)
        date = g.value(m, DIP.date)
        title = g.value(report, DIP.title) if report is not None else None
        rows.append({
            "meeting": str(m),
            "date": str(date) if date is not None else "",
            "place": label(g, place, lang) if place is not None else "",
            "state": code(g, sides[0], lang) if sides else "",
            "state_name": label(g, sides[0], lang) if sides else "",
            "partner": SEPARATOR.join(code(g, s, lang) for s in partners),
            "partner_name": SEPARATOR.join(label(g, s, lang) for s in partners),
            "participants": " | ".join(people),
            "topics": ", ".join(sorted(notation(g, t, lang) for t in g.objects(m, DIP.topic))),
            "report": ", ".join(str(g.value(r, DIP.sourceFile) or "") for r in reports),
            "title": str(title) if title is not None else "",
        })
    return sorted(rows, key=lambda r: (r["date"] == "", r["date"], r["report"], r["meeting"]))


def _write(path: str, rows: Iterable[dict[str, str]], excel: bool) -> None:
    with open(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)


def write_csv(g: Graph, out: Path, lang: str, *, excel: bool = False) -> Path:
    rows = meeting_rows(g, lang)
    return write_atomic(out, lambda f: _write(f, rows, excel))
