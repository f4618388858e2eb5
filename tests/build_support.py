"""Report folders written from short texts, for the tests that build a graph from them."""

from __future__ import annotations

from pathlib import Path


def report_folder(folder: Path, reports: dict[str, str]) -> Path:
    """``folder`` with one file per report text, named by its key."""
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
