"""Red-team set rt2, set 21: residents' questions (question log), written and committed before
the detector ran on them (docs/benchmarks.md §3, "Red team rt2"). Same markup as
staff_prompts.py. Japanese, やさしい日本語 (spaced), English, 简体中文 and 한국어, in the styles of
heldout_prompts_21.py: chat with emoji and line breaks, hiragana and rōmaji names, names split
by spaces, 〒 + 番地 in 漢数字, 和暦 short forms, read-aloud and full-width phone numbers,
obfuscated e-mail, マイナンバー with spaces/hyphens/full-width digits, bank, 保険証 and licence
numbers, number plates, katakana names with ・ or ＝. Names invented or after real-world
naming, none from a list in the code.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
QUESTIONS: list[str] = [
    "すみません🙏\n⟦P:のぐち ひより⟧です\nじどうてあての しんせい わすれました😭",
    "はじめまして！⟦P:Sakurai Mei⟧といいます。ゴミの分別がわかりません",
    "住所は ⟦Z:〒７０１－１１４５⟧ ⟦A:横井上千四百八番地⟧ です。粗大ごみを出したい",
    "でんわばんごうは ⟦T:ゼロハチゼロ ニーニーゴーイチ サンサンナナハチ⟧ です。けんしんの よやく",
    "⟦E:hana.moriwaki at example dot ne dot jp⟧ に申請書を送ってください",
    "マイナンバーは ⟦M:８４３５ ０２１７ ３６９０⟧ です。カードの更新はどうしますか",
    "I'm ⟦P:Ngozi Okonkwo-Bell⟧, DOB ⟦B:14/02/1990⟧, how do I register my address?",
    "My email is ⟦E:d.fitzgerald at example dot ie⟧ - please send the form.",
    "我是⟦P:欧阳明轩⟧，出生日期⟦B:1995年8月17日⟧，想问一下儿童补贴。",
    "我的手机号是⟦T:０９０－５５１８－２２０４⟧，请给我回电话。我叫⟦P:黄诗琪⟧",
    "제 이름은 ⟦P:문지호⟧이고, 생년월일은 ⟦B:1988년 11월 2일⟧입니다. 국민건강보험 가입하고 싶어요.",
    "전화번호 ⟦T:080-7731-2046⟧, 주소는 ⟦A:아오바구 혼마치 2-3-4⟧ 입니다. 쓰레기 버리는 날?",
    "わたしは ⟦P:ファム・ティ・トゥエット⟧ です。こどもは ⟦P:ロン⟧ です。ほいくえんに いれたいです",
    "わたしの なまえは ⟦P:すずか⟧ です😊 ⟦B:H15.6.6⟧ うまれ です",
    "⟦P:Kanade⟧ no hahaoya desu. hoikuen no henkou shitai",
    "保険証の記号 ⟦N:46130214⟧ 番号 ⟦N:2017⟧ です。引っ越したので変更したい",
    "口座は ゆうちょ ⟦N:12170-38815521⟧ です。還付金はいつ？",
    "車のナンバー ⟦N:横浜 502 め 33-16⟧ が ずっと違法駐車されています",
    "母 ⟦P:カズヱ⟧（⟦B:S8.1.15⟧）の介護の相談です。私は長女の⟦P:小此木⟧です",
    "⟦P:ベルムデス＝ペレス・ダニエル⟧です。在留カードの更新前に住所変更が必要ですか？",
    "⟦P:田 所⟧ ⟦P:ゆ か り⟧ です。国保をやめたい",
    "生年月日 ⟦B:H2/12/9⟧、名前 ⟦P:ひだか りょうた⟧。国民年金の学生納付特例",
    "引越しました🚚💨\n⟦Z:〒２３１－００６２⟧\n⟦A:桜木町一丁目百一番地⟧\nです！転入届は何日以内？",
    "携帯 ⟦T:ｾﾞﾛｷｭｰｾﾞﾛ ｲﾁﾆｰｻﾝﾖﾝ ｺﾞｰﾛｸﾅﾅﾊﾁ⟧ です、電話ください",
    "⟦P:ジョアン＝パウロ・ダ・シルヴァ⟧と申します。子どもの予防接種の予約は？",
    "夫 ⟦P:Rafael⟧、妻 ⟦P:Yumi Bastos⟧ です。婚姻届の証人は必要？",
    "Hello, I am ⟦P:Ayodele⟧, my number is ⟦T:zero eight zero, five five one two, three four nine eight⟧",
    "我住在⟦A:青叶区樱丘3-7-11⟧，电话⟦T:080 3321 4470⟧。怎么办理转入？",
    "我儿子⟦P:林浩宇⟧（⟦B:2016年4月2日⟧出生）想上小学",
    "안녕하세요. ⟦P:배수아⟧예요. 이메일은 ⟦E:sua.bae at example dot kr⟧ 입니다.",
    "우리 아이 ⟦P:하은⟧이가 ⟦B:2019.5.30⟧생이에요. 예방접종 언제예요?",
    "ほいくえん の こと で しつもん です。⟦P:ほりえ⟧ ⟦P:はなび⟧ です。でんわ ⟦T:〇七〇 三一二四 八八五九⟧",
    "⟦P:Ahmad Faizal bin Rahman⟧ here. Can I pay my tax at a convenience store?",
    "個人番号 ⟦M:１９２８４７３０６５２８⟧ を書いた書類をなくしました",
    "マイナンバー: ⟦M:6307-1825-9464⟧ 住民票に記載してほしい",
    "⟦P:さなだ⟧くん の おかあさん です。がっこう の きゅうしょくひ を はらいたい",
    "⟦P:武藤⟧先生にお世話になっている⟦P:けいすけ⟧の父です。学童の申込について",
    "昭和の人です笑 ⟦B:S46.10.30⟧生まれ、⟦P:沢渡 和人⟧。敬老パスはまだ？",
    "運転免許証番号 ⟦N:３０４５１２８８７７００⟧ で本人確認できますか",
    "銀行口座（⟦N:支店 ２１８ 普通 ５５０８１２７⟧）を変えたい、⟦P:ヘルナンデス・マリセル⟧です",
    "我的名字是⟦P:司徒 嘉欣⟧，邮箱⟦E:jiaxin.situ(at)example(dot)cn⟧",
    "Contact: ⟦P:O'Sullivan, Niamh⟧, ⟦A:Flat 3, 2-8-6 Chuo, Aoba-ku⟧",
    "〒 ⟦Z:980-0811⟧ ⟦A:一番町四丁目七番十七号⟧ の ⟦P:ほしかわ⟧ です。ごみの日は？",
]
# fmt: on


def questions() -> list[Prompt]:
    return [parse(p) for p in QUESTIONS]
