"""Red-team set rt9, set 26: residents' questions (question log), written and committed before
the detector ran on them (docs/benchmarks.md §3, "Red team rt9"). Markup as heldout_prompts_24.py
(⟪…⟫: a look-alike that must stay readable in the log). Japanese, やさしい日本語, English, 简体中文,
한국어, Português and Tiếng Việt: residents giving their own or their family's names (a surname
alone before です, kana names, names in hangul and Chinese run into the sentence, Vietnamese with
diacritics), addresses (kana town words, building and room), phones, e-mail, birthdates in 和暦,
kana and the Vietnamese day/month order, ages, bank and 保険証 numbers, number plates and
マイナンバー; and questions with look-alikes only (法令, animals, medicines, companies, facilities).
"""

from __future__ import annotations

from .heldout_prompts_24 import parse_keeps
from .staff_prompts import Prompt

# fmt: off
QUESTIONS: list[str] = [
    # --- Japanese ---
    "⟦P:楠瀬⟧といいます。転入届は何日以内に出せばいいですか",
    "⟦P:小此木 遥斗⟧です。住民票の続柄が間違っています",
    "父の⟦P:弓削 寅吉⟧が亡くなりました。年金の手続きを教えてください",
    "⟦P:宜保⟧です。祖母の⟦P:カマド⟧が百歳になります。お祝いはありますか",
    "電話は ⟦T:090-4183-7725⟧、⟦P:瓜生⟧です。閲覧制限をお願いしたい",
    "⟦A:汐入町三丁目18番地の2⟧ に引っ越しました。国保の手続きは？",
    "わたしは ⟦P:当銘 ゆいな⟧。⟦A:うるま市字赤道７７５番地⟧ です。児童手当の口座を変えたい",
    "息子の⟦P:遥斗⟧（⟦B:平成23年4月4日⟧生まれ）の就学援助はまだ間に合いますか",
    "⟦P:鍬田⟧と申します、⟦B:昭和45年⟧生まれです。特定健診の案内が来ません",
    "保険証の記号 ⟦N:はま 8⟧ 番号 ⟦N:40213⟧ です。再発行したい",
    "車のナンバーは ⟦N:水戸 300 ぬ 58-03⟧ です。住所変更はどこでしますか",
    "口座は ⟦N:沖縄銀行 普天間支店 普通 0628714⟧ です。振込先を変えたいです",
    "メール ⟦E:kyan.takeshi@example.jp⟧ に回答をください",
    "⟦P:しょうじ のぶ⟧の孫です。おばあちゃんがデイサービスで転びました",
    "⟦P:ヨネ⟧ばあちゃんの介護保険料はいくらですか",
    "母 ⟦P:鳥飼 チヨ⟧ の被保険者番号は ⟦N:0100583294⟧ です",
    "妻の⟦P:ユリア⟧はロシア国籍です。国保に入れますか",
    "⟦P:氷室⟧です。娘の⟦P:ことの⟧を⟪ひまわり保育園⟫に入れたい",
    "マイナンバー ⟦M:4249 2538 5616⟧ を書く欄がわかりません",
    "個人番号は ⟦M:６２２４６１８９４９４２⟧ です。通知カードをなくしました",
    "⟦P:くまがい なおき⟧です。⟦A:あさひちょう 3-12-6⟧ です。ごみの日を教えて",
    "⟦P:おおしろ みつこ⟧の息子です。母の介護認定の結果はいつ？",
    "⟦P:瑞慶覧⟧です。",
    "⟦P:喜屋武⟧です。要望書を出したいです",
    "⟦P:久世 翔平⟧です。⟪国道24号⟫の穴を通報したいです",
    "⟪生活保護法⟫の扶養照会はことわれますか",
    "⟪ハクビシン⟫が屋根裏にいます。どこに相談すればいいですか",
    "花粉症で⟪アレグラ⟫を毎日のんでいます。健康診断の前にやめたほうがいい？",
    "⟪マイナ保険証⟫がないと病院に行けませんか",
    "⟪ふるさと納税⟫の⟪ワンストップ特例⟫の締め切りは？",
    "⟪はるかぜ荘⟫に入りたいです。何人待っていますか",
    "⟪さつき⟫通りの信号はいつできますか",
    "⟪ヤクルト⟫の人が見守りをしてくれると聞きました",
    "⟪佐川急便⟫で書類を送ってもいいですか",
    "⟪松本市⟫から引っ越してきました。介護保険はどうなりますか",
    # --- やさしい日本語 ---
    "わたしは ⟦P:ドー・クアン・ヴィン⟧ じゃなくて ⟦P:ディン・ホン・ニュン⟧ です。こどもの ほいくえん",
    "わたしの なまえは ⟦P:アドリアナ・メンデス⟧ です。でんわ ⟦T:070-4490-2218⟧",
    "⟦P:ラクシュミ⟧ です。あかちゃんが うまれます。てちょうは どこ？",
    "⟦P:アイシャ⟧ の こども ⟦P:ユスフ⟧ が うまれました。とどけは どこ？",
    "すんでいる ところは ⟦A:みなみまち ５－２－１０⟧ です。ごみの だしかた おしえて",
    "⟦P:しまづ ゆうひ⟧ です。⟦B:へいせい14ねん 5がつ 30にち⟧ うまれ です",
    "⟦P:ホアン⟧ です。ざいりゅうカードを なくしました",
    # --- English ---
    "My name is ⟦P:Priya Nair⟧. When will my Jido Teate start?",
    "Hello, I'm ⟦P:Samuel Nwachukwu⟧, phone ⟦T:080-9021-6673⟧. How do I register my address?",
    "I live at ⟦A:5-12-8 Kitamachi, Room 403⟧. Where do I get a tax certificate?",
    "Can my wife ⟦P:Hannah⟧ join the national health insurance? Email ⟦E:hannah.schmidt@example.de⟧",
    "My son ⟦P:Liam⟧ was born on ⟦B:3 September 2022⟧. Can he use the sick child care?",
    "My daughter ⟦P:Mika Macaraeg⟧ needs a nursery. What documents?",
    "Is ⟪Allegra⟫ sold at pharmacies in Japan?",
    # --- 中文 ---
    "我叫⟦P:刘思彤⟧，电话⟦T:090-3347-6628⟧，想办理国民健康保险。",
    "我丈夫⟦P:鄒建国⟧的工资被扣押了，怎么办？",
    "我的地址是⟦A:中央町3丁目2番地2号⟧，垃圾什么时候收？",
    "我女儿⟦P:欧阳诗涵⟧明年上小学，需要什么手续？",
    "⟪ふるさと納税⟫怎么申请？",
    # --- 한국어 ---
    "제 이름은 ⟦P:옥혜인⟧입니다. 납세증명서는 어디서 받나요?",
    "아들 ⟦P:육지호⟧이 초등학교에 들어갑니다. 취학 원조를 받을 수 있나요?",
    "전화번호는 ⟦T:080-7128-3349⟧입니다. 재류카드를 잃어버렸어요",
    "⟪마이나 보험증⟫이 없으면 병원에 못 가나요?",
    # --- Português / Tiếng Việt ---
    "Meu nome é ⟦P:João Pedro Nogueira⟧. Meu filho ⟦P:Enzo⟧ vai mudar de escola.",
    "Tôi là ⟦P:Trần Quốc Đức⟧, số điện thoại ⟦T:090-5541-2087⟧. Tôi muốn hỏi về thuế.",
    "Tôi tên ⟦P:Phạm Thị Hằng⟧, sinh ngày ⟦B:12/05/1996⟧. Đăng ký bảo hiểm ở đâu?",
    # --- more Japanese ---
    "⟦P:鴨志田 悦代⟧です。⟦P:拓海⟧（⟦B:31歳⟧）が家から出ません。相談したいです",
    "住所 ⟦A:曙町４－１８－２　サンライズ曙　３０２号室⟧、名前 ⟦P:汐崎 喜久⟧。介護タクシーの助成は？",
    "後期高齢の保険証、番号 ⟦N:39418827⟧、⟦P:能登 キヌ⟧ です。なくしました",
    "⟦P:漆畑⟧ ⟦T:０８０－３３６１－９０２７⟧ 医療費控除の書き方を教えて",
    "娘 ⟦P:りおな⟧ と息子 ⟦P:れお⟧ の児童手当、口座を ⟦N:ゆうちょ 記号 10180 番号 52274391⟧ に変えたい",
    "⟦P:蟹江 望⟧です。⟦P:颯⟧の就学通知が来ません。⟦E:nozomi.kanie@example.jp⟧",
    "夫 ⟦P:石動 晃⟧ と ⟦B:平成八年二月二十九日⟧ 生まれです。婚姻届の証人は必要？",
    "軽自動車 ⟦N:山形 480 あ 22-91⟧ の減免はできますか。⟦P:左沢⟧です",
]
# fmt: on


def questions() -> list[Prompt]:
    return [parse_keeps(q)[0] for q in QUESTIONS]


def questions_with_keeps() -> list[tuple[Prompt, list[str]]]:
    return [parse_keeps(q) for q in QUESTIONS]
