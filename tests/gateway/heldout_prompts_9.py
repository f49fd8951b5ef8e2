"""A tenth staff-prompt set, written after the fixes for heldout_prompts_8.py and before
the detector ran on it (docs/benchmarks.md §3).

Same markup as staff_prompts.py (⟦kind:text⟧; P person, A address, T phone, E e-mail,
B birthdate, Z postal code, N identifier). Aimed at hurried typing: no spaces or punctuation
between items, emoji next to names, 【】 and 『』 brackets, names marked (仮名), typos, and
chat-style requests to an LLM.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    "⟦P:山内太一⟧さん⟦T:09012344321⟧⟦A:青葉町5-5-5⟧の件急ぎで返信文つくって",
    "🙇‍♀️⟦P:佐倉⟧です、⟦P:北島 葵⟧さんの件で至急お願いします🙏 ⟦T:080-8765-4321⟧",
    "【⟦P:長谷部⟧】様からの苦情（『⟦P:長谷部 透⟧』名義で投書あり）への回答案を作って",
    "相談者：A子（仮名、本名は⟦P:安藤 亜希子⟧）、⟦B:平成10年8月8日⟧生。DV相談の記録。",
    "ねえ、この人に送るメール作って→ ⟦P:まつもとけんじ⟧さん ⟦E:kenji.m@example.jp⟧ 内容は健診のお知らせ",
    "⟦P:ｽｽﾞｷ ﾊﾅｺ⟧(⟦B:S60.1.1⟧生)の国保の資格喪失の通知文",
    "次の記録を直して：⟦P:岩崎⟧さん宅訪問、奥さんの⟦P:由美子⟧さん在宅、⟦A:若葉台2-3-4⟧、次回⟦T:022-777-8888⟧に連絡",
    "AIさん、⟦P:石原⟧先生（⟦P:石原 良子⟧）に出す、学校の給食費の件の謝罪文をお願いします！",
    "⟦P:上田⟧・⟦P:下田⟧・⟦P:中田⟧の3名で訪問予定。訪問先は⟦P:森田 きよ⟧様（⟦A:山手町8-1⟧）。",
    "⟦P:Tom⟧と⟦P:Jerry⟧って名前の兄弟（⟦P:Smith⟧家）の転入手続きの英語案内を作って",
    "保険証番号⟦N:12345678⟧の⟦P:松田 聖⟧さん、⟦B:1962年3月10日⟧生、高額療養費の案内",
    "件名：⟦P:福田⟧様 書類返送の件\n本文：⟦P:福田 正⟧様、先日お送りいただいた書類に不備が…（続きを書いて）",
]
# fmt: on


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS]
