"""Round 10 international misses (issue 12, i12z; docs/benchmarks.md §7.16).

The other authorities' hand-over: the authority a question names is judged on its own topics
(an English question naming the driving licence was compared with the closest authority, the
legal affairs bureau, and its larger margin), and a word only that authority's business uses —
one of its exclusive words (round 11, i12ab: declared by the tenant, no longer inferred) that
the tenant's entries never use (脱退一時金, 車庫証明, 帰化 in a city FAQ) — hands over as soon
as its topic is as close as any entry. Questions written for the tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from jichitai_ai.services import other_authorities
from jichitai_ai.services.other_authorities import AuthorityMatcher, OtherAuthority
from tests.answer_quality.demo_city import dense_demo_platform

LICENCE = OtherAuthority(name={"ja": "免許"}, topics=("免許",), words=("driving licen",))
PENSION = OtherAuthority(
    name={"ja": "年金"}, topics=("年金",), words=("pension",), exclusive_words=("lump sum",)
)
BUREAU = OtherAuthority(name={"ja": "法務局"}, topics=("帰化",), words=())


class _Fixed:
    """Topic vectors: one axis per topic, so a question's cosine with a topic is its weight."""

    def embed_passages(self, texts: list[str]) -> Any:
        return np.eye(len(texts), dtype=np.float32)


def _hand(question: str, weights: list[float], best_entry: float, used: set[str]) -> str | None:
    matcher = AuthorityMatcher([LICENCE, PENSION, BUREAU], _Fixed())
    found = other_authorities.handed_to(
        matcher,
        question,
        np.asarray(weights, dtype=np.float32),
        best_entry,
        (0.045, 0.025),
        entries_use=used.__contains__,
    )
    return found.name["ja"] if found else None


def test_the_named_authority_is_judged_on_its_own_topics() -> None:
    # 免許 +0.03 over the entries, the bureau closer (+0.04) but under its own 0.045.
    question = "how do i change my driving licence"
    assert _hand(question, [0.83, 0.0, 0.84], 0.80, used={"driving licen"}) == "免許"
    # The same cosines without the word: the closest authority and the plain margin decide.
    assert _hand("how do i change it", [0.83, 0.0, 0.84], 0.80, used=set()) is None


def test_a_word_the_entries_never_use_needs_no_margin() -> None:
    question = "can i get my pension lump sum back"
    # +0.01: enough when the tenant's entries do not use the exclusive word it names …
    assert _hand(question, [0.0, 0.81, 0.0], 0.80, used=set()) == "年金"
    # … not when the entries use it (an entry answers something about it).
    assert _hand(question, [0.0, 0.81, 0.0], 0.80, used={"lump sum"}) is None
    # A plain word keeps the word margin even when no entry uses it (i12z gave it none).
    assert _hand("can i stop paying my pension", [0.0, 0.81, 0.0], 0.80, used=set()) is None
    assert _hand("can i stop paying my pension", [0.0, 0.83, 0.0], 0.80, used=set()) == "年金"
    # Never below the entries' best.
    assert _hand(question, [0.0, 0.79, 0.0], 0.80, used=set()) is None


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with dense_demo_platform(Path(tmp_path_factory.mktemp("round10"))) as platform:
        yield platform


@pytest.mark.parametrize(
    ("question", "language", "authority"),
    [
        (
            "I have a driving licence from Brazil, can I switch it to a Japanese one?",
            "en",
            "Mizuho Prefectural Police, Driver's Licence Centre",
        ),
        (
            "兒子十三歲 剛來日本 要怎麼轉進附近的國中",
            "zh-Hant",
            "Aoba City Board of Education, School Affairs Division",
        ),
    ],
)
def test_demo_city_hands_over_to_the_authority(
    demo: Any, question: str, language: str, authority: str
) -> None:
    result = demo.answering.ask("aoba-city", question, language=language, record=False)
    assert str(result.decision) == "no_answer"
    assert result.other_authority is not None and result.other_authority["name"] == authority
