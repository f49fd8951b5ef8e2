"""Red-team set rt10, set 27: residents' questions (question log), written and committed before
the detector ran on them (docs/benchmarks.md §3, "Red team rt10"). Markup as heldout_prompts_24.py
(⟪…⟫: a look-alike that must stay readable in the log). Japanese, やさしい日本語 (元年 read in kana),
English, 简体中文, 한국어, Tiếng Việt, Tagalog, Español, Português, नेपाली and Русский: residents
giving their own or their family's names (a surname alone, kana and katakana given names, names
in hangul, hanzi, Devanagari and Cyrillic), addresses with 番地の, 甲, 地割 and rōmaji town words,
phones with ･ _ ー (0) and 漢数字 separated by の, 和暦 with 元年, a postal code and マイナンバー; and
questions with look-alikes only (companies named like people, trains, fiscal years, animals).
"""

from __future__ import annotations

from .heldout_prompts_24 import parse_keeps
from .staff_prompts import Prompt

# fmt: off
QUESTIONS: list[str] = [
    # --- Japanese ---
    "⟦P:樽見⟧ です。印鑑証明は代理でもとれますか",
    "⟦P:烏丸⟧と申します。⟦A:玄武町６００番地⟧の家の固定資産税について",
    "⟦P:宍戸 晴美⟧、⟦B:昭和59年7月1日⟧生まれです。健診の予約をしたい",
    "娘の⟦P:ひな⟧（⟦B:令和元年10月22日⟧生まれ）の児童手当はいつ振り込まれますか",
    "⟦P:曙 トヨ⟧です。孫の就学援助の結果はいつですか",
    "電話番号は ⟦T:090･3318･4427⟧ です。折り返しください",
    "⟦T:0568_74_2290⟧ の⟦P:荒川⟧です。おむつ券がまだ届きません",
    "住所は ⟦A:西原町２の１４の３⟧ です。ごみの日は？",
    "⟦A:字上ノ原甲１２３４番地⟧ ですが、浄化槽の補助はありますか",
    "⟦A:第５地割１２番地１⟧ の ⟦P:及川⟧ です。除雪はいつ来ますか",
    "⟦B:平成元年２月２日⟧生まれの ⟦P:蕪木⟧ です。節目健診の対象ですか",
    "⟦B:R元.8.8⟧生まれの子の予防接種の時期を教えて",
    "おばあちゃんの ⟦P:ナビー⟧ が⟪シルバー人材センター⟫に登録したい",
    "⟦P:ののか⟧が熱で休みます（⟦P:杉村⟧）",
    "夫の⟦P:鮫島 英司⟧が失業しました。国保の減免は？",
    "⟦P:ゆき⟧です。夜泣きの相談をしたいです",
    "⟦T:０９０ｰ４４１７ｰ２０８５⟧ にショートメールで教えてください",
    "⟦P:千々岩⟧です、⟦A:大分県別府市北浜２丁目１０番地の１⟧から引っ越してきました",
    "マイナンバーは ⟦M:6078 3678 1670⟧ です。これで手続きできますか",
    "⟦E:masumi_sera@example.ne.jp⟧ にヨガ教室の案内を送ってください",
    "⟦P:宮平 ナビー⟧の娘です。母の介護保険料が高い",
    "⟦P:九重 栞⟧です、⟦A:三番町二丁目一番地一号⟧に住んでいます",
    "⟦P:葛西 ミヨ⟧です。⟦Z:〒030-0812⟧ に書類を送ってください",
    "⟦P:砂田⟧です、⟦T:〇八〇の三三一二の五五七六⟧ に電話ください",
    "⟦P:日向 ひなみ⟧の母です。保育園の延長保育はいくら？",
    "息子の⟦P:かいり⟧が⟦B:平成31年4月30日⟧生まれです。就学前健診はいつ？",
    "⟦P:高嶺 つばき⟧です。⟦T:090‒3340‒2281⟧ に連絡ください",
    "⟦A:北５条西１１丁目１５番地⟧ です。除雪車が来ません",
    "⟦P:呉屋 カズ⟧ ⟦B:S14.4.4⟧生まれ、敬老祝い金はもらえますか",
    "⟪令和元年度⟫の決算はどこで見られますか",
    "⟪のぞみ⟫に乗って帰省します。駅までのバスは？",
    "⟪スズキ⟫の軽トラックを廃車にしたい。軽自動車税はどうなりますか",
    "⟪ゆめタウン⟫の近くに子育て支援センターはありますか",
    "⟪ひなたぼっこ⟫できる公園を教えて",
    "⟪いろはす⟫のペットボトルは何ごみですか",
    "⟪マツダスタジアム⟫までのシャトルバスは？",
    "⟪大和ハウス⟫の家を建てたら固定資産税はいつから？",
    "⟪吉野家⟫の前のごみがひどいです",
    "⟪ファミマ⟫で住民票はとれますか",
    "⟪横浜銀行⟫で税金を払えますか",
    "⟪みどりの窓口⟫がなくなりました。市役所で切符は買えますか",
    "⟪光回線⟫の工事で道路を使う許可は？",
    "⟪ヤンバルクイナ⟫を見ました。どこに連絡？",
    # --- やさしい日本語 ---
    "わたしは ⟦P:サビナ⟧ です。あかちゃんの けんしん いつ？",
    "わたしの なまえ ⟦P:ダワー⟧。おくさん ⟦P:バトツェツェグ⟧。こくほの かみ きた",
    "⟦P:エンフジャルガル⟧ の こども ⟦P:テムーレン⟧ ほいくえん はいりたい",
    "でんわ ばんごう ⟦T:080 6621 0954⟧ です。ざいりゅうカードの じゅうしょ",
    "わたしの すんでいる ところ ⟦A:みなとまち 1-8-3-402⟧ です。ごみ どうやって すてる？",
    "⟦P:ソムチャイ⟧ です。みせの ごみ は どこに だす？",
    "⟪ポケトーク⟫ つかって いい ですか",
    "⟦B:れいわ がんねん 5がつ 1にち⟧ うまれの こども の よぼうせっしゅ",
    # --- English ---
    "Hi, I'm ⟦P:Oliver Pennington⟧. My phone is ⟦T:+81 (0)80 3392 7118⟧. How do I get a copy of my residence record?",
    "My wife ⟦P:Chioma⟧ and I live at ⟦A:2-5-11 Minamimachi⟧. Where is the garbage calendar?",
    "My name is ⟦P:Siobhan O'Sullivan⟧, born ⟦B:14/02/1991⟧. Can I join Kokumin Kenko Hoken?",
    "I am ⟦P:Sutrisno⟧, a technical intern. Do I need to pay resident tax?",
    "Is ⟪Suica⟫ accepted at the city hall?",
    "My daughter ⟦P:Ifeoma⟧ needs the ⟪BCG⟫ vaccine. When?",
    "Hello, this is ⟦P:Maricel Dizon⟧. I lost my residence card at ⟪Lawson⟫.",
    # --- 中文 ---
    "我叫⟦P:邵宇辰⟧，想开婚姻要件具备证明。",
    "我的手机是⟦T:090 5527 1180⟧，请给我打电话。",
    "我女儿⟦P:简宥蓁⟧要上幼儿园，需要什么？",
    "⟪微信⟫可以交税吗？",
    "我妈妈⟦P:黄素卿⟧⟦B:1958年3月9日⟧出生，可以参加体检吗？",
    # --- 한국어 ---
    "저는 ⟦P:박서윤⟧입니다. 주소는 ⟦A:미나미마치 2-5-11⟧입니다.",
    "딸 ⟦P:김하린⟧이 어린이집에 가요. 신청은 언제까지예요?",
    "⟪카카오톡⟫으로 상담할 수 있어요?",
    "남편 ⟦P:이도현⟧의 마이넘버는 ⟦M:2457 2132 0327⟧입니다",
    # --- other languages ---
    "Tôi là ⟦P:Võ Thanh Ngân⟧, ở ⟦A:Minatomachi 1-8-3⟧. Tôi muốn hỏi về rác.",
    "Ako si ⟦P:Rowena Dimaano⟧, ang telepono ko ay ⟦T:090-2218-4473⟧. Paano mag-apply ng jido teate?",
    "Me llamo ⟦P:Renato Higa Yamashiro⟧. Vivo en ⟦A:Renjaku-cho 2311⟧. ¿Dónde pago el impuesto?",
    "Meu nome é ⟦P:Gabriel Souza⟧, minha mãe é ⟦P:Luciana Souza⟧. Precisamos de intérprete.",
    "मेरो नाम ⟦P:बिष्णु दाहाल⟧ हो। ⟪Hello Work⟫ कहाँ छ?",
    "Меня зовут ⟦P:Анна Смирнова⟧. Где получить справку о доходах?",
    "⟦P:Nurlan⟧ here, my phone is ⟦T:080-4471-9023⟧, I need a tax certificate",
]
# fmt: on


def questions() -> list[Prompt]:
    return [parse_keeps(q)[0] for q in QUESTIONS]


def questions_with_keeps() -> list[tuple[Prompt, list[str]]]:
    return [parse_keeps(q) for q in QUESTIONS]
