"""Inputs as users have them: HTML pages, JSON Lines, CSV, other encodings, globs, folders and
standard input give the same facts as the same text in a UTF-8 file, and keep where they came from."""

from __future__ import annotations

import csv
import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import DipkgError
from kg.inputs import READERS, Fields, reader_for
from kg.inputs.collect import InputOptions, UnreadableInputs, collect
from kg.inputs.locate import locate
from kg.pipeline import build, extract, read_inputs
from kg.query import load_store

RU = "Министр иностранных дел Казахстана Мурат Нуртлеу встретился с послом Франции Жаном Дюпоном в Астане."
EN = "Foreign Minister of Kazakhstan Murat Nurtleu met the Ambassador of Japan Kenji Sato in Tokyo."
KK = "Қазақстан Сыртқы істер министрі Мұрат Нұртілеу Жапония елшісі Кэндзи Сатомен кездесті."


def facts(report) -> tuple[frozenset, frozenset]:
    """The persons and the meetings (as sets of participant names) extracted from a report."""
    x = extract(report)
    names = {e.key: e.name for e in x.entities}
    persons = frozenset(e.name for e in x.entities if e.kind == "person")
    meetings = frozenset(frozenset(names[k] for k in m.participants) for m in x.meetings)
    return persons, meetings


def page(body: str, *, lang: str = "ru") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Встреча | Сайт</title>'
            '<meta property="og:title" content="Встреча в Астане">'
            '<link rel="canonical" href="https://example.org/news/1">'
            '<meta property="article:published_time" content="2024-03-01T10:00:00+05:00"></head><body>'
            '<nav><ul><li><a href="/">Главная</a></li><li>Президент Токаев встретился с Олафом Шольцем</li></ul>'
            f'</nav><article><h1>Встреча в Астане</h1><p>{body}</p><p>Стороны обсудили торговлю.</p></article>'
            '<footer>© 2019</footer></body></html>')


def only(tmp_path: Path, name: str, data: bytes, options: InputOptions | None = None):
    path = tmp_path / name
    path.write_bytes(data)
    collected = collect([path], options or InputOptions())
    assert collected.problems == ()
    (report,) = collected.reports
    return report, collected


