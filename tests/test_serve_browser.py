"""The query page of a running ``kg serve`` in headless Chromium (as tests/test_views_browser.py):
it loads with no console error and no request to another origin, shows a tab per named query, and
a named query run from the page shows its rows. A screenshot goes to test-artifacts/serve/."""

import subprocess
import sys
from pathlib import Path

import pytest
from browser_support import ARGS, CHROMIUM, MISSING, NEEDS_BROWSER

from kg.query import named_queries

pytestmark = NEEDS_BROWSER
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "serve"


@pytest.fixture(scope="module")
def endpoint(seed_files):
    """``kg serve`` in a subprocess on a free port; the endpoint's URL."""
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--graph", str(seed_files["trig"]), "--port", "0",
                             "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        yield line.split(" at ")[1].split()[0]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()


@pytest.fixture
def page():
    if MISSING:
        pytest.fail(f"DIPKG_REQUIRE_BROWSER is set but {MISSING}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser.new_page(viewport={"width": 1440, "height": 900})
        browser.close()


def test_named_query_runs_from_the_page(endpoint, page):
    errors: list[str] = []
    foreign: list[str] = []
    home = endpoint.rsplit("/", 1)[0]
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith((home, "data:", "blob:")) else foreign.append(r.url))
    page.goto(home + "/")
    page.wait_for_selector(".yasgui .tabsList")
    tabs = page.locator(".yasgui .tabsList .tab").all_inner_texts()
    names = [q.name for q in named_queries()]
    assert [t.split("\n")[0].strip() for t in tabs if t.strip()][: len(names)] == names

    page.locator(".yasgui .tabsList .tab", has_text="countries").first.click()
    page.locator(".yasgui .tabPanel.active .yasqe_queryButton").click()
    rows = page.locator(".yasgui .tabPanel.active .yasr tbody tr")
    rows.first.wait_for(timeout=15_000)
    text = page.locator(".yasgui .tabPanel.active .yasr tbody").inner_text()
    assert rows.count() == 8 and "KZ" in text and "Belgium" in text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "query-page.png"))
    assert not errors, errors
    assert not foreign, foreign
