"""A fifth staff-prompt set, written after the fixes for heldout_prompts_3.py and before
the detector ran on it: a third honest first run (docs/benchmarks.md §3).

Same markup as staff_prompts.py (⟦kind:text⟧; P person, A address, T phone, E e-mail,
B birthdate, Z postal code, N identifier). Aimed at household lists (世帯員：妻 花子),
e-mail headers and signatures, names with no honorific (…の件, 担当：…), 様方 / 方書
addresses, 番地の / 番 without 号, English sentences with Japanese names, names in 「」,
extensions and international numbers.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    "世帯の状況を整理して。世帯主 ⟦P:久保寺 剛⟧、世帯員：妻 ⟦P:千景⟧、長男 ⟦P:悠真⟧、次女 ⟦P:凛⟧。",
    "From: ⟦P:佐伯 誠⟧ <⟦E:m.saeki@example.co.jp⟧>\nCc: ⟦P:北川 奈央⟧\n件名：説明会の件\n本文を要約して返信案を作って。",
    "次のメールを要約：「いつもお世話になっております。⟦P:宇佐美⟧の件でご相談です。⟦P:宇佐美⟧さんは先週から入院しています。」",
    "署名を整えて：\n--\nあおば市 福祉課 ⟦P:新田 和樹⟧\n内線 2245\n",
    "Please write an English letter to Mrs. ⟦P:Yamaguchi⟧ (⟦T:+81-22-301-7788⟧) about her son ⟦P:Daiki⟧'s school enrollment.",
    "郵送先：⟦A:仙台市泉区南光台2丁目14番地の3⟧ ⟦P:石森 和雄⟧様方 ⟦P:石森 里奈⟧様。封筒の宛名を作って。",
    "宛名ラベル：⟦Z:〒9813205⟧ ⟦A:泉区紫山4-21-7 ノースコート紫山 1102⟧ ⟦P:大畑 智香⟧ 様",
    "相談記録：⟦P:古沢⟧の件。本人は電話（⟦T:022-218-0934⟧ 内線なし）で、⟦B:昭和33年7月7日⟧生と名乗った。",
    "ケース記録の要約：「⟦P:一ノ瀬 光⟧」と名乗る男性（⟦B:S40年1月15日⟧生）、⟦A:宮城野区榴岡5丁目1番⟧付近で保護。",
    "担当：⟦P:浜野⟧　来庁者：⟦P:畠中 美咲⟧（⟦T:080-2468-1357⟧）　用件：マイナポータルのログイン",
    "督促状：⟦P:ヤマダ タロウ⟧ 様（カナ表記のみ登録）、⟦A:若林区荒井東1-3-5-402⟧、下水道使用料。",
    "ベトナムの家族への連絡先：⟦T:+84 912 345 678⟧（父 ⟦P:Nguyen Van Long⟧）。緊急連絡先として記録して。",
    "住民票コード ⟦N:12345678901⟧、⟦P:近藤 由紀⟧ 様の住所変更の記録。旧住所 ⟦A:太白区長町6-8-10⟧。",
    "在留カード（⟦N:AB12345678CD⟧）の更新期限が近い⟦P:Maria Santos⟧さんと⟦P:Jose Santos⟧さんへの案内。",
    "ゆうちょ銀行 記号 ⟦N:18120⟧ 番号 ⟦N:21345671⟧ 名義 ⟦P:タカハシ ケンジ⟧。振込通知を作って。",
    "ケース番号 ⟦N:K-2024-0117⟧、対象者 ⟦P:佐川 勇人⟧（⟦B:H15.3.9⟧生）の支援計画を箇条書きで。",
    "チャットで聞きます：うちの課の⟦P:岡部⟧さんと⟦P:庄司⟧さんに送る会議の案内文を作って。",
    "母子手帳の交付記録：母 ⟦P:Le Thi Hoa⟧（⟦B:1996.04.21⟧生）、⟦A:青葉区上杉3-3-1⟧、⟦T:070-1234-8765⟧。",
    "以下の苦情を要約：「隣の⟦P:池谷⟧さん宅の犬がうるさい。⟦P:池谷⟧さんには何度も言った」（通報者 ⟦P:柏原 修一⟧ ⟦T:090-9876-5432⟧）",
    "会議録：出席者 ⟦P:山内⟧課長、⟦P:榎本⟧係長、⟦P:菅原⟧主事。議題は除雪計画。",
    "⟦P:Sato Yuki⟧ (⟦E:yuki.sato@example.com⟧) asked about the child allowance. Draft a reply in easy Japanese.",
    "介護保険の記録：被保険者番号 ⟦N:0123456789⟧、⟦P:菅野 ミヨ⟧（⟦B:大正15年12月25日⟧生）、要支援1。",
    "国保の加入記録：⟦P:Kim Ji-won⟧（⟦P:キム・ジウォン⟧）さん、⟦A:若林区卸町2-9-1⟧、保険証 記号 ⟦N:宮01⟧ 番号 ⟦N:2233⟧。",
    "延滞金の計算根拠を説明して。滞納者 ⟦P:栗田 浩⟧、口座 普通預金 ⟦N:3344556⟧、⟦A:泉区八乙女中央1丁目5番12号⟧。",
    "「⟦P:吉岡⟧です。先日はありがとうございました」というメールへの返信を書いて。",
    "転入届の記載例を作って。氏名：⟦P:渡部 晴美⟧、生年月日：⟦B:1988年（昭和63年）2月29日⟧、前住所：⟦A:福島市森合町10-12⟧。",
    "電話メモ：⟦P:ウィリアムズ⟧さん（英語のみ）、携帯 ⟦T:080 5555 1212⟧、折り返し希望。",
    "保育所の入所調整メモ：⟦P:小林 ひなた⟧ちゃん（⟦B:R4.6.30⟧生）、兄 ⟦P:小林 大和⟧くん在園中。",
    "児童扶養手当 証書番号 ⟦N:第0456号⟧、受給者 ⟦P:平井 真理子⟧ 様の現況届の案内。",
    "次の住所を英語表記にして：⟦A:宮城県仙台市青葉区国分町3丁目7-1⟧ ⟦P:阿部 和也⟧ 様",
]
# fmt: on


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS]
