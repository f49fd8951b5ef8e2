"""Nothing remote (LGWAN): a server-side crawl of every resident page and asset.

Each page, stylesheet and script the resident side serves may only load files from the app
itself. Links to a municipality's own pages (an answer's source, a form) are plain anchors
that open on a click, never fetched by the page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient

from jichitai_ai.i18n import LANGUAGES
from jichitai_ai.services.platform import Platform

from . import helpers

#: Attributes through which a page makes the browser fetch something by itself.
FETCHING = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("object", "data"),
    ("embed", "src"),
    ("form", "action"),
    ("use", "href"),
    ("image", "href"),
}
SVG_NAMESPACE = "http://www.w3.org/2000/svg"


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.anchors: list[dict[str, str]] = []
        self.inline_scripts = 0
        self.style_attrs = 0
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for name, value in values.items():
            if (tag, name) in FETCHING:
                self.fetched.append(value)
            if name == "style":
                self.style_attrs += 1
            if name.startswith("on"):
                self.inline_scripts += 1
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.fetched.append(values.get("content", ""))
        if tag == "a":
            self.anchors.append(values)
        if tag == "script" and "src" not in values:
            kind = values.get("type", "")
            if kind != "application/json":
                self.inline_scripts += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _local(url: str) -> bool:
    return (url.startswith("/") and not url.startswith("//")) or url.startswith("#")


def _check_page(client: TestClient, html: str, seen_assets: set[str]) -> None:
    parser = _Resources()
    parser.feed(html)
    assert parser.inline_scripts == 0 and parser.style_attrs == 0
    for url in parser.fetched:
        assert _local(url), f"page fetches {url!r}"
        path = url.split("#")[0]
        if url.startswith("/resident/static/") and path not in seen_assets:
            seen_assets.add(path)
            _check_asset(client, path)
    for anchor in parser.anchors:
        href = anchor.get("href", "")
        if _local(href) or href.startswith(("tel:", "mailto:")):
            continue
        # Content links (source, related pages, forms): opened by the resident, never fetched.
        assert href.startswith("https://") or href.startswith("http://"), href
        assert "noreferrer" in anchor.get("rel", "") and anchor.get("target") == "_blank"


def _check_asset(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, path
    text = r.text
    if path.endswith(".css"):
        assert "@import" not in text
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            assert url.startswith(("data:", "/")) and not url.startswith("//"), url
    urls = [u for u in re.findall(r"https?://[^\s'\"<>)]+", text) if u != SVG_NAMESPACE]
    assert urls == [], f"{path} names remote URLs {urls}"


def test_every_resident_page_loads_only_app_files(client: TestClient, demo: Platform) -> None:
    seen: set[str] = set()
    client.post("/t/aoba-city/notice", data={"lang": "ja"})
    for base in ("/t/aoba-city/", "/t/aoba-city/embed", "/t/sakura-town/", "/t/mizuho-pref/"):
        for lang in LANGUAGES:
            r = client.get(f"{base}?lang={lang}")
            assert r.status_code == 200
            _check_page(client, r.text, seen)
    answered = [
        helpers.answer_with_source(demo).question,
        helpers.clarify(demo).question,
        helpers.no_answer(demo).question,
    ]
    for question in answered:
        r = client.post("/t/aoba-city/", data={"question": question, "lang": "ja"})
        _check_page(client, r.text, seen)
    _check_page(client, client.get("/t/nowhere/").text, seen)
    assert {"/resident/static/chat.css", "/resident/static/chat.js"} <= seen
    widget = client.get("/widget.js").text
    remote = [u for u in re.findall(r"https?://[^\s'\"<>)]+", widget) if u != SVG_NAMESPACE]
    assert remote == []  # it only ever uses the origin it was loaded from
    # One request of its own: to the origin it came from, asking whether this site may embed.
    assert re.findall(r"fetch\(([^,]+),", widget) == ['origin + "/t/" + tenant + "/widget-status"']
    assert "XMLHttpRequest" not in widget


def test_static_files_are_nosniff(client: TestClient) -> None:
    for name in ("chat.css", "chat.js", "icon.svg"):
        r = client.get(f"/resident/static/{name}")
        assert r.status_code == 200 and r.headers["x-content-type-options"] == "nosniff"
