"""General danger categories for the cue layer (em8), each a class of word in six languages.

em5–em7 added sign classes after each blind set, mostly one situation at a time. These
categories are written from what a 119/110 dispatcher's protocol asks about rather than from a
wording: a person's state (not moving, not answering, cannot get out — also in the ます-form
やさしい日本語 uses: うごきません, へんじを しません), life-support equipment that has stopped
(人工呼吸器, 在宅酸素, 吸引器, 透析), a person struck by lightning, a vehicle or boat overturned, thin
ice broken or a fall into water (a body of water as such is a swim: "in the water" counts only
beside another sign), the offences that threaten life (人質, 立てこもり, 爆弾 / an unattended object
with wires or ticking, 監禁), fire seen by its embers and glow (火の粉, a roof glowing red), and two
gatekeeper warning signs of suicide that count together: talking of joining someone who has died
(亡くなった夫のところへ行く, join grandpa, 去找去世的, 곁으로 가겠다) and stopping one's medicine or food.

em9 (after its blind run) added the same way: a person called with no answer, buried under
earth or snow (生き埋め), impaired driving now (蛇行, the driver drunk), fuel poured at a door with
a lighter beside it (放火の予告), a fall into a manhole or a drain, an avalanche beside another
sign, and exhaust led into a car (a means of suicide).

Used only by ``cues`` (which runs when no named emergency and no known situation matched), so
these classes can never change a card the earlier layers give.
"""

from __future__ import annotations

import re

from jichitai_ai.emergency.kinds import EmergencyKind

K = EmergencyKind

#: Fuel poured at a door or on a person (em9): a threat to set fire (放火), a crime sign; a
#: lighter held counts as a second sign only beside it (``IGNITION``).
FUEL_POURED = (
    r"(?:灯油|とうゆ|ガソリン|がそりん)を\s*(?:まい|撒い|まか|撒か|かけ|掛け)|\b(?:pouring|poured|splashing) (?:kerosene|petrol|gasoline|fuel)\b"
    r"|(?:泼|潑|倒|洒|灑)(?:了)?(?:煤油|汽油)|(?:把|将|將)(?:煤油|汽油)(?:泼|潑|倒|洒|灑)|(?:등유|휘발유|기름)를\s*뿌리"
)
IGNITION = re.compile(
    r"ライター|らいたー|マッチ|\b(?:lighter|matches)\b|打火机|打火機|火柴|라이터|성냥",
    re.IGNORECASE,
)
FUEL = re.compile(FUEL_POURED, re.IGNORECASE)

#: em14: "not moving" with an object moves a thing (is not moving his car, won't move it out);
#: a person's state has none (is not moving, not moving at all).
NOT_A_THING = (
    r"(?!\s+(?:his|her|their|the|my|our|a|an|it|its|that|this|out|in|away|house|home|abroad)\b)"
)

