"""The tenant setting ``outside_topic_margin`` (services.outside_topics) on the tuning page:
found by the newcomer walkthrough, it could only be changed in the database. Default, a
value, or off; a bad value is shown again with the message and nothing is stored."""

from __future__ import annotations

import math
import re

from fastapi.testclient import TestClient

from jichitai_ai.services import outside_topics
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login

PAGE = "/console/t/aoba/tuning"


def _stored(platform: Platform) -> object:
    with platform.db.read() as db:
        return tenant_service.get_tenant(db, "aoba").settings.get(outside_topics.MARGIN_KEY)


def _margin(platform: Platform) -> float:
    with platform.db.read() as db:
        return outside_topics.margin(tenant_service.get_tenant(db, "aoba").settings)


def _checked(html: str) -> str:
    match = re.search(r'name="outside_mode" value="(\w+)" checked', html)
    assert match, "no choice checked"
    return match.group(1)


def _save(client: TestClient, token: str, mode: str, margin: str = "") -> object:
    return client.post(
        f"{PAGE}/outside",
        data={"csrf_token": token, "outside_mode": mode, "outside_margin": margin},
        follow_redirects=False,
    )


def test_editor_sets_the_margin_turns_it_off_and_back_to_the_default(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    page = client.get(PAGE).text
    assert 'id="outside"' in page and "行政以外の話題の判定" in page
    assert _checked(page) == "default" and f"既定値（{outside_topics.DEFAULT_MARGIN}）" in page

    saved = _save(client, token, "custom", "０．０５")  # full-width digits, as typed in Japanese
    assert saved.status_code == 303 and saved.headers["location"].endswith("done=outside#outside")
    assert _stored(platform) == 0.05 and _margin(platform) == 0.05
    page = client.get(PAGE).text
    assert _checked(page) == "custom" and 'value="0.05"' in page

    assert _save(client, token, "off").status_code == 303
    assert math.isinf(_margin(platform))
    assert _checked(client.get(PAGE).text) == "off"

    assert _save(client, token, "default").status_code == 303
    assert _stored(platform) is None and _margin(platform) == outside_topics.DEFAULT_MARGIN


def test_bad_values_are_refused_and_shown_again(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    assert _save(client, token, "custom", "0.07").status_code == 303
    for typed in ("abc", "-0.1", "0.9", "nan", ""):
        refused = _save(client, token, "custom", typed)
        assert refused.status_code == 422, typed
        assert "0 から 0.5 までの数" in refused.text and 'id="outside-error"' in refused.text
        assert _checked(refused.text) == "custom" and f'value="{typed}"' in refused.text
        assert _stored(platform) == 0.07


def test_auditor_sees_the_setting_but_cannot_change_it(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-auditor")
    page = client.get(PAGE).text
    section = page[page.index('id="outside"') :]
    assert "<fieldset disabled" in section and "console.edit.save" not in section
    assert _save(client, token, "off").status_code == 403
    assert _stored(platform) is None
