"""The state of the person in danger, in six languages (em10): the general forms a 119/110
dispatcher asks about whatever happened, not the words of one situation.

em8 and em9 added sign classes for their own situations, and em9's new situations were then
missed about as often as before em8's (26 / 48). em10's misses had the same few forms under
different situations, so these classes describe the person, not the cause:

- colour: the face or lips gone blue, grey, purple or pale (顔色がおかしい, 唇が紫, face going
  grey, 脸色发紫, 얼굴이 파래요) — the dispatcher's first question after breathing;
- breathing weak, shallow or strange (息が浅い, breathing shallow, 呼吸很浅, 숨이 얕아요);
- a limb that will not move or has gone numb (手が上がらない, can't lift his arms, 手抬不起来,
  팔을 못 들어요, 口がしびれ, lips numb, 嘴巴发麻, 입술이 저리고);
- someone underneath (下じき, 下に人がいる, people under it, 下面压着人, 밑에 사람이) — trapped;
- carried away by water or wind (沖に流され, pushed out to sea, 越漂越远, 떠내려가고) — of someone:
  counted only beside a person word (rubbish is blown away too);
- people being chased (人を追いかけ, chasing people, 追着人, 사람들을 쫓아) — violence going on;
  smashing windows or glass counts only beside another sign (a ball through a window is an
  accident);
- several people sick at once (乗客がみんな咳きこんで, everyone's coughing, 乘客都在咳嗽);
- a door that will not open, counted only beside someone inside (中からドンドン, banging, 在里面敲门);
- and, for suicide, two gatekeeper pairs: a farewell said in a message — an apology with going
  away or taking someone along (ごめん + 連れていく / いなくなる, sorry + taking the baby, 对不起 +
  一起走, 미안해 + 같이 갈게) together with the person unreachable or a child taken along; and
  saying one is worthless (いなくても誰も困らない, nobody would notice, 没人在乎) beside a blade or
  rope or shutting oneself away. Both only in a text that is no question and not calm.

Colour to people chased and the farewell pair were written from em10's blind misses; several
people sick, the door and worthlessness from its first held-back set's misses (NOT blind on
either). Their blind test is the second held-back set
(em10_holdout2): they added nothing there (docs/benchmarks.md §7.30).

Getting further away (どんどん遠く, further and further, 越来越远, 점점 멀어) is a "now" word: it
says the danger grows. Used only by ``cues`` (after the named triggers and known situations).
"""

from __future__ import annotations

import re

from jichitai_ai.emergency.kinds import EmergencyKind

K = EmergencyKind

#: Several people at once with the same symptoms (乗客がみんな咳きこんで, everyone's coughing,
#: 乘客都在咳嗽, 승객들이 다 기침하고): a mass casualty, whatever caused it.
MANY_SICK = (
    r"(?:みんな|全員|ぜんいん|何人も|なんにんも|大勢|おおぜい)[がも]?\s*[^。]{0,8}(?:せき|咳|吐|は(?:いて|きけ)|目を?\s*(?:押さえ|おさえ|開け|あけ)|目が\s*(?:痛|いた)|めが\s*いた|気分が\s*悪|きぶんが\s*わる|倒れ|たおれ)"
    r"|\b(?:everyone|everybody|all of them|people|passengers|kids)(?:'s| is| are)? (?:all )?(?:coughing|vomiting|throwing up|choking|collapsing|holding their eyes)\b"
    r"|(?:大家|乘客|他们|他們|人)(?:都|全都)(?:在)?(?:咳|吐|捂着眼|摀著眼|晕|暈|倒)"
    r"|(?:사람들|승객들|모두|다들)(?:이|가)?\s*(?:다\s*)?(?:기침|토하|눈을\s*못\s*떠|쓰러)"
)

#: No response to a voice or a shake (eyes stay shut, cannot be woken; em10, after holdout2): a
#: sign that names its person (叫他, talk to him), so it needs no other person word.
UNRESPONSIVE = "|".join(
    [
        r"(?:声を?\s*かけ|こえを?\s*かけ|呼ん|よん|揺すっ|ゆすっ|起こし|おこし)て?も\s*[^。]{0,6}(?:起きない|おきない|起きません|おきません|目を\s*(?:開け|あけ)(?:ない|ません))",
        r"\b(?:won'?t|doesn'?t|can'?t|isn'?t) open(?:ing)? (?:his|her|their) eyes\b|\bcan'?t (?:wake|rouse) (?:him|her|them)\b",
        r"(?:叫|喊|摇|搖)(?:他|她)?(?:也|都)?不(?:睁眼|睜眼|醒)|叫都叫不(?:起来|起來|醒)|叫不起(?:来|來)|(?:摇|搖)不醒",
        r"(?:불러도|깨워도|흔들어도)\s*(?:눈을\s*)?안\s*(?:떠|깨|일어나)|안\s*깨어나",
    ]
)

