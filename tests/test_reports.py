from datetime import date

import pytest

from kg.errors import DipkgError
from kg.lexicon import load_lexicon
from kg.pipeline import extract
from kg.reports import detect_language, parse_report, read_report


@pytest.mark.parametrize(("text", "published", "title"), [
    (" date 2026-02-05 Қазақстан мен Льеж\nЕлші кездесті.", date(2026, 2, 5), "Қазақстан мен Льеж"),
    ("Жаңалықтар\n21.12.2023, 14:00 Автор\nӘкім елшімен кездесті.", date(2023, 12, 21), None),
    ("10:00, 15 Шілде 2009 | GMT +5\nӘкім елшімен кездесті.", date(2009, 7, 15), None),
    ("12 декабря 2023\nАким встретился с послом.", date(2023, 12, 12), None),
    # with slashes, the day first, or the month where the day cannot be
    ("OTTAWA, 31/01/2025\nThe ambassador met the minister.", date(2025, 1, 31), None),
    ("OTTAWA, 02/03/2025\nThe ambassador met the minister.", date(2025, 3, 2), None),
    ("WASHINGTON, 01/31/2025\nThe ambassador met the senator.", date(2025, 1, 31), None),
    # ... but not with full stops, which write the day first only
    ("Жаңалықтар\n12.31.2023\nӘкім елшімен кездесті.", None, None),
    ("Әкім елшімен кездесті.", None, None),
    # blank lines between a page's top lines do not count: the date on its eleventh line of text is read
    ("\n\n".join(["Жаңалықтар", "Фото", "Бөлісу", "KZ", "Астана", "-5°", "ясно", "517.84", "Әлем", "Саясат",
                   "21.12.2023, 14:00", "Әкім елшімен кездесті."]), date(2023, 12, 21), None),
    # past the top lines a date is the text's, no publication date
    ("\n".join(["Жаңалықтар"] * 12 + ["21.12.2023", "Әкім елшімен кездесті."]), None, None),
])
def test_header_and_dateline(text, published, title):
    r = parse_report("x.txt", text, month=load_lexicon().month)
    assert r.published == published
    assert r.title == title
    assert r.text[r.body_start:].strip()


@pytest.mark.parametrize(("text", "language"), [
    ("Облыс әкімі Қытай елшісімен кездесті.", "kk"),
    ("Аким области встретился с послом Китая.", "ru"),
    ("The governor met the ambassador of China.", "en"),
])
def test_language(text, language):
    assert detect_language(text) == language


def test_bad_files_name_the_file(tmp_path):
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(DipkgError, match=r"bad\.txt"):
        read_report(binary)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(DipkgError, match=r"empty\.txt: the report is empty"):
        read_report(empty)
    header = tmp_path / "header.txt"
    header.write_text(" date 2026-13-45 Тақырып\nМәтін.", encoding="utf-8")
    with pytest.raises(DipkgError, match=r"header\.txt: bad date"):
        read_report(header)


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-03-01", date(2024, 3, 1)),
    ("2024-03-01T10:00:00+05:00", date(2024, 3, 1)),
    (" 01.03.2024 ", date(2024, 3, 1)),
    ("Fri, 01 Mar 2024 10:00:00 +0000", date(2024, 3, 1)),
    ("12 декабря 2023", date(2023, 12, 12)),
    ("15 Шілде 2009", date(2009, 7, 15)),
    ("2024-13-45", None),
    ("soon", None),
    ("", None),
])
def test_a_metadata_date(value, expected):
    from kg.reports import parse_date

    assert parse_date(value, load_lexicon().month) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # spaces doubled within a line, as text copied from a page has them, are one; line ends stay
    ("Ambassador  William  H.  Moser met the akim.", "Ambassador William H. Moser met the akim."),
    ("Елші\u00a0\u00a0Марат Сейітов\tкездесті.\n\nӘкім  келді.", "Елші Марат Сейітов\tкездесті.\n\nӘкім келді."),
    ("Посол\r\nвстретился  с акимом.", "Посол\nвстретился с акимом."),
    # a Cyrillic word typed with Latin look-alikes (a Latin i for the Kazakh і) is in Cyrillic letters
    ("Ресейдiң Өскемендегi Бас консулы", "Ресейдің Өскемендегі Бас консулы"),
    ("Қaзaқстaн Елшiсi", "Қазақстан Елшісі"),
    # ... but Latin names stay Latin, with a Cyrillic case ending too
    ("ICTтің және Siemensтің, Astana Hub-тың", "ICTтің және Siemensтің, Astana Hub-тың"),
    # text wrapped at a fixed width: a long line with no stop runs on in the next; short lines, stops, the first
    # line and text with long lines keep their line ends
    ("Title of the report\nThe Akim of the region met the Ambassador of Japan in Aktobe, and they\ndiscussed "
     "trade.\nNews\n12.05.2025\nThey signed a memorandum.",
     "Title of the report\nThe Akim of the region met the Ambassador of Japan in Aktobe, and they discussed "
     "trade.\nNews\n12.05.2025\nThey signed a memorandum."),
    # ... and one that ends in an abbreviation's full stop (Mr.) too
    ("Title\nThe delegation included the Deputy Secretary General of TURKSOY Mr.\nSayit Yusuf and others.",
     "Title\nThe delegation included the Deputy Secretary General of TURKSOY Mr. Sayit Yusuf and others."),
    # ... whatever the length of the first line (a header or a title)
    ("Title " * 30 + "\nThe Akim of the region met the Ambassador of Japan in Aktobe, and they\ndiscussed trade.",
     "Title " * 30 + "\nThe Akim of the region met the Ambassador of Japan in Aktobe, and they discussed trade."),
    ("Title\n" + "A long line of a paragraph that is written on one line and has no stop " * 3 + "\nnext\nend",
     "Title\n" + "A long line of a paragraph that is written on one line and has no stop " * 3 + "\nnext\nend"),
])
def test_the_text_every_offset_indexes(text, expected):
    assert parse_report("x.txt", text).text == expected


def test_a_kazakh_text_typed_with_a_latin_i_is_read():
    x = extract(parse_report("x.txt", "Шығыс Қазақстан облысының әкiмi Ермек Көшербаев Ресейдiң Өскемендегi Бас "
                                      "консулы Алан Хетагуровпен кездестi."))
    assert [len(m.participants) for m in x.meetings] == [2]


def test_a_meeting_told_over_wrapped_lines_is_read():
    x = extract(parse_report("x.txt", "Kazinform\nOn May 31 in Aktau, the Governor of Mangystau region Alik\n"
                                      "Aidarbayev met with the Ambassador of Germany to Kazakhstan Guido\nHerz.\n"))
    names = {e.key: e.name for e in x.entities}
    assert [{names[p] for p in m.participants} for m in x.meetings] == [{"Alik Aidarbayev", "Guido Herz"}]


def test_a_name_with_doubled_spaces_is_one_name():
    x = extract(parse_report("x.txt", "US  Ambassador  William  H.  Moser met Akim Kumar Aksakalov."))
    assert "William H. Moser" in {e.labels[0].text for e in x.entities if e.kind == "person"}
