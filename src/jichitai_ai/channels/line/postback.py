"""Postback data of our own buttons: short query strings (LINE allows 300 characters).

``t`` carries the answer's feedback token (issued by the server with the answer), so
feedback can be bound by token alone once every channel does that.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

MAX_DATA = 300

CHOOSE = "ch"  # 更問: the resident picked one choice
FEEDBACK = "fb"  # 解決した / 解決しなかった
LANGUAGE = "lang"  # switch the conversation language
LANGUAGE_MENU = "lm"  # show the language menu (rich menu tile)
CATEGORY = "cat"  # rich menu: questions of one category
MORE = "mo"  # 他の候補を見る: further candidates of the question's logged ranking


def encode(action: str, **fields: object) -> str:
    data = urlencode({"a": action, **{k: str(v) for k, v in fields.items() if v not in ("", None)}})
    if len(data) > MAX_DATA:
        raise ValueError("postback data too long")
    return data


def decode(data: str) -> dict[str, str]:
    return dict(parse_qsl(data[:MAX_DATA], keep_blank_values=False))
