"""Everyday words a provision says in its own terms, and the quote of a cited 項 (issue 15, eighth
real-text session, i15i): Sudachi's synonym groups (同義語辞書) let 「火事」 meet 「火災」 and 「妻」 meet
「配偶者」 when support is tested, and an answer quotes only the 項 it cites. Fragments are
published 例規集 pages (blind7 fixtures; laws and ordinances are not copyrighted, 著作権法第13条)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from jichitai_ai.documents import Viewer
from jichitai_ai.documents._answers import supporting_passages
from jichitai_ai.documents._support import Concept, answer_kind, covers
from jichitai_ai.documents.service import DocumentService
from jichitai_ai.text import Tokenizer

PAGES = Path(__file__).parent / "fixtures" / "reiki_pages_blind7"
LAW = Path(__file__).parent / "fixtures" / "411AC0000000128_fusei_access.xml"


def _ingest(service: DocumentService, tenant: str, *names: str) -> None:
    for name in names:
        service.ingest(tenant, name, (PAGES / name).read_bytes())


def test_sudachi_groups_join_everyday_and_provision_words() -> None:
    tokenizer = Tokenizer()
    groups = tokenizer.synonym_groups
    assert groups("火事") & groups("火災")
    assert groups("家") & groups("家屋")
    assert groups("妻") & groups("配偶者")
    assert groups("高校") & groups("高等学校")
    # index terms are kana-folded: ぱすわーど is looked up as パスワード
    assert groups("ぱすわーど") == groups("パスワード") != frozenset()
    # words Sudachi keeps apart stay apart; a phrase of several words has no group
    assert not groups("決める") & groups("定める")
    assert groups("電気通信回線") == frozenset()
    fire = Concept(frozenset(["火事"]), 1.0, groups("火事"))
    sentence = frozenset(tokenizer.tokenize("村は、火災により住家を全焼又は半焼し"))
    assert covers(fire, sentence, frozenset().union(*(groups(t) for t in sentence)))
    assert not covers(fire, frozenset(["風水害"]), groups("風水害"))


def test_an_answer_quotes_only_the_cited_paragraph(service: DocumentService, tenant: str) -> None:
    """道志村's 第4条 has two 項 with the same words (申請書, 提出, …までに): the answer cited
    第4条第1項 and quoted both, 2月10日 and 5月10日 — the second date belongs to 第2項."""
    _ingest(service, tenant, "doshi_nyugaku_iwaikin_yoko.txt")
    answer = service.answer(
        tenant, "道志村の入学祝金の申請書はいつまでに出せばよいですか", Viewer.everything()
    )
    assert answer.supported
    cited = answer.passages[0]
    assert cited.location == "第4条第1項"
    assert "2月10日" in answer.text
    assert "5月10日" not in answer.text


def test_a_mail_is_the_laws_denshi_mail(service: DocumentService, tenant: str) -> None:
    """「…を求めるメールを送る」: 不正アクセス禁止法 第7条第2号 says 「電子メール…により…送信する行為」;
    メール ≈ 電子メール and 送る ≈ 送信 are Sudachi groups. Without them the article stayed under
    the bar and was declined (blind7 i07), and the 号 that says it is the one shown."""
    service.ingest(tenant, LAW.name, LAW.read_bytes())
    answer = service.answer(
        tenant,
        "管理者のふりをしてパスワードを入力するよう求めるメールを送るのは禁止されていますか",
        Viewer.everything(),
    )
    assert [(p.document, p.location) for p in answer.passages] == [
        ("不正アクセス行為の禁止等に関する法律", "第7条第2号")
    ]


def test_a_penalty_question_is_answered_by_the_penalty_not_the_prohibition(
    service: DocumentService, tenant: str
) -> None:
    """「…保管していた人への罰則は」: 第6条 (the prohibition) holds every other word of the question
    once パスワード ≈ 識別符号 and was cited (blind7 i10); a penalty is given by 「…に処する」."""
    service.ingest(tenant, LAW.name, LAW.read_bytes())
    index = service.current_index(tenant).index
    question = "他人のパスワードを不正に保管していた人への罰則はどうなっていますか"
    kind = answer_kind(question)
    assert kind is not None
    assert kind.search(
        "次の各号のいずれかに該当する者は、一年以下の拘禁刑又は五十万円以下の罰金に処する。"
    )
    assert not kind.search("何人も、不正アクセス行為の用に供する目的で、…保管してはならない。")
    hits = [
        replace(h, lexical_rank=1, dense_rank=1)
        for h in index.search(question, 10, mode="lexical")
        if h.record.location == "第6条"
    ]
    assert hits
    assert supporting_passages(index, question, hits, lambda hit, page: "") == []
    answer = service.answer(
        tenant, "不正アクセスをした人はどれくらいの刑罰を受けますか", Viewer.everything()
    )
    assert [p.location for p in answer.passages] in ([], ["第11条"])
