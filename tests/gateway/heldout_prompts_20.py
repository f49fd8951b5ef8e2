"""A third red-team set (rt1, set 20), written after the set-19 fixes and committed before the
detector ran on it (docs/benchmarks.md §3). Same markup as heldout_prompts_18.py; residents'
questions from ``RESIDENT_FROM`` on. Styles the earlier rt1 sets had little of: mail
signatures with ☎ and 〒, Word tables drawn with │, furigana in brackets, Okinawan and Ainu
names, Arabic script, half-width kana, names with 々 and ヶ, OCR line breaks inside a name,
emoji in chat, dates with 曜日, numbers after ☎/📞/✉.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    # --- staff prompts ---
    "このメールの署名から連絡先を表にして：\n――――――――\n⟦P:佐々野 真砂子⟧\n⟦Z:〒９２０－０８６５⟧ ⟦A:長町二丁目４番２０号⟧\n☎ ⟦T:076-231-8844⟧\n✉ ⟦E:masako.sasano@example.jp⟧",
    "Wordの表を文章にして：\n│氏名│⟦P:喜屋武 ちはる⟧│\n│生年月日│⟦B:平成4年9月9日（水）⟧│\n│住所│⟦A:字古謝830番地⟧│",
    "ふりがな付きの名簿を整えて：⟦P:勅使川原 遥歩⟧（⟦P:てしがわら はるほ⟧）、⟦P:一青 清良⟧（⟦P:ひとと きよら⟧）",
    "OCRの結果を直して：氏名 ⟦P:東江⟧\n　　⟦P:美 奈 子⟧  生年月日 ⟦B:昭和５８年\n１月１７日⟧",
    "アイヌ語の名前の方への案内：⟦P:ウパシ⟧さん（本名 ⟦P:萱野 雪子⟧）、電話 📞⟦T:0145-72-2119⟧",
    "アラビア語の書類：الاسم ⟦P:محمد الحسن⟧ 、⟦B:1991/03/12⟧ 生まれ。日本語の要約を。",
    "ﾃﾞｰﾀ入力の確認：ｼﾒｲ ⟦P:ﾔﾏｶﾞﾀ ｺｳｽｹ⟧、ﾃﾞﾝﾜ ⟦T:090-4412-7719⟧",
    "⟦P:佐々ヶ谷 一葉⟧様の件、⟦A:霞ヶ丘町2-17-9⟧へ訪問予定。訪問記録の様式を作って。",
    "チャットのログを要約：「⟦P:こはね⟧です😊 子どもの⟦P:ゆいと⟧が熱出して🥲 ⟦T:080‐2274‐6650⟧に連絡ください🙏」",
    "議事録：発言者 ⟦P:玉城 タケ⟧（⟦A:字名護4558⟧在住）が道路の補修を要望。",
    "Signature: ⟦P:Priya Raghunathan⟧ | Tel ⟦T:(045) 671-2093⟧ | ⟦E:priya.r@example.in⟧. Reply politely in English.",
    "⟦P:Abdullah bin Yusof⟧ emailed about his daughter ⟦P:Aisyah⟧'s vaccination. Draft a Japanese reply.",
    "⟦P:下地 鶴子⟧さん（⟦B:1939.10.5⟧生）、要介護3。週間予定表を作成して。",
    "以下はJSONログ：{\"user\": \"⟦P:kanako.itokazu⟧\", \"tel\": \"⟦T:09033128877⟧\", \"zip\": \"⟦Z:904-0111⟧\"} これを説明して。",
    "振込依頼書：みどり信用組合 第二支店 普通 ⟦N:0418827⟧ ⟦P:トヨダ ハナエ⟧。記入例を作って。",
    "マイナンバーカード（個人番号 ⟦M:５２７３ ６１８０ ４４９８⟧）の暗証番号ロック解除の手順を、⟦P:小波津 正⟧さんに説明する文を。",
    "年金手帳の番号 ⟦N:4021 583716⟧、⟦P:比屋根 安子⟧さん。受給の案内文を作って。",
    "⟦P:國吉 髙志⟧様（旧住所 ⟦A:北谷町字桑江１−２−３⟧）からの問い合わせに回答案を。",
    "来庁者：⟦P:Lâm Ngọc Bích⟧（在留カード ⟦N:AB 1234 5678 CD⟧）、転入手続き。",
    "電話メモ：⟦T:〇四五・三三一・二〇八七⟧ の ⟦P:仲村渠⟧さんへ折り返し。",
    # --- residents' questions (question log) ---
    "⟦P:やまがた こうすけ⟧っていいます。ほいくえんのもうしこみはいつからですか",
    "住所変更したいです。新しい住所は⟦A:字古謝830番地⟧、電話は⟦T:０９８（９３７）５５１２⟧です",
    "قمت بالانتقال. اسمي ⟦P:محمد الحسن⟧ . كيف أسجل العنوان؟",
    "ชื่อ⟦P:ประเสริฐ ทองคำ⟧ ครับ อยากถามเรื่องภาษี",
    "子ども（⟦P:ゆいと⟧・⟦B:R3.5.5⟧生）の予防接種のお知らせが届きません😢",
    "⟦P:佐々野⟧です。母（⟦P:佐々野 キヨ⟧、⟦B:大正15年3月3日⟧生）の年金のことで",
    "my name is ⟦P:Priya Raghunathan⟧, phone ⟦T:045-671-2093⟧, how to get a tax certificate?",
    "マイナンバー⟦M:6019-3358-2713⟧のカードをなくしました",
    "✉ ⟦E:yuito.mama(at)example.ne.jp⟧ に返事ください。保育園の見学について",
    "〒⟦Z:901-2223⟧の⟦A:宜野湾市大山3-12-5 コーポ大山102⟧に住んでいます。粗大ごみは？",
]
# fmt: on

#: Index of the first resident question.
RESIDENT_FROM = 20


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS[:RESIDENT_FROM]]


def questions() -> list[Prompt]:
    return [parse(p) for p in PROMPTS[RESIDENT_FROM:]]
