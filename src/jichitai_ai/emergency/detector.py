"""Rule-based emergency detection in every UI language (see the package docstring).

Triggers describe a situation happening now (家が火事です, 倒れて意識がない, 死にたい); safe
compounds (火災保険, 防災訓練, 救急医療, 自殺対策 …) are blanked out before the triggers are
searched, so questions *about* those services stay ordinary FAQ questions.
"""

from __future__ import annotations

import os
import re
import unicodedata

from jichitai_ai.emergency import acts, clauses, cues, present, situations
from jichitai_ai.emergency.kinds import EmergencyKind, compile_by_kind

__all__ = ["EmergencyKind", "detect_emergency"]


#: Words that contain an emergency word but ask about a service, a rule or a plan.
_SAFE = re.compile(
    "|".join(
        [
            # ja
            r"火災保険|火事保険|地震保険|共済|火災報知[器機]?|火災警報器|住宅用火災警報|消火器",
            r"消防団|消防署見学|消防訓練|防災|避難訓練|防犯|防火|耐震|ハザードマップ|浸水想定",
            r"救急医療|救急講習|救命講習|救急法|救急箱|救急の日|救急車の(?:適正|有料|利用方法)",
            r"夜間救急|休日救急|救急病院|救急当番|自殺対策|自殺予防|自殺防止|罹災証明|被災証明",
            r"り災証明|災害見舞金|災害援護|被災者支援|災害ボランティア|火の用心|野焼き|たき火",
            r"事件簿|事故証明|交通事故証明|きゅうきゅうばこ|ぼうさい|くんれん|ほけん",
            # em1 (ja): alarms one buys, whether to call, preventing, after a fire
            r"(?:ガス漏れ|ガス|一酸化炭素|CO)(?:警報器|検知器|探知機)|救急安心センター",
            r"救急車を呼ぶ(?:か|べきか)(?:どうか)?(?:迷|悩)|救急車を呼ぶほど(?:では|じゃ)",
            r"(?:倒れ|たおれ)た?\s*(?:とき|時|場合)|(?:倒れ|たおれ)ない\s*(?:ように|よう)|転倒防止",
            r"(?:泥棒|どろぼう)(?:が|に)?\s*(?:入|はい)らない\s*(?:ように|よう)|(?:泥棒|どろぼう)\s*(?:よけ|対策)",
            r"(?:流され|ながされ)そうな\s*(?:場所|ところ|所)|(?:火事|火災)(?:の|で)?\s*(?:後|あと)の|(?:火事|火災)で\s*(?:焼け|燃え)た\S{0,4}の\s*(?:がれき|瓦礫|ごみ|ゴミ|片付け|解体|処分)",
            # em2 (ja): trees fallen in a past storm to dispose of, not being burgled, preventing suicide
            r"(?:倒れ|たおれ)た\s*(?:庭木|木|き|樹木|枝|えだ|塀|看板|自転車|じてんしゃ)(?:の|を)\s*(?:処分|しょぶん|片付け|かたづけ|撤去|回収|捨て|すて)",
            r"(?:溺れ|おぼれ)ない\s*(?:ため|よう)",
            # em10: a worry that something may fall (足場が倒れそうで心配です), not a fall now
            r"(?:倒れ|たおれ)そうで\s*(?:心配|しんぱい)",
            # em12: a worry about what may happen — a conditional followed by fear or worry
            # (ろうそくが倒れたら怖い), 担心 … 会 (担心以后会冒火花); not 倒れたらしい (hearsay of a fall)
            r"[^\s。、,，!！?？]{0,12}(?:たら|れば)(?!しい)\s*(?:怖い|こわい|心配|しんぱい|不安|ふあん|困る|こまる|どう\s*(?:しよう|すれば|したら))",
            r"(?:担心|擔心)[^。！!？?，,]{0,20}?(?:会|會)[^。！!？?，,]{0,8}",
            # i12aj: a landslide one worries about or whose risk one asks about, with the area or
            # map asked for (土砂崩れが心配。うちが危ない区域か…, がけ崩れの危険がある区域), not
            # one happening — as the English warning zones below; a worry with no such request
            # (土砂崩れが心配、今斜面から水が噴き出してる) keeps the card
            r"(?:土砂崩れ|がけ崩れ|崖崩れ|どしゃくずれ|がけくずれ)(?:が|の)\s*(?:心配|しんぱい|不安|ふあん|危険|きけん|おそれ|恐れ|可能性|起きないか|おきないか)[^!！]{0,30}?(?:区域|地域|場所|箇所|エリア|地図|マップ|まっぷ|確認|調べ|しらべ|知りたい|しりたい|分かる|わかる)",
            # em5: support after a (forest) fire, not a fire now (山火事の被害の支援)
            r"(?:山|林野|森林)?(?:火事|火災)(?:の|による|で)\s*(?:被害|被災|損害)(?:の|者|への|を)?\s*(?:支援|補償|見舞|補助|援助|相談|証明|申請)",
            r"(?:乗せ|のせ)られ(?:る|ない|ます|ません)\s*(?:人数|にんずう|か)|チャイルドシート|ベビーシート",
            r"(?:泥棒|どろぼう|空き巣|あきす)\s*(?:に|の)?\s*(?:あ|遭)わない|(?:自殺|じさつ)を\s*(?:防|ふせ)ぐ|(?:自殺|じさつ)\s*(?:たいさく|よぼう|ぼうし)",
            # en
            r"fire\s*(?:insurance|drill|alarm|extinguisher|brigade|station|prevention|safety|department\s+recruit\w*)|smoke\s*(?:detector|alarm)",
            r"(?:earthquake|flood|disaster)\s*(?:insurance|drill|preparedness|map|kit)",
            r"suicide\s*(?:prevention|awareness)|evacuation\s+drill|volunteer\s+fire",
            r"(?:(?:tsunami|flood|landslide|earthquake)\s+)?hazard\s+map|disaster\s+certificate|first\s+aid\s+(?:course|class|training)",
            # em1 (en): detectors one buys (not one going off), warning zones, the ambulance fee
            r"(?:gas(?:\s+leak)?|carbon\s+monoxide|co)\s+(?:alarm|detector)s?(?!\s+(?:is\s+|keeps\s+|has\s+been\s+|went\s+)?(?:beeping|going\s+off|sounding|ringing|off))",
            r"(?:landslide|flood|tsunami|mudslide|sediment\s+disaster)\s+(?:warning|risk|hazard|caution|alert)\s+(?:zone|area|map)s?",
            r"ambulance\s+(?:(?:transport|transportation|service)\s+)?(?:fee|cost|charge|bill)s?|(?:fee|cost|charge)s?\s+(?:for|of)\s+(?:an\s+|the\s+)?ambulance",
            # em2 (en): burning garden waste (is it allowed), whether the ambulance is free
            r"\bprevent\w*\b[^.?!]{0,25}\bdrown\w*",
            r"\bburning (?:leaves|trash|rubbish|garbage|waste|brush|weeds|incense|candles)\b|\b(?:allowed|ok|legal|permitted) to burn\b",
            r"\bambulances?\s+(?:is\s+|be\s+)?(?:free|paid|charged)\b|\b(?:is|are)\s+(?:the\s+|an\s+)?ambulances?\s+(?:free|paid|charged)\b",
            # em4 (en): rehabilitation and support after a stroke
            r"\b(?:rehab\w*|recovery|support|care)\s+(?:after|following|for)\s+(?:a\s+|the\s+|his\s+|her\s+|my\s+)?stroke\b|\bstroke\s+(?:rehab\w*|survivors?|prevention|after-?effects)\b",
            # em8: a thing fallen into water (a ball, a phone), not a person; not moving house
            r"(?:川|かわ|池|いけ|海|うみ|水|みず|用水路)に\s*(?:落ち|おち)た\s*(?:ボール|ぼーる|もの|物|財布|さいふ|スマホ|携帯|けいたい|鍵|かぎ|帽子|ぼうし|ごみ|ゴミ)",
            r"(?:ボール|財布|スマホ|携帯|鍵|帽子|荷物)(?:が|を)\s*(?:川|池|海|水|用水路)に\s*(?:落ち|落と)",
            r"(?:手机|手機|钥匙|鑰匙|钱包|錢包|球|帽子|东西|東西)(?:不小心)?(?:掉进|掉進|掉到)",
            r"(?:휴대폰|핸드폰|폰|열쇠|지갑|공|모자)(?:이|가|을|를)?\s*(?:강|바다|물|호수|연못)에\s*빠(?:졌|져)",
            r"\bnot moving (?:out|in|house|home|away|abroad)\b",
            # i12ao: a wallet or card stolen earlier, asked about a new card (the English twin of 補辦)
            r"\b(?:was|got|been) stolen\b(?=[^?!]{0,120}?\b(?:new (?:card|one)|re-?issu\w*|replac\w*)\b)",
            # zh
            r"火灾保险|火災保險|地震保险|地震保險|消防团|消防團|防灾|防災|演习|演習|演练|演練",
            # hazard maps (where it may flood, not a flood): zh; ko and やさしい日本語 below
            r"(?:灾害|災害|危险|危險|洪水|淹水|浸水)(?:地图|地圖)|淹水潜势|淹水潛勢",
            # i12ak: a bag or card stolen earlier, asked about replacing the card (補辦), not a theft now
            r"被偷(?:了|走)?(?=[^。！!？?]{0,40}?(?:补办|補辦|补发|補發|挂失|掛失|再发行|再發行|重办|重辦))",
            r"(?:自行车|自行車|单车|單車)被偷|自杀预防|自殺預防|洪水保险|洪水保險|火灾预防|火災預防|火灾报警器|火災警報器|灭火器|滅火器|急救课程|急救課程",
            # em1 (zh): gas / CO detectors, warning zones, the ambulance fee, 自殺防治, accident papers
            r"(?:煤气泄漏|燃气泄漏|瓦斯外洩|瓦斯外泄|瓦斯|煤气|煤氣|燃气|燃氣|一氧化碳)(?:报警器|報警器|警报器|警報器|侦测器|偵測器|探测器|探測器)",
            r"[黑烏乌][烟煙](?:车|車)|(?:泥石流|土石流|山体滑坡|山崩|洪水|淹水)的?(?:警戒|危险|危險|潜势|潛勢)(?:区域|區域|区|區)",
            r"(?:救护车|救護車)(?:要)?(?:收费|收費|费用|費用|多少钱|多少錢|要钱|要錢)|自殺防治|自杀防治|自殺防制",
            r"(?:车祸|車禍)(?:证明|證明|鉴定|鑑定|理赔|理賠|和解|调解|調解)",
            # em2 (zh): preventing suicide said verb first, suicide lectures and hotlines
            r"(?:预防|預防|防止)[^。，,]{0,8}溺水",
            r"打(?:我|他|她)的?(?:电话|電話|手机|手機)",
            # em4 (zh): a tsunami evacuation map or route, not a tsunami
            r"(?:海啸|海嘯)(?:避难|避難|疏散|撤离|撤離)(?:地图|地圖|路线|路線|场所|場所|所|大楼|大樓)",
            r"(?:预防|預防|防止|防治)(?:自杀|自殺)|(?:自杀|自殺)(?:干预|干預)?(?:讲座|講座|热线|熱線)",
            # ko
            r"화재\s*보험|지진\s*보험|소방대|소방단|방재|재난\s*훈련|대피\s*훈련|소방\s*훈련",
            r"해저드\s*맵|(?:(?:침수|홍수|재해|산사태)\s*)?위험\s*지도|(?:침수|홍수|재해)\s*지도|침수\s*(?:(?:위험|예상)\s*)?(?:구역|지역)",
            # em4 (ko): a tsunami evacuation map or route, not a tsunami
            r"(?:쓰나미|지진\s*해일)\s*(?:대피|피난)\s*(?:지도|소|장소|경로|훈련)",
            r"はざーど\s*まっぷ",
            r"자살\s*예방|화재\s*예방|화재\s*경보기|소화기|응급\s*처치\s*교육",
            # em1 (ko): gas / CO detectors, warning zones, the ambulance fee, victims' counselling
            r"(?:가스\s*누출|가스|일산화탄소)\s*(?:경보기|감지기|차단기)|(?:산사태|침수|홍수)\s*(?:위험|취약|경보)\s*(?:지역|구역)",
            r"구급차\s*(?:이용\s*)?(?:요금|비용|유료)|(?:스토킹|가정폭력|성폭력)\s*(?:피해\s*)?(?:상담|신고\s*방법|지원|센터|예방)|화재\s*(?:후|이후|뒤)",
        ]
    ),
    re.IGNORECASE,
)

