"""A tiny hand-written municipal FAQ corpus (not derived from any evaluation set)."""

from __future__ import annotations

import pytest

from jichitai_ai.retrieval import IndexDocument
from jichitai_ai.text import Tokenizer

FAQ = {
    1: ("住民票の写しを取得したい", "住民票の写しは市民課の窓口かコンビニで取得できます。"),
    2: (
        "マイナンバーカードを申請したい",
        "マイナンバーカードの交付申請は郵送かオンラインでできます。",
    ),
    3: ("粗大ごみの出し方を知りたい", "粗大ごみは事前に申し込み、シールを貼って出してください。"),
    4: ("児童手当の申請方法", "児童手当は出生の翌日から15日以内に子育て支援課へ申請してください。"),
    5: ("犬の登録をしたい", "犬を飼い始めたら30日以内に登録し、狂犬病予防注射を受けてください。"),
    6: ("印鑑登録証明書を取得したい", "印鑑登録証明書は印鑑登録証を持って市民課の窓口へ。"),
}


@pytest.fixture(scope="session")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.fixture(scope="session")
def documents() -> list[IndexDocument]:
    return [IndexDocument(doc_id, {"question": q, "answer": a}) for doc_id, (q, a) in FAQ.items()]