@pytest.mark.parametrize("text", [RU, EN, KK])
def test_every_format_gives_the_facts_of_the_utf8_text(tmp_path, text):
    plain, _ = only(tmp_path, "plain.txt", text.encode("utf-8"))
    expected = facts(plain)
    assert expected[0] and expected[1]
    record = {"text": text, "url": "https://example.org/1", "date": "2024-03-01"}
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=list(record))
    writer.writeheader()
    writer.writerow(record)
    inputs = {
        "page.html": page(text).encode("utf-8"),
        "feed.jsonl": (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"),
        "table.csv": table.getvalue().encode("utf-8"),
        "excel.csv": table.getvalue().encode("utf-8-sig"),
        "table.tsv": f"text\turl\n{text}\thttps://example.org/1\n".encode(),
        "utf16.txt": text.encode("utf-16"),
    }
    if text != KK:  # Kazakh letters are not in Windows-1251
        inputs["win.txt"] = text.encode("cp1251")
    inputs |= {f"{name}.gz": gzip.compress(data) for name, data in inputs.items()}
    for name, data in inputs.items():
        report, _ = only(tmp_path, name, data)
        assert facts(report) == expected, name


def test_a_guessed_encoding_is_said(tmp_path):
    report, collected = only(tmp_path, "win.txt", RU.encode("cp1251"))
    assert report.text == RU
    assert collected.notes == (f"{tmp_path / 'win.txt'}: encoding guessed as cp1251",)
    for data in (RU.encode("utf-8"), RU.encode("utf-16"), RU.encode("utf-8-sig")):
        assert only(tmp_path, "sure.txt", data)[1].notes == ()


def test_a_page_is_read_as_its_article_with_its_metadata(tmp_path):
    report, _ = only(tmp_path, "page.htm", page(RU).encode("utf-8"))
    assert RU in report.text and "Шольц" not in report.text and "<" not in report.text
    assert report.title == "Встреча в Астане"
    assert report.published == date(2024, 3, 1)  # the page's metadata, not the footer's year
    assert report.source_url == "https://example.org/news/1"
    assert (report.source_file, report.source_path, report.source_record) == ("page.htm", "page.htm", None)


def test_a_page_in_its_declared_encoding(tmp_path):
    markup = page(RU).replace('charset="utf-8"', 'charset="windows-1251"')
    report, collected = only(tmp_path, "page.html", markup.encode("cp1251"))
    assert RU in report.text and collected.notes == ()


def test_a_page_without_a_date_in_its_markup_takes_the_dateline(tmp_path):
    markup = f"<html><body><article><p>12.05.2023</p><p>{RU}</p></article><footer>© 2019</footer></body></html>"
    report, _ = only(tmp_path, "page.html", markup.encode("utf-8"))
    assert report.published == date(2023, 5, 12)


def test_records_keep_their_metadata_and_number(tmp_path):
    lines = [
        {"body": RU, "link": "https://example.org/a", "when": "01.03.2024", "head": "Встреча", "lang": "ru-RU"},
        {},
        {"body": EN, "when": "Fri, 08 Mar 2024 10:00:00 +0000", "lang": "eng"},
        {"body": " date 2024-05-09 Header title\n" + EN, "link": "javascript alert", "when": "soon"},
    ]
    data = "\n".join(json.dumps(r, ensure_ascii=False) if r else "" for r in lines).encode("utf-8")
    (tmp_path / "feed.jsonl").write_bytes(data)
    fields = Fields(text="body", url="link", date="when", title="head", language="lang")
    collected = collect([tmp_path / "feed.jsonl"], InputOptions(fields=fields))
    a, b, c = collected.reports
    assert [r.source_record for r in (a, b, c)] == [1, 3, 4]
    assert [r.key for r in (a, b, c)] == ["feed.jsonl#1", "feed.jsonl#3", "feed.jsonl#4"]
    assert (a.source_url, a.published, a.title, a.language) == ("https://example.org/a", date(2024, 3, 1),
                                                                "Встреча", "ru")
    assert (b.published, b.language, b.title) == (date(2024, 3, 8), "en", None)
    assert c.source_url is None and c.published == date(2024, 5, 9) and c.title == "Header title"
    assert collected.problems == ()
    assert any("record 4" in n and "no URL" in n for n in collected.notes)
    assert any("record 4" in n and "no date" in n for n in collected.notes)


@pytest.mark.parametrize(("name", "data", "says"), [
    ("feed.jsonl", b'{"text": "' + RU.encode() + b'"}\n{broken\n[1, 2]\n{"title": "x"}\n',
     ["feed.jsonl record 2: not JSON", "feed.jsonl record 3: a JSON list", "feed.jsonl record 4: no text"]),
    ("table.csv", ("text;title\n" + RU + ";a\n;b\n").encode(), ["table.csv record 2: no text in the column"]),
    ("feed.jsonl", b'{"text": 5}\n{"text": "' + RU.encode() + b'"}\n{"text": true}\n{"text": {"ru": "x"}}\n',
     ["feed.jsonl record 1: the field 'text' holds a number, not text",
      "feed.jsonl record 3: the field 'text' holds true or false, not text",
      "feed.jsonl record 4: the field 'text' holds a JSON object, not text"]),
])
def test_a_bad_record_is_skipped_and_named(tmp_path, name, data, says):
    (tmp_path / name).write_bytes(data)
    collected = collect([tmp_path / name])
    assert len(collected.reports) == 1
    assert len(collected.problems) == len(says)
    for problem, said in zip(collected.problems, says, strict=True):
        assert said in problem and "\n" not in problem


def test_a_csv_file_without_the_text_column_is_skipped(tmp_path):
    (tmp_path / "t.csv").write_text(f"body,url\n\"{RU}\",https://example.org\n", encoding="utf-8")
    collected = collect([tmp_path / "t.csv"])
    assert collected.reports == ()
    assert collected.problems == (f"{tmp_path / 't.csv'}: no column 'text' in the header row ('body', 'url')",)
    assert len(collect([tmp_path / "t.csv"], InputOptions(fields=Fields(text="body"))).reports) == 1


def test_a_cell_may_hold_line_breaks(tmp_path):
    rows = io.StringIO()
    csv.writer(rows).writerows([["title", "text"], ["a", f"{RU}\n\n{EN}"], ["b", EN]])
    (tmp_path / "t.csv").write_text(rows.getvalue(), encoding="utf-8")
    a, b = collect([tmp_path / "t.csv"]).reports
    assert (a.source_record, b.source_record) == (1, 2)
    assert a.text == f"{RU}\n\n{EN}"


@pytest.mark.parametrize(("data", "says"), [
    (b"\x00\x01\x02\x03binary", "a binary file"),
    (bytes(range(256)) * 8, "a binary file"),
    (b"\xff\xfe\x00\x01", "no words"),
    (b"  \n", "the report is empty"),
])
def test_a_bad_file_is_skipped_in_one_line_naming_it(tmp_path, data, says):
    (tmp_path / "good.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(data)
    collected = collect([tmp_path])
    assert [r.source_file for r in collected.reports] == ["good.txt"]
    (problem,) = collected.problems
    assert problem.startswith(f"{tmp_path / 'bad.txt'}: ") and says in problem and "\n" not in problem
    with pytest.raises(UnreadableInputs) as caught:
        collect([tmp_path], InputOptions(strict=True))
    assert caught.value.problems == (problem,) and "\n" not in str(caught.value)


@pytest.mark.parametrize(("data", "says"), [
    (b"text\nnot compressed\n", "not a gzip file, though its name ends in .gz"),
    (gzip.compress(RU.encode("utf-8") * 50)[:-12], "a gzip file cut short"),
    (gzip.compress(RU.encode("utf-8"))[:-8] + b"\0\0\0\0\0\0\0\0", "a damaged gzip file (CRC check failed"),
    (gzip.compress(b"\n" * 5000), "more than 4,096 bytes once decompressed"),
], ids=["plain", "cut-short", "bad-checksum", "too-large"])
def test_a_bad_compressed_file_is_skipped_in_one_line_naming_it(tmp_path, monkeypatch, data, says):
    monkeypatch.setattr("kg.inputs.gzipped.MAX_BYTES", 4096)
    (tmp_path / "good.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": EN}).encode()))
    (tmp_path / "bad.txt.gz").write_bytes(data)
    collected = collect([tmp_path])
    assert [r.key for r in collected.reports] == ["good.jsonl.gz#1"]
    (problem,) = collected.problems
    assert problem.startswith(f"{tmp_path / 'bad.txt.gz'}: {says}") and "\n" not in problem