_TRIGGERS: dict[EmergencyKind, list[str]] = {
    EmergencyKind.FIRE: [
        # ja / やさしい日本語
        r"火事",
        r"火災(?:が|です|だ|発生)",
        r"(?:燃え|もえ)て(?:い|る|ま)",
        r"燃えてる|炎が(?:出|上が)|煙が(?:出て|充満)|けむりが\s*(?:でて|いっぱい)",
        r"(?:火|ひ)が(?:出|で|つい|ついて|上が|あが)",
        r"かじ(?:です|だ|に\s*なって|!|！)",
        r"出火|放火",
        # en
        r"\bfire\b",
        r"\bon fire\b|\b(?:is|are|something's) burning\b|\bflames?\b|\bfull of smoke\b|\bsmoke (?:is )?(?:coming|everywhere|filling)",
        # zh
        r"着火|著火|失火|起火|发生火灾|發生火災|火灾了|火災了|冒烟|冒煙",
        # ko
        r"불이\s*(?:났|나|붙)|불났|화재|연기가",
    ],
    EmergencyKind.MEDICAL: [
        r"救急車(?:を|が|呼|よ)|救急(?:です|を呼)",
        r"きゅうきゅうしゃ\s*(?:を|が|よ|!|！|、|。|おねがい|よんで|きて|$)",
        r"倒れ|たおれ",
        r"意識が(?:ない|無い|ありません|戻らない)|いしきが",
        r"息を(?:して(?:い)?ない|しない)|呼吸(?:が(?:ない|止ま|苦し|できない)|をしてい)",
        r"いきを\s*して\s*いない|いきが\s*できない",
        r"血が止まらない|大量に出血|大けが|大怪我|おおけが",
        r"心臓が(?:止ま|痛)|胸が(?:苦し|痛)(?:い|くて|く\s*て|む)|けいれん|痙攣|溺れ|おぼれ",
        r"息が(?:できない|できません|でき(?:なく|ず)|止ま|苦しくて)|いきが\s*くるしくて",
        r"反応が(?:ない|ありません)",
        # en
        r"\bambulance\b|\bunconscious\b|\bnot breathing\b|\bcan'?t breathe\b",
        r"\b(?:stopped|isn'?t|is not|aren'?t) breathing\b|\bunresponsive\b|\bwon'?t wake up\b|\bpassed out\b",
        r"\bheart attack\b|\bstroke\b|\bbleeding\b|\bcollapsed\b|\bseizure\b|\bdrowning\b",
        r"\bbadly (?:hurt|injured)\b|\bseriously (?:hurt|injured)\b",
        # zh
        r"救护车|救護車|晕倒|暈倒|昏迷|没有呼吸|沒有呼吸|不能呼吸|喘不过气|喘不過氣",
        r"昏倒|倒下了|叫不醒|没有意识|沒有意識|不省人事|停止呼吸|没有反应|沒有反應",
        r"流血不止|心脏病发|心臟病發|受重伤|受重傷|溺水|抽搐",
        # ko
        r"구급차|쓰러졌|쓰러져|의식이\s*없|숨을\s*안\s*쉬|숨을\s*쉬지|숨이\s*안|숨을\s*못\s*쉬|숨을\s*안\s*쉬어",
        r"피가\s*멈추지|심장마비|크게\s*다쳤|물에\s*빠졌|경련",
    ],
    EmergencyKind.CRIME: [
        r"泥棒|どろぼう|空き巣に入られ|強盗|ごうとう",
        r"(?:ナイフ|包丁|刃物|人|男|女|誰か|だれか)(?:に|で)(?:刺さ|さされ)|殴られ|なぐられ|襲われ|おそわれ|暴行|殺され|誘拐",
        r"不審者が(?:いる|家|部屋|入)|侵入され|つけられてい|監禁",
        r"(?:ナイフ|包丁|刃物|凶器|銃)を(?:持|振り回|向け)|ナイフで|ないふを\s*もって",
        r"事件です|事件が(?:起|あ)|じけんです|事故です|事故が起き|じこです",
        r"(?:暴力|ぼうりょく)を(?:ふるわれ|振るわれ)",
        r"(?:殺す|ころす)と(?:脅|おど|言わ|いわ)|(?:脅さ|おどさ)れて(?:い|る|ま)",
        # en
        r"\brobbed\b|\brobbery\b|\bburglar|\bbreak-?in\b|\bbroke into\b|\bstabbed\b",
        r"\battacked\b|\bassault(?:ed)?\b|\bkidnap|\bsomeone with a (?:knife|gun)\b",
        r"\bbeing (?:followed|beaten|hit)\b|\bintruder\b",
        r"\bthreat\w*\b[^.?!]*\b(?:knife|gun|weapon|kill)|\b(?:knife|gun)\b[^.?!]*\bthreat",
        r"\b(?:going to|gonna|wants? to|will) kill (?:me|us|my)\b",
        r"\b(?:man|woman|person|people|someone|somebody|guy) with a (?:knife|gun|weapon)\b|\b(?:knife|gun)\b.*\b(?:outside|door|here|house)\b",
        # zh
        r"抢劫|搶劫|小偷|被偷|入室|被刺|被打|被袭击|被襲擊|绑架|綁架|有人拿刀|车祸|車禍",
        r"闯进|闯入|闖進|闖入|拿着刀|拿著刀|持刀",
        r"要杀我|要殺我|威胁要|威脅要|用刀威胁|用刀威脅",
        # ko
        r"강도|도둑|칼에\s*찔|폭행|맞고\s*있|납치|누가\s*따라|침입|칼을\s*들|흉기",
        r"칼로\s*협박|죽이겠다|죽인다고",
    ],
    EmergencyKind.SUICIDE: [
        r"死にたい|しにたい|自殺|じさつ|消えたい|きえたい|生きていたくない|いきて\s*いたく\s*ない",
        r"生きるのが(?:つらい|辛い|しんどい)|命を絶|首を(?:つ|吊)|飛び降り|楽になりたい",
        r"もう(?:終わりに|おわりに)したい|死んだほうが|死のう|しのう",
        r"生きて(?:い)?ても(?:意味|仕方|しかた)が(?:ない|無い)|生きる(?:意味|理由)が(?:ない|無い)",
        r"いきて\s*(?:いる|る)?\s*のが\s*(?:つらい|くるしい)|いきて\s*いても\s*いみが\s*ない",
        # en
        r"\bkill myself\b|\bsuicid|\bwant to die\b|\bend (?:my|it all)\b|\bend my life\b",
        r"\bno reason to live\b|\bdon'?t want to (?:live|be alive)\b|\bhurt myself\b",
        # zh
        r"想死|自杀|自殺|不想活|活不下去|结束生命|結束生命|轻生|輕生",
        r"结束一切|結束一切|活着没有意思|活著沒有意思|活着没有意义|活著沒有意義",
        # ko
        r"죽고\s*싶|자살|살고\s*싶지\s*않|삶을\s*끝내|목숨을\s*끊",
    ],
    EmergencyKind.DISASTER: [
        r"地震で(?:家|建物|ビル|壁|閉じ込め|けが|怪我)|家が(?:倒壊|つぶれ|潰れ|流され)",
        r"津波が(?:来|く)|つなみが|川が(?:氾濫|あふれ)(?!し?そう)|堤防が|土砂崩れ|がけ崩れ|崖崩れ",
        r"(?:家|部屋|道)が(?:浸水|水没)|水が(?:入って|上がって)き|逃げ(?:遅れ|られない)|にげられない",
        r"閉じ込められ|とじこめられ|生き埋め|ガス(?:漏れ|もれ|の臭い|のにおい)|ガスくさい",
        r"(?:いえ|うち)が\s*(?:こわれ|つぶれ|ながされ)(?:ました|た|て)|家が壊れ(?:ました|た|て)",
        # en
        r"\btrapped\b|\btsunami\b|\blandslide\b|\bgas leak\b",
        r"\b(?:strong |a )?gas smell\b|\bsmell(?:s|ing)? (?:of )?gas\b|\bleaking gas\b",
        r"\bhouse (?:collapsed|is flooding)\b|\bcan'?t (?:get out|escape)\b",
        r"\bwater is (?:coming|pouring) (?:in|into|through)\b|\bwater is rising\b|\b(?:house|home|building) (?:has )?collapsed\b",
        # zh
        r"被困|海啸|海嘯|发洪水|發洪水|洪水来了|洪水來了|泥石流|山体滑坡|煤气泄漏|瓦斯外洩|燃气泄漏",
        r"土石流|山崩|淹水了|水淹进|水淹進",
        r"煤气味|煤氣味|瓦斯味|燃气味|燃氣味|天然气味|天然氣味",
        # ko
        r"갇혔|갇혀|쓰나미|홍수가\s*났|홍수로|집이\s*침수|침수(?:됐|되고)|산사태|가스\s*누출|가스\s*냄새|집이\s*무너",
        r"물에\s*잠겼|물에\s*잠기|물이\s*들어오",
    ],
}

