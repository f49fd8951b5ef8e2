"""The round-2 and round-3 resident question sets (fresh_round2.csv, fresh_round3.csv, each
written before it was first run) are well formed; round 2's emergencies are detected and nothing
else is in either set (round 3's emergencies are measured, not required: two of its six phrasings
were not caught on its first run); and the benchmark's verdicts (helpful / right / wrong /
needless hand-over) mean what docs/benchmarks.md §7.5 says."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from jichitai_ai.benchmark.demo_questions import Question, judge, read_questions
from jichitai_ai.domain.models import Decision, DepartmentContact
from jichitai_ai.emergency import detect_emergency

HERE = Path(__file__).parent
DATA = HERE.parents[1] / "src/jichitai_ai/demo/data"


def _ids() -> set[str]:
    ids: set[str] = set()
    for name in ("aoba-city.csv", "mizuho-pref.csv"):
        ids |= {r["external_id"] for r in csv.DictReader((DATA / name).open(encoding="utf-8"))}
    return ids


def _departments() -> set[str]:
    rows = csv.DictReader((DATA / "aoba-city.csv").open(encoding="utf-8"))
    return {r["department"] for r in rows} | {"general"}


@pytest.mark.parametrize(("name", "least"), [("fresh_round2.csv", 60), ("fresh_round3.csv", 120)])
def test_the_set_is_well_formed(name: str, least: int) -> None:
    questions = read_questions((HERE / name).read_text(encoding="utf-8"))
    assert len(questions) >= least
    langs = {q.language for q in questions}
    assert langs == {"ja", "ja-easy", "en", "zh-Hans", "zh-Hant", "ko"}
    known, departments = _ids(), _departments()
    for q in questions:
        assert q.outcome in {"answer", "clarify", "handover", "emergency"}, q
        assert q.expected <= known, q
        assert bool(q.expected) == (q.outcome in {"answer", "clarify"}), q
        assert q.departments <= departments, q
    for lang in langs:
        kinds = {q.outcome for q in questions if q.language == lang}
        assert {"emergency", "handover"} <= kinds, lang  # every language has both


def test_its_emergencies_are_detected_and_nothing_else() -> None:
    for q in read_questions((HERE / "fresh_round2.csv").read_text(encoding="utf-8")):
        assert bool(detect_emergency(q.text)) == q.emergency, q.text
    for q in read_questions((HERE / "fresh_round3.csv").read_text(encoding="utf-8")):
        assert q.emergency or not detect_emergency(q.text), q.text


def test_verdicts() -> None:
    dog = Question("ja", "犬の登録", frozenset({"AOBA-0044"}), outcome="answer")
    wrong = judge(dog, Decision.ANSWER, {"AOBA-0007"}, None)
    assert wrong["wrong"] and not wrong["helpful"] and not wrong["right"]
    right = judge(dog, Decision.ANSWER, {"AOBA-0044"}, None)
    assert right["right"] and right["helpful"] and not right["wrong"]
    offered = judge(dog, Decision.CLARIFY, {"AOBA-0007", "AOBA-0044"}, None)
    assert offered["helpful"] and not offered["right"] and not offered["wrong"]
    handed = judge(dog, Decision.NO_ANSWER, set(), None)
    assert handed["needless_handover"] and not handed["helpful"]

    mayor = Question(
        "ja", "市長の好きな食べ物", frozenset(), "aoba-city", "handover", frozenset({"general"})
    )
    assert judge(mayor, Decision.NO_ANSWER, set(), None)["helpful"]
    bosai = DepartmentContact(name="防災課")
    assert not judge(mayor, Decision.NO_ANSWER, set(), bosai)["helpful"]  # unrelated office
    assert not judge(mayor, Decision.CLARIFY, {"AOBA-0039"}, None)["helpful"]
    assert judge(mayor, Decision.ANSWER, {"AOBA-0039"}, None)["wrong"]

    fire = Question("ja", "家が火事です！", frozenset(), outcome="emergency")
    assert judge(fire, Decision.EMERGENCY, set(), None)["helpful"]
    missed = judge(fire, Decision.NO_ANSWER, set(), None)
    assert missed["missed_emergency"] and not missed["helpful"]
    assert judge(dog, Decision.EMERGENCY, set(), None)["false_emergency"]