SIGNS: dict[EmergencyKind, list[str]] = {
    K.MEDICAL: [
        # colour: face or lips blue, grey, purple, pale
        r"(?:顔色|かおいろ)が\s*(?:おかしい|悪い|わるい|変|へん|青|あお|紫|むらさき|真っ白)|(?:顔|かお|唇|くちびる)が\s*(?:真っ青|まっさお|青く|あおく|紫|むらさき|土気色)",
        r"\b(?:face|lips|skin) (?:is |are |has |have )?(?:going|gone|turning|turned|looks?) (?:all )?(?:blue|grey|gray|purple|pale|white)\b",
        r"(?:脸|臉|嘴唇|嘴巴)(?:色)?(?:发|發|变|變)(?:紫|青|白|黑)|(?:脸|臉)色(?:苍白|蒼白|不对|不對|很差)",
        r"(?:얼굴|입술)(?:이|색이)?\s*(?:파래|파랗|새파랗|하얘|창백|보라)",
        # breathing weak, shallow or strange
        r"(?:息|いき|呼吸|こきゅう)(?:も|が)?\s*(?:浅|あさ|弱|よわ|おかし|変|へん)",
        r"\bbreathing (?:is |has gone |sounds )?(?:really |very |so )?(?:shallow|weak|weird|strange|funny|noisy|raspy)\b|\b(?:shallow|weak) breath\w*\b",
        r"呼吸(?:很|好|特别|特別|有点|有點)?(?:浅|淺|弱|奇怪)|喘不上气|喘不上氣",
        r"숨(?:이|도|을)?\s*(?:얕|약해|이상|가빠|헐떡)",
        # a limb that will not move, numbness
        r"(?:手|腕|足|うで|あし|からだ|体)(?:も|が)?\s*(?:上がらない|あがらない|上がりません|あがりません)|(?:口|くち|唇|くちびる|舌|した|顔|かお)(?:が|も)?\s*(?:しびれ|痺れ)",
        r"\bcan'?t (?:lift|move|feel) (?:his|her|my|their|both)? ?(?:arms?|legs?|hands?|face)\b|\b(?:lips|mouth|face|tongue) (?:is |are |went |have gone |has gone )?numb\b",
        r"(?:手|腿|胳膊|胳臂|身体|身體)(?:也|都)?(?:抬不起来|抬不起來|举不起来|舉不起來)|(?:嘴巴|嘴唇|舌头|舌頭|脸|臉)(?:都|也)?(?:发麻|發麻|麻掉|麻了)",
        r"(?:팔|다리|손)(?:을|를|이|가)?\s*못\s*(?:들|올리)|(?:입술|입|혀|얼굴)(?:이|가)?\s*(?:저리|저려|마비)",
        MANY_SICK,
        UNRESPONSIVE,
    ],
    K.DISASTER: [
        # someone underneath (trapped)
        r"下じき|したじき|下敷|(?:の\s*)?(?:下|した)に\s*(?:人|ひと)(?:が|たちが)?\s*(?:い|何人)|(?:人|ひと)たちが\s*その\s*(?:下|した)に",
        r"\b(?:people|someone|somebody|a (?:man|woman|child|kid|worker)|kids|workers) (?:are |is )?(?:still )?(?:under|underneath|beneath) (?:it|there|that|the)\b|\bis underneath\b",
        r"(?:下面|底下|下头|下頭)(?:压|壓)?(?:着|著)?(?:好几个|好幾個|几个|幾個)?(?:有)?人|被(?:压|壓)在(?:最)?(?:下面|底下)",
        r"밑에\s*(?:사람|깔|있는데|있어요)|(?:사람들?|아이|딸|아들)(?:이|가)?\s*(?:맨\s*)?밑에",
    ],
    K.CRIME: [
        # em10 (after holdout2): shooting with a weapon (a gun, a bow, a crossbow, an air gun)
        r"(?:銃|じゅう|ボウガン|ぼうがん|弓|ゆみ|エアガン|ライフル)(?:で|を)\s*[^。]{0,10}(?:撃|う)って|(?:撃って|射って)\s*(?:い|る|ます)",
        r"\bshooting (?:at )?(?:people|cats|dogs|animals|birds|kids|children|us|everyone|someone)\b|\b(?:crossbow|rifle|air ?gun|bow and arrows?)\b[^.?!]{0,20}\b(?:shoot\w*|fir\w*|aim\w*)\b",
        r"(?:拿|用)(?:弩|十字弓|弓|枪|槍|气枪|氣槍)[^。，,]{0,3}(?:射|打)|(?:开枪|開槍)",
        r"(?:총|석궁|활|공기총)(?:으로|을)\s*[^.]{0,10}(?:쏘|쏴)",
        # people being chased
        r"(?:人|ひと|私|わたし|僕|ぼく|俺|こっち|子ども|こども)を\s*(?:追いかけ|おいかけ|追い回|おいまわ)|(?:追いかけ|おいかけ)て\s*(?:くる|きて|来)",
        r"\b(?:chasing|chased|running after|coming after) (?:people|me|us|them|someone|everyone|kids|children)\b",
        r"(?:追|追赶|追趕)(?:着|著)?(?:人|我|我们|我們|大家|小孩)(?:跑)?|在追(?:人|我)",
        r"(?:사람들?|나|저|우리|아이들?)(?:을|를)?\s*쫓아|쫓아(?:와|오고|다녀)",
    ],
}

