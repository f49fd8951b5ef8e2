"""The console in real headless Chromium against a real uvicorn server (Playwright).

An editor logs in and creates an entry that the resident ask API then answers with; an
unanswered question asked through the API appears in the console and becomes an entry; the
dashboard shows the counts these steps produced. Screenshots go to docs/screenshots/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import guarded_context, login, seeded_console
from tests.console.helpers import PASSWORD, World, make_app

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, World]]:
    """A seeded SQLite deployment served on 127.0.0.1:<random port>."""
    with seeded_console(tmp_path_factory, "browser", make_app) as served:
        yield served


@pytest.fixture
def guarded(browser: Any, site: tuple[str, World]) -> Iterator[Any]:
    """A 1280px-wide page whose requests to any other host are blocked and fail the test."""
    with guarded_context(browser, site[0], timeout_ms=15_000) as context:
        yield context.new_page()


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


def _switch_user(page: Any, base_url: str, username: str, target: str) -> None:
    page.context.clear_cookies()
    login(page, base_url, username, target)


def _approve_first_pending(page: Any, base_url: str, screenshot: str = "") -> str:
    """As the approver: open the queue's newest change, check the diff, approve it."""
    _menu(page, "承認").click()
    page.locator("#changes-table tbody tr a").last.click()
    diff = page.locator("#resident-diff")
    assert diff.locator("tr.diff-changed").count() >= 1
    if screenshot:
        page.screenshot(path=str(SCREENSHOTS / screenshot), full_page=True)
    text = diff.inner_text()
    page.locator("#approve-button").click()
    assert page.locator("#change-state").inner_text() == "公開済み"
    return str(text)


