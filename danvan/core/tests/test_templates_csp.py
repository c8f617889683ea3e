"""Every template of the project is free of inline script and inline style, which the
Content-Security-Policy refuses: a page would silently lose its behaviour or its look.

Scans templates/ and every danvan/*/templates/ (apps added later are scanned too)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE_DIRS = [ROOT / "templates", *sorted((ROOT / "danvan").glob("*/templates"))]

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
# Only data blocks may be inline: the browser never runs them.
DATA_SCRIPT = re.compile(r"""type\s*=\s*["']application/(ld\+)?json["']""", re.IGNORECASE)
FORBIDDEN = {
    "inline event handler (onclick=…)": re.compile(r"""\son[a-z]{3,}\s*=\s*["'{]""", re.IGNORECASE),
    "style= attribute": re.compile(r"""\sstyle\s*=\s*["'{]""", re.IGNORECASE),
    "<style> element": re.compile(r"<style\b", re.IGNORECASE),
    "javascript: URL": re.compile(r"""=\s*["']\s*javascript:""", re.IGNORECASE),
    "htmx inline code (hx-on)": re.compile(r"\shx-on[:\-=]", re.IGNORECASE),
    "htmx js: values": re.compile(r"""hx-vals\s*=\s*['"]\s*js:""", re.IGNORECASE),
}


def problems_in(text: str) -> list[str]:
    found = []
    for match in SCRIPT_TAG.finditer(text):
        attrs = match.group(1)
        if "src=" not in attrs.replace(" ", "") and not DATA_SCRIPT.search(attrs):
            found.append("inline <script>")
    for label, pattern in FORBIDDEN.items():
        if pattern.search(text):
            found.append(label)
    return found


def all_templates() -> list[Path]:
    return sorted(path for folder in TEMPLATE_DIRS for path in folder.rglob("*.html"))


def test_the_scanner_catches_each_kind_of_inline_code():
    assert problems_in('<script src="/static/a.js" defer></script>') == []
    assert problems_in('<script type="application/json" id="x">{"a": 1}</script>') == []
    assert problems_in("<script>alert(1)</script>") == ["inline <script>"]
    assert problems_in('<select onchange="this.form.submit()">') == ["inline event handler (onclick=…)"]
    assert problems_in('<form class="a" style="display:inline">') == ["style= attribute"]
    assert problems_in("<style>p{}</style>") == ["<style> element"]
    assert problems_in('<a href="javascript:void(0)">') == ["javascript: URL"]
    assert problems_in('<button hx-on:click="go()">') == ["htmx inline code (hx-on)"]
    assert problems_in("<p>Họp trực tuyến online = tốt; style of work</p>") == []


def test_templates_were_found():
    names = {path.relative_to(ROOT).as_posix() for path in all_templates()}
    assert "templates/base.html" in names
    assert "danvan/accounts/templates/accounts/login.html" in names


@pytest.mark.parametrize("path", all_templates(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_inline_script_or_style(path: Path):
    assert problems_in(path.read_text(encoding="utf-8")) == [], (
        f"{path.relative_to(ROOT)}: move the code into danvan/<app>/static/<app>/*.js or a CSS class"
    )