_COMPILED = compile_by_kind(_TRIGGERS)

#: em12's present-danger scorer (``present``); JICHITAI_PRESENT_DANGER=0 switches it off.
_PRESENT_DANGER = os.environ.get("JICHITAI_PRESENT_DANGER", "1") != "0"
#: em13's act done to a person now (``acts``); JICHITAI_ACT_ON_PERSON=0 switches it off.
_ACT_ON_PERSON = os.environ.get("JICHITAI_ACT_ON_PERSON", "1") != "0"
_SPACES = re.compile(r"[\s\u3000]+")


#: Characters that show nothing: zero-width spaces and joiners, the soft hyphen, direction
#: marks, the byte-order mark, and control characters other than tab and line breaks. Pasted
#: text carries them; one inside a word hid it (火\u200b事です, 火\x00事: no card, red team hr8).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff]"
)


#: em14: a Korean word ending in 자 before one starting with 살 (혼자 살아요 "I live alone",
#: 남자 살려) is two words; without the space it read 자살 (suicide).
_KO_SPLIT = re.compile(r"(?<=자)[\s\u3000]+(?=살)")


def _prepare(text: str) -> tuple[str, str]:
    """NFKC text with safe compounds blanked; also a copy without spaces (やさしい日本語
    separates phrases with spaces: いきを して いない)."""
    norm = unicodedata.normalize("NFKC", text)
    blanked = _SAFE.sub(" ", norm)
    return blanked, _SPACES.sub("", _KO_SPLIT.sub("·", blanked))


