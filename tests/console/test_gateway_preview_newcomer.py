"""送信内容の確認 right after ``make run``: no AI model is registered, so every preview is refused
and a newcomer never sees the masking. Found by the newcomer walkthrough: the page now says so
and names the built-in echo model; registered as the notice says, the preview shows the masked
text and the notice is gone."""

from __future__ import annotations

from dataclasses import replace

from fastapi.testclient import TestClient

from jichitai_ai.config import Settings
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login, make_app

PAGE = "/console/gateway/preview?tenant=aoba"
TEXT = "山田太郎さん（電話 090-1234-5678）から住民票の請求がありました。回答文を作ってください。"


def _preview(client: TestClient, token: str) -> dict[str, object]:
    response = client.post(
        "/api/v1/gateway/tenants/aoba/preview",
        json={"model": "auto", "messages": [{"role": "user", "content": TEXT}]},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 200, response.text
    result: dict[str, object] = response.json()
    return result


def test_without_a_model_the_page_says_how_to_see_the_masking(
    client: TestClient, world: World
) -> None:
    token = login(client, "aoba-editor")
    page = client.get(PAGE).text
    assert 'id="no-backends"' in page and 'kind = \\"echo\\"' not in page
    assert "[gateway.backends.demo]" in page and "kind = &#34;echo&#34;" in page
    assert _preview(client, token)["refused"] is True
    english = client.get(PAGE + "&lang=en").text
    assert "No AI model is registered yet" in english


def test_with_the_echo_model_the_preview_shows_the_masked_text(
    settings: Settings, world: World
) -> None:
    raw = {"gateway": {"backends": {"demo": {"kind": "echo"}}}}
    platform = Platform(replace(settings, raw=raw))
    try:
        with TestClient(make_app(platform)) as client:
            token = login(client, "aoba-editor")
            assert 'id="no-backends"' not in client.get(PAGE).text
            shown = _preview(client, token)
            assert shown["refused"] is False, shown
            sent = str(shown["sent"])
            assert "山田太郎" not in sent and "090-1234-5678" not in sent
            assert "住民票の請求" in sent
    finally:
        platform.close()


def test_without_a_model_the_masked_text_is_still_shown(client: TestClient, world: World) -> None:
    """nc4: with no model registered (the demo), the result read 「AIモデルに届く内容 -」: the
    情報政策課 could not check the masking before choosing a model. The masked text is now in
    the answer (nothing is sent either way); a refusal before masking (マイナンバー) has none."""
    token = login(client, "aoba-editor")
    shown = _preview(client, token)
    assert shown["refused"] is True and shown["sent"] is None
    masked = str(shown["masked"])
    assert "山田太郎" not in masked and "090-1234-5678" not in masked
    assert "【氏名1】" in masked and "【電話番号1】" in masked and "住民票の請求" in masked


def test_a_held_preview_says_what_sending_would_do_without_a_raw_placeholder(
    settings: Settings, world: World
) -> None:
    """nc8: with review = "always" (あおば市 in deploy/demo.toml) the preview showed 「…保留されて
    います（受付番号 {review_id}）。」 — a placeholder never filled, for a request nothing held."""
    import json
    import re

    raw = {
        "gateway": {
            "backends": {"demo": {"kind": "echo"}},
            "tenants": {"aoba": {"review": "always"}},
        }
    }
    platform = Platform(replace(settings, raw=raw))
    try:
        with TestClient(make_app(platform)) as client:
            token = login(client, "aoba-editor")
            shown = _preview(client, token)
            assert shown["reason"] == "gateway.review.held" and "review_id" not in shown
            for lang, words in (("ja", "このプレビューでは何も"), ("en", "This preview holds")):
                page = client.get(f"{PAGE}&lang={lang}").text
                found = re.search(r'id="preview-messages">(.*?)</script>', page, re.S)
                assert found is not None
                held = json.loads(found.group(1))["reasons"]["gateway.review.held"]
                assert "{" not in held and words in held, held
    finally:
        platform.close()