SIGNS: dict[EmergencyKind, list[str]] = {
    K.MEDICAL: [
        # a person's state: not moving, not answering (polite forms too), lying still
        r"(?:動き|うごき)ません|(?:返事|へんじ)を\s*(?:し)?(?:ない|しない|しません)|(?:返事|へんじ|反応|はんのう)が?\s*(?:ありません|しません)"
        r"|(?:横たわ|よこたわ)った\s*まま|(?:ぴくりとも|びくとも)\s*(?:動|うご)",
        r"(?:躺|倒|趴)(?:在)?[^。，,]{0,4}不(?:动|動)(?![产產産])|(?:动|動)也不(?:动|動)|叫(?:他|她)?(?:都|也)?不(?:醒|应|應)",
        r"안\s*움직|못\s*움직",
        r"\b(?:not|isn'?t|aren'?t) (?:moving|responding)\b" + NOT_A_THING,
        r"\bdoesn'?t (?:move|respond)\b" + NOT_A_THING,
        # em9: called and no answer (呼んでも声がしない), buried under earth or snow (生き埋め)
        r"(?:呼んで|よんで)も\s*[^。]{0,4}(?:返事|へんじ|声|こえ|反応|はんのう)が?\s*(?:ない|しない|しません|聞こえない|きこえない)",
        r"(?:喊|叫)(?:他|她)?(?:也|都)?(?:没|沒)(?:有)?(?:回应|回應|反应|反應)|불러도\s*(?:대답|반응)(?:이|도)?\s*없",
        r"生き埋め|いきうめ|(?:土|つち|土砂|どしゃ|雪|ゆき)の?\s*(?:中|なか|下|した)に\s*(?:埋|うま|い(?:ます|る))|(?:土|つち|土砂|雪|ゆき)に\s*(?:埋|うま)",
        r"\bburied (?:up to|under|alive|in the)\b|被(?:土|雪|沙|泥)[^。，,]{0,3}埋|埋在(?:雪|土|沙|泥)|(?:흙|눈|토사)에\s*묻(?:혔|혀)",
        # life-support equipment that stopped (a power cut, a battery gone)
        r"(?:人工呼吸器|呼吸器|こきゅうの?\s*きかい|酸素濃縮|酸素の\s*機械|さんその?\s*きかい|吸引器|透析)"
        r"[^。]{0,12}(?:止ま|とま|動かな|うごかな|切れ|きれ)",
        r"\b(?:ventilator|oxygen (?:machine|concentrator)|breathing machine|dialysis machine|suction (?:machine|pump))\b"
        r"[^.?!]{0,25}\b(?:stopped|stops|died|is off|went off|not working|isn'?t working|dead)\b",
        r"(?:呼吸机|呼吸機|呼吸器|制氧机|製氧機|氧气机|氧氣機|透析机|透析機)[^。，,]{0,6}(?:停了|停止|停下|停掉|不(?:动|動|工作)了?|没电|沒電|坏了|壞了)",
        r"(?:인공호흡기|산소\s*(?:발생기|기계)|호흡기|투석기)[^.]{0,8}(?:멈췄|멈춰|꺼졌|꺼져|안\s*돼)",
        # a person struck by lightning
        r"(?:雷|かみなり)が\s*[^。]{0,8}?(?:人|ひと|子|こ|息子|娘|男|女|生徒|選手|父|母|夫|妻)に\s*(?:落ち|おち)|(?:雷|かみなり|落雷|らくらい)に\s*(?:打|う)たれ",
        r"\bstruck by lightning\b|\blightning (?:struck|hit) (?:a |an |my |his |her |the |our )?(?:man|woman|boy|girl|kid|child|person|player|friend|him|her|someone|somebody)\b",
        r"被(?:雷|闪电|閃電)(?:劈|打|击|擊)|(?:雷|闪电|閃電)(?:劈|打)(?:中|到)(?:了)?(?:人|他|她)",
        r"(?:벼락|번개|낙뢰)(?:을|를|에)?\s*맞",
        # thin ice broken, a fall into water
        r"(?:氷|こおり)[^。]{0,8}(?:割れ|われ|踏み抜|ふみぬ)|\bthrough the ice\b|\bthe ice (?:broke|cracked|gave way)\b",
        r"(?:踩破|踩穿|踏破)(?:了)?(?:冰|冰面)|冰(?:面)?(?:裂|破)了|얼음(?:이|가)?\s*깨(?:져|졌)",
    ],
    K.DISASTER: [
        # stones or rocks falling (a rockfall, an eruption's 噴石)
        r"(?:石|いし|岩|いわ)が\s*(?:降って|ふって|落ちて\s*(?:く|き)|おちて\s*(?:く|き)|飛んで\s*(?:く|き))|\b(?:rocks|stones|boulders) (?:are )?(?:falling|raining|coming down)\b",
        r"(?:石头|石頭|石块|石塊|岩石)(?:一直|不停)?(?:掉|落|砸|滚|滾)下(?:来|來)",
        r"(?:돌|바위)(?:이|가|들이)?\s*(?:떨어지|쏟아지|굴러\s*떨어지)",
        # cannot get out or up (someone in water, a hole, a ravine)
        r"(?:上がって|あがって|出て|でて)\s*(?:こ|来)?られ(?:ない|ません)",
        r"爬不(?:上|出)(?:来|來)|\bcan'?t (?:climb|pull (?:him|her|them|myself)) out\b",
        r"못\s*(?:올라와|올라오|빠져\s*나와|빠져\s*나오)",
        # a vehicle or a boat overturned
        r"(?:船|ふね|ボート|ぼーと|カヌー|カヤック|車|くるま|トラック|バス)(?:が|は)?\s*(?:ひっくり\s*(?:返|かえ)|転覆|横転)",
        r"\b(?:boat|canoe|kayak|ship|car|truck|bus|van)\b[^.?!]{0,10}\b(?:capsiz\w*|overturn\w*|flipped over|rolled over)\b",
        r"(?:船|小船|船只|船隻|车|車|巴士|卡车|卡車)(?:子)?(?:翻了|翻覆|侧翻|側翻)",
        r"(?:배|보트|카누|카약|차|버스|트럭)(?:가|이)?\s*(?:뒤집(?:혀|혔|어)|전복)",
    ],
    K.CRIME: [
        # em9: a driver drunk or weaving now; fuel poured at a door (a threat to set fire)
        r"蛇行|(?:ふらふら|フラフラ)\s*(?:はしって|走って)|(?:酒|さけ)に\s*(?:酔|よ)って[^。]{0,12}(?:運転|うんてん)|(?:運転|うんてん)[^。]{0,10}(?:酒|さけ)に\s*(?:酔|よ)|(?:おさけ|お酒)を\s*(?:のんで|飲んで)[^。]{0,6}(?:うんてん|運転)|(?:うんてん|運転)[^。]{0,10}(?:おさけ|お酒)を\s*(?:のんで|飲んで)",
        r"\b(?:weaving|swerving) (?:all over|across|between)\b|\b(?:the )?driver (?:looks|is|seems) (?:drunk|wasted|high)\b|\bdrunk driver\b",
        r"歪歪扭扭地开|(?:蛇行|歪歪扭扭)[^。，,]{0,6}(?:开|開|驾驶|駕駛)|司机[^。，,]{0,4}喝醉|司機[^。，,]{0,4}喝醉",
        r"지그재그로\s*(?:달리|운전)|운전자가?\s*술에\s*취",
        FUEL_POURED,
        # offences that threaten life: hostage, barricade, explosives
        r"人質|ひとじち|立てこも|たてこも|爆弾(?!低気圧|発言)|ばくだん(?!ていきあつ)|爆発物|爆破予告",
        r"\bhostages?\b|\bbarricaded\b|(?<!bath )(?<!photo )\bbomb\b(?!\s*(?:shelter|drill|cyclone))|\bexplosive device\b",
        r"人质|人質|劫持|挟持|挾持|炸弹|炸彈|爆炸物",
        r"인질|폭탄|폭발물",
        # an unattended object with signs of a device (wires, ticking)
        r"(?:怪しい|あやしい|不審な?|持ち主の?(?:いない|わからない))\s*(?:かばん|鞄|カバン|バッグ|荷物|にもつ|紙袋|かみぶくろ|箱|はこ)",
        r"\b(?:unattended|suspicious|abandoned)\s+(?:bag|package|parcel|box|suitcase|backpack)\b",
        r"(?:没人管|沒人管|沒人顧|没人顾|可疑|无人认领|無人認領)的?(?:包|包包|箱子|行李|袋子)",
        r"(?:주인\s*없는|수상한)\s*(?:가방|상자|짐|봉투|소포)",
    ],
    K.FIRE: [
        # embers and a glow: fire seen from outside
        r"(?:火の粉|ひのこ)|(?:屋根|やね|窓|まど|壁|かべ)[^。]{0,6}(?:赤く|あかく|オレンジ色?に|真っ赤に)\s*(?:光|ひか|なって|染ま|そま)",
        r"\bembers\b|\b(?:roof|attic|window|wall)s?\b[^.?!]{0,15}\bglow\w*\b",
        r"冒(?:出)?火星|火星(?:四)?(?:溅|濺|乱飞|亂飛)|(?:屋顶|屋頂|窗|墙|牆)[^。，]{0,4}(?:发|發)(?:出)?(?:红光|紅光)|(?:烧|燒)得?通(?:红|紅)",
        r"불티|(?:지붕|창문|벽)(?:이|가)?\s*빨갛게",
    ],
}

