"""Not any authority's business: shopping, restaurants, private companies' contracts,
greetings and chit-chat. "Where can I buy a car?" has no entry in any municipality's FAQ, yet
in English, Chinese and Korean the multilingual embedding puts it as close to the entries as
an answerable question (its lead over hubness, docs/benchmarks.md §7.4c, is −0.069 while
answerable English questions sit at −0.08 to −0.05), so it got three unrelated choices.

Like the other authorities' topics (services.other_authorities), a few generic topics are
embedded as passages; a question closer to one of them than to every entry of the tenant by
:data:`DEFAULT_MARGIN` is handed over to the general contact — never routed to a department,
whose entries it merely brushes (車を買いたい → 軽自動車税 → 税務課 would mislead). The test is
relative: a tenant that does have an entry on such a topic (a tourism office's FAQ) keeps it,
because that entry is then the closer one.

Built in rather than configured: these topics are the same for every municipality; a tenant
can change the margin (``settings["outside_topic_margin"]``, ``inf`` = off).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

MARGIN_KEY = "outside_topic_margin"
#: Topic cosine over the best entry's cosine needed to hand over. On the demo sets (rounds
#: 2–6, multilingual_aoba, out_of_scope_tuning; 894 questions) answerable questions reach at
#: most +0.020 (やさしい日本語 near the greeting topic), out-of-scope questions about shops,
#: restaurants and sightseeing +0.03–0.07 (docs/benchmarks.md §7.4g).
DEFAULT_MARGIN = 0.03

#: Japanese, like the entries they are compared with. Kinds of questions, not phrasings.
#: Neighbour trouble (issue 12, i12k): on the demo sets answerable questions reach at most
#: +0.020 over the entries, round 7's neighbour disputes +0.023 to +0.043 (docs/benchmarks.md §7.4h).
TOPICS: tuple[str, ...] = (
    "車や家具や家電を買える店",
    "服や食料品を安く買える店",
    "おすすめの飲食店やレストラン",
    "観光スポットやお祭りの案内",
    "携帯電話やインターネットの契約",
    "電気やガスの契約",
    "病院や歯医者の紹介",
    "こんにちは、元気ですか、雑談",
    "会社の設立や不動産の登記",
    "郵便や宅配便の配達",
    "近所の人とのトラブル（騒音・駐車・たばこ）",
    # Foreign residents' questions about other countries' and private bodies' business
    # (issue 12, i12s): their embassy, the Japanese-language test, the broadcaster's fee.
    "外国の大使館や領事館（自国のパスポートの更新）",
    "大使館や領事館の場所",
    "日本語能力試験（JLPT）の申し込み",
    "NHKの受信料",
    "弁護士の紹介",
    # Workplace trouble (issue 12, i12ah): unpaid wages and overtime are the labour standards
    # office's business (労働基準監督署, national), never a municipal FAQ's.
    "給料の未払いや残業代など勤め先とのトラブル",
)


def margin(settings: Mapping[str, Any]) -> float:
    """The tenant's margin (:data:`MARGIN_KEY`), the default for a missing or bad value."""
    try:
        value = float(settings.get(MARGIN_KEY, DEFAULT_MARGIN))
    except (TypeError, ValueError):
        return DEFAULT_MARGIN
    return DEFAULT_MARGIN if math.isnan(value) else value


class OutsideTopics:
    """The topics' vectors, embedded once per embedder."""

    def __init__(self, embedder: Any, topics: Sequence[str] = TOPICS) -> None:
        self.topics = tuple(topics)
        self._matrix = np.asarray(embedder.embed_passages(list(self.topics)), dtype=np.float32)

    def closest(self, query_vector: Any) -> tuple[str, float] | None:
        """The topic nearest the question and its cosine (None without topics)."""
        if not self.topics:
            return None
        scores = self._matrix @ np.asarray(query_vector, dtype=np.float32)
        best = int(np.argmax(scores))
        return self.topics[best], float(scores[best])

    def outside(self, query_vector: Any, best_entry_cosine: float, needed: float) -> str | None:
        """The topic the question is about when it is closer than any entry by ``needed``."""
        found = self.closest(query_vector)
        if found is None or found[1] < best_entry_cosine + needed:
            return None
        return found[0]
