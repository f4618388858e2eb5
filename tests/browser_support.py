"""Chromium for the browser tests: the page helper, and whether a browser is there (conftest.py's fixtures)."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "views"
CHROMIUM = os.environ.get("DIPKG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install -e '.[dev]')"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set DIPKG_CHROMIUM)"
    return None


MISSING = _missing()
NEEDS_BROWSER = pytest.mark.skipif(MISSING is not None and not os.environ.get("DIPKG_REQUIRE_BROWSER"),
                                   reason=f"browser tests skipped: {MISSING}")


class Opened:
    """A page opened from file://, with what it logged and asked of the network."""

    def __init__(self, browser, path: Path) -> None:
        self.context = browser.new_context(viewport={"width": 1440, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: r.url.startswith("file:") or self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-state=ready]", state="attached", timeout=90_000)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def ref(self, query: str) -> int:
        return self.js("q => window.dipkg.search(q)[0]", query)

    def click_node(self, ref: int) -> None:
        """A real mouse click on the node where it is drawn."""
        self.js("ref => window.dipkg.network.focus(ref, {scale: 1.4, animation: false})", ref)
        point = self.js("""ref => { const n = window.dipkg.network;
                                    return n.canvasToDOM(n.getPositions([ref])[ref]); }""", ref)
        assert self.js("p => window.dipkg.network.getNodeAt(p)", point) == ref
        box = self.page.locator("#graph").bounding_box()
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def opened(browser):
    pages: list[Opened] = []

    def open_(path: Path) -> Opened:
        pages.append(Opened(browser, path))
        return pages[-1]

    yield open_
    for p in pages:
        p.close()
