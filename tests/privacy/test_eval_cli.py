"""Metrics by hand, and the pii-eval / synth-eval commands end to end."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jichitai_ai.privacy._ner_eval import Scorer
from jichitai_ai.privacy.cli import app
from jichitai_ai.privacy.synthetic import generate


def test_scorer_overlap_exact_char_and_over_mask() -> None:
    scorer = Scorer(["person"])
    # Text of 20 chars; gold person [0,4) and [10,14); an org [16,20) (not scored).
    # Predicted person [0,4) (exact) and [11,13) (overlap); a mask also covers [5,7).
    scorer.add(
        20,
        {"person": [(0, 4), (10, 14)]},
        {"person": [(0, 4), (11, 13), (5, 7)]},
        [(0, 4), (11, 13), (5, 7), (16, 18)],
        other_gold=[(16, 20)],
    )
    report = scorer.report()
    person = report["person"]
    assert isinstance(person, dict)
    assert person["recall"] == 1.0
    assert person["precision"] == round(2 / 3, 4)
    assert person["exact_f1"] == 0.4  # 1 exact of 3 predicted and 2 gold
    assert person["char_recall"] == 0.75  # 6 of 8 gold chars
    assert person["recall_typed"] == person["recall"] == 1.0
    # Outside every gold entity: 20 - 12 = 8 chars; masked among them: [5,7) = 2.
    assert report["over_mask"] == 0.25


def test_typed_and_any_mask_recall_differ_when_a_name_is_masked_as_a_place() -> None:
    """README measure: a name covered by a mask of another type is masked, not leaked.

    Gold persons [0,4) [5,9) [10,12); [0,4) predicted as person, [5,9) only masked (as a
    place: it is in ``masked`` but not in the person predictions), [10,12) half masked
    by a place mask, and a fourth [14,16) not masked at all.
    """
    scorer = Scorer(["person", "location"])
    scorer.add(
        16,
        {"person": [(0, 4), (5, 9), (10, 12), (14, 16)]},
        {"person": [(0, 4)], "location": [(5, 9), (11, 12)]},
        [(0, 4), (5, 9), (11, 12)],
    )
    person = scorer.report()["person"]
    assert isinstance(person, dict)
    assert person["recall_typed"] == person["recall"] == 0.25
    assert person["recall_any_mask"] == 0.75
    assert person["char_recall_any_mask"] == person["char_recall"] == round(9 / 12, 4)


def _ner_file(tmp_path: Path) -> Path:
    text = "山田太郎は京都に住んでいる。トヨタの社員だ。"
    records = [
        {
            "curid": "1",
            "text": text,
            "entities": [
                {"name": "山田太郎", "span": [0, 4], "type": "人名"},
                {"name": "京都", "span": [5, 7], "type": "地名"},
                {"name": "トヨタ", "span": [14, 17], "type": "法人名"},
            ],
        }
    ]
    path = tmp_path / "ner.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def test_pii_eval_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["pii-eval", "--ner", str(_ner_file(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report) == {
        "person",
        "location",
        "over_mask",
        "texts_per_s",
        "cpu_texts_per_s",
        *(
            f"{name}_{key}"
            for name in ("person", "location")
            for key in ("recall_typed", "recall_any_mask", "char_recall_any_mask")
        ),
    }
    assert report["person_recall_typed"] == report["person"]["recall_typed"] == 1.0
    assert report["person_recall_any_mask"] == report["person"]["recall_any_mask"] == 1.0
    assert report["person"]["recall"] == 1.0 and report["person"]["char_recall"] == 1.0
    assert report["location"]["recall"] == 1.0
    assert set(report["person"]) >= {"precision", "recall", "f1", "char_recall"}
    assert report["over_mask"] == 0.0
    assert report["texts_per_s"] > 0 and report["cpu_texts_per_s"] > 0


def test_pii_eval_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["pii-eval", "--ner", str(_ner_file(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "person" in result.output and "location" in result.output


def test_synth_eval_json() -> None:
    result = CliRunner().invoke(app, ["synth-eval", "--count", "60", "--seed", "3", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["texts"] == 60
    assert report["phone"]["recall"] >= 0.9 and report["person"]["gold"] > 0


def test_generator_is_seeded_and_spans_are_consistent() -> None:
    a, b = generate(30, seed=7), generate(30, seed=7)
    assert a == b
    assert generate(30, seed=8) != a
    for sample in a:
        for start, end, _kind in sample.entities:
            assert 0 <= start < end <= len(sample.text)


def test_pii_eval_without_flags_measures_the_gateway_default() -> None:
    """Issue 9: the figures pii-eval prints by default are the gateway's detector."""
    from jichitai_ai.gateway._config import default_detector
    from jichitai_ai.privacy import DEFAULT_CONFIG
    from jichitai_ai.privacy.cli import _detector

    assert default_detector({}) == DEFAULT_CONFIG
    assert _detector(None, None).config == DEFAULT_CONFIG
    assert DEFAULT_CONFIG.profile == "strict" and not DEFAULT_CONFIG.use_ginza
