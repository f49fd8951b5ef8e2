"""Situations a 119/110 dispatcher asks about, as patterns per language (緊急の状況).

The detector's first patterns name the emergency (火事, 救急車, 死にたい). Residents more often
describe what they see: a child hit by a car, blood from the head, food stuck in the throat, a
stranger at the window, water coming into the house, 消えたい. These patterns cover each such
situation in ja, やさしい日本語 (hiragana; spaces are also removed before searching), en,
zh-Hans, zh-Hant and ko. They are broader, so they count only when the text is not a question
about a service (証明書, 補助, 講習, 保険, 申請, 〜の場合 …): see ``SERVICE``.
"""

from __future__ import annotations

import re

from jichitai_ai.emergency.kinds import EmergencyKind, compile_by_kind

#: A question about a service, a procedure or a hypothetical case, not a report of one.
SERVICE = re.compile(
    "|".join(
        [
            # ja / やさしい日本語
            r"証明|しょうめい|補助|助成|申請|しんせい|手続|てつづき|届出|届け出|講習|教室|訓練",
            r"くんれん|対策|保険|ほけん|支援|窓口|相談先|場合|費用|医療費|料金|お金|おかね",
            r"制度|募集|給付|見舞|予防|防止|補償|賠償|修理|消毒(?![液水剂劑剤])|処分|方法|やり方|の仕方|とき(?:の|は)",
            r"時の|猫|ねこ|犬の死|動物|野鳥|死骸|死体|件数|統計",
            # i12ad: a 手帳 or a 手当 asked for (障害者手帳ってもらえる？), not 手当て (first aid)
            r"手帳|てちょう|手当(?!て)|てあて(?!を\s*(?:し|す))",
            # i12ag: a registration (届け) asked about — 出生の届けは何日以内 after 私もまだ動けない
            # (not 出生 alone: 对不起我出生了 is a suicide sign)
            r"出生(?:の|届)|しゅっしょう|しゅっせい|[生亡姻入出]届|の届け|届け(?:は|を|って)|の\s*とどけ|とどけ(?:は|を)",
            # em1: "if it happens, what do I do" and "so that it does not happen"
            r"たら\s*(?:どう|なに|何を)|(?:なら|起こら|おこら)ない\s*(?:ように|ための|ため)",
            # em2: "how to prevent it" (誤飲を防ぐには)
            r"を\s*(?:防|ふせ)ぐ|(?:防|ふせ)ぐ\s*(?:には|ため|方法|ほうほう)",
            # en
            r"\b(?:certificate|subsid(?:y|ies)|apply|application|insurance|course|class|training)\b",
            r"\b(?:drill|prevention|procedure|support for|compensation|dispos(?:e|al)|repair)\b",
            r"\b(?:learn|in case of|what to do if|dead animal|cat|pet)\b",
            # zh-Hans / zh-Hant
            r"证明|證明|补助|補助|申请|申請|手续|手續|保险|保險|理赔|理賠|课程|課程|培训|培訓",
            r"学习|學習|学急救|學急救|救助金|补贴|補貼|预防|預防|窗口|咨询|諮詢|猫|貓|动物|動物",
            # em5: a damaged guardrail to report (not someone standing outside one)
            r"(?:撞坏|撞壞|损坏|損壞|坏了|壞了|坏掉|壞掉)的?(?:护栏|護欄)|(?:护栏|護欄)(?:坏|壞|损|損|维修|維修|修理)",
            # ko
            r"증명|지원|신청|보험|교육|절차|방법|보조|예방|수당|창구|병원비|고양이|동물",
            # em4: a theft report for a past snatching (盗難届, 失窃证明, 도난 신고 확인서)
            r"盗難届|被害届|失窃|失竊|\btheft report\b|\bpolice report\b|확인서|도난\s*신고",
        ]
    ),
    re.IGNORECASE,
)

_PERSON_JA = (
    r"(?:人|ひと|子|こ|父|母|夫|妻|祖父|祖母|おじいちゃん|おばあちゃん|おじいさん|おばあさん)"
)