#: Signs of a device (wires out, ticking): a clock or a cable on their own, signs beside a bag, a
#: box or a parcel (``OBJECT``).
DEVICE = re.compile(
    r"(?:配線|コード|導線)が\s*(?:出て|でて|むき出|はみ出|飛び出)|カチカチ\s*(?:と|って)?\s*(?:音|おと|鳴|いって)|チクタク|(?:時計|とけい)の\s*(?:ような\s*)?(?:音|おと)"
    r"|\bwires? (?:sticking|hanging|coming) out\b|\bticking\b"
    r"|(?:露|露出|伸出)(?:着|著)?(?:电线|電線)|滴答(?:响|響)|전선이\s*(?:나와|삐져)|째깍",
    re.IGNORECASE,
)
OBJECT = re.compile(
    r"かばん|鞄|カバン|バッグ|荷物|にもつ|紙袋|かみぶくろ|箱|はこ|\b(?:bag|package|parcel|box|suitcase|backpack)\b"
    r"|包|箱子|行李|袋子|가방|상자|봉투|소포",
    re.IGNORECASE,
)

#: A fall into water: a phone dropped in a river too, so a sign only beside another sign or a
#: person (子どもが池に落ちた, 孩子掉进池塘).
FELL_IN = re.compile(
    r"(?:池|いけ|川|かわ|湖|みずうみ|用水路|水路|ため池|海|うみ|氷|こおり)の?\s*(?:下|した|中|なか)?に\s*(?:落ち|おち)"
    r"|\bfell (?:through|into) the (?:ice|pond|river|lake|canal|sea|water)\b"
    r"|掉(?:进|進|到)(?:了)?[^。，]{0,3}(?:池塘|河|湖|海|水|井|冰窟窿)"
    r"|(?:연못|강|바다|호수|저수지|계곡|우물)(?:에|물에)\s*빠(?:졌|져)"
    # em9: into a manhole or a drain (a hole in the road)
    r"|(?:マンホール|まんほーる|下水|げすい|側溝)に\s*(?:落ち|おち)|\b(?:fell|fallen) (?:down|into) (?:an? |the )?(?:open )?(?:manhole|drain|sewer)\b"
    r"|掉(?:进|進|到)(?:了)?[^。，]{0,10}(?:下水道|人孔|井里|井裡)|(?:맨홀|하수구)에\s*(?:사람이\s*)?빠(?:졌|져)",
    re.IGNORECASE,
)