def test_a_compressed_file_is_read_as_the_file_inside_it(tmp_path):
    members = gzip.compress(json.dumps({"text": RU}).encode() + b"\n") + gzip.compress(
        json.dumps({"text": EN}).encode() + b"\n")  # two members, as `cat a.gz b.gz` makes
    (tmp_path / "feed.JSONL.GZ").write_bytes(members)
    (tmp_path / "backup.tar.gz").write_bytes(gzip.compress(b"not a report"))
    (tmp_path / "notes.gz").write_bytes(gzip.compress(b"not a report"))
    assert [s.identity for s in locate([tmp_path])] == ["feed.JSONL.GZ"]
    assert [r.text for r in collect([tmp_path]).reports] == [RU, EN]
    assert reader_for("p.html.gz").name == "html" and reader_for(Path("x.tsv.GZ")).name == "csv"
    assert reader_for("notes.gz").name == "text"


def test_folders_are_searched_for_every_format_and_globs_expanded(tmp_path):
    layout = {"a/x.txt": RU, "a/b/p.html": page(EN), "a/b/f.jsonl": json.dumps({"text": KK}),
              "a/c/t.csv": f"text\n{EN}\n", "a/notes.pdf": "x", "a/.hidden/y.txt": RU, "z.md": EN}
    for name, text in layout.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = [s.identity for s in locate([tmp_path / "a"])]
    assert found == ["b/f.jsonl", "b/p.html", "c/t.csv", "x.txt"]
    assert [s.identity for s in locate([tmp_path / "a" / "**" / "*.html", tmp_path / "*.md"])] == ["b/p.html",
                                                                                                 "z.md"]
    assert [s.identity for s in locate([tmp_path / "a" / "b" / "*"])] == ["f.jsonl", "p.html"]
    with pytest.raises(DipkgError, match="no file matches"):
        locate([tmp_path / "*.xml"])
    keys = [r.key for r in collect([tmp_path / "a"]).reports]
    assert keys == ["b/f.jsonl#1", "b/p.html", "c/t.csv#1", "x.txt"]


def test_the_output_folder_is_not_read(tmp_path):
    (tmp_path / "r.txt").write_text(RU, encoding="utf-8")
    out = tmp_path / "exports"
    out.mkdir()
    (out / "graph.html").write_text(page(EN), encoding="utf-8")
    assert [r.source_file for r in read_inputs([tmp_path], exclude=[out]).reports] == ["r.txt"]


def test_every_suffix_has_one_reader():
    suffixes = [s for r in READERS for s in r.suffixes]
    assert len(suffixes) == len(set(suffixes))
    assert reader_for(Path("X.HTM")).name == "html" and reader_for(Path("notes")).name == "text"


ASK = "PREFIX dip: <https://w3id.org/dipkg/ontology#> "


