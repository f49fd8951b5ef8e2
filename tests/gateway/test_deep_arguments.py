"""Tool-call arguments nested too deep to walk are masked as text, not a 500 (red team hr3).

The gateway reads a tool call's ``arguments`` (a JSON string) to mask its values. A string
of 5,000 ``[`` overflowed the JSON parser, and 950 levels around a name parsed but overflowed
the walk: both were a 500. Now such arguments are masked as one piece of text and sent on.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from .conftest import Staff, bearer
from .fake_llm import FakeLLM

SECRET = "杉浦真琴の電話は080-3772-1955"


def _with_arguments(arguments: str) -> dict[str, Any]:
    return {
        "model": "onprem",
        "messages": [
            {"role": "user", "content": "検索して"},
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "c1",
                        "type": "function",
                        "function": {"name": "find", "arguments": arguments},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "c1", "content": "結果なし"},
        ],
    }


@pytest.mark.parametrize(
    "arguments",
    [
        "[" * 5_000 + json.dumps(SECRET, ensure_ascii=False) + "]" * 5_000,
        "[" * 950 + json.dumps(SECRET, ensure_ascii=False) + "]" * 950,
    ],
    ids=["beyond_the_parser", "beyond_the_walk"],
)
def test_deep_arguments_are_masked_as_text(
    client: TestClient, staff: Staff, llm: FakeLLM, arguments: str
) -> None:
    response = client.post(
        "/v1/chat/completions", json=_with_arguments(arguments), headers=bearer(staff.keys["alice"])
    )
    assert response.status_code == 200, response.text[:300]
    sent = llm.raw_bodies()
    assert "【" in sent  # the arguments were sent, masked
    assert "杉浦" not in sent and "3772" not in sent and "1955" not in sent
