"""kg.written: a place's or organization's name as a query is asked it, listed without regular expressions."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.written import listed, without_possessive, written_forms


@pytest.mark.parametrize(("value", "expected"), [
    ("UNESCO", "|unesco|"),
    ("  Toyota's ", "|toyota|toyota's|"),
    ("Toyota’s", "|toyota|toyota’s|"),
    ("John  Cockerill", "|john cockerill|"),
    ("-ЮНЕСКО-", "|юнеско|"),
    ("a|b", "|a b|"),
    ("Қaзaқстaн", "|қазақстан|"),  # Latin a's among Cyrillic letters, folded
    ("   ", ""),
])
def test_written_forms(value: str, expected: str) -> None:
    assert written_forms(value) == expected


@pytest.mark.parametrize(("word", "expected"), [("Toyota's", "Toyota"), ("Toyota’s", "Toyota"), ("Lagos", "Lagos"),
                                                ("'s", "")])
def test_without_possessive(word: str, expected: str) -> None:
    assert without_possessive(word) == expected


@pytest.mark.parametrize(("values", "expected"), [("|a|b c|", ("a", "b c")), ("", ()), ("||", ())])
def test_listed(values: str, expected: tuple[str, ...]) -> None:
    assert listed(values) == expected


@pytest.mark.parametrize("value", ["UNESCO", "Toyota's", "Северо-Казахстанской области", "Қaзaқстaн", "a|b", " - "])
def test_the_forms_as_written_are_those_label_forms_gives_without_the_languages(value: str) -> None:
    from kg.names import label_forms

    assert written_forms(value) == label_forms(value, forms=False)


def test_forms_as_written_import_no_regular_expressions() -> None:
    code = ("import sys; before = set(sys.modules); from kg.written import written_forms; written_forms(\"Toyota's\"); "
            "print(' '.join(sorted(set(sys.modules) - before)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "kg.written" in done.stdout.split() and "re" not in done.stdout.split()
