"""Held-out residents' questions with personal data (red team rt1, 2026-12-01), written and
committed before the detector ran on them (docs/benchmarks.md §3).

What a resident types into the FAQ chat (web widget, LINE): the question goes through
``services.redaction.screen`` and only its masked form is written to the question log
(``QuestionLog.question``). No annotated item may be visible in the stored row.

Same markup as staff_prompts.py (P person, A address, T phone, E e-mail, B birthdate,
Z postal code, N identifier, M マイナンバー). Names and numbers are invented for this set, not
taken from any list in the code; questions in やさしい日本語, chat style, and in English,
简体中文, 한국어, Tiếng Việt, Português, Español, Tagalog, Bahasa Indonesia and Nepali.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
QUESTIONS: list[str] = [
    "住民票を郵送でほしいです。名前は⟦P:鵜沢 いろは⟧、生年月日は⟦B:平成9年3月3日⟧です",
    "⟦P:ぬまた しんじ⟧です。もえないごみの日をおしえてください",
    "電話番号⟦T:０９０ー３３１２ー８８０４⟧に折り返し電話ください。保育園の空きについて",
    "マイナンバーカードの暗証番号を忘れました。番号は⟦M:2904 7731 6059⟧です",
    "Please email me at ⟦E:kwame.mensah(at)example.com⟧ about the tax certificate.",
    "我叫⟦P:司马晓晴⟧，想办理国民健康保险。电话⟦T:080-6624-1937⟧",
    "저는 ⟦P:승예린⟧입니다. 전입신고는 어디서 해요?",
    "Tôi tên là ⟦P:Trịnh Quang Khải⟧. Tôi muốn hỏi về thuế cư trú.",
    "Meu nome é ⟦P:Thiago Yamashiro Nunes⟧, preciso do atestado de residência.",
    "Mi nombre es ⟦P:Rosa Quispe Mamani⟧ y vivo en ⟦A:Aoba-ku Honcho 4-2-18⟧. ¿Cuándo es el día de basura?",
    "मेरो नाम ⟦P:बिष्णु खड्का⟧ हो। मेरो फोन ⟦T:080-2215-7734⟧ हो। कर बारे सोध्न चाहन्छु।",
    "Ako si ⟦P:Maricel Dimaculangan⟧, paano mag-apply ng child allowance?",
    "Saya ⟦P:Siti Rahmawati⟧, nomor telepon ⟦T:090-5561-0827⟧. Bagaimana cara membuang sampah besar?",
    "夫の⟦P:浩之⟧が亡くなりました。年金の手続きは何が必要ですか",
    "⟦A:大字吉田字下河原２３４５番地⟧に住んでます。家の前の道路に穴があいています",
    "こどもの⟦P:ひなの⟧（⟦B:2021/4/8⟧生まれ）の予防接種はいつですか",
    "児童手当が口座番号⟦N:1234567⟧に振り込まれていません",
    "保険証の記号⟦N:青-0552⟧番号⟦N:31087⟧をなくしました。再発行したい",
    "私、⟦P:ヴォー・ティ・ガー⟧と申します。在留カードの住所変更はどこでしますか",
    "⟦Z:〒２５９－１１４６⟧ ⟦A:鈴川8-22-3⟧の⟦P:戸叶⟧です。粗大ごみの申し込み",
    "でんわは 090の⟦T:4476⟧の⟦T:2281⟧です。けんしんの よやくを したい",
    "携帯⟦T:〇八〇 五五二一 七七三〇⟧です。水道の開栓をお願いします",
    "⟦P:丹\u200b後 美\u200b紗⟧です。転出届はオンラインでできますか",
    "母の⟦P:ウメノ⟧（⟦B:大正十四年⟧生）が施設に入ります。介護保険の住所地特例について",
    "⟦P:YAMAGUCHI Renzo⟧ here, my wife ⟦P:Ana Paula⟧ needs a health check. Our phone is ⟦T:080 4412 9975⟧",
    "息子の⟦P:瀬戸口 航平⟧が⟦B:平成20年6月14日⟧生まれですが、高校の就学支援金は？",
    "メールアドレスは⟦E:yuzu_hanaoka＠example.jp⟧です。申請書を送ってほしい",
    "私は⟦P:ファン・ティ・トゥ・チャン⟧です。子どもの⟦P:ミン・アン⟧が小学校に入ります",
    "住所は⟦A:若松町3丁目12番地の5 ヴィラ若松 201号⟧です。ゴミ置き場が荒らされています",
    "わたしの なまえは ⟦P:あらかわ みほ⟧です。ほいくえんに はいりたい",
    "生年月日 ⟦B:S62.11.20⟧ 名前 ⟦P:宍倉 玲奈⟧ 国民年金の免除",
    "個人番号⟦M:５５１８０２７７４６０１⟧の通知カードを紛失しました",
    "⟦P:Olena Shevchuk⟧. Phone ⟦T:070-3381-6620⟧. I fled from Ukraine, what support is there?",
    "連絡先は⟦T:0467-\n35-2281⟧（自宅）です。空き家バンクに登録したい",
    "おじいちゃんの⟦P:権藤 辰五郎⟧が、⟦B:昭和6年⟧の⟦B:2月22日⟧生まれで、敬老祝い金はもらえますか",
    "⟦P:Chukwuemeka Obi⟧ is my name and my account is ⟦N:普通 7720481⟧, refund not received",
    "⟦P:宇田川⟧といいます。下の名前は⟦P:こはる⟧です。図書館カードを作りたい",
    "⟦P:李 智恩⟧（이지은）입니다. 주민세 납부는 어떻게 해요? 전화 ⟦T:090-8834-5512⟧",
    "⟦P:ｶﾈﾀﾞ ｼｮｳｺﾞ⟧です。ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞの受け取りの予約をしたい",
    "はじめまして。⟦P:北浦 千夏⟧と申します。⟦A:緑ヶ丘2-15-7 グリーンコート緑ヶ丘C棟403⟧に引っ越してきました。転入届の持ち物は？",
    "障害者手帳の番号は⟦N:第4081号⟧です、⟦P:茂木 透⟧。バスの割引はありますか",
    "my birthday is ⟦B:1993-02-17⟧ and name ⟦P:Jovana Petrović⟧, how do I get a resident card copy",
]
# fmt: on


def questions() -> list[Prompt]:
    return [parse(q) for q in QUESTIONS]