#: In the water: a swim on its own (kids are in the lake), a rescue (水難, the disaster kind)
#: beside another sign (a boat overturned, the ice broken, cannot get out).
IN_WATER = re.compile(
    r"(?:水|みず|海|うみ|川|かわ|湖|みずうみ)の?\s*(?:中|なか)に\s*(?:い|居)|(?:につかまって|に\s*つかまって)\s*(?:浮|うい)"
    r"|\bin (?:the )?(?:freezing |cold |icy )?(?:water|river|lake|sea)\b|\bholding on to\b"
    r"|(?:泡|漂|困)在[^。，]{0,4}水|抓(?:着|著)船|물에\s*(?:떠|빠져|잠겨)|붙잡고",
    re.IGNORECASE,
)

#: An avalanche (em9): news of one is no emergency, so a disaster sign only beside another sign
#: (a friend buried under the snow, not answering).
AVALANCHE = re.compile(r"雪崩|なだれ|\bavalanche\b|눈사태", re.IGNORECASE)

#: Exhaust gas led into a car (em9): a means of suicide, a lethal sign on its own.
EXHAUST = re.compile(
    r"(?:排気|はいき|排ガス)[^。]{0,12}(?:ホース|ほーす)|(?:ホース|ほーす)を\s*(?:車|くるま)?の?\s*(?:窓|まど)"
    r"|\bhose\b[^.?!]{0,25}\bexhaust\b|\bexhaust\b[^.?!]{0,25}\bhose\b"
    r"|(?:尾气|尾氣|排气|排氣)[^。，,]{0,6}(?:接|引|通)(?:进|進|到)|(?:管子|水管|软管|軟管)[^。，,]{0,8}(?:尾气|尾氣|排气|排氣)"
    r"|배기(?:구|관)?[^.]{0,10}호스|호스를?\s*(?:차\s*)?창문",
    re.IGNORECASE,
)

#: Talking of joining someone who has died: a gatekeeper warning sign of suicide.
JOIN_THE_DEAD = re.compile(
    "|".join(
        [
            r"(?:お父さん|おとうさん|お母さん|おかあさん|夫|主人|妻|父|母|おじいさん|おばあさん|じいちゃん|ばあちゃん|あの人|亡くなった\S{0,6}|なくなった\s*\S{0,6}|死んだ\S{0,6}|しんだ\s*\S{0,6})の\s*(?:ところ|とこ|そば|もと)\s*(?:へ|に)\s*(?:行|い)(?:く|き|こう|け)",
            r"\b(?:join|be with|go to) (?:my |her |his )?(?:late |dead )?(?:husband|wife|grandpa|grandma|grandfather|grandmother|mother|father|mum|mom|dad)\b(?=[^.?!]{0,15}\b(?:soon|now|in heaven)\b)|\b(?:join|be with) (?:my |her |his )?late\b",
            r"(?:去|要去)(?:找|陪|见|見)(?:去世|过世|過世|死去)的|(?:去世|过世|過世)的[^。，]{0,4}(?:在等|叫)(?:我|她|他)",
            r"(?:돌아가신|먼저\s*간)\s*\S{1,6}\s*(?:곁|옆)으로\s*(?:가|간)",
        ]
    ),
    re.IGNORECASE,
)

#: Stopping one's medicine or food (for days): beside talk of joining the dead, a warning sign.
STOPPED_CARING = re.compile(
    r"(?:薬|くすり)を?\s*(?:飲ま|のま|飲もうと\s*しな|のもうと\s*しな)|(?:ご飯|ごはん|食事|しょくじ)[もを]?\s*(?:食べ|たべ|とら|取ら)(?:ない|ません|なく|ず)"
    r"|\bstopped (?:taking (?:her|his|their) (?:pills|medicine|medication)|eating)\b|\b(?:won'?t|refuses to) (?:eat|take (?:her|his) (?:pills|medicine))\b"
    r"|不吃(?:药|藥|饭|飯)|(?:药|藥)(?:也)?不吃|(?:饭|飯)(?:也)?不吃|약(?:도|을)?\s*(?:안|거부)|밥(?:도|을)?\s*안\s*(?:드|먹)",
    re.IGNORECASE,
)
