"""The HTML page: one file holding vis-network, the page's script and style, and the view's data.

vis-network's script and stylesheet are the copies shipped inside the pyvis package, inlined,
so the page needs no network. The data is JSON in two non-executable script elements (what the
graph needs to be drawn, and the facts and evidence the panel shows, read on the first click), with
``<``, ``>`` and ``&`` written as ``\\u003c`` etc., so no text of a report can close the
element or start markup. A Content-Security-Policy allows only the page's own inline scripts
(by hash), and no network at all.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import DipkgError

VIS_VERSION = "9.1.2"
# The source map line at the end of a minified script (the map is not shipped).
SOURCE_MAP = re.compile(r"//# sourceMappingURL=\S+\s*$")
_ASSETS = resources.files("kg.views") / "assets"


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's standalone script and stylesheet, from the pyvis package (9.1.2 in pyvis 0.3.2)."""
    import pyvis

    root = Path(pyvis.__file__).parent
    folders = [root / "lib" / f"vis-{VIS_VERSION}", root / "templates" / "lib" / f"vis-{VIS_VERSION}"]
    folders += sorted(root.glob("**/vis-*"), reverse=True)  # another pyvis release: its newest copy
    for folder in folders:
        js, css = folder / "vis-network.min.js", folder / "vis-network.css"
        if js.is_file() and css.is_file():
            script = SOURCE_MAP.sub("", js.read_text(encoding="utf-8"))
            return script, css.read_text(encoding="utf-8")
    raise DipkgError(f"vis-network not found in the pyvis package at {root}; reinstall pyvis")


@cache
def own_assets() -> tuple[str, str]:
    """The page's script (the timeline's bars, the labels, then the view) and stylesheet."""
    script = "\n".join((_ASSETS / name).read_text(encoding="utf-8") for name in ("chart.js", "labels.js", "view.js"))
    return script, (_ASSETS / "view.css").read_text(encoding="utf-8")


def embed_json(data: Any) -> str:
    """JSON safe inside a script element and as JavaScript: markup characters as escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


DETAILS = ("evidence", "sentences", "reports", "terms")


def split_payload(payload: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """What the page needs to draw, and what only its panel needs (the facts, their evidence and
    reports), which the page parses on the first click: a large view opens sooner."""
    catalog = []
    facts = {}
    for i, entry in enumerate(payload["catalog"]):
        if "f" in entry:
            facts[str(i)] = entry["f"]
            entry = {k: v for k, v in entry.items() if k != "f"}
        catalog.append(entry)
    core = {k: v for k, v in payload.items() if k not in DETAILS}
    core["catalog"] = catalog
    return core, {"facts": facts, **{k: payload[k] for k in DETAILS}}


def _script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def render_page(payload: dict[str, Any]) -> str:
    vis_js, vis_css = vis_assets()
    view_js, view_css = own_assets()
    for name, code in (("vis-network", vis_js), ("view", view_js)):
        if "</script" in code.lower():
            raise DipkgError(f"{name} script contains '</script' and cannot be inlined")
    policy = ("default-src 'none'; "
              f"script-src {_script_hash(vis_js)} {_script_hash(view_js)}; "
              "style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; "
              "base-uri 'none'; form-action 'none'")
    core, details = split_payload(payload)
    lang = payload["lang"]
    title = payload["title"].get(lang) or next(iter(payload["title"].values()))
    return f"""<!DOCTYPE html>
<html lang="{html.escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="generator" content="dipkg">
<title>{html.escape(title)}</title>
<style>{vis_css}</style>
<style>{view_css}</style>
</head>
<body data-state="loading">
<header id="bar">
  <h1 id="title"></h1>
  <div id="search-box">
    <input id="search" type="search" autocomplete="off" spellcheck="false" aria-label="search">
    <ol id="results" role="listbox"></ol>
  </div>
  <label id="lang-label"><span id="lang-name"></span>
    <select id="lang"><option value="kk">қазақша</option><option value="ru">русский</option>
    <option value="en">English</option></select></label>
</header>
<main>
  <aside id="legend"></aside>
  <div id="graph"><div id="status"></div></div>
  <aside id="panel"></aside>
</main>
<script id="dipkg-data" type="application/json">{embed_json(core)}</script>
<script id="dipkg-details" type="application/json">{embed_json(details)}</script>
<script>{vis_js}</script>
<script>{view_js}</script>
</body>
</html>
"""
