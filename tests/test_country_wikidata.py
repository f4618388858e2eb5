"""The ISO 3166-1 alpha-2 -> Wikidata QID lexicon in kg/lexicons/country_wikidata.tsv."""

import re
from importlib.resources import files

import pycountry
import pytest

QID = re.compile(r"^Q[0-9]+$")
HEADER = ["alpha2", "wikidata"]


def _read_lines() -> list[str]:
    path = files("kg") / "lexicons" / "country_wikidata.tsv"
    return path.read_text(encoding="utf-8").splitlines()


def _parse() -> list[tuple[str, str]]:
    lines = [line for line in _read_lines() if line and not line.startswith("#")]
    assert lines, "no data lines"
    assert lines[0].split("\t") == HEADER, f"bad column header: {lines[0]!r}"
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        assert len(fields) == 2, f"data line {number} has {len(fields)} fields: {line!r}"
        rows.append((fields[0], fields[1]))
    return rows


@pytest.fixture(scope="module")
def rows() -> list[tuple[str, str]]:
    return _parse()


@pytest.fixture(scope="module")
def mapping(rows: list[tuple[str, str]]) -> dict[str, str]:
    return dict(rows)


def test_starts_with_comment_block_naming_source_and_licence():
    lines = _read_lines()
    assert lines[0].startswith("#")
    comments = "\n".join(line for line in lines if line.startswith("#"))
    assert "Source:" in comments
    assert "CC0" in comments


def test_codes_are_pycountry_alpha2(rows: list[tuple[str, str]]):
    unknown = [code for code, _ in rows if pycountry.countries.get(alpha_2=code) is None]
    assert not unknown, f"not ISO 3166-1 alpha-2 codes known to pycountry: {unknown}"
    assert all(code == code.upper() for code, _ in rows)


def test_qids_are_well_formed(rows: list[tuple[str, str]]):
    bad = [(code, qid) for code, qid in rows if not QID.match(qid)]
    assert not bad, f"malformed QIDs: {bad}"


def test_no_duplicate_codes(rows: list[tuple[str, str]]):
    codes = [code for code, _ in rows]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    assert not duplicates, f"duplicate codes: {duplicates}"


def test_no_duplicate_qids(rows: list[tuple[str, str]]):
    qids = [qid for _, qid in rows]
    duplicates = sorted({qid for qid in qids if qids.count(qid) > 1})
    assert not duplicates, f"QIDs used for more than one code: {duplicates}"


def test_covers_every_pycountry_country(mapping: dict[str, str]):
    missing = sorted({country.alpha_2 for country in pycountry.countries} - mapping.keys())
    assert not missing, f"countries without a QID: {missing}"


@pytest.mark.parametrize(
    ("alpha2", "qid"),
    [
        ("KZ", "Q232"),
        ("RU", "Q159"),
        ("CN", "Q148"),
        ("US", "Q30"),
        ("DE", "Q183"),
        ("FR", "Q142"),
        ("GB", "Q145"),
        ("JP", "Q17"),
        ("BE", "Q31"),
        ("KG", "Q813"),
        ("UZ", "Q265"),
        ("TR", "Q43"),
    ],
)
def test_known_pairs(mapping: dict[str, str], alpha2: str, qid: str):
    assert mapping[alpha2] == qid
