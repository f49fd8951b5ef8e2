"""The console in real headless Chromium against a real uvicorn server (Playwright).

An editor logs in and creates an entry that the resident ask API then answers with; an
unanswered question asked through the API appears in the console and becomes an entry; the
dashboard shows the counts these steps produced. Screenshots go to docs/screenshots/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from jichitai_ai.config import Settings
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate
from jichitai_ai.storage.db import Database
from tests.console.browser import CHROMIUM, CHROMIUM_ARGS, RemoteRequests, serve
from tests.console.helpers import PASSWORD, World, make_app, seed

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, World]]:
    """A seeded SQLite deployment served on 127.0.0.1:<random port>."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'console.db'}"
    db = Database(url)
    migrate.upgrade(db)
    db.dispose()
    platform = Platform(replace(Settings(), database_url=url, secret_key="browser-test-secret"))
    world = seed(platform)
    try:
        with serve(make_app(platform)) as base_url:
            yield base_url, world
    finally:
        platform.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (make services installs it)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def guarded(browser: Any, site: tuple[str, World]) -> Iterator[tuple[Any, RemoteRequests]]:
    """A 1280px-wide page whose requests to any other host are blocked and recorded."""
    base_url, _ = site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    remote = RemoteRequests(base_url)
    context.route("**/*", remote)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page, remote
    context.close()
    assert remote.blocked == [], f"the console tried to load remote URLs: {remote.blocked}"


def _login(page: Any, base_url: str, username: str, target: str) -> None:
    page.goto(base_url + target)
    assert "/console/login" in page.url
    page.get_by_label("ユーザー名").fill(username)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログインする").click()
    page.wait_for_url(re.compile(re.escape(target) + "$"))


def _menu(page: Any, name: str) -> Any:
    return page.get_by_role("navigation", name="メインメニュー").get_by_role("link", name=name)


def _ask(page: Any, base_url: str, slug: str, question: str) -> dict[str, Any]:
    response = page.request.post(
        f"{base_url}/api/v1/tenants/{slug}/ask", data={"question": question}
    )
    assert response.ok, response.text()
    result: dict[str, Any] = response.json()
    return result


def _entry_id(url: str) -> int:
    match = re.search(r"/faq/(\d+)", url)
    assert match, url
    return int(match.group(1))


def test_editor_journey_entry_unanswered_dashboard(
    guarded: tuple[Any, RemoteRequests], site: tuple[str, World]
) -> None:
    page, _ = guarded
    base_url, _world = site
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    asked = {"answer": 0, "no_answer": 0, "clarify": 0}

    def ask(question: str) -> dict[str, Any]:
        result = _ask(page, base_url, "aoba", question)
        asked[result["decision"]] += 1
        return result

    # 1. An editor logs in and creates a published entry, checking the resident preview first.
    _login(page, base_url, "aoba-editor", "/console/t/aoba/faq")
    page.get_by_role("link", name="新規作成").click()
    page.get_by_label("質問", exact=False).first.fill("犬の登録はどこでできますか")
    page.get_by_label("言い換え").fill("犬を飼い始めたときの手続き\n犬の登録をしたい")
    page.get_by_label("回答", exact=False).first.fill(
        "犬を飼い始めたら30日以内に環境課で登録してください。登録手数料は3,000円です。"
    )
    page.get_by_label("担当課", exact=True).fill("環境課")
    page.get_by_label("電話番号").fill("0000-00-3333")
    page.get_by_label("状態").select_option("published")
    page.get_by_role("button", name="プレビュー").click()
    preview = page.locator(".resident-card")
    assert "登録手数料は3,000円です。" in preview.inner_text()
    assert "0000-00-3333" in preview.inner_text()
    page.get_by_role("button", name="保存する").click()
    page.wait_for_url(re.compile(r"/faq/\d+\?done=created"))
    assert page.get_by_role("status").first.inner_text() == "作成しました。"
    dog_entry = _entry_id(page.url)

    # … and the resident ask API answers with it.
    result = ask("犬の登録をしたいのですが")
    assert result["decision"] == "answer" and result["answer"]["entry_id"] == dog_entry
    vote = page.request.post(
        f"{base_url}/api/v1/tenants/aoba/feedback",
        data={"token": result["feedback_token"], "kind": "resolved"},
    )
    assert vote.ok

    # 2. Questions the FAQ cannot answer appear in the console, grouped.
    for question in (
        "ドローンの飛行許可を取りたい",
        "ドローンを飛ばす許可はどこで取れますか",
        "ドローンの飛行許可を取りたい",
    ):
        assert ask(question)["decision"] == "no_answer"
    _menu(page, "未回答の質問").click()
    group = page.locator("#unanswered-groups > li").first
    assert "ドローンの飛行許可を取りたい" in group.inner_text() and "3 回" in group.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "console-unanswered.png"), full_page=True)

    # … and becomes an entry from its prefilled form.
    group.get_by_role("link", name=re.compile("この質問から FAQ を作成")).click()
    assert (
        page.get_by_label("質問", exact=False).first.input_value() == "ドローンの飛行許可を取りたい"
    )
    assert "ドローンを飛ばす許可" in page.get_by_label("言い換え").input_value()
    page.get_by_label("回答", exact=False).first.fill(
        "ドローンの飛行には国土交通省への許可申請が必要な場合があります。市の公園での飛行は公園緑地課にご相談ください。"
    )
    page.get_by_label("担当課", exact=True).fill("公園緑地課")
    page.get_by_label("状態").select_option("published")
    page.get_by_role("button", name="保存する").click()
    page.wait_for_url(re.compile(r"/faq/\d+\?done=created"))
    drone_entry = _entry_id(page.url)
    result = ask("ドローンの飛行許可を取りたい")
    assert result["decision"] == "answer" and result["answer"]["entry_id"] == drone_entry

    # 3. The FAQ list shows own and inherited entries.
    _menu(page, "FAQ管理").click()
    table = page.locator("#faq-table")
    assert "犬の登録はどこでできますか" in table.inner_text() and "継承" in table.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "console-faq.png"), full_page=True)

    # 4. The dashboard shows exactly the questions asked above (editors may see KPIs).
    _menu(page, "効果検証").click()
    page.wait_for_selector("html[data-charts=ready]")
    total = sum(asked.values())
    assert page.locator('[data-kpi="total"]').inner_text() == str(total) == "5"
    assert page.locator('[data-kpi="answered"]').inner_text() == f"{asked['answer']} 件" == "2 件"
    assert (
        page.locator('[data-kpi="handed_over"]').inner_text()
        == f"{asked['no_answer']} 件"
        == "3 件"
    )
    assert (
        page.locator('[data-kpi="answered_rate"]').inner_text()
        == f"{100 * asked['answer'] / total:.1f}%"
    )
    assert page.locator('[data-kpi="self_resolution_rate"]').inner_text() == "100.0%"
    assert page.locator("#chart-days svg[role=img] rect").count() >= 2
    assert "ドローン" in page.locator("#top-unanswered").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "console-dashboard.png"), full_page=True)


