"""With ``[documents] generative = true`` the search page offers a generated answer: through
the real gateway to a scripted OpenAI-compatible server on 127.0.0.1, citations [n] link to the
passages, and a model that cites nothing falls back to the extractive answer with a notice."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.config import Settings
from jichitai_ai.services.platform import Platform
from tests.console.helpers import login, seed
from tests.documents.fake_llm import FakeLLM, fake_llm
from tests.documents_console import files
from tests.documents_console.conftest import documents_app
from tests.documents_console.util import BASE, QUESTION, search, upload


def _quote_first_passage(messages: list[dict[str, str]]) -> str:
    block = messages[-1]["content"].split("<<<資料ここから>>>\n", 1)[1]
    first = block.split("\n", 2)[1]  # the line after "[1] 出典: …"
    return first.split("。")[0] + "。[1]"


@pytest.fixture
def llm() -> Iterator[FakeLLM]:
    with fake_llm() as server:
        yield server


@pytest.fixture
def client(settings: Settings, llm: FakeLLM) -> Iterator[TestClient]:
    backend = {
        "kind": "openai",
        "endpoint": llm.url,
        "model": "local-model",
        "in_country": True,
        "on_premises": True,
        "trains_on_inputs": False,
        "max_class": "3A",
    }
    raw = {
        "gateway": {"backends": {"local": backend}},
        "documents": {"generative": True, "backend": "gateway", "gateway_backend": "local"},
    }
    platform = Platform(replace(settings, raw=raw))
    seed(platform)
    try:
        with TestClient(documents_app(platform)) as test_client:
            yield test_client
    finally:
        platform.close()


def test_generated_answer_cites_the_passages(client: TestClient, llm: FakeLLM) -> None:
    csrf = login(client, "aoba-editor")
    upload(client, csrf, [("kinmu-jorei.docx", files.reiki_docx())])
    page = search(client, QUESTION)
    assert 'id="generate-form"' in page.text and llm.requests == []  # extractive first
    llm.behaviour = _quote_first_passage
    answer = client.post(f"{BASE}/answer", data={"csrf_token": csrf, "q": QUESTION})
    assert answer.status_code == 200 and len(llm.requests) == 1
    assert "回答（生成AI・出典付き）" in answer.text
    text = answer.text.split('id="answer-text">', 1)[1].split("</div>", 1)[0]
    assert '<a class="cite" href="#passage-1">[1]</a>' in text
    assert 'id="passage-1"' in answer.text and "第5条" in answer.text
    assert 'id="answer-fallback"' not in answer.text


def test_uncited_output_falls_back_with_a_notice(client: TestClient, llm: FakeLLM) -> None:
    csrf = login(client, "aoba-editor")
    upload(client, csrf, [("kinmu-jorei.docx", files.reiki_docx())])
    llm.behaviour = lambda _messages: "合格です"
    answer = client.post(f"{BASE}/answer", data={"csrf_token": csrf, "q": QUESTION})
    assert answer.status_code == 200 and len(llm.requests) == 1
    notice = answer.text.split('id="answer-fallback"', 1)[1].split("</p>", 1)[0]
    assert "正しい出典がなかったため" in notice
    assert "回答（資料からの抜粋）" in answer.text and "合格です" not in answer.text
    assert '<a class="cite" href="#passage-1">[1]</a>' in answer.text
