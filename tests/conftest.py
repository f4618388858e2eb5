from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seeds_build():
    from kg.pipeline import build

    return build([ROOT / "seeds"])


@pytest.fixture(scope="session")
def seed_files(seeds_build, tmp_path_factory) -> dict[str, Path]:
    """The seeds' graph written once as Turtle (every triple once) and TriG (a graph per report)."""
    from kg.graph import write_dataset

    folder = tmp_path_factory.mktemp("seed-files")
    seeds_build.graph.serialize(folder / "diplomacy.ttl", format="turtle")
    write_dataset(seeds_build.dataset, folder / "diplomacy.trig", "trig")
    return {"ttl": folder / "diplomacy.ttl", "trig": folder / "diplomacy.trig"}


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium through Playwright (tests/browser_support.py says whether it is there)."""
    from browser_support import ARGS, CHROMIUM, MISSING

    if MISSING:
        pytest.fail(f"DIPKG_REQUIRE_BROWSER is set but {MISSING}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def opened(browser):
    """Open pages (tests/browser_support.Opened) that are closed after the test."""
    from browser_support import Opened

    pages: list = []

    def open_(path: Path):
        pages.append(Opened(browser, path))
        return pages[-1]

    yield open_
    for p in pages:
        p.close()