def test_editor_approver_resident_journey(guarded: Any, site: tuple[str, World]) -> None:
    """Editor → approver → resident with a diff; unanswered → 言い換え → answered; a
    department change reaching entries; the test box; KPI figures equal on card, chart, file."""
    page = guarded
    base_url, _world = site
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    asked = {"answer": 0, "no_answer": 0, "clarify": 0}

    def ask(question: str) -> dict[str, Any]:
        result = _ask(page, base_url, "aoba", question)
        asked[result["decision"]] += 1
        return result

    # 1. An editor writes an entry, checks the resident preview and submits it for approval.
    login(page, base_url, "aoba-editor", "/console/t/aoba/faq")
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
    assert "登録手数料は3,000円です。" in page.locator(".resident-card").inner_text()
    page.get_by_role("button", name="承認申請").click()
    page.wait_for_url(re.compile(r"/faq/\d+\?done=submitted"))
    dog_entry = _entry_id(page.url)
    # Saving did not publish: residents are not answered yet.
    assert ask("犬の登録をしたいのですが")["decision"] != "answer"

    # 2. The approver sees what changes for residents, side by side, and approves.
    _switch_user(page, base_url, "aoba-approver", "/console/t/aoba/faq")
    diff = _approve_first_pending(page, base_url, "console-approval.png")
    assert "登録手数料は3,000円です。" in diff
    result = ask("犬の登録をしたいのですが")
    assert result["decision"] == "answer" and result["answer"]["entry_id"] == dog_entry

    # 3. An edit of a published entry: the diff marks what is removed and what is added.
    _switch_user(page, base_url, "aoba-editor", f"/console/t/aoba/faq/{dog_entry}")
    page.get_by_label("回答", exact=False).first.fill(
        "犬を飼い始めたら30日以内に環境課または支所で登録してください。登録手数料は3,000円です。"
    )
    page.get_by_role("button", name="承認申請").click()
    page.wait_for_url(re.compile(r"\?done=submitted"))
    assert "承認待ち" in page.locator("#open-change").inner_text()
    _switch_user(page, base_url, "aoba-approver", "/console/t/aoba/faq")
    _menu(page, "承認").click()
    page.locator("#changes-table tbody tr a").last.click()
    assert page.locator("#resident-diff tr[data-field=answer] ins").inner_text() == "または支所"
    page.screenshot(path=str(SCREENSHOTS / "console-approval-diff.png"), full_page=True)
    page.locator("#approve-button").click()
    assert "支所" in ask("犬の登録をしたいのですが")["answer"]["answer"]

    # 4. A department's new phone number reaches every entry of the department at once.
    _menu(page, "部署").click()
    page.get_by_role("link", name="市民課").click()
    assert "1 件" in page.locator("#department-reach").inner_text()
    page.get_by_label("電話番号").fill("0000-55-1234")
    page.get_by_role("button", name="保存する").click()
    assert page.get_by_role("status").first.is_visible()
    result = ask("住民票の写しを取りたい")
    assert result["decision"] == "answer"
    assert result["answer"]["department"]["phone"] == "0000-55-1234"
    _menu(page, "部署").click()
    page.screenshot(path=str(SCREENSHOTS / "console-departments.png"), full_page=True)

    # 5. Unanswered questions are grouped; one becomes a 言い換え of an entry through the
    #    test box (candidates, scores, decision and reason) and, once approved, is answered.
    for question in ("引っ越してきたので証明書がほしい", "引っ越してきたので証明書がほしい"):
        assert ask(question)["decision"] == "no_answer"
    _switch_user(page, base_url, "aoba-editor", "/console/t/aoba/unanswered")
    group = page.locator("#unanswered-groups > li").first
    assert "引っ越してきたので証明書がほしい" in group.inner_text() and "2 回" in group.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "console-unanswered.png"), full_page=True)
    group.get_by_role("link", name=re.compile("テストして言い換えに追加")).click()
    assert page.locator("#test-decision").get_attribute("data-decision") == "no_answer"
    assert "理由" in page.locator("#test-reason").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "console-tuning.png"), full_page=True)
    row = page.locator("#test-candidates tr", has_text="住民票の写しを取りたい")
    row.get_by_role("button", name=re.compile("この項目の言い換えに追加")).click()
    assert "承認を申請しました" in page.get_by_role("status").first.inner_text()
    assert ask("引っ越してきたので証明書がほしい")["decision"] == "no_answer"
    _switch_user(page, base_url, "aoba-approver", "/console/t/aoba/faq")
    assert "引っ越してきたので証明書がほしい" in _approve_first_pending(page, base_url)
    result = ask("引っ越してきたので証明書がほしい")
    assert result["decision"] == "answer" and result["answer"]["external_id"] == "AOBA-1"
    # The test box now shows the answer the resident gets.
    page.goto(base_url + "/console/t/aoba/tuning?q=" + "引っ越してきたので証明書がほしい")
    assert page.locator("#test-decision").get_attribute("data-decision") == "answer"
    vote = page.request.post(
        f"{base_url}/api/v1/tenants/aoba/feedback",
        data={"token": result["feedback_token"], "kind": "resolved"},
    )
    assert vote.ok

    # 6. The FAQ list shows own and inherited entries.
    _menu(page, "FAQ管理").click()
    table = page.locator("#faq-table")
    assert "犬の登録はどこでできますか" in table.inner_text() and "継承" in table.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "console-faq.png"), full_page=True)

    # 7. The dashboard counts exactly these questions, and every figure is the same on the
    #    card, in the chart, in the CSV export and in the JSON.
    _menu(page, "効果検証").click()
    page.wait_for_selector("html[data-charts=ready]")
    total = sum(asked.values())
    assert page.locator('[data-kpi="total"]').first.inner_text() == str(total)
    query = page.url.split("?", 1)[1] if "?" in page.url else ""
    data = page.request.get(f"{base_url}/console/t/aoba/dashboard.json?{query}").json()["totals"]
    csv_text = page.request.get(f"{base_url}/console/t/aoba/dashboard.csv?{query}").body()
    rows = [line.split(",") for line in csv_text.decode("utf-8-sig").splitlines()]
    header, values = rows[0], rows[1]
    assert data["total"] == total == int(values[header.index("質問数")])
    for key, label in (
        ("answered_rate", "回答率 (%)"),
        ("handed_over_rate", "担当課案内率 (%)"),
        ("self_resolution_rate", "自己解決率 (%)"),
        ("resolved_vote_rate", "解決評価率 (%)"),
    ):
        card = page.locator(f'.kpi-card__value[data-kpi="{key}"]').inner_text()
        chart = page.locator(f'#chart-rates text[data-kpi="{key}"]').text_content()
        exported = values[header.index(label)]
        assert card == chart == data["display"][key], key
        assert card == ("—" if exported == "" else f"{float(exported):.1f}%"), key
    assert page.locator("#chart-days svg[role=img] rect").count() >= 2
    # Every card's big figure stays on one line (「60.0 分（1.0 時間）」 broke over two).
    lines = page.eval_on_selector_all(
        ".kpi-card__value",
        "els => els.map(e => { const r = document.createRange(); r.selectNodeContents(e);"
        " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; })",
    )
    assert lines and set(lines) == {1}, lines
    page.screenshot(path=str(SCREENSHOTS / "console-dashboard.png"), full_page=True)


def test_logged_out_and_forbidden_in_the_browser(guarded: Any, site: tuple[str, World]) -> None:
    page = guarded
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
    with guarded_context(
        browser,
        base_url,
        timeout_ms=30_000,
        viewport={"width": 768, "height": 1024},
        has_touch=True,
    ) as context:
        page = context.new_page()
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


def test_api_reference_renders_openapi_31(guarded: Any, site: tuple[str, World]) -> None:
    """/docs renders the OpenAPI 3.1 description with the bundled Swagger UI 5 (no CDN)."""
    page = guarded
    base_url, _ = site
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    spec = page.request.get(f"{base_url}/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    page.goto(f"{base_url}/docs")
    page.wait_for_selector(".swagger-ui .information-container .title")
    assert "jichitai-ai" in page.locator(".swagger-ui .information-container .title").inner_text()
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() >= 20
    assert "/api/v1/tenants/{slug}/ask" in page.locator("#swagger-ui").inner_text()
    assert page.locator(".swagger-ui .errors-wrapper").count() == 0
    assert "Unable to render" not in page.content()
    assert errors == []
    page.screenshot(path=str(SCREENSHOTS / "api-docs.png"))
