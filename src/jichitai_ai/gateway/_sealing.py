"""Authenticated encryption for held requests, from the standard library only.

Why not AES-GCM: the ``cryptography`` package is not a dependency of the platform.
This is encrypt-then-MAC with HMAC-SHA256 as both the keystream PRF (counter mode)
and the tag; keys for the two uses are derived separately from the deployment
secret. Swap in AES-GCM here when ``cryptography`` is added; the format has a
version byte for that.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

_VERSION = b"\x01"
_NONCE = 16
_TAG = 32


class SealError(ValueError):
    """The sealed data was altered or the key is wrong."""


def _subkey(secret: bytes, purpose: bytes) -> bytes:
    return hmac.new(secret, b"jichitai-gateway/" + purpose, hashlib.sha256).digest()


def _keystream(key: bytes, nonce: bytes, length: int) -> bytes:
    blocks = []
    for counter in range((length + 31) // 32):
        blocks.append(hmac.new(key, nonce + counter.to_bytes(8, "big"), hashlib.sha256).digest())
    return b"".join(blocks)[:length]


def seal(secret: bytes, plaintext: bytes, context: bytes = b"") -> bytes:
    """Encrypt and authenticate ``plaintext``; ``context`` is bound but not stored."""
    nonce = secrets.token_bytes(_NONCE)
    stream = _keystream(_subkey(secret, b"enc"), nonce, len(plaintext))
    body = bytes(a ^ b for a, b in zip(plaintext, stream, strict=True))
    head = _VERSION + nonce
    tag = hmac.new(_subkey(secret, b"mac"), head + body + context, hashlib.sha256).digest()
    return head + body + tag


def unseal(secret: bytes, sealed: bytes, context: bytes = b"") -> bytes:
    if len(sealed) < 1 + _NONCE + _TAG or sealed[:1] != _VERSION:
        raise SealError("unknown sealed format")
    head, body, tag = sealed[: 1 + _NONCE], sealed[1 + _NONCE : -_TAG], sealed[-_TAG:]
    expected = hmac.new(_subkey(secret, b"mac"), head + body + context, hashlib.sha256).digest()
    if not hmac.compare_digest(tag, expected):
        raise SealError("sealed data was altered or the key differs")
    stream = _keystream(_subkey(secret, b"enc"), head[1:], len(body))
    return bytes(a ^ b for a, b in zip(body, stream, strict=True))


def sign(secret: bytes, message: bytes) -> str:
    """HMAC signature (hex) for audit checkpoints."""
    return hmac.new(_subkey(secret, b"audit"), message, hashlib.sha256).hexdigest()


def signature_valid(secret: bytes, message: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(secret, message), signature)
