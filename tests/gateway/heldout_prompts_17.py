"""An eighteenth staff-prompt set (round 2 of issue 9), written before the detector ran on it
(docs/benchmarks.md §3).

Same markup as staff_prompts.py (⟦kind:text⟧; P person, A address, T phone, E e-mail,
B birthdate, Z postal code, N identifier). Aimed at residents' messages in other languages
pasted for translation (English, 简体中文, 한국어, Português, Tiếng Việt), and やさしい日本語
with spaces between words.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    "日本語に訳して：\"Hello, my name is ⟦P:Grace Mwangi⟧. I live at ⟦A:3-12-7 Kashiwagi, Aoba-ku⟧. My son ⟦P:Brian⟧ was born on ⟦B:March 4, 2019⟧. Please call me at ⟦T:080-5512-9034⟧.\"",
    "翻訳して：“我叫⟦P:张伟⟧，住在⟦A:青叶区本町2-5-8⟧，电话⟦T:090-7736-2281⟧。我的孩子⟦P:张子涵⟧想上保育园。”",
    "번역해 주세요: 안녕하세요, 저는 ⟦P:이수진⟧입니다. 생년월일은 ⟦B:1987년 5월 3일⟧이고 전화번호는 ⟦T:070-3345-1190⟧입니다.",
    "訳して：Olá, sou ⟦P:Fernanda Costa⟧, moro na ⟦A:Rua das Flores 88, Curitiba⟧ antes de vir ao Japão. Meu e-mail é ⟦E:fernanda.costa@example.com.br⟧.",
    "日本語にして：Xin chào, tôi là ⟦P:Phạm Thị Hương⟧, sinh ngày ⟦B:12/08/1996⟧, số thẻ lưu trú ⟦N:EF34567890GH⟧.",
    "やさしい 日本語に なおして：「⟦P:やまもと はると⟧ さんの おかあさん、あした ⟦T:090-1122-3344⟧ に でんわ して ください。」",
    "英語の返信を作って。相手は Mr. ⟦P:Olusegun Adeyemi⟧、先週 ⟦A:Flat 2, 14 Elm Road, Leeds⟧ から転入。",
    "中国語の手紙の要点：写信人 ⟦P:刘芳⟧，她的丈夫 ⟦P:陈建国⟧ 生于 ⟦B:1975年11月20日⟧。",
]
# fmt: on


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS]
