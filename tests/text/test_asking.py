"""The asking sentence of a long Japanese question (docs/benchmarks.md §7.43)."""

from __future__ import annotations

import pytest

from jichitai_ai.text.asking import asking_sentence


@pytest.mark.parametrize(
    ("text", "asking"),
    [
        (
            "15年飼った犬が昨日亡くなりました。市に何か連絡しないといけないですか",
            "市に何か連絡しないといけないですか",
        ),
        ("来週東京に引っ越します。役所で出す書類はありますか？", "役所で出す書類はありますか？"),
        (
            "らいしゅう けっこん します。やくしょに だす かみが ほしい",
            "やくしょに だす かみが ほしい",
        ),
        # The last sentence that asks, not a closing remark after it.
        (
            "母が入院しました。介護の申請はどこでできますか。よろしくお願いします。",
            "介護の申請はどこでできますか。",
        ),
    ],
)
def test_the_last_sentence_that_asks(text: str, asking: str) -> None:
    assert asking_sentence(text) == asking


@pytest.mark.parametrize(
    "text",
    [
        "住民票の写しはどこでもらえますか",  # one sentence: nothing to cut
        "ほんを かえす ひが あした です。まだ よみおわって いません",  # no sentence asks
        "引っ越しました。はい。",  # too short to ask
    ],
)
def test_no_asking_sentence(text: str) -> None:
    assert asking_sentence(text) is None
