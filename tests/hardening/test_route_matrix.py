"""Every route of the app, enumerated from its router, against every staff role and against
another tenant's ids (red team hr5; table-driven, so a new route is covered when it is added).

* Every mutating route either declares the action it needs (``tenant_access`` /
  ``tenant_page``) or is in the short list of resident, channel, gateway and login routes.
* A role without the declared action — and an auditor (read-only) on any staff route — changes
  nothing in the database, through the API with a key or through the console with a session.
* An editor or approver of あおば市 who puts さくら町's ids (entry, document, change) into
  あおば's URLs reads none of さくら's text and changes none of its rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from jichitai_ai.approval import service as approval
from jichitai_ai.services import auth
from jichitai_ai.services.auth import Action, Role
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.schema import metadata
from tests.console.helpers import World
from tests.console.helpers import login as console_login

MUTATING = {"POST", "PUT", "PATCH", "DELETE"}
#: Mutating routes open without a staff role: residents, channels (their own signatures or
#: kiosk sessions), the gateway (checked per request by its own policy) and logging in.
UNGATED = {
    "/api/v1/tenants",  # creating a tenant: checked in the route (deployment administrators)
    "/api/v1/tenants/{slug}/ask",
    "/api/v1/tenants/{slug}/choice",
    "/api/v1/tenants/{slug}/more",
    "/api/v1/tenants/{slug}/feedback",
    "/api/v1/tenants/{slug}/public/documents/answer",
    "/api/v1/gateway/tenants/{slug}/preview",
    "/api/v1/gateway/reviews/{review_id}/approve",
    "/api/v1/gateway/reviews/{review_id}/reject",
    "/v1/chat/completions",
    "/v1/dify/moderation",
    "/console/login",
    "/console/logout",
    "/line/{slug}/webhook",
}
UNGATED_PREFIXES = ("/t/{slug}/",)  # the resident pages, widget and kiosk
#: Tables a refused request may still touch: rate limits and login throttling.
BOOKKEEPING = {"rate_buckets", "login_throttle"}
SECRET = "さくら町だけの秘密の回答"


def _walk(routes: list[Any]) -> Iterator[Any]:
    for route in routes:
        if hasattr(route, "effective_candidates"):  # FastAPI ≥ 0.165 keeps included routers
            yield from _walk(route.effective_candidates())
        elif getattr(route, "methods", None):
            yield route


def _declared(route: Any) -> set[Action]:
    """The actions its tenant dependencies require (``tenant_access(action)`` closures)."""
    found: set[Action] = set()

    def visit(dependant: Any) -> None:
        for sub in dependant.dependencies:
            code = getattr(sub.call, "__code__", None)
            if code is not None and "action" in code.co_freevars and sub.call.__closure__:
                value = sub.call.__closure__[code.co_freevars.index("action")].cell_contents
                if isinstance(value, Action):
                    found.add(value)
            visit(sub)

    dependant = getattr(route, "dependant", None)
    if dependant is not None:
        visit(dependant)
    return found


def _routes(app: FastAPI) -> list[tuple[str, str, set[Action]]]:
    rows = []
    for route in _walk(app.router.routes):
        for method in sorted(set(route.methods) & (MUTATING | {"GET"})):
            rows.append((method, route.path, _declared(route)))
    return rows


def _snapshot(platform: Platform, tenant_id: int | None = None) -> dict[str, str]:
    """A digest of every table (or of one tenant's rows where a table has ``tenant_id``)."""
    out = {}
    with platform.db.engine.connect() as conn:
        for table in metadata.sorted_tables:
            query = table.select()
            if tenant_id is not None:
                if "tenant_id" not in table.c:
                    continue
                query = query.where(table.c.tenant_id == tenant_id)
            rows = sorted(repr(tuple(row)) for row in conn.execute(query))
            out[table.name] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return out


@pytest.fixture
def ids(client: TestClient, platform: Platform, world: World) -> dict[str, dict[str, object]]:
    """Path values per tenant: an entry, a document and an open change of each."""
    keys = {}
    with platform.db.write() as session:
        for user in ("aoba-editor", "sakura-editor"):
            keys[user] = {"Authorization": f"Bearer {auth.create_api_key(session, user)}"}
    values: dict[str, dict[str, object]] = {}
    for slug, user, entry in (
        ("aoba", "aoba-editor", world.aoba_entry),
        ("sakura", "sakura-editor", world.sakura_entry),
    ):
        text = SECRET if slug == "sakura" else "あおばの改訂"
        body = {"question": "改訂した質問です", "answer": text}
        changed = client.put(f"/api/v1/tenants/{slug}/faq/{entry}", json=body, headers=keys[user])
        assert changed.status_code == 200, changed.text
        document = client.post(
            f"/api/v1/tenants/{slug}/documents",
            files={"file": (f"{slug}.txt", (text + "。") * 20)},
            headers=keys[user],
        ).json()
        assert document["status"] == "indexed", document
        with platform.db.read() as session:
            change = approval.open_change(session, entry)
        assert change is not None
        values[slug] = {
            "entry_id": entry,
            "document_id": document["document_id"],
            "change_id": change.id,
            "revision": change.revision,
        }
    return values


def _fill(path: str, values: dict[str, object]) -> str:
    fixed = {
        "run_id": "no-such-run",
        "department_id": 1,
        "line_id": 1,
        "review_id": "no-such-review",
        "lesson_id": 1,
        "kind": "emergency",
        "number": 1,
        "external_id": "SAKURA-1",
        "version": 1,
        "status": "published",
        "action": "approve",
        "target": "1",
        "name": "default",
        "model_id": "x",
    }
    for key, value in {**fixed, **values}.items():
        path = path.replace("{" + key + "}", str(value))
    return path.replace("{slug}", "aoba")


class Caller:
    """One staff member through the API (key) and the console (session)."""

    def __init__(self, app: FastAPI, platform: Platform, user: str) -> None:
        with platform.db.write() as session:
            self.key = {"Authorization": f"Bearer {auth.create_api_key(session, user)}"}
        self.api = TestClient(app, raise_server_exceptions=False)
        self.console = TestClient(app, raise_server_exceptions=False)
        self.csrf = console_login(self.console, user)

    def call(self, method: str, path: str, change: str) -> Any:
        if path.startswith("/console/"):
            form = {
                "csrf_token": self.csrf,
                "question": "q",
                "answer": "a",
                "revision": change.split(".")[1],
                "change": change,
                "username": "aoba-auditor",
                "role": "admin",
                "origins": "https://evil.example",
                "visibility": "public",
            }
            data = None if method == "GET" else form
            return self.console.request(method, path, data=data, follow_redirects=False)
        body = {
            "question": "q",
            "answer": "a",
            "change_token": change,
            "visibility": "public",
            "terms": [["a", "b"]],
            "external_ids": ["AOBA-1"],
        }
        return self.api.request(
            method, path, json=None if method == "GET" else body, headers=self.key
        )


ROLES = {"aoba-auditor": Role.AUDITOR, "aoba-editor": Role.EDITOR, "aoba-approver": Role.APPROVER}


def test_every_mutating_route_is_gated_or_known(client: TestClient) -> None:
    rows = _routes(client.app)  # type: ignore[arg-type]
    assert len(rows) > 150  # the whole app, not an empty walk
    ungated = {
        path
        for method, path, actions in rows
        if method in MUTATING and not actions and not path.startswith(UNGATED_PREFIXES)
    }
    assert ungated == UNGATED


def test_roles_without_the_action_change_nothing(
    client: TestClient, platform: Platform, ids: dict[str, dict[str, object]]
) -> None:
    app: FastAPI = client.app  # type: ignore[assignment]
    callers = {user: Caller(app, platform, user) for user in ROLES}
    aoba = ids["aoba"]
    change = f"{aoba['change_id']}.{aoba['revision']}"
    checked, changed = 0, []
    for method, path, actions in _routes(app):
        if method not in MUTATING or not actions:
            continue
        for user, role in ROLES.items():
            allowed = actions <= auth._ALLOWED[role]
            if allowed and role is not Role.AUDITOR:
                continue
            before = _snapshot(platform)
            response = callers[user].call(method, _fill(path, aoba), change)
            after = _snapshot(platform)
            touched = sorted(t for t in before if before[t] != after[t] and t not in BOOKKEEPING)
            checked += 1
            if touched or response.status_code >= 500:
                changed.append(f"{method} {path} as {user}: {response.status_code} {touched}")
    assert checked > 60
    assert changed == []


def test_another_tenants_ids_reach_nothing(
    client: TestClient, platform: Platform, world: World, ids: dict[str, dict[str, object]]
) -> None:
    app: FastAPI = client.app  # type: ignore[assignment]
    sakura = ids["sakura"]
    change = f"{sakura['change_id']}.{sakura['revision']}"
    checked, leaks = 0, []
    for user in ("aoba-editor", "aoba-approver"):
        caller = Caller(app, platform, user)
        for method, path, actions in _routes(app):
            if not actions or not any(f"{{{k}}}" in path for k in sakura if k != "revision"):
                continue
            before = _snapshot(platform, world.sakura_id)
            response = caller.call(method, _fill(path, sakura), change)
            after = _snapshot(platform, world.sakura_id)
            touched = sorted(t for t in before if before[t] != after[t])
            checked += 1
            if SECRET in response.text or touched or response.status_code >= 500:
                leaks.append(f"{method} {path} as {user}: {response.status_code} {touched}")
    assert checked > 30
    assert leaks == []
