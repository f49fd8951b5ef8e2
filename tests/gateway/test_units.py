"""Small parts without a database: stream restoring, sealing."""

from __future__ import annotations

import pytest

from jichitai_ai.gateway._restore import StreamRestorer
from jichitai_ai.gateway._sealing import SealError, seal, unseal
from jichitai_ai.privacy import MaskingSession, detect


def test_restorer_handles_every_split_point() -> None:
    vault = MaskingSession()
    text = "山田太郎さんの電話は090-1234-5678です。"
    masked = vault.mask(text, detect(text)).text
    answer = f"{masked}［氏名1］と【電話番号 1】。【不明9】"
    expected = vault.restore(answer)
    assert "山田太郎" in expected and "【不明9】" in expected
    for size in range(1, 8):
        restorer = StreamRestorer(vault)
        out = "".join(restorer.feed(answer[i : i + size]) for i in range(0, len(answer), size))
        assert out + restorer.flush() == expected


def test_sealed_data_is_encrypted_and_tamper_evident() -> None:
    secret = b"deployment secret"
    data = "山田太郎 090-1234-5678".encode()
    sealed = seal(secret, data, b"review-1")
    assert data not in sealed and "山田".encode() not in sealed
    assert seal(secret, data, b"review-1") != sealed  # fresh nonce each time
    assert unseal(secret, sealed, b"review-1") == data
    with pytest.raises(SealError):
        unseal(secret, sealed, b"review-2")  # bound to its review
    with pytest.raises(SealError):
        unseal(b"other", sealed, b"review-1")
    flipped = bytearray(sealed)
    flipped[20] ^= 1
    with pytest.raises(SealError):
        unseal(secret, bytes(flipped), b"review-1")
