"""Odd report texts lose nothing: a long line that starts like a caption, invisible characters
inside names, an HTML page saved as text, a report too long to read."""

from __future__ import annotations

import pytest

from kg.errors import DipkgError
from kg.html_text import html_text, looks_like_html
from kg.pipeline import extract
from kg.reports import MAX_CHARS, parse_report, read_report
from kg.text import visible_tokens

RU = "Министр иностранных дел Казахстана Мурат Нуртлеу встретился с послом Франции Жаном Дюпоном в Астане."
EN = "Foreign Minister of Kazakhstan Murat Nurtleu met the Ambassador of France Jean Dupont in Astana."


def persons(text: str) -> set[str]:
    return {e.name for e in extract(parse_report("t.txt", text)).entities if e.kind == "person"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Сурет: " + RU + " Стороны обсудили торговлю и инвестиции в энергетику.", {"Мурат Нуртлеу", "Жан Дюпон"}),
    (RU[:-1] + " (фото: meeting.jpg), стороны обсудили торговлю и инвестиции.", {"Мурат Нуртлеу", "Жан Дюпон"}),
    ("Photo: " + EN + " The sides discussed trade and investment in energy.", {"Murat Nurtleu", "Jean Dupont"}),
    ("Сурет: пресс-служба МИД\n" + RU, {"Мурат Нуртлеу", "Жан Дюпон"}),
])
def test_a_long_line_is_never_clutter(text, expected):
    assert expected <= persons(text)


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u200e", "\u202e"])
def test_invisible_characters_do_not_cut_names(mark):
    text = EN.replace("Nurtleu", f"Nurt{mark}leu").replace("Dupont", f"Du{mark}pont")
    x = extract(parse_report("t.txt", text))
    names = {e.name for e in x.entities if e.kind == "person"}
    assert {"Murat Nurtleu", "Jean Dupont"} <= names
    assert all(x.report.text[m.start:m.end] == m.text for m in x.mentions)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kr\u200bol met", [(0, 5, "Krol"), (6, 9, "met")]),
    ("\u202eab c", [(1, 3, "ab"), (4, 5, "c")]),
    ("plain text", [(0, 5, "plain"), (6, 10, "text")]),
])
def test_visible_tokens_index_the_original_text(text, expected):
    assert [(t.start, t.end, t.text) for t in visible_tokens(text)] == expected


PAGE = ("<!DOCTYPE html><html><head><title>News</title><script>var s = '<p>Putin met Biden</p>';</script></head>"
        "<body><nav><a href='/'>Home</a></nav>"
        "<aside><ul><li>President Tokayev met Chancellor of Germany Olaf Scholz in Berlin</li></ul></aside>"
        "<article><h1>Talks in Astana</h1><p>" + EN + "</p><p>They discussed trade &amp; energy.</p></article>"
        "<footer>&copy; 2024</footer></body></html>")


def test_an_html_page_is_read_as_its_article():
    text = html_text(PAGE)
    assert text == f"Talks in Astana\n{EN}\nThey discussed trade & energy.\n"
    names = persons(PAGE)
    assert {"Murat Nurtleu", "Jean Dupont"} <= names and "Olaf Scholz" not in names
    assert "<" not in parse_report("t.txt", PAGE).text


@pytest.mark.parametrize(("text", "html"), [
    (PAGE, True),
    ("<p>" * 12 + EN, True),
    (EN + " The rate rose 3 < 4 > 2.", False),
    ("<b>" + EN + "</b>", False),
])
def test_what_looks_like_html(text, html):
    assert looks_like_html(text) is html


def test_a_report_too_long_is_a_one_line_error(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text((EN + "\n") * (MAX_CHARS // len(EN) + 2), encoding="utf-8")
    with pytest.raises(DipkgError) as caught:
        read_report(path)
    assert str(caught.value).startswith(f"{path}: ") and "split it" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_long_report_is_read_in_pieces_with_the_same_mentions(monkeypatch):
    import kg.mentions as mentions

    text = " date 2024-03-01 Long\n" + "\n".join(f"{RU} {EN}" for _ in range(60))
    report = parse_report("long.txt", text)
    whole = extract(report).mentions
    monkeypatch.setattr(mentions, "PIECE_CHARS", 2_000)
    assert len(mentions.pieces(report)) > 5
    cut = extract(report).mentions
    assert cut == whole
    assert all(report.text[m.start:m.end] == m.text for m in cut)
