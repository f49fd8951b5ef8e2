"""A small town whose residents talk to the app over HTTP, each from its own address."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services.platform import Platform


@dataclass
class Seen:
    """What a resident sees for a question (without recording it)."""

    decision: str
    shown: list[int]
    ranking: list[int]


@dataclass
class Town:
    platform: Platform
    app: FastAPI
    tenant_id: int
    entry_ids: list[int]
    slug: str = "city"
    clients: list[TestClient] = field(default_factory=list)

    @property
    def api(self) -> str:
        return f"/api/v1/tenants/{self.slug}"

    def resident(self, n: int, session: str = "") -> TestClient:
        """A resident at address 198.51.100.n (documentation range; never contacted)."""
        client = TestClient(self.app, client=(f"198.51.100.{n}", 40000 + n))
        client.headers["x-test-session"] = session or f"resident-{n:04d}-abcdefgh"
        self.clients.append(client)
        return client

    def ask(self, client: TestClient, question: str) -> dict[str, Any]:
        r = client.post(
            self.api + "/ask",
            json={"question": question, "session_id": client.headers["x-test-session"]},
        )
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body

    def choose(self, client: TestClient, asked: dict[str, Any], entry_id: int) -> None:
        r = client.post(
            self.api + "/choice", json={"token": asked["feedback_token"], "entry_id": entry_id}
        )
        assert r.status_code == 200, r.text

    def vote(
        self, client: TestClient, asked: dict[str, Any], kind: str, entry_id: int | None = None
    ) -> None:
        body: dict[str, Any] = {"token": asked["feedback_token"], "kind": kind}
        if entry_id is not None:
            body["entry_id"] = entry_id
        r = client.post(self.api + "/feedback", json=body)
        assert r.status_code == 200, r.text

    def teach(self, client: TestClient, question: str, target: int) -> dict[str, Any]:
        """What a resident who needs ``target`` does: 解決した when it is the answer, picks it
        when it is a choice, 解決しなかった when something else is imposed."""
        asked = self.ask(client, question)
        shown_choices = [c["entry_id"] for c in asked["choices"]]
        if asked["answer"] and asked["answer"]["entry_id"] == target:
            self.vote(client, asked, "resolved")
        elif target in shown_choices:
            self.choose(client, asked, target)
            self.vote(client, asked, "resolved", target)
        elif asked["answer"]:
            self.vote(client, asked, "not_resolved")
        return asked

    def outcome(self, question: str) -> Seen:
        result = self.platform.answering.ask(self.slug, question, record=False, rank_all=True)
        shown = [result.answer.entry.id] if result.answer else [c.entry.id for c in result.choices]
        return Seen(str(result.decision), shown, result.ranking)

    def assert_nothing_learned(self, question: str, before: Seen) -> None:
        """Residents see for ``question`` what they saw ``before`` and no lesson is in force."""
        after = self.outcome(question)
        assert (after.decision, after.shown) == (before.decision, before.shown)
        with self.platform.db.read() as s:
            assert feedback_service.active_lessons(s, self.tenant_id) == []
