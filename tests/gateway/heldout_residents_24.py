"""Red-team set rt7, set 24: residents' questions (question log), written and committed before
the detector ran on them (docs/benchmarks.md §3, "Red team rt7"). Markup as
heldout_prompts_24.py (⟪…⟫: a look-alike that must stay readable in the log). Japanese,
やさしい日本語, English, 简体中文 and 한국어: rare surnames and 異体字, hiragana given names,
names with 様/さん/氏 or none, names split over lines, addresses with 丁目/番地/号 and full-width
digits, phones with +81, 0120 and 内線, 令和/平成/昭和 dates and R5.4.1, e-mail, bank, 保険証 and
在留カード numbers, マイナンバー, and questions about animals, products, departments and other
cities' offices that hold no personal data at all. Names invented or after real-world naming,
grepped over src/ before the first run.
"""

from __future__ import annotations

from .heldout_prompts_24 import parse_keeps
from .staff_prompts import Prompt

# fmt: off
QUESTIONS: list[str] = [
    # --- Japanese ---
    "⟦P:薬袋 可南子⟧です。⟦A:花見川２丁目９番地の１⟧に住んでいます。粗大ごみの出し方を教えてください",
    "母の⟦P:九十九 トキ⟧（⟦B:昭和8年⟧生まれ）が要介護認定を受けたいと言っています",
    "⟦P:髙﨑⟧です。娘の⟦P:ゆのか⟧（⟦B:R5.4.1⟧生まれ）の予防接種の予約はどこで？",
    "子どもは ⟦P:いろは⟧ と ⟦P:こはる⟧ です。二人とも保育園の申し込みをしたいです",
    "住所は ⟦A:港南３丁目７－１９－２０２⟧、電話は ⟦T:＋８１ ９０ ４４２７ ８８１３⟧ です。折り返しください",
    "⟦P:月見里⟧と申します。⟦T:0120-551-208⟧ というところから市役所を名乗る電話がありました。本物ですか",
    "夫 ⟦P:渡邉 隼人⟧、妻 ⟦P:渡邉 こはる⟧、⟦A:緑ヶ丘２丁目１４番３号⟧です。転出届はネットでできますか",
    "生年月日は ⟦B:平成元年1月8日⟧ です。国民年金の免除は申請できますか",
    "保険証の記号は ⟦N:4127⟧、番号は ⟦N:55⟧、枝番 ⟦N:01⟧ です。なくしたので再発行したい",
    "振込先は ⟦N:普通 7730512⟧ 名義 ⟦P:ｸｸﾞﾅ ｼｵﾘ⟧ でお願いします。児童手当です",
    "メールは ⟦E:shiori.k+aoba@example.jp⟧ です。返事はこちらにください",
    "⟪カラス⟫がごみ置き場を荒らします。⟪ハクビシン⟫も出ます。どこに相談すればいいですか",
    "⟪さくら市役所⟫から転入します。⟪あおば市役所⟫の⟪市民課⟫で何を出せばいいですか",
    "⟪アライグマ⟫の捕獲のわなを借りられますか",
    "⟪Mynaportal⟫ で転出届を出したあと、何をすればいいですか",
    "個人番号は ⟦M:6284 1093 3755⟧ です。カードの暗証番号を忘れました",
    "申請者\n⟦P:碓氷\n拓真⟧\nの母です。学童保育の空きはありますか",
    "⟦P:駒ヶ嶺⟧様宛の通知が私の家に届きました。どうすればいいですか",
    # --- more Japanese ---
    "⟦P:鬼塚⟧です。⟦A:栄町５丁目１３番２１号⟧の前の道路に穴があいています",
    "祖母（⟦P:御影 ナツ⟧、⟦B:大正14年⟧生まれ）の敬老祝い金はもらえますか",
    "⟦P:いぬかい⟧ ⟦P:はるみ⟧ です。⟪ヘビ⟫が 庭に います",
    "連絡先は ⟦T:0564-52-0086⟧（自宅）か ⟦T:090-5527-0318⟧（携帯）です。⟦P:十河⟧",
    "主人の⟦P:砂田 恭平⟧が入院中で、代わりに手続きに行きたいです。委任状はいりますか",
    "⟦P:甲斐⟧ ⟦P:翠⟧（⟦B:H7.7.7⟧生）です。成人式の案内が届きません",
    "⟦A:本宿町２３４番地⟧の⟦P:饗庭⟧です。⟪アライグマ⟫が屋根裏に入りました",
    "ゆうちょ ⟦N:記号 10280 番号 61774015⟧ に振り込んでください",
    "在留カード番号 ⟦N:ｕｊ７２０１５５８４ｐｄ⟧ です。⟦P:ホセ⟧ です",
    "⟦P:德永⟧と申します。⟪情報政策課⟫の方と話したいです",
    "Hello, this is ⟦P:Jomar Villaruel⟧. My phone is ⟦T:080-7716-2453⟧.",
    "我叫⟦P:姜 瑞妍⟧，住在⟦A:新横浜2-3-12⟧，想问垃圾收集日",
    "제 이름은 ⟦P:강 민호⟧예요. 생일은 ⟦B:1991년 4월 9일⟧입니다",
    "⟪ロキソニン⟫は 薬局で 買えますか。⟪保健センター⟫で もらえますか",
    # --- やさしい日本語 ---
    "わたしは ⟦P:ヌグエン ティ タオ⟧ です。ざいりゅうカードの ばんごうは ⟦N:RQ88120463TK⟧ です",
    "こどもの ⟦P:アラヴ⟧ は ⟦B:れいわ 3ねん 6がつ 2にち⟧ うまれ です。けんしんは いつ ですか",
    "でんわ ⟦T:０８０ー３３１９ー０４４２⟧ です。⟦P:しおり⟧ です。でんわ ください",
    "すんでいる ところは ⟦A:さかえまち 3ちょうめ 4の12⟧ です。ごみの ひを おしえて ください",
    "⟪イノシシ⟫が はたけに きました。どこに でんわ しますか",
    # --- English ---
    "Hi, I'm ⟦P:Siosaia Taufa⟧, my card number is ⟦N:AB48120937CD⟧. How do I renew my health insurance?",
    "My son ⟦P:Aarav Gurung⟧ was born on ⟦B:R5.4.1⟧ — which vaccinations does he need?",
    "Please call me on ⟦T:+81 70 4412 8836⟧ (mobile) about the school lunch fee. — ⟦P:Sushila⟧",
    "Address: ⟦A:2-3-11-205 Chigasaki-Nakakaigan⟧. Is the pickup day Tuesday?",
    "email ⟦E:thiago.sf@example.com.br⟧ — I want the tax certificate in English",
    "Does ⟪Mynaportal⟫ work on iPhone? The ⟪Citizens Division⟫ told me to use it.",
    "There are ⟪raccoons⟫ in my garden. Who do I call at City Hall?",
    "My bank account is ⟦N:0384716⟧ (Mitsubishi UFJ, branch ⟦N:218⟧). Can the allowance go there?",
    # --- 简体中文 ---
    "我叫⟦P:龚 欣怡⟧，电话⟦T:+81-80-2290-5517⟧，想办理转入手续",
    "我的在留卡号码是⟦N:PK33804417ZX⟧，丈夫叫⟦P:范 梓涵⟧，我们要搬家",
    "孩子⟦B:2021年5月3日⟧出生，叫⟦P:范 思彤⟧，可以申请儿童补贴吗",
    "⟪乌鸦⟫把垃圾弄乱了，应该找哪个部门？",
    # --- 한국어 ---
    "저는 ⟦P:옥 채린⟧입니다. 전화번호는 ⟦T:080-2290-5517⟧이에요. 아동수당 신청하고 싶어요",
    "우리 아이 ⟦P:전 도하⟧ 는 ⟦B:2020년 2월 14일⟧생이에요. 보육원 신청은 어디서 해요?",
    "주소는 ⟦A:미나미초 4-8-12⟧ 입니다. 쓰레기 버리는 날을 알려 주세요",
    "⟪너구리⟫가 집에 들어왔어요. 어디에 연락해요?",
    "My number ⟦M:2957 3618 4044⟧ — 카드 갱신은 어디서 해요?",
]
# fmt: on


def questions() -> list[Prompt]:
    return [parse_keeps(q)[0] for q in QUESTIONS]


def questions_with_keeps() -> list[tuple[Prompt, list[str]]]:
    return [parse_keeps(q) for q in QUESTIONS]