def test_logged_out_and_forbidden_in_the_browser(
    guarded: tuple[Any, RemoteRequests], site: tuple[str, World]
) -> None:
    page, _ = guarded
    base_url, world = site
    page.goto(f"{base_url}/console/t/sakura/dashboard")
    assert "/console/login?next=/console/t/sakura/dashboard" in page.url
    page.get_by_label("ユーザー名").fill("aoba-editor")
    page.get_by_label("パスワード").fill("wrong-password")
    page.get_by_role("button", name="ログインする").click()
    assert "ログインできませんでした" in page.get_by_role("alert").inner_text()
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログインする").click()
    assert page.get_by_role("heading", level=1).inner_text() == "操作できませんでした"
    response = page.goto(f"{base_url}/console/t/aoba/faq/{world.sakura_entry}")
    assert response is not None and response.status == 404


def test_tablet_layout_keyboard_and_english(browser: Any, site: tuple[str, World]) -> None:
    base_url, world = site
    context = browser.new_context(
        viewport={"width": 768, "height": 1024}, locale="ja-JP", has_touch=True
    )
    remote = RemoteRequests(base_url)
    context.route("**/*", remote)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/console/login")
        # The first Tab reaches the skip link, which is visible and outlined when focused.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
        page.keyboard.press("Tab")
        order = []
        for _ in range(6):
            order.append(
                page.evaluate(
                    "document.activeElement.id || document.activeElement.textContent.trim()"
                )
            )
            page.keyboard.press("Tab")
        assert order.index("username") < order.index("password") < order.index("ログインする")
        page.get_by_label("ユーザー名").fill("pref-admin")
        page.get_by_label("パスワード").fill(PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/console/t/\w+/faq$"))
        for path in (
            "/console/t/aoba/faq",
            f"/console/t/aoba/faq/{world.aoba_entry}",
            "/console/t/pref/dashboard",
            "/console/t/aoba/unanswered",
        ):
            page.goto(base_url + path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, (path, overflow)
        page.get_by_role("link", name="English").click()
        assert (
            page.get_by_role("heading", level=1).inner_text()
            == "Unanswered and low-rated questions"
        )
        page.goto(f"{base_url}/console/t/pref/dashboard")
        assert page.locator("html").get_attribute("lang") == "en"
        assert "KPI dashboard" in page.get_by_role("heading", level=1).inner_text()
        assert page.locator("#tenant-table").count() == 1  # the prefecture sees its members
    finally:
        context.close()
    assert remote.blocked == []
