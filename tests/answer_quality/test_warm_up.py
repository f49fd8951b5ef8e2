"""The dense path is ready when serving: vectors are computed (with progress) and cached at
init/import or start-up, so no resident's question waits for an index build (it took ~16 s)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.retrieval import HashingEmbedder
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import EmbeddingCache
from jichitai_ai.web.app import create_app
from tests.retrieval.test_answer_view_index import CountingEmbedder


def test_warm_up_embeds_with_progress_and_questions_never_build(
    platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    with platform.db.write() as s:
        load_demo(s)
    answering = platform.answering
    answering.factory.embedder = HashingEmbedder(64)
    seen: list[tuple[str, int, int]] = []
    assert answering.warm_up(lambda slug, done, total: seen.append((slug, done, total))) == 3
    assert len(answering._cache) == 3  # every tenant's index is built
    # Inherited prefecture entries are embedded once, for whichever tenant comes first.
    assert "aoba-city" in {slug for slug, _d, _t in seen}
    last = [x for x in seen if x[0] == "aoba-city"][-1]
    assert last[1] == last[2] > 0  # progress reaches the total
    with platform.db.read() as s:
        cached = s.execute(select(func.count()).select_from(EmbeddingCache)).scalar_one()
    assert cached >= last[2]

    def no_build(*_a: object, **_k: object) -> None:
        raise AssertionError("a question had to wait for an index build")

    monkeypatch.setattr(answering.factory, "build", no_build)
    result = answering.ask("aoba-city", "粗大ごみを出したい", record=False)
    assert result.signals.get("cosine") is not None  # the dense path answered


def test_web_start_up_warms_indexes_before_serving(platform: Platform) -> None:
    """And what every question is compared with: nc11 found the first question after `serve`
    embedding the other authorities' and outside topics (1.5–1.7 s CPU, 4–5 s wall under load)."""
    with platform.db.write() as s:
        load_demo(s)
    embedder = CountingEmbedder()
    platform.answering.factory.embedder = embedder
    assert not platform.answering._cache
    with TestClient(create_app(platform=platform)) as client:
        assert len(platform.answering._cache) == 3
        ready = embedder.passages
        for slug in ("aoba-city", "sakura-town"):
            response = client.post(
                f"/api/v1/tenants/{slug}/ask",
                json={"question": "粗大ごみを出したい", "language": "ja"},
            )
            assert response.status_code == 200
        assert embedder.passages == ready  # no passage embedded while a resident waits
