"""A fifteenth staff-prompt set (round 2 of issue 9), written before the detector ran on it
(docs/benchmarks.md §3).

Same markup as staff_prompts.py (⟦kind:text⟧; P person, A address, T phone, E e-mail,
B birthdate, Z postal code, N identifier). Aimed at staff shorthand: initials, parent
nicknames (〇〇ちゃんママ), disambiguating brackets (田中(太)), capitalised passport names,
abbreviated labels (被保番号, 店番, 介保), zero-padded and apostrophe years (H02.04.01,
'90.4.1生), 団地 号棟, 〇〇方, ー as a dash in blocks, 内線 after a number.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    "引継ぎメモを整えて：⟦P:ゆうな⟧ちゃんママ（⟦T:090-3372-1845⟧）から、発熱でお休みの連絡。",
    "名簿の重複を確認：⟦P:田中(太)⟧と⟦P:田中(健)⟧は別人です。どう表記を統一すべき？",
    "パスポートの表記を確認：⟦P:SATO HANAKO⟧、生年月日 ⟦B:H02.04.01⟧。",
    "介護認定の記録を要約：被保番号 ⟦N:0012345678⟧、⟦P:堀 ミツエ⟧さん（⟦B:'34.5.6生⟧）。",
    "返金口座の確認文：店番 ⟦N:123⟧ 口座 ⟦N:7654321⟧ 名義 ⟦P:ﾎﾝﾀﾞ ｹﾝｲﾁ⟧。",
    "駐車場の苦情：軽自動車 ⟦N:仙台 480 け 12-34⟧ が毎日止まっている、と⟦P:Y.T⟧さんから。",
    "訪問先：⟦A:鶴ケ谷団地3号棟201⟧ ⟦P:関口⟧さん。エレベーターなし。訪問時の注意点を。",
    "転居先：⟦A:緑ケ丘1ー2ー3⟧ ⟦P:大林⟧方 ⟦P:沢口 亜紀⟧。郵便物の転送について案内文を。",
    "代表電話の案内：⟦P:奥寺⟧さんへは ⟦T:022-214-6655⟧ 内線 318。この文面を丁寧にして。",
    "出生届の確認：子 ⟦P:湊⟧、父 ⟦P:菅原 大輝⟧、母 ⟦P:菅原 彩⟧、⟦B:令和6年12月3日⟧生まれ。",
    "同姓同名の照会：⟦P:佐藤 花子⟧（⟦B:S45.1.1⟧）と⟦P:佐藤 花子⟧（⟦B:S52.8.9⟧）。手順を教えて。",
    "メール署名から転記：⟦P:Kenta Mori⟧ (⟦P:森 健太⟧) ⟦E:k.mori@example.net⟧ Mobile: ⟦T:+81 80 4471 2290⟧",
    "ふりがなの確認：⟦P:漆間 ういか⟧（⟦P:うるしま ういか⟧）さん、読みはこれで正しい？",
    "障害福祉の記録：手帳 ⟦N:身体 2級 第30218号⟧、⟦P:北条 悠斗⟧くん（⟦B:H27.11.11⟧）、母 ⟦P:北条 まどか⟧。",
]
# fmt: on


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS]