def test_provenance_is_reachable_by_sparql(tmp_path):
    feed = tmp_path / "in" / "2024" / "feed.jsonl"
    feed.parent.mkdir(parents=True)
    feed.write_text("\n".join(json.dumps({"text": t, "url": f"https://example.org/{n}"}, ensure_ascii=False)
                              for n, t in enumerate((RU, EN), start=1)) + "\n", encoding="utf-8")
    (tmp_path / "in" / "page.html").write_text(page(RU), encoding="utf-8")
    result = build([tmp_path / "in"], out_dir=tmp_path / "out")
    store = load_store(tmp_path / "out" / "diplomacy.trig")
    rows = {(str(r["path"].value), int(r["record"].value) if r["record"] else None, str(r["url"].value))
            for r in store.query(ASK + """SELECT ?path ?record ?url {
                ?m a dip:Meeting ; dip:reportedIn ?r .
                ?r dip:sourcePath ?path ; dip:sourceUrl ?url . OPTIONAL { ?r dip:sourceRecord ?record } }""")}
    assert rows == {("2024/feed.jsonl", 1, "https://example.org/1"), ("2024/feed.jsonl", 2, "https://example.org/2"),
                    ("page.html", None, "https://example.org/news/1")}
    iris = {str(r["r"].value) for r in store.query(ASK + "SELECT ?r { ?r a dip:Report }")}
    assert all(iri.isascii() and " " not in iri and "{" not in iri for iri in iris)
    from kg.validate import validate

    assert validate(result.graph) == []