#: Carried away by water or wind: a sign only of someone (a person word or another sign; rubbish
#: is blown away too).
CARRIED_AWAY = re.compile(
    "|".join(
        [
            r"(?:沖|おき|遠く|とおく)(?:に|へ|まで)\s*(?:流さ|ながさ)",
            r"\b(?:swept|carried|pushed|blown|drifting|drifted) (?:him |her |them |it )?(?:out|away|off)\b(?: to sea)?|\bout to sea\b",
            r"(?:漂|冲|沖|吹)(?:走|远|遠|到(?:海|外海|河))|越漂越(?:远|遠)",
            r"떠내려(?:가|갔)|휩쓸려|(?:바다|강)\s*(?:멀리|쪽으로)\s*(?:밀려|떠)",
            # em10 (after holdout2): taken by a wave, 卷走, the Korean past form (휩쓸렸)
            r"(?:波|なみ)に\s*(?:さらわ|のま|飲ま)れ|\b(?:a |the )?waves? (?:took|swept|pulled|dragged|knocked) (?:him|her|them)\b",
            r"(?:卷|捲)走|被浪|휩쓸(?:렸|려|리)|(?:파도|물살)에\s*(?:쓸려|휩쓸)",
        ]
    ),
    re.IGNORECASE,
)

#: A door shut with someone inside (中からドンドン, banging from inside, 在里面敲门, 안에서
#: 두드려): the door not opening counts only beside someone inside (a lost key is no rescue).
DOOR_STUCK = re.compile(
    r"(?:扉|とびら|ドア|どあ|戸|と)が?\s*[^。]{0,6}(?:開かない|あかない|開きません|あきません)|(?:中|なか)から\s*(?:開かない|あかない|開かな)"
    r"|\bcan'?t (?:get it |get the door |get them |get him |get her )?open\b|\b(?:door|it) (?:won'?t|doesn'?t|will not) open\b"
    r"|(?:打不开|打不開|开不了|開不了|推不开|推不開)|(?:문이|문을)\s*(?:안\s*열려|못\s*열|열리지)|안\s*열려",
    re.IGNORECASE,
)
INSIDE = re.compile(
    r"(?:中|なか)から|(?:中|なか)で\s*(?:たたく|叩く|叫|さけ)|ドンドン|どんどん\s*(?:たたく|叩)|(?:たたく|叩く)\s*(?:音|おと)"
    r"|\bbanging\b|\bfrom (?:the )?inside\b|\bstill inside\b"
    r"|在(?:里面|裡面)|(?:里面|裡面)(?:一直)?(?:敲|喊|叫)|안에서\s*(?:두드|소리|문을)",
    re.IGNORECASE,
)