SITUATIONS: dict[EmergencyKind, list[str]] = {
    EmergencyKind.FIRE: [
        # flames rising (round 5)
        r"燃え上が|もえあが|(?:油|あぶら)が\s*(?:燃え|もえ)",
        # smoke / burning
        r"(?:煙|けむり)(?:で|が)\s*(?:いっぱい|充満|すごい)|黒い(?:煙|けむり)|焦げ臭|こげくさ",
        r"\bsmell(?:s|ing)? (?:of )?(?:smoke|burning)\b|\bfill(?:ed|ing)(?: up)? with smoke\b",
        r"\bsmoke (?:is )?(?:pouring|billowing)\b",
        r"烧起来|燒起來|烧着了|燒著了|冒出.{0,4}[烟煙]|全是[烟煙]|浓烟|濃煙|[烟煙](?:很大|弥漫|瀰漫)",
        r"(?:煙|けむり)で.{0,4}(?:見えな|みえな)|(?:都是|满是|滿是)[烟煙]|[烟煙](?:好大|很大|太大)|火(?:很大|好大|太大)",
        r"불꽃이\s*(?:튀|보|올라|나)",
        r"燃え移|もえうつ|燃え広が|もえひろが|\bcatching fire\b",
        r"(?:炎|ほのお)が\s*(?:見え|みえ)|\bin flames\b|火焰|火苗|冒黑[烟煙]|黑[烟煙]|불길",
        r"불에\s*타|불타|(?:차|집|건물|방)(?:가|이)\s*타고\s*있|연기(?:가|로)\s*(?:가득|많이|나)",
        # em1: smoke billowing or filling a room, in every language
        # ja / やさしい日本語
        r"(?:煙|けむり)が\s*(?:もくもく|モクモク)(?!\s*(?:出る|でる))|(?:煙|けむり)が\s*(?:どんどん|たくさん|すごく)\s*(?:出|で|上が|あが)",
        r"(?:煙|けむり)だらけ|(?:煙|けむり)で\s*(?:まっしろ|真っ白|まっくろ|真っ黒)",
        r"(?:部屋|へや|家|いえ|うち|廊下|ろうか)(?:の\s*(?:中|なか))?が\s*(?:煙い|けむい)",
        r"\bkaji\s*(?:desu|da)\b",
        # en
        r"\bsmoke (?:is )?ev\w*where\b|\blightning (?:hit|struck)\b",
        # em2: smoke so thick the corridor is dark, a plea with one word (たすけて 火), a pan that
        # will not go out, smoke from next door without a particle (ko)
        r"(?:煙|けむり)で\s*(?:まっくら|真っ暗|まっ暗)",
        r"(?:助けて|たすけて|タスケテ)[\s!！、。]*(?:火|ひ)[\s!！]*$|^[\s]*(?:火|ひ)[\s!！、]*(?:助けて|たすけて)",
        r"(?:火|炎|ほのお|油|あぶら)(?:が|は|を)?\s*(?:消えない|きえない|消せない|けせない)|\bcan'?t put (?:it|the fire|the flames?) out\b",
        r"\bkaji\s*[!！]",
        r"살려\s*주세요[\s!！.]*불[\s!！.]*$|^[\s]*불[\s!！.]*(?:이야|이에요)?[\s!！.]*살려",
        r"불\s*붙었|불붙|(?:에서|에서\s)\s*연기(?:가)?\s*(?:엄청|많이|계속|막|너무|자꾸)?\s*(?:나|올라)|연기\s*(?:엄청|많이|계속|막|너무)\s*(?:나|올라)",
        r"灭不掉|滅不掉|灭不了|滅不了|扑不灭|撲不滅",
        # em2 set 2: a car or engine on fire said without a particle (火出てる, 冒火)
        r"(?:車|くるま|ボンネット|エンジン|えんじん)(?:から|が|の)?\s*.{0,4}(?<!花)(?:火|炎)\s*(?:出て|出た|噴いて|ふいて|噴き)|冒火|引擎(?:起火|着火|著火)",
        # em4: a grass or hillside fire spreading toward houses
        r"(?:火|ひ)が\s*(?:広が|ひろが|迫|せま)(?:って|る|ってき)",
        r"\b(?:grass|brush|bush|wild|forest|field|hillside) ?fire\b[^.?!]{0,40}\b(?:spread\w*|coming|heading|moving)\b",
        r"火(?:往|朝|向)[^。]{0,10}(?:蔓延|烧|燒|过来|過來)|火势蔓延|火勢蔓延|山火|野火(?:烧|燒|蔓延)",
        r"(?<![가-힣])불(?:이|길이|씨가)?\s*(?:(?:옆집|집|건물|산|마을|[가-힣]{1,4}\s*쪽)\s*(?:으로|로)\s*)?(?:번지|번져|퍼지|퍼져|옮겨\s*붙)|(?:산불|들불)(?:이|가)?\s*(?:났|나서|번|퍼)",
    ],
    EmergencyKind.MEDICAL: [
        # collision, blood vomited, a limb that will not move (round 5)
        r"(?:車|くるま|バイク|自転車|じてんしゃ|トラック)と\s*(?:ぶつか|衝突|しょうとつ)",
        r"(?:足|あし|手|腕|体|からだ)が\s*(?:動かな|うごかな)",
        r"(?:血|ち)を\s*(?:吐|は)(?:いて|いた|きました|いています)|吐血|喀血|吐血了|\b(?:vomiting|coughing up) blood\b|피를\s*토",
        # hit by a vehicle
        r"(?:車|くるま|バイク|トラック|自転車|じてんしゃ|電車|でんしゃ)に\s*(?:ひかれ|轢かれ|はねられ|跳ねられ)|轢かれ",
        r"\b(?:hit|knocked (?:down|over)|run over|struck) by (?:a |the |an )?(?:car|truck|bus|van|bike|motorbike|motorcycle|train|vehicle|taxi|scooter)\b",
        r"\b(?:car|truck|bus|van) (?:hit|ran over|knocked down)\b",
        r"被.{0,5}撞(?![坏壞损損])|撞倒|[车車]撞(?![坏壞损損])",
        r"치였|치여|(?:차|트럭|오토바이|버스)에\s*(?:치|받혔)",
        # injured at an accident
        r"けが人|怪我人|ケガ人|負傷者|重傷|(?:事故|じこ)で\s*(?:けが|怪我|ケガ|人が|ひとが|倒れ|動け)",
        r"\b(?:people|person|someone|somebody|man|woman|child|kid|driver|cyclist|pedestrian)s? (?:is |are |was |were |got )?(?:badly |seriously )?(?:injured|hurt)\b",
        r"受伤|受傷|伤者|傷者|伤员|傷員",
        r"사람이\s*다쳤|다쳤어|다쳐서|부상자|교통사고가\s*(?:났|나서)",
        # fall
        r"(?:階段|かいだん|屋根|やね|はしご|梯子|ベランダ|木|き|二階|2階|窓|まど)から\s*(?:落ち|おち|転落|転げ落ち|ころげおち)",
        r"転落し|動けな(?:い|く)|うごけな(?:い|く)|うごけません|動けません|動かなくな",
        r"\bfell (?:off|from|down|out of)\b|\bhas fallen\b|\bcan'?t (?:get up|move)\b(?!\s+(?:my|the|our|a|his|her)\b)",
        r"摔下|摔倒|跌倒|跌下|掉下[来來]|动不了|動不了|不动了|不動了",
        r"에서\s*(?:떨어져|떨어졌|넘어져|넘어졌|굴러)|못\s*일어나|움직이지\s*(?:못|않)",
        # bleeding
        r"(?:血|ち)が\s*(?:出て|でて|たくさん|いっぱい|どくどく|止まら|とまら|止まりません|とまりません)|出血(?:して|が|多量)",
        r"\bblood (?:everywhere|all over)\b|\b(?:lot|lots|pool) of blood\b|\bcut (?:his|her|my|their) \w+ (?:badly|deeply|off)\b",
        r"流了?很多血|流血|血流不止|大出血",
        r"피가\s*(?:많이|나요|나고|계속|안\s*멈)|출혈",
        # choking
        r"(?:のど|喉|気道)に\s*(?:詰まら|つまら|詰まっ|つまっ|詰め|つめ)|窒息|(?:飲み込ん|のみこん)で\s*(?:息|いき|苦し|くるし)",
        r"\bchok(?:ing|ed|es)\b|\bstuck in (?:his|her|my|their|the) throat\b",
        r"(?:卡住|卡在|噎住|噎到|呛到|嗆到|哽住)|窒息",
        r"목에\s*(?:걸렸|걸려|막혔)|질식|기도가\s*막",
        # seizure
        r"ひきつけ|引きつけ|発作を|ほっさ",
        r"\bconvuls|\bhaving a fit\b",
        r"痉挛|痙攣|癫痫发作|癲癇發作|口吐白沫",
        r"발작",
        # stroke signs
        r"ろれつが|呂律が|片(?:側|方)の?(?:手足|顔|半身)|半身が|顔が(?:ゆがん|歪ん)",
        r"\bface (?:is )?droop|\bslurr|\bcan'?t (?:talk|speak) (?:properly|clearly)\b|\bone side of (?:his|her|my|their) (?:body|face)\b",
        r"说话不清|說話不清|口齿不清|口齒不清|半边身|半邊身|嘴歪|[脸臉]歪|中风|中風",
        r"말이\s*어눌|얼굴\s*한쪽|한쪽이\s*마비|뇌졸중",
        # unresponsive
        r"(?:呼んでも|よんでも)\s*(?:返事|へんじ|反応|はんのう|起きない|おきない|目を覚まさ)|(?:返事|へんじ)を?\s*(?:しな|しません)",
        r"\bfainted\b|\bwon'?t (?:respond|wake)\b|\b(?:not|isn'?t) responding\b",
        r"没反应|沒反應|叫了都沒|叫了都没",
        r"반응이\s*없|깨어나지\s*않|안\s*깨어나",
        # overdose
        r"薬を\s*(?:大量|たくさん|いっぱい|全部)|大量に(?:飲ん|服用)|過剰摂取|オーバードーズ|くすりを\s*たくさん",
        r"\btook (?:a (?:whole )?(?:bottle|lot|handful)|all) of\b|\boverdos",
        r"吃了(?:很多|大量|一整?瓶|一堆)|服[药藥]过量|服藥過量",
        r"약을\s*(?:많이|잔뜩|한꺼번에)|과다\s*복용",
        # chest pain, limp, drowning, covered in blood, fall from height
        r"胸を\s*(?:押さえ|おさえ)|むねを\s*おさえ|ぐったり|血だらけ|血まみれ|ちだらけ",
        r"(?:高い|たかい)\s*(?:所|ところ)から\s*(?:落ち|おち)|(?:川|かわ|池|いけ|海|うみ|水|みず)に\s*(?:落ち|おち)",
        r"\bclutching (?:his|her|my|their) chest\b|\bchest pain\b|\bswallowed (?:a |an |some )?(?:battery|magnet|coin|bleach|detergent|poison)",
        r"\b(?:covered in|soaked in) blood\b|\blying (?:in the road|on the (?:ground|floor|street))\b|\bfell into (?:the )?(?:river|water|sea|pool)\b",
        r"胸口(?:很|好|非常)?(?:痛|疼)|喘不上气|喘不上氣|满身是血|滿身是血|掉进(?:河|水|海)|掉進(?:河|水|海)|落水",
        r"(?:突然)?不能[说說]话|不能[说說]話|[举舉]不起[来來]",
        r"가슴을\s*(?:움켜|부여)|가슴이\s*(?:너무\s*)?아파|쓰러지셨|쓰러졌|말을\s*못\s*하|피투성이|물에\s*빠",
        # allergy, heat, confusion
        r"(?:顔|かお|のど|喉|口|くち)が\s*(?:腫れ|はれ)|ゼーゼー|ぜーぜー|ヒューヒュー|アナフィラキシー|もうろう|朦朧",
        r"(?:変な|へんな|おかしな)\s*ことを\s*(?:言|い)|熱中症(?:で|に\s*なっ|みたい|かも)",
        r"\bthroat (?:is )?(?:swelling|closing)\b|\bswelling up\b|\banaphyla|\ballergic reaction\b|\bheatstroke\b|\bnot making sense\b",
        r"喉咙肿|喉嚨腫|过敏反应|過敏反應|呼吸困难|呼吸困難|中暑了|神志不清|意识模糊|意識模糊|[晕暈昏][过過]去",
        r"목이\s*부어|숨쉬기\s*(?:힘들|어려)|호흡\s*곤란|열사병|의식이\s*흐려|횡설수설|사람이\s*(?:떨어|추락)|추락했|추락해",
        r"(?:目|め)を\s*(?:開け|あけ|覚まさ|さまさ)(?:ない|ません)",
        # vehicle hitting someone (active voice), turning blue
        r"(?:車|くるま|トラック|バイク|バス|自転車|じてんしゃ)が\s*(?:人|ひと|歩行者|子ども|子供|こども|自転車)を?\s*(?:はね|ひい|轢い)",
        r"(?:[车車]|卡[车車]|汽[车車])撞(?:了|倒|到)|(?:차|트럭|오토바이)가\s*사람을\s*(?:치었|쳤|받았)",
        r"(?:唇|くちびる)が\s*(?:紫|むらさき|青)|\bturning blue\b|\blips (?:are |look |turning )?(?:blue|purple)\b",
        r"[嘴唇]+(?:发|發)紫|呼吸(?:很|非常)?(?:弱|微弱)|입술이\s*(?:파래|보라)|숨을\s*잘\s*못\s*쉬",
        # breathing (polite / やさしい日本語 forms)
        r"(?:息|いき)を\s*して\s*(?:い)?ません|(?:息|いき)が\s*(?:苦し|くるし)(?:そう|い)",
        # em1: carbon monoxide, not breathing, collapsed and still, swelling, heat, overdose,
        # a child shut in a car, stroke signs — phrasings the patterns above did not know
        # ja / やさしい日本語 (and romaji)
        r"一酸化炭素中毒|いっさんかたんそ\s*ちゅうどく|\bCO中毒|(?:唇|くちびる|舌|まぶた)が\s*(?:腫れ|はれ)(?:て|た)",
        r"(?:息|いき)を?\s*して\s*な(?:い|さそう)",
        r"(?:ぼーっと|ボーッと|ぼうっと|ぐったり|ふらふら)\s*(?:して|し)\s*.{0,4}(?:返事|へんじ|反応|はんのう)が\s*(?:ない|ありません)",
        r"(?:胸|むね)が\s*(?:いた|痛|くるし|苦し)(?:い|くて|そう)",
        r"(?:薬|くすり|睡眠薬|錠剤)を.{0,6}(?:全部|ぜんぶ|大量|たくさん|いっぱい|一箱|ひと箱|一瓶|まとめて)\s*(?:飲|の)",
        r"(?:車|くるま)の\s*(?:中|なか)に\s*(?:子ども|子供|こども|赤ちゃん|あかちゃん|赤ん坊|乳児|幼児|息子|娘|犬|人|ひと|祖|父|母).{0,15}(?:鍵|かぎ)が\s*(?:閉ま|しま|あかな|開かな)",
        r"\b(?:ugokanai|ishiki\s*ga\s*nai|iki\s*(?:wo|o)?\s*shite(?:i)?nai)\b",
        # en
        r"\bcarbon monoxide poison|\bCO poisoning\b",
        r"\b(?:charcoal|grill|barbecue|bbq|generator|heater|stove)\b[^.?!]{0,30}\b(?:indoors|inside)\b[^.?!]{0,40}\b(?:headache|dizzy|faint|sick|unconscious|vomit\w*)\b",
        r"\b(?:don'?t think|not sure (?:if|whether)) (?:he|she|they|it)(?:'s| is| are)? breathing\b|\bcan'?t breath|\bcan (?:barely|hardly) breath|\b(?:struggling|trouble) breathing\b",
        r"\b(?:he|she|they|baby|mother|mom|mum|father|dad|son|daughter|kid|child|grandma|grandpa|husband|wife|friend|man|woman|person)\b(?:'s| is| are)?[^.?!]{0,30}\b(?:won'?t move|not moving|isn'?t moving|stopped moving)\b",
        # i12ak: people named by their role at the scene (the driver after a crash), not moving a thing
        r"\b(?:driver|passenger|cyclist|rider|pedestrian|boy|girl|guy|lady|neighbou?r|someone|somebody)\b(?:'s| is| are)?[^.?!]{0,30}\b(?:won'?t move|not moving|isn'?t moving|stopped moving)\b(?!\s+(?:his|her|their|the|my|our|a|an|it|its|that|this|out|in|away|house|home|abroad)\b)",
        r"\bwheez(?:e|es|ed|ing)\b|\b(?:lips|tongue|face|throat|eyes)\b[^.?!]{0,20}\b(?:puff\w*|swell\w*) up\b|\bface is swelling\b|\bheat ?stroke\b",
        r"\b(?:swallowed|took|taken|ate) (?:all|a whole|the whole|an entire)\b[^.?!]{0,25}\b(?:pills|tablets|medicine|meds|medication)\b",
        r"\b(?:kid|child|baby|son|daughter|toddler|boy|girl)\b[^.?!]{0,20}\b(?:locked|trapped|stuck|left) (?:in|inside) (?:a |the |my |our )?(?:hot )?car\b",
        # zh-Hans / zh-Hant
        r"一氧化碳中毒|(?:煤气|煤氣)中毒",
        r"不呼吸了|[没沒](?:有)?在呼吸|一[动動]不[动動]|倒在(?:地上|地板|路上|浴室|厕所|廁所)",
        r"(?:嗓子|喉咙|喉嚨|[脸臉]|嘴唇|舌头|舌頭)(?:都)?(?:肿|腫)(?:了|起[来來])|喘不上[来來]?|呼吸很喘",
        r"中暑(?:了|，|,|\s|昏|[晕暈]|倒|$)",
        r"[说說]不出[话話]|[讲講][话話]不清|(?:一[边邊]|半[边邊])(?:的)?(?:手|脚|腳|身体|身體){1,2}(?:[没沒]|無)力",
        r"(?:整盒|整瓶|一盒|一瓶|一整盒|一整瓶)(?:的)?(?:安眠)?[药藥]|安眠[药藥].{0,4}(?:都吃|全吃|吃了)",
        r"(?:[锁鎖关關困])在[车車](?:里|裡|裏|上|内|內)",
        # ko
        r"일산화탄소\s*중독|목이\s*부(?:어|었)|숨이\s*(?:막혀|가빠)|더위\s*(?:를\s*)?먹(?:고|어|었)",
        r"(?:수면제|약)(?:을|를)?\s*(?:한\s*통|한\s*번에|전부|많이)\s*(?:다\s*)?먹었",
        r"(?:아이|애|아기|아들|딸)(?:가|이)?.{0,10}차\s*안에\s*갇",
        # em2: a child who drank detergent or bleach, a swallowed button battery, a severe burn
        # with skin coming off, bleeding that will not stop, a seizure seen (白目, 叫不應), a baby
        # that will not wake, someone lying in the street
        # ja / やさしい日本語
        r"(?:洗剤|せんざい|漂白剤|ひょうはくざい|ハイター|灯油|とうゆ|農薬|のうやく|殺虫剤|さっちゅうざい|ボタン電池|電池|でんち|タバコ|たばこ|除光液|芳香剤)(?:を\s*)?(?:飲ん|飲み|のん|のみ[こま込]|食べ|たべ|なめ|舐め)",
        r"(?:やけど|火傷|お湯|おゆ|熱湯|ねっとう|熱い油|あつい\s*あぶら).{0,15}(?:皮|かわ|皮膚|ひふ)が\s*(?:むけ|剥け|はがれ|剥がれ|とれ|取れ|ただれ)|(?:やけど|火傷)\s*(?:が)?\s*(?:ひどい|酷い|ひどく)",
        r"(?:白目|しろめ)\s*(?:を\s*(?:むい|剥い)|です|に\s*なっ|むいて)",
        r"(?:赤ちゃん|あかちゃん|赤ん坊|乳児|新生児)が?\s*(?:起き|おき)(?:ない|ません|なく)|(?:赤ちゃん|あかちゃん|赤ん坊).{0,12}(?:冷たい|つめたい)",
        # en
        r"\b(?:swallowed|drank|drunk|ate|eaten|drinking)\b[^.?!]{0,25}\b(?:batter(?:y|ies)|magnets?|bleach|detergent|poison|kerosene|pesticide|cleaner|laundry pods?|antifreeze)\b",
        r"\b(?:burn\w*|boiling|hot (?:oil|water)|scald\w*)\b[^.?!]{0,30}\b(?:skin|flesh)\b[^.?!]{0,12}\b(?:peeling|coming off|melted|blistering)\b|\b(?:badly|severely) burn(?:ed|t)\b",
        r"\b(?:man|woman|person|someone|somebody|neighbou?r|guy|lady|he|she|kid|child|grandma|grandpa|dad|mom|mum)\b[^.?!]{0,20}\blying (?:in|on) the (?:road|street|ground|floor|pavement|sidewalk)\b|\bbleeding (?:everywhere|a lot|badly|heavily)\b|\b(?:won'?t|doesn'?t|does not|will not) stop bleeding\b",
        # zh-Hans / zh-Hant
        r"(?:喝|吃|吞|误喝|誤喝|误食|誤食|误吞|誤吞)了?(?:一些|一口|半瓶|一瓶)?(?:洗洁精|洗潔精|漂白水|漂白剂|漂白劑|洗衣液|洗衣精|洗衣粉|农药|農藥|纽扣电池|鈕扣電池|电池|電池|杀虫剂|殺蟲劑|煤油|消毒水|清洁剂|清潔劑)",
        r"(?:烫|燙)(?:伤|傷|到|了)[^。]{0,10}(?:皮|水泡|严重|嚴重|起泡)|皮(?:都)?(?:掉|脱|脫)了",
        r"血止不住|止不住血|血(?:一直|不停|还在|還在)(?:地)?(?:流|在流|冒)|叫不[应應]|全身(?:抽搐|抽筋|发抖|發抖)",
        r"倒在(?:路边|路邊|街上|马路|馬路|门口|門口|地板上)|(?:人|他|她|老人|孩子|小孩)[^。]{0,6}(?:不会动|不會動)",
        # ko
        r"(?:세제|락스|표백제|농약|건전지|배터리|살충제|등유|세정제)(?:를|을)?\s*(?:마셨|먹었|삼켰|마셔|먹어|삼켜)",
        r"화상(?:이|을)?\s*(?:너무\s*)?(?:심해|심하|크게)|피부가\s*(?:벗겨|녹|다\s*벗)",
        # em2 set 2: someone found in the bath, a bee sting closing the throat, an electric shock, a
        # dog bite torn open
        r"(?:風呂|ふろ|浴槽|よくそう|湯船|ゆぶね|プール|ぷーる)(?:で|に|の\s*(?:中|なか)で)\s*.{0,12}(?:(?:沈ん|しずん)で|(?:溺れ|おぼれ)て)",
        r"(?:腕|うで|足|あし|手|指|ゆび|顔|かお|頭|あたま|首|くび)が?\s*ざっくり|(?:噛|か)まれ(?:て|た|ました).{0,12}(?:ざっくり|ぱっくり|血|深|ふか|裂け|さけ)",
        r"\bface ?down in (?:the |a )?(?:bath|bathtub|tub|water|pool|river)\b|\bthroat (?:is )?(?:closing|swelling)\b|\b(?:stung|sting)\b[^.?!]{0,40}\b(?:throat|breath\w*|hives|swell\w*)\b",
        r"\b(?:arm|leg|hand|face|head|neck|skin|finger)\b[^.?!]{0,10}\b(?:torn|ripped|sliced|split) open\b",
        r"(?:浴缸|浴池|澡盆|泳池)[^。]{0,6}(?:沉|溺)|沉下去了|(?:蜂|蜜蜂)[^。]{0,3}(?:蛰|蜇|叮|螫)了?[^。]{0,8}(?:喉|全身|呼吸|疹)",
        r"(?:触电|觸電)了|被(?:狗|熊)咬[^。]{0,10}(?:血|深|裂)|(?:裂开|裂開)[^。]{0,3}(?:很深|好深)|(?:伤口|傷口)(?:很|好)深",
        r"욕조에\s*(?:잠겨|빠져|가라앉)|축\s*늘어|벌에\s*쏘(?:였|여)[^.]{0,30}(?:목|숨|호흡|두드러기|온몸)|감전(?:됐|되었|돼)|(?:팔|다리|손|얼굴|머리)이?\s*(?:찢어졌|찢어져)",
        # em4: stroke signs (face or mouth drooping, speech tangled), crushing chest pain, heavy
        # bleeding in pregnancy, low blood sugar (a diabetic sweating, shaking, confused)
        # ja / やさしい日本語
        r"(?:口元|くちもと|口|くち|顔|かお)が\s*(?:下が|さが|曲が|まが|ゆが|歪)(?:って|った|り|んで|んだ)|(?:言葉|ことば|話し方)が\s*もつれ",
        r"(?:胸|むね)を?\s*(?:締め付け|しめつけ)られ|(?:冷や汗|ひやあせ)[^。]{0,10}(?:うずくま|動け|うごけ|倒れ|たおれ)",
        r"(?:妊娠|妊婦|にんしん|おなかに\s*(?:赤ちゃん|あかちゃん))[^。]{0,20}(?:出血|しゅっけつ|血が|ちが)",
        r"(?:糖尿病|とうにょうびょう)[^。]{0,20}(?:震え|ふるえ|意識|いしき|倒れ|たおれ|話が通じ|はなせ|ぼー|もうろう)|低血糖(?:で|に\s*なっ|みたい|かも|を起こ)",
        # en
        r"\b(?:mouth|face|smile)\b[^.?!]{0,20}\b(?:droop\w*|lopsided|sagging)\b|\bspeech (?:is )?(?:slurred|garbled)\b",
        r"\b(?:diabetic|diabetes)\b[^.?!]{0,40}\b(?:shak\w*|sweat\w*|confus\w*|making no sense|not making sense|collaps\w*|drowsy|passed out)|\bhypoglyc\w*|\blow blood sugar\b",
        # zh-Hans / zh-Hant
        r"(?:半边|半邊|一边|一邊)(?:脸|臉)|(?:讲|講|说|說)(?:话|話)含糊|口齿含糊|口齒含糊|(?:讲|講|说|說)(?:话|話)(?:讲|講)?不清楚",
        r"胸口?(?:剧痛|劇痛|绞痛|絞痛)|大量出血|(?:怀孕|懷孕|孕妇|孕婦|妊娠)[^。]{0,10}(?:出血|流血|见红|見紅)",
        r"糖尿病[^。]{0,20}(?:冒汗|发抖|發抖|昏|晕|暈|意识|意識|颠三倒四|顛三倒四)|低血糖(?:了|发作|發作|昏|晕|暈)|(?:说|說)(?:话|話)(?:颠三倒四|顛三倒四)",
        # ko
        r"(?:입|얼굴)(?:이|가)?\s*(?:한쪽으로\s*)?(?:돌아가|비뚤어|틀어지|처지|쳐지)|갑자기[^.]{0,6}발음이|발음이[^.]{0,6}갑자기",
        r"가슴(?:을|이)?\s*(?:쥐어짜|조이|짓누르|찢어질)|피를\s*(?:많이|엄청|계속)\s*(?:흘리|흘려|쏟)|하혈|(?:임신|임산부)[^.]{0,15}(?:피가|출혈|하혈)",
        r"당뇨[^.]{0,20}(?:식은땀|떨(?!어지|어져|어졌)|쓰러|의식|말이\s*안\s*통|횡설수설)|저혈당(?:이|으로|\s*쇼크)|혈당이\s*(?:갑자기\s*)?(?:떨어져|떨어졌)[^.]{0,15}(?:쓰러|떨|의식|식은땀)|식은땀(?:을)?\s*흘리(?:며|면서|고)\s*(?:떨|쓰러)",
    ],
    EmergencyKind.CRIME: [
        # violence going on now (round 5)
        r"(?:人|男|女|夫|元夫|元妻|彼氏|元彼|息子|父|酔っ(?:払|ぱら)い|誰か|だれか)が.{0,12}(?:暴れて|あばれて)",
        r"\b(?:is|are|keeps?) (?:hitting|beating|punching|kicking|attacking) (?:a |an |the |my |his |her |their |some )?\w+",
        # intruder
        r"(?:誰|だれ)か(?:が)?\s*(?:いる|入って|はいって|侵入)|(?:窓|まど|ドア|どあ|玄関|げんかん|鍵|かぎ)(?:が|を)\s*(?:割られ|わられ|こじ開け|壊され|こわされ)",
        r"(?:無理やり|むりやり)\s*(?:開け|あけ|入ろ|はいろ)|こじ開け",
        r"(?:知らない|しらない|見知らぬ)\s*(?:人|ひと|男|おとこ|女|おんな)が\s*(?:家|いえ|うち|部屋|へや|庭|にわ)?に?\s*(?:入|はい)",
        r"\b(?:stranger|someone|somebody|a man|intruder)\b[^.?!]{0,40}\b(?:trying to (?:open|get in|break)|in my (?:house|home|garden|yard|room|apartment)|inside)\b",
        r"\btrying to break in\b|\bbroke (?:in|my (?:window|door))\b",
        r"撬(?:门|門|锁|鎖|窗)|有人在撬|陌生人(?:在|进|進|闯|闖)",
        r"문을\s*(?:억지로|강제로)|모르는\s*사람이\s*(?:집|문|우리)|누가\s*(?:집에|문을)",
        r"ひったくりに\s*(?:あ|遭)|ひったくられ|(?:変な|へんな|怪しい|あやしい|不審な)\s*(?:人|ひと|男|おとこ|車|くるま)が|(?:犯人|はんにん)が\s*(?:逃げ|にげ)|(?:とられ|取られ|盗られ|奪われ)\S{0,6}(?:いま|今)|(?:乗せられ|のせられ)",
        r"\b(?:just|was|got) (?:snatched|stolen|mugged)\b|\bmugged\b|\bbanging on (?:my|the) door\b|\b(?:will|going to|gonna) hurt (?:me|us|my)\b",
        r"徘徊|想[开開]门|想開門|抢包|搶包|被抢|被搶|追人|追我",
        r"(?:창문|문)을\s*(?:깨|부수)|들어오려고|날치기|(?:집\s*앞|문\s*앞)에서\s*기다리",
        r"(?:入ろう|はいろう|侵入しよう)と\s*(?:して|し)|\b(?:trying|tried) to (?:get|break|climb) in\b|想(?:进|進)[来來]|想爬[进進]",
        r"(?:殴って|なぐって)\s*(?:い|る)|殴り合|なぐりあ|(?:喧嘩|けんか)[^。？?]{0,15}(?:血|刃物|ナイフ|包丁|けが|怪我|殴|なぐ)",
        r"\bfight(?:ing)?\b[^.?!]{0,40}\b(?:knife|gun|blood|weapon)\b|\bpull(?:ing)? (?:a |my |the )?(?:child|kid|girl|boy|woman) into\b",
        r"打架|打群架|斗殴|鬥毆|抢了|搶了",
        r"싸우고\s*있|싸움이\s*(?:났|나서)|패싸움",
        r"(?:殺し|ころし)に\s*(?:行く|いく|来る|くる)|(?:殺して|ころして)\s*やる|\bcoming (?:here |over )?to (?:kill|hurt|get) (?:me|us)\b",
        r"(?:要|说要|說要)?(?:来|來)?(?:杀|殺)了?我|죽이러|죽여\s*버리|죽일\s*거",
        r"悲鳴|叫び声|(?:助けて|たすけて)\s*(?:と|って)?\s*(?:叫|さけ|声|こえ)|\bscream(?:ing|s)?\b|\bcr(?:ies|ying) for help\b",
        r"尖叫|呼救|救命啊|비명|살려\s*달라",
        r"(?:開け|あけ)ようと\s*(?:して|し)|\bhear (?:someone|somebody|footsteps) (?:downstairs|upstairs|inside|in (?:my|the) (?:house|kitchen|room))\b",
        r"撬.{0,2}(?:门|門|锁|鎖|窗)",
        # stalking
        r"(?:後|あと)を\s*つけ|つけられ(?:て|た)|付きまと|つきまと|待ち伏せ|まちぶせ|(?:ずっと|うしろを?|後ろを?)\s*ついて\s*(?:き|く)",
        r"\bstalk(?:ing|ed|s)? me\b|\bbeing stalked\b|\bfollow(?:ing|ed|s)? me\b",
        r"跟踪|跟蹤|跟着我|跟著我|尾随|尾隨",
        r"따라와|따라오|따라다니|미행|스토킹",
        # violence
        r"叩かれ|たたかれ|蹴られ|首を(?:絞め|しめ)",
        r"\b(?:hitting|beating|hurting|attacking|choking) me\b|\b(?:hits|beats) me\b",
        r"打我|打她|打他|揍我",
        r"때려요|때리고|때렸|폭력을",
        # abduction
        r"連れ(?:て行か|ていか|去ら|さら)れ|つれて\s*いかれ|さらわれ|連れ去",
        r"\b(?:taken|grabbed|snatched) by (?:a|some|an|the)\b|\babduct",
        r"被.{0,4}(?:带走|帶走|抱走|拐走)|被拐|拐走",
        r"끌려갔|끌려가|데려갔|유괴",
        # em1: someone inside or at the door, followed home, a blade in hand, a missing child
        # ja / やさしい日本語
        r"(?:誰|だれ)か(?:が)?\s*(?:家|いえ|うち|部屋|へや|中|なか)に\s*(?:いる|入って|はいって|侵入)",
        r"(?:誰|だれ)か\s*(?:が)?\s*(?:窓|まど|ドア|どあ|玄関|げんかん|ベランダ|べらんだ|庭|にわ)の?\s*(?:外|そと|前|まえ)?に\s*(?:いる|います|立って|たって)",
        r"(?:つい|付い)て\s*(?:こられ|来られ)|(?:ずっと|ずーっと).{0,10}(?:つい|付い)て\s*(?:く|き|来)",
        r"(?:ドア|どあ|玄関|げんかん)の?\s*(?:前|まえ|外|そと)に\s*(?:いて|いる|い).{0,10}(?:開け|あけ)ろ|(?:開け|あけ)ろ\s*(?:って|と)\s*(?:怒鳴|どな|叫|さけ)",
        r"(?:ドア|どあ|玄関|げんかん)を\s*(?:叩|たた|蹴|け)(?:いて|って|られ)",
        r"(?:ほうちょう|はもの|ないふ|ナイフ|包丁|刃物)を\s*(?:もっ|もち|ふりまわ|振り回|むけ)",
        r"(?:子ども|子供|こども|息子|むすこ|娘|むすめ|孫|まご|父|母|祖父|祖母|おじいちゃん|おばあちゃん|赤ちゃん|あかちゃん)(?:が|は)\s*(?:[^。、\s]{0,8}(?:で|から)\s*)?(?:見当たらない|みあたらない|いなくな(?:った|りました|って)|行方不明(?:に|です|で|だ)|ゆくえふめい(?:に|です)|迷子に|まいごに|(?:帰って|かえって)\s*(?:こない|来ない))(?!\s*(?:と|ときの|時の|場合))",
        r"(?:ベランダ|べらんだ|庭|にわ|窓の外|まどの\s*そと|玄関|げんかん|家の前|いえの\s*まえ)に\s*(?:知らない|しらない|見知らぬ|不審な)\s*(?:人|ひと|男|おとこ|女|おんな)が",
        # en
        r"\b(?:man|woman|person|people|someone|somebody|guy|men)\b[^.?!]{0,15}\bwith (?:a |an )?(?:knife|gun|machete|axe|ax|blade|sword|weapon|pistol|rifle|cleaver)\b",
        r"\bsom(?:e)?(?:one|body)\b (?:just |has )?(?:(?:came|come|got|broke|walked|snuck|sneaked|crept) (?:in(?:to)?|inside)|is inside) (?:my|our|the) (?:house|home|apartment|flat|room)\b",
        r"\b(?:someone|somebody|a man|a stranger|strangers|a guy)\b (?:is |was )?(?:in|at|on) (?:my|our|the) (?:backyard|yard|garden|balcony|porch|window)\b|\btrying (?:the|my|our) (?:door|doors|door handles?|windows?|locks?)\b",
        r"\btrying to (?:get|break|climb) into (?:my|our|the) (?:house|home|apartment|flat|room|car)\b|\bI'?m hiding (?:in|under|from)\b|\bbreak (?:it|the door|my door) down\b",
        # i12ae: a stranger forcing the door or a window open now (not the resident locked out)
        r"\b(?:someone|somebody|a man|a guy|guy|man|a stranger|stranger|strangers|people|he|they)\b[^.?!]{0,25}\b(?:forc\w*|pry\w*|prie\w*|kick\w*|jimmy\w*) (?:my|our|the) (?:front |back )?(?:door|window|lock)s? (?:open|in)\b",
        r"\b(?:son|daughter|child|kid|boy|girl|baby|toddler|year[- ]old|mother|mom|father|dad|grandma|grandpa|grandmother|grandfather|he|she)\b(?:'s| is| has| went| got)? (?:missing|gone missing|disappeared)\b(?!\s+(?:from|school|class|classes|lessons?|the|a|an|her|his|out|days?|work)\b)",
        r"\bcan'?t find (?:my|our) (?:son|daughter|child|kid|baby|toddler|little one|mother|mom|father|dad|grandma|grandpa)\b",
        # zh-Hans / zh-Hant
        r"有人(?:[进進闯闖爬溜])(?:了|到|入|进|進)?(?:我|我们|我們)?(?:家|屋|房间|房間)",
        r"[拿持举舉挥揮].{0,3}刀|刀.{0,4}(?:[挥揮]|乱砍|亂砍)|(?:我|他|她|孩子|有人)被.{0,4}(?:捅|砍)|砍(?:伤|傷)|捅了.{0,2}刀",
        r"一路跟(?:到|着我|著我)|跟到(?:我|家)|被.{0,8}跟(?:着|著)|一直跟(?:着|著)我",
        r"[砸撞踹](?:我家|我們家|我们家)?的?(?:门|門)",
        r"(?:孩子|小孩|儿子|兒子|女儿|女兒|宝宝|寶寶|老人|爷爷|爺爺|奶奶|妈妈|媽媽|爸爸)(?:突然|在[^，。,]{0,6})?(?:走失|走丢|走丟|不见|不見|失踪|失蹤)了",
        r"(?:孩子|小孩|儿子|兒子|女儿|女兒|宝宝|寶寶|老人|爷爷|爺爺|奶奶|妈妈|媽媽|爸爸)[^。]{0,20}(?:走失|走丢|走丟|失踪|失蹤)了|撬(?:我家|我們家|我们家|家里|家裡)?的?(?:门|門|锁|鎖|窗)",
        # ko
        r"실종(?:됐|되었|된\s*것\s*같)|누가\s*(?:우리\s*)?(?:집|방)에\s*(?:들어왔|들어와|침입)|쫓아(?:와|오)|칼(?:을|를)?\s*들(?:고|었)|칼부림",
        r"(?:아이|애|아기|아들|딸|할머니|할아버지|어머니|아버지|엄마|아빠)(?:를|을|가|이)?\s*(?:잃어버렸|잃어버려|없어졌|사라졌|실종)",
        # em2: a death threat reported (殺すって言ってる), a child nearly dragged into a car, a
        # husband hitting now (やさしい日本語), someone breaking in right now
        # ja / やさしい日本語
        r"(?:殺す|ころす|殺してやる|ころしてやる)\s*(?:って|と)\s*(?:言|いっ|いわ|叫|さけ|脅|おど|メール|LINE)",
        r"(?:連れ込|つれこ|連れ去|つれさ|連れて行か|つれていか|さらわ)(?:まれ|られ|れ)?そう|(?:車|くるま)に\s*(?:連れ込|つれこ|押し込|おしこ)(?:まれ|もうと|られ)|(?:無理やり|むりやり)\s*(?:車|くるま)に\s*(?:乗せ|のせ)",
        r"(?:連れて|つれて)\s*(?:行こう|いこう)\s*と|(?:連れ去ろう|つれさろう)\s*と",
        r"(?:私|わたし|僕|ぼく|妻|つま|母|はは|子ども|子供|こども|娘|息子)を\s*(?:叩|たた|殴|なぐ|蹴|け)(?:いて|って|る)(?!\s*(?:しま|しつけ))",
        # en
        r"\bbreaking (?:in|into)\b",
        r"\b(?:grab(?:bed)?|pull(?:ed|ing)?|drag(?:ged|ging)?|push(?:ed|ing)?|tried to (?:take|grab|pull|drag|push|snatch))\b[^.?!]{0,40}\binto (?:a|his|her|the|their|some) (?:car|van|truck|vehicle)\b",
        r"\b(?:grabbed|snatched) (?:my|our) (?:kid|child|son|daughter|baby|girl|boy)\b",
        # zh-Hans / zh-Hant
        r"(?:想|要|硬|强行|強行|试图|試圖)把.{0,6}(?:拉|拖|抓|拽|推)(?:上|进|進)(?:车|車)|想把.{0,6}(?:抱走|带走|帶走|拐走|拉走)",
        r"(?:正在|一直)(?:打|揍|踢)(?:我|妈妈|媽媽|妈|媽|爸爸|孩子|小孩|老婆|老公|她|他)(?!电话|電話|工|球|针|針|扫|掃|印|算|卡)",
        # ko
        r"(?:누가|누군가|모르는\s*사람이|낯선\s*(?:사람|남자|여자)이?).{0,15}(?:태우려|끌고\s*가려|데려가려|데려\s*가려|납치하려)",
        # em2 set 2: someone who will not leave the door (an ex, a stranger waiting every day)
        r"(?:元カレ|元彼|元カノ|元夫|元妻|元交際相手|ストーカー)[^。]{0,20}(?:チャイム|インターホン|ドア|どあ|玄関)を?\s*(?:鳴らし|ならし|叩|たた|蹴|け)",
        r"(?:知らない|しらない|見知らぬ|変な|へんな|怪しい|あやしい)\s*(?:人|ひと|男|おとこ|女|おんな)が.{0,12}(?:前|まえ)で\s*(?:待って|まって)",
        r"(?:前男友|前女友|前夫|前妻|跟踪狂|跟蹤狂)[^。]{0,10}(?:门口|門口|楼下|樓下)[^。]{0,6}(?:敲|砸|踹|吼|叫|等|守|不走|不肯)|(?:一直|不停)(?:在)?(?:门口|門口)?(?:砸|敲|踹)(?:门|門)",
        r"(?:전\s*남자\s*친구|전\s*남친|전\s*여자\s*친구|전\s*여친|전\s*남편|전\s*부인|스토커)[^.]{0,20}(?:문|집\s*앞|안\s*가|소리)",
        # em4: a bag or phone snatched just now, the thief running off
        # ja / やさしい日本語
        r"(?:今(?![年月日週度回後朝夜])|いま(?!まで)|さっき|たった今|たったいま)[^。]{0,15}(?:奪われ|うばわれ|ひったくられ|盗られ|盗まれ|ぬすまれ)",
        r"(?:奪われ|うばわれ|ひったくられ|取られ|とられ|盗られ|盗まれ|ぬすまれ)[^。]{0,25}(?:逃げ|にげ)",
        # en
        r"\b(?:snatch\w*|yank\w*|grabb\w*|ripp\w*|pull\w*|stole|took)\b[^.?!]{0,30}\b(?:purse|bag|handbag|wallet|phone|backpack)\b[^.?!]{0,40}\b(?:ran|sped|drove|rode|took|made|running|speeding|driving|riding) (?:off|away)\b",
        r"\b(?:ran|sped|drove|rode) (?:off|away) with my\b|\bjust (?:got )?(?:my \w+ )?snatched\b",
        # zh-Hans / zh-Hant
        r"(?:抢走|搶走|夺走|奪走|抢了|搶了|夺了|奪了)[^。]{0,15}(?:跑|逃|骑|騎)|(?:刚才|刚刚|剛才|剛剛)[^。]{0,15}(?:抢走|搶走|夺走|奪走|被抢|被搶|被夺|被奪)|飞车抢|飛車搶",
        # ko
        r"(?:낚아채|빼앗|뺏|훔쳐)[^.]{0,20}(?:도망|달아나)|방금[^.]{0,20}(?:날치기|낚아채|빼앗|뺏|훔쳐)",
    ],
    EmergencyKind.SUICIDE: [
        # ending one\'s life in English (round 5)
        r"\bend(?:ing)? my (?:own )?life\b|\btak(?:e|ing) my (?:own )?life\b|\bend(?:ing)? it all\b",
        r"(?:消え|きえ)て?\s*(?:しまい)?たい|いなくなりたい|居なくなりたい|終わらせたい|おわらせたい",
        r"(?:死ん|しん)で\s*(?:しまい)?たい|目が覚めなければ|目覚めなければ|生まれてこなければ",
        r"(?:生き|いき)て\s*(?:い)?ても\s*(?:仕方|しかた|意味|いみ)|らくに\s*なりたい|生きていけない",
        r"\b(?:want|wanna|wish I could) (?:to )?(?:just )?disappear\b|\bcan'?t go on\b|\bbetter off without me\b",
        r"\bno point (?:in )?(?:living|carrying on|going on)\b|\btired of (?:living|life)\b|\bwish I (?:was|were) dead\b",
        r"\bdon'?t want to wake up\b|\btake my (?:own )?life\b|\bnot worth living\b",
        r"想消失|活着太累|活著太累|活得太累|不如死|死了算了|一了百了|自我了[断斷]|不想醒[来來]",
        r"死ねば|しねば|(?:もう|もう\s*)いきたくない|生きたくない|\bpoint (?:of|in) living\b|\bending it(?: all)?\b",
        r"活着没意思|活著沒意思|活着没有意思|活着没意义|活著沒意義|活著好痛苦|活着好痛苦|끝내고\s*싶",
        r"(?:生き|いき)て\s*(?:いる|る)\s*(?:意味|いみ)が\s*(?:わから|ない|無い)|(?:全部|ぜんぶ|何もかも)\s*やめたい",
        r"\bpills (?:saved|stockpiled|ready)\b|\bready to (?:die|end it)\b|\bend things\b",
        r"跳下去|跳楼|跳樓|살아갈\s*(?:자신|이유|힘)이\s*없|뛰어내리",
        r"遺書|いしょを|遗书|유서를|\bsuicide note\b|\bgoodbye (?:letter|note)\b|(?:结束|結束)(?:自己的)?生命",
        r"(?:生き|いき)て\s*いたく\s*(?:ない|ありません)",
        r"撑不下去|撐不下去|不想再活|(?:再)?(?:撑|撐)下去(?:也)?(?:没有|沒有|没|沒)(?:意义|意義|意思)|버틸\s*(?:이유|의미)가\s*없",
        r"사라지고\s*싶|편해지고\s*싶|못\s*버티겠|살아서\s*뭐|살\s*이유가\s*없|죽어\s*버리|살기\s*싫",
        r"그만\s*살고",
        # em1: hints said indirectly (everything over, no point, not waking up, better gone)
        # ja / やさしい日本語
        r"(?:全部|ぜんぶ|すべて|全て|何もかも|なにもかも|人生|じんせい)\s*(?:を\s*)?(?:終わり|おわり)に\s*(?:したい|する)",
        r"(?:生き|いき)(?:て\s*(?:い)?)?る\s*(?:意味|いみ)\s*(?:が|も|って)?\s*(?:ない|無い|なんて|わから|ありません)",
        r"いなくなった\s*(?:方|ほう)が\s*(?:いい|良い|まし)|(?:消え|きえ)た\s*(?:方|ほう)が\s*(?:いい|良い|まし)",
        r"(?:明日|あした)(?:なんて|が|は)?\s*(?:来|こ)なければ\s*(?:いい|良い)|(?:目|め)が\s*(?:覚め|さめ)なくて\s*(?:いい|よい)",
        # en
        r"\bwant (?:it|everything|this|all of this|my life) to (?:be over|end|stop)\b",
        r"\bbetter off (?:without me|if I (?:wasn'?t|weren'?t|was not|were not) (?:around|here|alive))\b|\bend(?:ing)? things\b",
        r"\blife is (?:meaningless|pointless|not worth)\b|\bif I (?:was|were) gone\b|\bif I disappeared\b",
        # zh-Hans / zh-Hant
        r"不想再?[撑撐]|[撑撐]不住了|(?:想|想要)(?:让|讓)?一切(?:都)?(?:结束|結束)",
        r"活[着著](?:有|还有|還有)?什[么麼]意思|活[着著](?:好|很|真)?[没沒](?:有)?(?:意思|意义|意義)",
        r"不想.{0,4}醒(?:过来|過來|来|來)|我不在了|我(?:消失|死了|不在)(?:的话|的話)?.{0,6}(?:大家|家人|别人|別人).{0,6}(?:更好|比较好|比較好|轻松|輕鬆)",
        # ko
        r"없어지고\s*싶|끝내\s*버리고\s*싶|살아야\s*할\s*이유|살\s*이유를?\s*(?:모르|없)",
        r"눈을\s*(?:안\s*떴으면|뜨지\s*않았으면)|(?:안\s*깨어났으면|깨어나지\s*않았으면)",
        # em2: a place to jump from and a last word, a goodbye to everyone, a note written
        r"(?:屋上|おくじょう|ビル|橋|はし|ホーム|崖|がけ)(?:の上|のうえ)?に\s*(?:いる|います|来た|きた|立って|たって).{0,10}(?:飛ぶ|とぶ|飛び|とび|落ち|おち)",
        r"\b(?:on|at) (?:the|a|this) (?:bridge|roof|rooftop|ledge|edge|platform|cliff)\b[^.?!]{0,45}\b(?:can'?t (?:do this|take (?:it|this)|go on)|jump|end it|goodbye)",
        r"\bdon'?t want to be (?:here|alive|around) any ?more\b|\bend it (?:tonight|today|now)\b|\bsaid (?:my )?goodbyes? to (?:everyone|everybody)\b",
        r"(?:大家|各位)(?:再见|再見|永别|永別)了",
        r"유서(?:를|도)?\s*(?:썼|쓰고|써\s*놨|남기|남겼)",
        # em2 set 2: self-harm going on now, pills saved for tonight, "today I die"
        r"(?:リスカ|リストカット)(?!\s*(?:を?\s*(?:する|してしまう|している)\s*(?:子|こ|人|生徒|娘|息子)|の?\s*(?:相談|支援|跡|あと|痕)))",
        r"(?:手首|てくび)を\s*(?:切|き)(?:って\s*(?:いる|る|しまっ)|った|りました)|(?:自分|じぶん)を\s*(?:傷つけ|きずつけ).{0,10}(?:今|いま|止まら|とまら|やめられ)",
        r"(?:薬|くすり|睡眠薬)(?:を)?\s*(?:ため|溜め|貯め)(?:てある|ておいた|こんだ|込んだ)|(?:今日|きょう|今夜|こんや)\s*(?:死ぬ|しぬ)(?!\s*(?:ほど|かと|かも))",
        r"\bcutting myself\b|\b(?:cut|harming) myself\b|\b(?:saving|saved|stockpil\w+|hoard\w*) (?:up )?(?:my |all my |the |enough )?(?:pills|meds|tablets|medication)\b[^?]{0,40}\b(?:tonight|today|enough|end|night)\b",
        r"割(?:手腕|腕|自己)|(?:药|藥)[^。]{0,4}(?:攒|攢|存)(?:够|夠)|今晚就是最(?:后|後)",
        r"손목\s*(?:을\s*)?(?:긋|그었|그어)|자해(?:하고|했어)|약(?:을)?\s*(?:모아\s*(?:뒀|놨|두었)|모았)",
        # em4: someone standing outside the railing of a roof or bridge saying they will jump
        # ja / やさしい日本語
        r"(?:とびおり|飛びおり|飛び下り)(?:る|ます|そう|よう|ると|たい)",
        r"(?:屋上|おくじょう|ビル|びる|橋|はし|ベランダ)[^。]{0,12}(?:柵|さく|手すり|てすり|フェンス|ふぇんす)の\s*(?:外|そと)",
        # en
        r"\b(?:he|she|they|i|someone|somebody|coworker|colleague|friend|son|daughter|man|woman|person)(?:'s| is| are|'m| am)?\s+(?:going to|gonna|will|wants? to|threatening to|about to)\s+jump\b(?!\s+(?:rope|in\b|into the pool|on\b|start|ahead))",
        r"\bstanding on the (?:edge|ledge|railing)\b|\b(?:outside|over) the (?:railing|guardrail|fence) (?:of|on) the (?:roof|bridge|building)\b",
        # zh-Hans / zh-Hant
        r"(?:要|想|说要|說要|吵着要|吵著要)(?:跳下去|跳楼|跳樓|跳桥|跳橋)|(?:站在|站到|爬到|爬出|翻(?:过|過|出|到)?)[^。]{0,10}(?:栏杆|欄杆|护栏|護欄)(?:的)?外",
        # ko
        r"뛰어내리(?:겠|려|려고|고\s*싶)|(?:난간|옥상\s*끝)\s*(?:밖|위|끝)에\s*(?:서|올라)",
    ],
    EmergencyKind.DISASTER: [
        # a warning in force while the resident is still at home (round 5)
        r"(?:津波|つなみ|大津波)警報が\s*(?:出て|でて|発表|出た)|\btsunami warning (?:is|has been)\b",
        # water coming in
        r"(?:水|みず)が\s*(?:(?:家|いえ|うち|部屋|へや|一階|1階|床|ゆか)(?:の\s*(?:中|なか))?\s*(?:に|まで)\s*)?(?:[来き]て|入って|はいって|流れ込|ながれこ|上がって|あがって)(?!\s*(?:い\s*)?(?:ない|ません|こない))",
        r"水浸し|みずびたし|浸水して(?:いる|います|きた|きて)|(?:川|かわ)が\s*(?:あふれ|溢れ)(?!そう)",
        r"\bflood(?:ed|ing)\b|\bfill(?:ed|ing)(?: up)? with water\b|\bwater (?:is )?(?:coming|pouring|rushing|getting) (?:in|into)\b",
        r"(?:家|いえ|うち|部屋|へや)の\s*(?:中|なか)に\s*(?:水|みず|雨|あめ)?が?\s*(?:入|はい|吹き込|ふきこ)|(?:屋根|やね)が\s*(?:飛ばされ|とばされ)",
        r"\bflood ?water (?:is )?(?:up to|inside|in the house)\b|\bup to our (?:knees|waist)\b",
        r"水已[经經](?:进|進)|[进進]屋了|(?:困|被困)在(?:家|屋|房)",
        r"水(?:漫|淹|灌|涌|湧)(?:进|進|入|到)|淹到|淹进|淹進|[进進]水了|(?:泛滥|氾濫|决堤|潰堤)(?!し?そう)",
        r"물이\s*(?:차오르|차올라|들어오|들어와|넘쳐|넘치)|넘쳐서|범람|침수",
        r"冠水して|(?:流され|ながされ)(?:そう|て|た)",
        r"\bstuck (?:on|in) (?:the |our |a )?(?:roof|water|car|house|attic)\b",
        r"(?:石|いし|岩|いわ|土砂|どしゃ)が\s*(?:落ちて|おちて|崩れ|くずれ|流れ)|地鳴り|じなり",
        r"\b(?:hill|hillside|slope|cliff|mountainside)\b[^.?!]{0,30}\b(?:slid|came down|collapsed|gave way)\b|\bmudslide\b",
        r"(?:村子|房子|家|屋子|街|村|房屋)(?:被)?淹|漫[过過]|受困|[压壓]垮",
        # collapse, landslide, buried, trapped
        r"(?:山|やま|崖|がけ|土砂|どしゃ|斜面|裏山|家|いえ|建物|たてもの|天井|てんじょう|壁|かべ|塀)が\s*(?:崩れ|くずれ|倒れ|たおれ)(?!そう)",
        r"(?:埋ま|うまっ|うまり|埋もれ|うもれ)(?:った|って|て|た|ました|ている)|下敷き|したじき",
        r"(?:家|いえ|部屋|へや|中|なか|車|くるま|外|そと|から)\s*(?:出|で)られ(?:ない|ません)",
        r"\bburied\b|\bunder the rubble\b|\b(?:people|someone|somebody|person) (?:is |are )?(?:stuck |pinned )?under\b|\bcollapsed\b",
        r"埋了|埋住|被埋|[压壓]在.{0,6}下|(?:房子|房屋|楼|樓|建筑|建築)(?:倒|塌)|倒塌|坍塌|崩塌",
        r"무너져|무너졌|무너지|묻혔|깔렸|깔려|매몰",
        # em1: gas smell and a CO alarm going off, swept away, pinned under furniture
        # ja / やさしい日本語 (and romaji)
        r"(?:ガス|がす|プロパン|ぷろぱん)\s*(?:の)?\s*(?:臭|くさ|におい|匂い|ニオイ)|(?:ガス|がす)が\s*(?:漏れ|もれ)|\bgasu\s*(?:kusai|more)",
        r"(?:たんす|タンス|箪笥|家具|かぐ|本棚|ほんだな|冷蔵庫|れいぞうこ)の\s*(?:下|した)に\s*(?:なって|なり|はさまれ|挟まれ)|(?:はさまれ|挟まれ)て\s*(?:動け|うごけ|出られ|でられ)",
        # en
        r"\bsmell\w*(?:\s+\w+){0,3}\s+gas\b|\bgas smell\b|\bsmell gas\b",
        r"\b(?:carbon monoxide|CO|gas) (?:alarm|detector) (?:(?:is |keeps |has been )?(?:beeping|going off|sounding|ringing)|went off)\b",
        r"\b(?:stuck|trapped|caught) in (?:the )?(?:rising |flood ?|deep )?water\b(?!\s+(?:polo|bill|supply|meter|pipe|heater|tank))",
        r"\bswept away\b|\bcarried away by (?:the )?(?:river|water|current|waves?)\b|\b(?:pinned|trapped|stuck|crushed) under\b",
        # zh-Hans / zh-Hant
        r"(?:煤气|煤氣|燃气|燃氣|天然气|天然氣|瓦斯)(?:的)?(?:味|气味|氣味)",
        r"被.{0,4}(?:冲走|沖走)|(?:冲走|沖走)了|被.{0,6}(?:压住|壓住)|把(?:我|他|她|人|孩子|小孩|老人|家人).{0,3}(?:压住|壓住)",
        # ko
        r"가스\s*(?:가\s*)?(?:새는|새요|새고|샌다|샌\s*것)|일산화탄소\s*경보가?\s*(?:울|나)",
        r"떠내려(?:갔|가)|휩쓸려|물이\s*(?:집|차|방|건물)\s*(?:안으로|안에|속으로|으로|로)?\s*들어(?:오|와)",
        # em2: a tree fallen on the house, a power line down and sparking, someone under the
        # furniture after an earthquake
        # ja / やさしい日本語
        r"(?:木|き|電柱|でんちゅう|塀|へい)が\s*(?:倒れ|たおれ)て\s*(?:家|いえ|屋根|やね|車|くるま|人|ひと)|(?:屋根|やね)\s*(?:が)?\s*(?:つぶれ|潰れ|落ち|おち)(?!\s*(?:そう|ない))",
        r"(?:電線|でんせん)が\s*(?:切れ|きれ|落ち|おち)|(?:電線|でんせん|電柱|でんちゅう).{0,15}(?:火花|ひばな|バチバチ)",
        r"(?:たんす|タンス|箪笥|家具|かぐ|本棚|ほんだな|冷蔵庫|がれき|瓦礫)の\s*(?:下|した)(?:に|で|から)\s*(?:人|ひと|子|こ|父|母|夫|妻|おっと|つま)",
        # en
        r"\b(?:tree|pole|wall|branch)\b[^.?!]{0,12}\b(?:fell|fallen|came down|crashed) (?:on|onto|into|through) (?:the |our |my |a |his |her |their )?(?:house|home|roof|car|room|bedroom|him|her|someone|people|man|woman|kid|child)\b",
        r"\b(?:power|electric(?:al)?|live) (?:line|wire|cable)s? (?:is |are )?(?:down|fallen|sparking|snapped)\b|\b(?:downed|fallen) (?:power|electric) (?:line|wire)s?\b",
        # zh-Hans / zh-Hant
        r"(?:树|樹|电线杆|電線桿|墙|牆)[^。]{0,6}(?:倒|塌)[^。]{0,6}(?:压|壓|砸)",
        r"(?:电线|電線|高压线|高壓線)(?:杆|桿)?(?:掉|断|斷|倒)|冒火花|(?:电线|電線).{0,8}火花",
        # ko
        r"(?:나무|전봇대|전신주|담)(?:가|이)\s*(?:쓰러져|쓰러졌|넘어져|넘어졌)|지붕이\s*(?:부서|무너|날아)",
        r"전선이\s*(?:끊어|떨어)",
        # em2 set 2: someone under a collapsed carport or roof, an explosion heard
        r"(?:崩れ|くずれ|潰れ|つぶれ|落ち|おち|倒れ|たおれ).{0,8}(?:下|した)に\s*(?:人|ひと)|(?:人|ひと)が\s*(?:下|した)に\s*(?:いる|います|いて)",
        r"爆発(?:音|した|して|が(?:起|あ)|で)|ばくはつ\s*(?:の\s*)?(?:おと|した|して)",
        r"\b(?:caved in|collapsed|came down)\b[^.?!]{0,40}\b(?:underneath|under it|trapped)\b|\b(?:someone|somebody|people|person) (?:is |are )?underneath\b|\b(?:huge|big|loud) (?:explosion|blast)\b|\bexplosion (?:in|at|on|next)\b|\b(?:something|it|house|building|car|tank|gas|boiler|heater|apartment|kitchen) (?:just )?(?:exploded|blew up)\b",
        r"(?:压塌|壓塌|塌了|垮了|倒了)[^。]{0,8}(?:下面|底下|里面|裡面)(?:还|還)?有人|(?:发生|發生|突然)爆炸",
        r"(?:내려앉|무너져|무너졌|주저앉)[^.]{0,20}(?:밑에|아래에|안에)\s*사람|밑에\s*사람이\s*(?:있|깔)|폭발(?:음|했|이\s*(?:났|일어))",
        # em4: the sea drawing back after an earthquake (a tsunami coming), said by what one sees
        # ja / やさしい日本語
        r"(?:地震|じしん|揺れ|ゆれ)[^。]{0,15}(?:海|うみ|潮|しお)[^。]{0,14}(?:引|ひ)(?:いて|いた|いく|いってる)",
        r"(?:海|うみ)の\s*(?:水|みず)が\s*(?:すごく|急に|きゅうに|とおく|遠く|どんどん|ひどく|異常に|いじょうに)\S{0,3}\s*(?:引|ひ)(?:いて|いた|いく)",
        # en
        r"\b(?:sea|ocean|water|tide)\b (?:has |is |just )?(?:suddenly |really )?(?:went|gone|going|pulled|pulling|drew|drawn|drawing) (?:way |far |really far |all the way )(?:out|back)\b",
        r"\b(?:quake|shaking|earthquake|tremor)\b[^.?!]{0,40}\b(?:sea|ocean|water|tide)\b[^.?!]{0,20}\b(?:went out|gone out|pulled back|drew back|receding|receded|retreat\w*)",
        # zh-Hans / zh-Hant (em14: 一下子, 往外退 outwards, 晃完 the shaking over)
        r"(?:海水|潮水)(?:突然|一直|一下子)?(?:往外|向外)?(?:退|后退|後退)(?:得|了)(?:很远|很遠|好远|好遠|很多)?|(?:地震|摇晃|搖晃|晃完|摇完|搖完)[^。]{0,10}(?:海水|潮水)[^。]{0,6}退",
        # ko
        r"(?:지진|흔들)[^.]{0,25}(?:바닷물|바다|해수)[^.]{0,12}(?:빠져|빠지|빠졌|물러)|(?:바닷물|바다|해수)(?:이|가)?\s*갑자기[^.]{0,8}(?:빠져|빠지|빠졌|물러)",
    ],
}

COMPILED = compile_by_kind(SITUATIONS)