def test_standard_input_through_the_command_line(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-", "--out", str(out)], input=RU.encode("cp1251"))
    assert result.exit_code == 0, result.output
    assert "stdin: encoding guessed as cp1251" in result.output
    assert "reports 1  meetings 1" in result.output and "skipped 0" in result.output
    feed = json.dumps({"body": EN}) + "\n"
    result = CliRunner().invoke(main, ["build", "-", "--input-format", "jsonl", "--text-field", "body",
                                       "--out", str(out)], input=feed)
    assert result.exit_code == 0, result.output
    assert "Kenji Sato" in (out / "diplomacy.ttl").read_text(encoding="utf-8")


def test_the_command_line_skips_a_bad_file_and_strict_fails(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(RU, encoding="utf-8")
    (folder / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.output.splitlines() if "bad.jsonl" in line]
    assert skipped == [f"skipped {folder / 'bad.jsonl'} record 1: not JSON (Expecting property name enclosed "
                       f"in double quotes, column 2)"]
    assert "skipped 1" in result.output
    before = (out / "diplomacy.ttl").read_bytes()
    (folder / "new.txt").write_text(EN, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(out), "--strict"])
    assert result.exit_code != 0
    assert result.output.strip().splitlines() == [
        f"Error: --strict: 1 input(s) could not be read; {folder / 'bad.jsonl'} record 1: not JSON (Expecting "
        f"property name enclosed in double quotes, column 2)"]
    assert (out / "diplomacy.ttl").read_bytes() == before


def test_pages_are_read_without_the_network(tmp_path, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("a page was read over the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    report, _ = only(tmp_path, "page.html", page(EN).replace("example.org", "unreachable.invalid").encode())
    assert EN in report.text and report.source_url == "https://unreachable.invalid/news/1"


def test_a_page_file_without_markup_is_its_text(tmp_path):
    report, _ = only(tmp_path, "plain.html", RU.encode("utf-8"))
    assert report.text == RU + "\n"


def test_a_spreadsheet_export_in_windows_1251_with_semicolons(tmp_path):
    data = f"title;text;date\nВстреча;\"{RU}\";01.03.2024\n".encode("cp1251")
    report, collected = only(tmp_path, "export.csv", data)
    assert (report.title, report.published, report.source_record) == ("Встреча", date(2024, 3, 1), 1)
    assert facts(report) == facts(only(tmp_path, "plain.txt", RU.encode("utf-8"))[0])
    assert collected.notes == (f"{tmp_path / 'export.csv'}: encoding guessed as cp1251",)


def test_a_record_may_hold_a_page(tmp_path):
    record = {"html": page(RU), "fetched": "2025-01-01"}
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    report, _ = only(tmp_path, "pages.jsonl", data, InputOptions(fields=Fields(text="html", date="fetched")))
    assert RU in report.text and "<" not in report.text and "Шольц" not in report.text
    assert report.source_url == "https://example.org/news/1" and report.title == "Встреча в Астане"
    assert report.published == date(2025, 1, 1)  # the record's field comes before the page's own


def test_a_file_of_the_output_folder_named_itself_is_read(tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    (out / "saved.html").write_text(page(EN), encoding="utf-8")
    assert [s.identity for s in locate([out, out / "saved.html"], exclude=[out])] == ["saved.html"]


def test_a_linked_folder_below_a_folder_is_not_searched_and_said_so(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "r.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "e.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "in" / "more").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    linked: list[str] = []
    assert [s.identity for s in locate([tmp_path / "in"], linked=linked)] == ["e.txt"]
    assert linked == [str(tmp_path / "in" / "more")]
    collected = collect([tmp_path / "in"])
    assert [r.key for r in collected.reports] == ["e.txt"]
    assert collected.notes == (f"{tmp_path / 'in' / 'more'}: a linked folder, not searched (name it to read it)",)
    # named itself, it is read
    assert [r.key for r in collect([tmp_path / "in" / "more"]).reports] == ["r.txt"]
    # a folder that holds nothing but a linked folder: the error says why no report was found
    (tmp_path / "in" / "e.txt").unlink()
    with pytest.raises(DipkgError, match=r"no reports found; .*more: a linked folder, not searched"):
        build([tmp_path / "in"], out_dir=tmp_path / "out", exports=False)


def _mixed_inputs(folder: Path) -> Path:
    """A folder of every kind of input, good and bad, and two files that share a name."""
    folder.mkdir()
    (folder / "sub").mkdir()
    (folder / "a.txt").write_text(RU, encoding="utf-8")
    (folder / "sub" / "a.txt").write_text(EN, encoding="utf-8")
    (folder / "ru1251.txt").write_bytes(RU.encode("cp1251"))
    (folder / "page.html").write_text(page(RU), encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps({"text": EN}) + "\n{broken\n", encoding="utf-8")
    (folder / "t.csv").write_text(f"text,title\n\"{KK}\",a\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02\x03binary")
    return folder


@pytest.mark.parametrize("memo", [None, "memory", "file"])
def test_inputs_read_on_several_processes_give_what_one_process_reads(tmp_path, monkeypatch, memo):
    from kg import workers
    from kg.inputs import collect as collect_module
    from kg.inputs.memo import Memo, MemoFile

    def made(name: str) -> Memo | None:
        return None if memo is None else Memo("v1") if memo == "memory" else MemoFile("v1", tmp_path / name)

    folder = _mixed_inputs(tmp_path / "in")
    one, several = made("one.sqlite"), made("several.sqlite")
    alone = collect([folder, tmp_path / "in" / "sub" / "a.txt"], memo=one)
    monkeypatch.setattr(collect_module, "READ_PER_PROCESS", 2)
    processes: list[int] = []
    real = workers.run

    def run(func, items, *, jobs, **kwargs):
        processes.append(min(jobs, len(items)))
        return real(func, items, jobs=jobs, **kwargs)

    monkeypatch.setattr(workers, "run", run)
    spread = collect([folder, tmp_path / "in" / "sub" / "a.txt"], memo=several, jobs=2)
    assert processes == [2]
    assert spread == alone and len(alone.reports) == 6 and len(alone.problems) == 2
    if memo == "memory":
        assert one is not None and several is not None and several.used == one.used
        assert collect([folder], memo=Memo("v1", dict(several.used)), jobs=2) == collect([folder], memo=one)
    elif memo == "file":
        assert one is not None and several is not None
        one.save()
        several.save()
        assert _rows(tmp_path / "one.sqlite") == _rows(tmp_path / "several.sqlite") != set()
        again = MemoFile("v1", tmp_path / "several.sqlite")
        assert collect([folder], memo=again, jobs=2) == collect([folder], memo=MemoFile("v1", tmp_path / "one.sqlite"))


def _rows(path: Path) -> set[tuple]:
    """Every row of a memo's file."""
    import sqlite3

    with sqlite3.connect(path) as db:
        return {("gave", *row) for row in db.execute("SELECT * FROM gave")} | {
            ("status", *row) for row in db.execute("SELECT * FROM status")}




@pytest.mark.parametrize(("text", "published"), [
    ("Астана, 5 наурыз 2024 жыл. " + KK, date(2024, 3, 5)),
    ("Астана, 5 марта 2024 года. " + RU, date(2024, 3, 5)),
    ("Astana, 5 March 2024. " + EN, date(2024, 3, 5)),
])
def test_reading_dates_a_report_by_the_month_names_alone(tmp_path, text, published):
    """Reading takes the month names, not the whole lexicon, which a rebuild that adds one report then loads
    only in the processes that need it."""
    from kg.lexicon import load_lexicon

    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    load_lexicon.cache_clear()
    (report,) = read_inputs([tmp_path / "r.txt"]).reports
    assert report.published == published and load_lexicon.cache_info().currsize == 0
