"""The README documents every registered language and extractor."""

import re
from pathlib import Path

import pytest

from kg.lang import languages
from kg.mentions import available

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end > 0 else None]


@pytest.mark.parametrize("code", sorted(languages()))
def test_every_language_has_a_row(code):
    rows = re.findall(r"^\| `([a-z]{2,3})` \|", _section("Languages"), flags=re.MULTILINE)
    assert code in rows


def test_the_table_lists_no_language_that_is_not_registered():
    rows = re.findall(r"^\| `([a-z]{2,3})` \|", _section("Languages"), flags=re.MULTILINE)
    assert set(rows) == set(languages())


@pytest.mark.parametrize("name", available())
def test_every_extractor_is_documented(name):
    assert f"`{name}`" in _section("Commands")


def test_every_export_format_has_a_cli_choice_and_a_readme_line():
    from click import Choice

    from kg.cli import main
    from kg.exports import FORMATS, formats_table

    option = next(p for p in main.commands["export"].params if p.name == "fmt")
    assert isinstance(option.type, Choice) and list(option.type.choices) == list(FORMATS)
    exports = _section("Exports")
    assert formats_table() in exports
    for name, fmt in FORMATS.items():
        assert f"| `{name}` | `{fmt.file_name}` |" in exports


def test_the_serve_example_counts_the_triples_the_build_example_writes():
    built = re.search(r"^    reports \d+ .* triples (\d+)\b", README, flags=re.MULTILINE)
    served = re.search(r"^    serving exports/diplomacy\.trig \((\d+) triples\)", README, flags=re.MULTILINE)
    assert built and served and built.group(1) == served.group(1)


def test_the_inputs_table_is_the_registry():
    from kg.inputs import READERS, markdown_table

    section = _section("Inputs")
    assert markdown_table() in section
    rows = re.findall(r"^\| `([a-z]+)` \|", section, flags=re.MULTILINE)
    assert rows == [r.name for r in READERS]
