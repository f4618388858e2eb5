"""How frequent an English word is: wordfreq's Zipf frequency (the base-10 logarithm of a word's uses per
billion words), read from ``frequent_words.tsv``, which ``write_frequent_words`` derives from wordfreq's English
list: its words of letters only from ``FREQUENT_ZIPF`` on, the least any pass asks for (a ministry's field,
``kg.lang.en.ministries.FIELD_ZIPF``). wordfreq is a tool for that file only, as for the gazetteer (``pip install -e
'.[gazetteer]'``); read from the file, the table takes milliseconds where importing wordfreq and its list took 0.3 s
of a process's first English report."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kg.files import read_tsv, write_atomic

DATA_FILE = Path(__file__).resolve().parent / "frequent_words.tsv"
FREQUENT_ZIPF = 3.3


@cache
def _table() -> dict[str, float]:
    return {word: float(zipf) for word, zipf in read_tsv(DATA_FILE)}


def zipf(word: str) -> float:
    """The Zipf frequency of a word of letters in lower case, where it is ``FREQUENT_ZIPF`` or more; else 0."""
    return _table().get(word, 0.0)


def write_frequent_words(target: Path | None = None) -> Path:
    """Rewrite ``frequent_words.tsv`` from wordfreq's English list, sorted by word."""
    from importlib.metadata import version

    from wordfreq import get_frequency_dict, zipf_frequency

    rows = sorted((w, zipf_frequency(w, "en")) for w in get_frequency_dict("en") if w.isalpha())
    header = (f"# English words of letters only to which wordfreq {version('wordfreq')} (Robyn Speer; code "
              "Apache-2.0,\n"
              f"# data CC BY-SA 4.0, as is this list) gives a Zipf frequency of {FREQUENT_ZIPF} or more, with it.\n"
              "# Derived by kg.lang.en.frequency.write_frequent_words.\n"
              "word\tzipf\n")

    def write(tmp: str) -> None:
        Path(tmp).write_text(header + "".join(f"{w}\t{z}\n" for w, z in rows if z >= FREQUENT_ZIPF),
                             encoding="utf-8")

    return write_atomic(target or DATA_FILE, write)
