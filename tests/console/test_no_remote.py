"""Nothing remote (LGWAN): crawl every console page logged in and fail on any reference to
another host in HTML, CSS and JS — scripts, styles, fonts, images, @import, protocol-relative
URLs. The only http URL allowed is the SVG XML namespace, an identifier that is never fetched."""

from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser

from fastapi.testclient import TestClient

from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import FeedbackEvent, QuestionLog
from jichitai_ai.timeutil import utcnow
from tests.console.helpers import World, login

#: An absolute or protocol-relative URL with a host.
URL_RE = re.compile(r"(?:\b[a-z][a-z0-9+.-]*:)?//(?:[a-z0-9-]+\.)*[a-z0-9-]+(?::\d+)?", re.I)
ALLOWED = {"http://www.w3.org/2000/svg"}
APP_HOSTS = {"testserver"}
SKIP = ("/export", ".csv", ".xlsx", ".json", "/logout")


def external_urls(text: str) -> list[str]:
    found = []
    for match in URL_RE.finditer(text):
        url = match.group(0)
        host = url.split("//", 1)[1].split(":")[0].lower()
        # example.jp is reserved for examples (JPRS): hints like "https://www.city.example.jp"
        # on the widget page are text, never loaded.
        example = host == "example.jp" or host.endswith(".example.jp")
        if (
            example
            or host in APP_HOSTS
            or any(url.startswith(a) or a.startswith(url) for a in ALLOWED)
        ):
            continue
        found.append(url)
    return found


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.pages: list[str] = []
        self.assets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.pages.append(values["href"] or "")
        for name in ("src", "href", "srcset", "poster", "data"):
            value = values.get(name)
            if value and tag in (
                "script",
                "link",
                "img",
                "source",
                "video",
                "audio",
                "iframe",
                "object",
                "embed",
            ):
                self.assets.append(value)


def _seed_activity(platform: Platform, world: World) -> None:
    """Questions and feedback so the unanswered, learning and dashboard pages have content."""
    now = utcnow()
    with platform.db.write() as db:
        for i, text in enumerate(
            ["ドローンの飛行許可を取りたい", "ドローン 許可", "花火大会はいつ"]
        ):
            db.add(
                QuestionLog(
                    tenant_id=world.aoba_id,
                    asked_at=now - timedelta(hours=i),
                    question=text,
                    decision="no_answer",
                    candidates=[],
                )
            )
        db.add(
            QuestionLog(
                tenant_id=world.aoba_id,
                asked_at=now,
                question="住民票",
                decision="answer",
                answer_entry_id=world.aoba_entry,
                resolved=True,
                candidates=[],
            )
        )
        db.add(
            FeedbackEvent(
                tenant_id=world.aoba_id, entry_id=world.aoba_entry, kind="resolved", signal=1.0
            )
        )


def _crawl(client: TestClient, start: list[str], limit: int = 120) -> dict[str, str]:
    seen: dict[str, str] = {}
    queue = list(start)
    while queue and len(seen) < limit:
        path = queue.pop(0).replace("&amp;", "&")
        if path in seen or not path.startswith("/console") or any(s in path for s in SKIP):
            continue
        response = client.get(path)
        assert response.status_code in (200, 403, 404), (path, response.status_code)
        seen[path] = response.text
        parser = _Links()
        parser.feed(response.text)
        queue.extend(p for p in parser.pages if p.startswith("/console"))
        for asset in parser.assets:
            assert asset.startswith("/") and not asset.startswith("//"), (path, asset)
            if asset not in seen:
                content = client.get(asset)
                assert content.status_code == 200, asset
                seen[asset] = content.text
    return seen


def test_every_console_page_and_asset_is_local(
    client: TestClient, platform: Platform, world: World
) -> None:
    _seed_activity(platform, world)
    pages = {"/console/login": client.get("/console/login").text}
    login(client, "pref-admin")
    start = [
        f"/console/t/{slug}/{section}"
        for slug in ("pref", "aoba", "sakura")
        for section in (
            "faq",
            "unanswered",
            "learning",
            "dashboard",
            "faq/new",
            "faq/import",
            "approvals",
            "departments",
            "tuning",
            "widget",
            "staff",
        )
    ]
    start += [
        f"/console/t/aoba/faq/{world.aoba_entry}/history",
        "/console/t/aoba/faq/999999",
        "/console/t/aoba/faq?lang=en",
    ]
    pages.update(_crawl(client, start))
    kinds = {".css": 0, ".js": 0, "html": 0}
    for path, text in pages.items():
        kinds[".css" if path.endswith(".css") else ".js" if path.endswith(".js") else "html"] += 1
        assert external_urls(text) == [], path
        assert "@import" not in text and "fonts.g" not in text, path
        assert not re.search(r"url\(\s*['\"]?(?!/|data:|#)", text), path
    assert kinds[".css"] >= 1 and kinds[".js"] >= 2 and kinds["html"] >= 25, kinds
    # The crawl reached the pages that matter.
    assert any("/faq/new?question=" in p for p in pages)
    assert any(p.endswith("/history") for p in pages)


def test_links_in_entries_are_anchors_never_loaded(
    client: TestClient, platform: Platform, world: World
) -> None:
    from jichitai_ai.services import faq as faq_service

    with platform.db.write() as db:
        record = faq_service.record_of(faq_service.get_entry(db, world.aoba_id, world.aoba_entry))
        record.source_url = "https://www.city.aoba.example.jp/juminhyo"
        faq_service.update_entry(db, world.aoba_id, world.aoba_entry, record)
    login(client, "aoba-editor")
    html = client.get(f"/console/t/aoba/faq/{world.aoba_entry}").text
    parser = _Links()
    parser.feed(html)
    assert all(a.startswith("/") for a in parser.assets)
    assert '<a href="https://www.city.aoba.example.jp/juminhyo" rel="noopener noreferrer"' in html


def test_the_checker_catches_remote_references() -> None:
    samples = [
        '<script src="https://cdn.example.com/chart.js"></script>',
        '<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Noto">',
        "@import url(http://example.org/x.css);",
        "fetch('https://telemetry.example.net/collect')",
    ]
    for sample in samples:
        assert external_urls(sample), sample
    assert external_urls('<svg xmlns="http://www.w3.org/2000/svg"></svg>') == []
    assert external_urls("// a JavaScript comment\n/* block */ a = b // c") == []