#: Saying one is worthless or not needed (俺なんかいなくても誰も困らない, nobody would notice if
#: he was gone, 没有他也没人在乎, 자기 없어도 아무도 신경 안 쓴대요): a gatekeeper warning sign
#: that counts together with a blade or rope at hand or shutting oneself away (``MEANS_OR_SHUT``).
WORTHLESS = re.compile(
    r"(?:生まれて|うまれて)\s*(?:来て|きて)\s*(?:ごめん|すみません)|\bsorry (?:I was|for being) (?:ever )?born\b|(?:对不起|對不起)我出生|태어나서\s*(?:미안|죄송)"
    r"|(?:いなくても|いないほうが|いない方が)\s*[^。」]{0,8}(?:誰も|だれも|みんな)?\s*(?:困らない|こまらない|いい|平気)|(?:僕|ぼく|俺|おれ|私|わたし|自分|じぶん)\s*(?:は|なんか|なんて)\s*(?:いらない|要らない|必要ない)"
    r"|\b(?:nobody|no one|no-one) would (?:even )?(?:notice|miss|care)\b|\bbetter off without (?:me|him|her)\b|\b(?:i'?m|he'?s|she'?s) (?:just )?a burden\b"
    r"|(?:没有|沒有|少了)(?:我|他|她)(?:也)?(?:没人|沒人)|(?:没人|沒人)(?:会|會)?(?:在乎|在意)|(?:我|他|她)是(?:个|個)?(?:累赘|累贅|多余|多餘)"
    r"|(?:나|자기|제가|내가)\s*없어도\s*아무도|아무도\s*(?:신경\s*안|모를)|(?:나는|난)\s*필요\s*없는",
    re.IGNORECASE,
)
MEANS_OR_SHUT = re.compile(
    r"カミソリ|かみそり|剃刀|刃物|包丁|ほうちょう|ナイフ|ないふ|ロープ|ろーぷ|閉じこも|とじこも|(?:へや|部屋)から\s*(?:でて|出て)\s*(?:こない|きません|こ)"
    r"|\b(?:razor|blade|knife|rope)\b|\blocked (?:himself|herself|themselves|myself) in\b"
    r"|刮胡刀|刮鬍刀|剃刀|刀|绳|繩|(?:锁|鎖|关|關)在(?:房间|房間|浴室|厕所|廁所)"
    r"|면도칼|칼|밧줄|틀어박|문을\s*잠그"
    # em10 (after holdout2): gone missing
    r"|(?:帰って|かえって)\s*(?:こない|来ない|きません|こなかった)|\bhasn'?t (?:come|been) (?:home|back)\b|(?:没|沒)(?:回家|回来|回來)|안\s*돌아(?:왔|와|오)",
    re.IGNORECASE,
)

#: Smashing windows or glass: a sign only beside another (a ball through a window is no crime).
SMASHING = re.compile(
    r"(?:窓|まど|ガラス|がらす)を\s*(?:次々|つぎつぎ)?\s*(?:割|わ)って|\bsmash\w* (?:\w+ )?(?:windows?|glass)\b"
    r"|(?:砸|敲碎|打碎)(?:车窗|車窗|玻璃|窗)|(?:유리|창문)(?:를|을)?\s*깨",
    re.IGNORECASE,
)

#: Growing danger: getting further away.
FARTHER = (
    r"どんどん\s*(?:遠|とお|小さ|ちいさ)|\bfurther and further\b|\bfarther and farther\b"
    r"|越来越远|越來越遠|越漂越(?:远|遠)|점점\s*멀어"
)

#: A farewell said in a message: an apology ...
APOLOGY = re.compile(r"ごめん|すまない|\bsorry\b|对不起|對不起|미안", re.IGNORECASE)
#: ... with going away or taking someone along ...
LEAVING = re.compile(
    r"(?:連れて|つれて)\s*(?:いく|行く|逝く)|(?:いっしょに|一緒に)\s*(?:いなくな|いく|行く|逝く|消え)|いなくなる(?:ね|よ|から)"
    r"|\btaking (?:the |my |our )?(?:baby|kids?|children|son|daughter) with me\b|\bwe'?ll be together\b|\bgoing away for good\b"
    r"|(?:带|帶)(?:着|著)?(?:孩子|宝宝|寶寶|小孩)?一起走|一起走了|(?:데리고|같이)\s*(?:갈게|간다|떠날게)",
    re.IGNORECASE,
)
#: ... with the person now unreachable, or a child taken along.
UNREACHABLE = re.compile(
    r"(?:電話|でんわ)に\s*(?:出ない|でない|出ません|でません)|(?:既読|きどく)(?:が)?\s*(?:つかない|付かない)|(?:あかちゃん|赤ちゃん|この子|こども|子ども)\s*(?:と|も)"
    r"|\bwon'?t (?:pick up|answer)\b|\bisn'?t (?:picking up|answering)\b|\bnot answering\b|\b(?:the )?baby\b"
    r"|电话(?:打不通|不接|没人接)|電話(?:打不通|都不接|不接|沒人接)|宝宝|寶寶"
    r"|전화를?\s*안\s*받|연락이\s*안|아기",
    re.IGNORECASE,
)


def worthless_with_means(text: str) -> bool:
    """Saying one is worthless beside a blade or rope, or shut away: a suicide warning sign."""
    return bool(WORTHLESS.search(text) and MEANS_OR_SHUT.search(text))


def farewell_message(text: str) -> bool:
    """An apology with going away or taking someone along, and the person unreachable or a
    child taken along: a gatekeeper warning sign of suicide (親子心中 too)."""
    return bool(APOLOGY.search(text) and LEAVING.search(text) and UNREACHABLE.search(text))