def _is_service_question(spaced: str, compact: str) -> bool:
    return bool(situations.SERVICE.search(spaced) or situations.SERVICE.search(compact))


def _carries_request(clause: str) -> bool:
    """A clause names a service (``situations.SERVICE``) or asks for one (``cues``)."""
    return _is_service_question(clause, _SPACES.sub("", clause)) or cues.asks_service(clause)


def _story_rest(norm: str) -> tuple[str, str]:
    """em11: the clauses told after the last request (see ``clauses``), prepared like the whole
    text; empty when the text is calm (past, habit) or ends with its request."""
    if cues.is_calm(norm):
        return "", ""
    rest = clauses.after_last(norm, _carries_request)
    return _prepare(rest) if rest.strip() else ("", "")


def detect_emergency(text: str) -> list[EmergencyKind]:
    """Kinds of emergency the text describes, most urgent first (empty for ordinary questions).

    Named emergencies (火事, 救急車, 死にたい) always count; described situations (a child hit by
    a car, water coming in, 消えたい) only when the text does not ask about a service — or, in a
    story that does (em11), in the clauses told after the last request."""
    text = _INVISIBLE.sub("", text)
    norm = unicodedata.normalize("NFKC", text)
    service = _is_service_question(norm, _SPACES.sub("", norm))
    asks = service or cues.asks_service(norm)
    # em14: in a text that asks for something, a danger only told of (advice learned, a fear,
    # the news) is no report
    spaced, compact = _prepare(cues.untold(norm) if asks else text)
    rest, rest_compact = _story_rest(norm) if asks else ("", "")
    # em14 (not blind): a situation a month or more ago in a text that asks is read like one in a
    # service question — only in the clauses after the last request
    past = asks and cues.is_long_past(norm)
    found = []
    for kind, pattern in _COMPILED.items():
        if past:  # em14: a named emergency a month or more ago, too
            hit = pattern.search(rest) or pattern.search(rest_compact) if rest else None
        else:
            hit = pattern.search(spaced) or pattern.search(compact)
        situation = situations.COMPILED[kind]
        if not hit and not service and not past:
            hit = situation.search(spaced) or situation.search(compact)
        if not hit and rest:
            hit = situation.search(rest) or situation.search(rest_compact)
        if hit:
            found.append(kind)
    if not found:
        # Neither a named emergency nor a known situation: signs of danger happening now, or
        # suicide warning signs together (em5, ``cues``).
        found = cues.warning_signs(spaced) if service else cues.cue_kinds(spaced)
    if not found and rest:
        found = cues.cue_kinds(rest)
    if not found and _PRESENT_DANGER:
        # em12: the story's structure — someone stuck, not answering or bleeding, now
        found = present.present_danger(rest) if rest else []
        found = found or ([] if service else present.present_danger(spaced))
    if not found and _ACT_ON_PERSON:
        # em13: harm being done to a person now (beaten, bitten, kicked), the agent gives the kind
        found = acts.act_on_person(rest) or acts.act_on_person(rest_compact) if rest else []
        if not found and not service:
            found = acts.act_on_person(spaced) or acts.act_on_person(compact)
    return found
