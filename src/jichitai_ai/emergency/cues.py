"""Cue combinations: a general layer for situations nobody wrote a pattern for (em5).

The situation patterns (``situations.py``) each describe one situation in six languages, and a
situation they do not know is mostly missed. A 119/110 dispatcher recognises an unknown
situation by what any emergency has: signs of harm or danger (吐いて, 腫れて, 焦げたにおい,
閉じ込め, 叩く音, 逆走, 窓を割って …) *and* that it is happening now, getting worse or said in
distress (今, どんどん, 一直, 계속, 危ない, help …), or happening to someone (a third person: 父が,
my wife, 孩子, 아내가), or several signs at once. This layer counts such cues per language:

- two or more danger signs, or one sign with a "now" cue or a third person, in a text that does
  not ask about a service (``situations.SERVICE``) and is not put as a service question or a
  worry (どこで申請, 知りたい, 心配, how do I, fix, 怎么办理, 哪里, 어떻게, 걱정돼요 …) and is not
  over, habitual or calm (昨日, ことがある, けど元気, every night, 어린이집을 쉬어요) → an
  emergency of the kind most signs point to (on a tie the hazard before the injury);
- for suicide, the warning signs a gatekeeper course teaches: a farewell or an apology for being
  a burden together with means obtained or belongings given away (ロープを買った + 迷惑をかけて
  ごめんなさい; a pet handed to a friend + letters to everyone), two farewells (もう十分生きた +
  みんな元気で), or looking up a lethal dose. One farewell alone does not count; these are
  checked even when the text carries a service word.

em7 added, after em6's blind run (not blind): violent wind (竜巻, a roof torn off), a drink spiked,
a stranger leading someone away, a body part pulled into a machine, unable to walk or stand, an
object swallowed, lost outdoors; night falling counts only beside "lost", something heading this
way only beside a disaster or fire sign, a warning issued (注意報, 预警) is calm, a person word
inside a sign (a stranger) is not a third person, and suicide by saying one will go into the sea
with a message or shoes left behind.

em8 added general danger categories (``categories.py``: a person's state in polite forms, life
support stopped, struck by lightning, overturned, thin ice, hostage / bomb, embers and glow,
falling stones; dependent signs for wires on a bag, a fall into water, "in the water"; suicide by
joining the dead while refusing medicine or food) — not blind either, written after em8's run.

em9 added (after em9's blind run, not blind): called and no answer, buried under earth or snow,
a drunk or weaving driver, fuel poured (a lighter counts only beside it), a fall into a manhole
or drain, an avalanche only beside another sign, exhaust led into a car (a lethal means), and
zh/ko habitual words (常有的事, 때가 있어요) as calm.

It runs only when neither a named emergency nor a known situation matched, so every earlier
figure is unchanged. Each sign is one class of word, not a wording. Chosen on em1–em3 and round
4/5 (the layer alone catches 280 of their 774 emergencies) with 0 alarms on every ordinary text
in the repository and the LocalGovFAQ corpus questions and dev queries (4,672), and no changed
kind on 12,802 LocalGovFAQ answer sentences and 8,490 JSQuAD sentences (docs/benchmarks.md).

em10 added (after em10's blind run, not blind) the state of the person in danger
(``states.py``: colour, breathing, a limb that will not move, someone underneath, carried away,
people chased, several people sick at once, a door shut on someone inside, a farewell message,
worthlessness beside a blade), and habitual or non-urgent words as calm or a question: 最近,
いつも, 总是, 老是, lately, always, 요즘, 항상, looking for a department (内科を探して, 想找呼吸科,
호흡기내과를 찾고), 相談したい, report it to, 找谁.
"""

from __future__ import annotations

import re

from jichitai_ai.emergency import categories, states
from jichitai_ai.emergency.kinds import EmergencyKind

K = EmergencyKind

#: Lost outdoors, one of the disaster signs (em7); night falling counts beside it.
_LOST_OUTDOORS = [
    r"(?:道|みち)に\s*(?:迷|まよ)|(?:道|みち)が\s*(?:わから|分から|わかり\s*ませ|分かり\s*ませ)|遭難",
    r"\b(?:lost|stranded) (?:on|in) the (?:mountains?|woods|forest|trail|hills)\b|\bwe'?re lost\b",
    r"迷路了|(?:遇|遭)(?:难|難)|길을\s*잃|조난",
]

#: Signs of harm or danger, by the kind they point to (a text may carry several).
_SIGNS: dict[EmergencyKind, list[str]] = {
    K.MEDICAL: [
        # generic signs of the kind (words, not wordings)
        r"(?:何日も|なんにちも|数日|しばらく)\s*(?:姿を\s*)?(?:見て|見かけ|みて|みかけ)(?:い)?ない|(?:新聞|しんぶん|郵便|ゆうびん)が?\s*(?:たま|溜ま)って",
        r"\bhaven'?t seen (?:her|him|them) (?:for|in) (?:days|a week)\b|\b(?:newspapers|mail) (?:are )?piling up\b(?![^.?!]{0,20}\bwhile I)",
        r"(?:好几天|好幾天|几天|幾天)(?:都)?(?:没|沒)(?:出[门門]|看到|见到|見到)|(?:报纸|報紙)(?:都)?堆",
        r"며칠(?:째|동안)?\s*안\s*보이|신문이\s*(?:쌓여|쌓였)",
        r"(?:線路|せんろ)に\s*(?:落ち|おち|降り|おり|入|はい)|\bonto the (?:train )?tracks\b|(?:铁轨|鐵軌|轨道|軌道)上|선로(?:에|로)\s*(?:떨어|내려)",
        r"(?:手すり|てすり|柵|さく|フェンス)に\s*(?:のぼ|登|乗|の)って|\bclimb\w*\b[^.?!]{0,20}\b(?:railing|balcony rail)\b|(?:爬|站)(?:到|在|上)[^。，]{0,8}(?:栏杆|欄杆)上|난간(?:에|위에)\s*(?:올라|매달)",
        r"(?:血|(?:^|\s)ち)\s*(?:が|を\s*(?:吐|は|流|なが)|だらけ|まみれ)|出血|(?:倒れ|たおれ)(?:て|た)|(?:動か|うごか)(?:ない|なく)|(?:息|いき)\s*(?:を|が)|(?:意識|いしき)が\s*(?:ない|な|戻|もど|もうろう|朦朧)|(?:苦し|くるし)(?:い|そう|くて|んで)",
        r"(?:痛|(?:が|\s)いた)(?:い|くて|がって)|(?:落ち|おち)(?:た|て)|けいれん|(?:反応|はんのう|返事|へんじ)が?\s*(?:ない|な|しな)|(?:のど|喉|気道|息|いき)\s*(?:に|が)\s*(?:詰ま|つま)|(?:飲み込|のみこ)ん|(?:刺さ|さされ)|(?<=[でをがにもは大\s、。])やけど|^やけど|(?<![のん])やけど(?![\u3400-\u9fff\u30a1-\u30ff])|(?<=[のん])やけど(?=\s*[がをはにでへとも])|火傷|(?:しびれ|痺れ|麻痺)|(?:冷たい|つめたい)",
        r"\b(?:blood|bleed\w*|collapsed|fell|fallen|breath\w*|unconscious|pain|hurts?|seizure|chok\w+|burn(?:ed|t)|broken|swallowed|drank|poison\w*|numb|faint\w*|respond\w*)\b",
        r"\b(?:not moving|won'?t move)\b" + categories.NOT_A_THING,  # em14: not moving his car
        r"(?:流|出|吐|是)血|血(?:流不|止不|一直)|倒(?:了|在|下)|(?:动|動)不了|不(?:动|動)了|呼吸(?:困难|困難|很|好|急|不|[声聲]|停)|喘不|昏(?:迷|倒)|[晕暈](?:倒|了|过去|過去)|(?:痛|疼)(?:得|死)|摔|掉下|抽搐|噎|卡住|中毒了|(?:烫|燙)(?:伤|傷|到)|骨折了|(?:没|沒)力|(?:发|發)紫|(?:反应|反應)",
        r"피가|피를|쓰러|움직이지|숨(?:을|이)|의식|아파(?:요|서|하)|떨어졌|넘어졌|경련|목에\s*걸|중독|화상|반응이",
        # ja / やさしい日本語
        r"(?:吐い|吐き続|嘔吐|もどして|はいて\s*(?:いる|いて|ねて|しまう)|なんかいも\s*はい)",
        r"(?:起き|おき)(?:ない|ません|なく)|(?:揺すっ|ゆすっ|叩い)ても",
        r"(?:腫れ|はれ)(?:て\s*(?:き|い|る)|上が|あが)|(?:腫れ|はれ)(?:てきた|ている)",
        r"(?:咳|せき)が\s*(?:止まら|とまら)|(?:冷や汗|ひやあせ)|(?:震え|ふるえ)て",
        r"(?:噛まれ|咬まれ|かまれ)(?:た|て)|(?:頭|あたま)を\s*(?:打|うっ|うち)",
        r"(?:混ぜ|まぜ)(?:て|た|たら)|(?:吸い込|すいこ)ん|破水|陣痛|(?:生まれ|うまれ)そう|いびきが\s*(?:変|へん|おかし)",
        r"(?:変な|へんな|おかしな)\s*(?:もの|物)が\s*(?:見え|みえ)|幻覚|(?:息|いき)が\s*(?:苦し|くるし)",
        r"ねむそう|眠そう|ぐったり|(?:顔色|かおいろ)が\s*(?:悪|わる|真っ青|まっさお)",
        # en
        r"\b(?:throwing up|threw up|vomit\w*)\b|\bcan'?t (?:wake|rouse)\b|\bwon'?t wake\b",
        r"\b(?:swelling|swollen|swell(?:s|ed)? up)\b|\bcan'?t stop (?:coughing|shaking|bleeding)\b",
        r"\bchest (?:burns|is burning|hurts|pain|tight\w*)\b|\bbitten by\b|\b(?:hit|banged) (?:his|her|my|their) head\b",
        r"\b(?:mixed|inhaled)\b[^.?!]{0,40}\b(?:bleach|cleaners?|chemicals?|fumes|gas)\b|\bwaters? (?:broke|has broken)\b|\bbaby is coming\b|\bin labou?r\b|\bseeing things\b|\bhallucinat\w*",
        # zh-Hans / zh-Hant
        r"(?:一直|不停|还在|還在|狂)吐|呕吐|嘔吐|吐了一地|叫不醒|拍都沒|(?:肿|腫)得|(?:肿|腫)起",
        r"胸口(?:发闷|發悶|闷|悶|痛|疼)|(?:一直|不停)咳|咳(?:个|個)不停|冷汗|(?:发抖|發抖)",
        r"混在一起|(?:吸入|吸了)[^。]{0,6}(?:气体|氣體|毒)|(?:蛇|狗|蜂)咬|被.{0,3}咬了|羊水破|(?:阵痛|陣痛)|要生了|生出[来來]|(?:幻觉|幻覺)|看到奇怪",
        r"呼吸[声聲](?:很|好)?(?:奇怪|怪)|头很晕|頭很暈|[头頭](?:很|好)?[晕暈]",
        # ko
        r"섞었더니|섞어서|토하|토해|구토|(?:깨워도|흔들어도)\s*안\s*(?:일어나|깨)|부어\s*(?:올라|오르)|부었",
        r"기침이\s*(?:멈추지|안\s*멈)|식은땀|(?:뱀|개|벌)에게?\s*(?:물렸|물려|쏘였)|물렸는데",
        r"양수가\s*터|진통이|아기가\s*(?:지금\s*)?(?:나오려|나와|태어나려)|환각|헛것",
        # em7: a body part caught in a machine, unable to walk or stand, an object swallowed
        r"(?:機械|きかい|ベルト|ローラー|コンベア)[^。]{0,8}(?:巻き込ま|まきこま|挟ま|はさま)|(?:巻き込まれ|まきこまれ)て|(?:腕|うで|手|指|ゆび|足|あし|髪|かみ)が?\s*[^。]{0,10}(?:挟ま|はさま)って",
        r"(?:腕|うで|手|指|ゆび|足|あし)[^。]{0,20}(?:抜け|ぬけ)(?:ない|ません)",
        r"\b(?:pulled|caught|sucked|dragged) (?:into|in) (?:the |a )?(?:\w+ )?(?:machine\w*|conveyor\w*|rollers?|belt|gears?)\b",
        r"\b(?:arm|hand|fingers?|leg|foot|hair|sleeve)\b[^.?!]{0,12}\b(?:pulled|caught|sucked|dragged|trapped)\b(?=[^.?!]{0,25}\b(?:machine|conveyor|roller|belt|gear|press|mixer))",
        r"(?:卷|捲|夹|夾|绞|絞)(?:进|進|住|到)[^。，]{0,4}(?:机器|機器|机|機)",
        r"(?:手|臂|腿|脚|腳|手指)[^。，]{0,12}(?:拔|拉|抽)不出(?:来|來)",
        r"(?:기계|벨트|롤러|컨베이어)에\s*(?:팔이\s*|손이\s*)?(?:말려|끼여|끼었|끼어)",
        r"(?:팔|손|다리|발|손가락)(?:이|가)?\s[^.]{0,20}안\s*빠져",
        r"(?:歩け|あるけ|立て|たて)(?:ない|ません|なく)|(?:足|あし|足首|あしくび)を\s*(?:ひね|捻|くじ)|\btwisted (?:his|her|my|their|an?) (?:ankle|knee|leg)\b|\bcan'?t (?:walk|stand)\b(?!\s+(?:far|long|well|for long|up))",
        r"扭(?:伤|傷)|走不(?:动|動)(?![远遠太多久])|站不起(?:来|來)|(?:발목|다리)(?:을|를)?\s*삐|못\s*걸어|못\s*일어나",
        r"吞(?:下去了|下了|进|進)|(?:误|誤)(?:吞|食)|삼켰|삼켜서",
        # em14 (held-back set, not blind): hives and wheezing in zh / ko
        r"(?:起|出)(?:了)?(?:疹子|荨麻疹|蕁麻疹)|두드러기|쌕쌕",
        # em14: someone not coming back up out of the water
        r"(?:水面|すいめん)に\s*(?:上がって|あがって|出て|でて)\s*(?:こない|きません)|(?:みず|水)から\s*(?:でて|出て)\s*(?:こない|きません)|\bhasn'?t (?:come|surfaced) (?:back )?up\b",
        r"(?:没|沒)(?:有)?(?:浮|冒)(?:上来|上來|起来|起來|出水)|물\s*(?:위로|밖으로)\s*(?:안|못)\s*(?:올라|나와)",
    ],
    K.CRIME: [
        r"(?:バット|ばっと|鉄パイプ|棒|ぼう|角材)[^。]{0,12}(?:割|わ|壊|こわ|叩|たた|殴|なぐ)|(?:ガラス|がらす|窓|まど)を\s*(?:割|わ)って(?!\s*しま)",
        r"\bsmash\w*\b[^.?!]{0,30}\b(?:windows?|glass|cars?|doors?)\b|\b(?:bat|pipe|crowbar|hammer)\b[^.?!]{0,30}\bsmash\w*",
        r"(?:铁棍|鐵棍|棍子|球棒|铁管|鐵管)[^。]{0,8}(?:砸|打)|在砸|砸(?:车|車|店|窗|玻璃|[门門])",
        r"(?:방망이|쇠파이프|몽둥이)(?:로|를)|(?:유리|창문|차)(?:를|을)?\s*(?:깨고|부수)",
        r"(?:キャッシュカード|カード|通帳|現金|お金|おかね)を?\s*(?:取り|とり|受け取り|うけとり|預かり|あずかり)に\s*(?:来|く|き)",
        r"\b(?:pick up|collect|come for)\b[^.?!]{0,20}\b(?:cash cards?|bank cards?|cash)\b|\bclaiming to be (?:from )?(?:the )?(?:bank|police)\b",
        r"冒充|假冒|(?:来|來)(?:我家)?拿(?:银行卡|銀行卡|提款卡|钱|錢|现金|現金)",
        r"(?:카드|통장|현금)(?:를|을)?\s*(?:가지러|받으러|찾으러)\s*(?:온|오)",
        # generic signs of the kind (words, not wordings)
        r"(?:殴|なぐ)(?:ら|っ|る)|(?:蹴|を\s*け)(?:られ|って)|刃物|ナイフ|包丁|(?:襲|おそ)わ|(?:脅|おど)(?:さ|し)|(?:つけ|ついて)\s*(?:られ|くる)|(?:入|はい|開け|あけ)ようと|物音|(?:盗|ぬす|奪|うば)(?:ま|わ|ら)れ|(?:殺|ころ)(?:す|さ)",
        r"\b(?:punch\w*|hitting|beat(?:ing)?|knife|gun|attack\w*|follow\w*|break(?:ing)? in|stranger|steal\w*|stole|snatch\w*|kill|threat\w*|scream\w*)\b|\b(?:is|are|went|gone) missing\b(?!\s+(?:school|class\w*|work|lessons?|days?))|\bcan'?t find\b|\btrying to (?:open|get in)\b",
        r"(?:正在|一直|在)打(?:我|她|他|人|媽|妈)|拿(?:着|著)?刀|追(?:我|人|着|著)|跟(?:踪|蹤)我|撬|被偷|(?:抢|搶)(?:走|了|劫)|要(?:杀|殺)|(?:威胁|威脅)|陌生人|走(?:失|丢|丟)了|(?:孩子|小孩|人)不(?:见|見)了",
        r"때리|때려|맞고|칼|따라(?:와|오)|열려고|훔치|훔쳐|뺏|낚아|죽이|협박|모르는\s*(?:사람|남자)|낯선|없어졌|실종",
        # ja / やさしい日本語
        r"(?:叩|たた)(?:く|か|い)(?:れ)?\s*(?:て\s*いる\s*)?(?:音|おと)|(?:殴|なぐ)る\s*(?:音|おと)|(?:たたかれ|叩かれ)て",
        r"(?:泣き叫|なきさけ)|(?:悲鳴|ひめい)|「?(?:やめて|たすけて|助けて)」?\s*(?:と|って)",
        r"(?:体|からだ|胸|むね|お尻|おしり)を\s*(?:触|さわ)(?:って|られ)|痴漢(?:されて|に\s*(?:あって|遭って))",
        r"逆走|(?:いなくなった|居なくなった)|(?:帰って|かえって)\s*(?:こない|来ない)",
        # en
        r"\b(?:hitting|beating|punching|kicking) (?:him|her|them|me|a|the|his|her)\b|\bscreaming\b",
        r"\b(?:keeps|kept|is|was) (?:touching|grabbing|groping) me\b|\bwrong way\b",
        r"\b(?:walked|wandered|went) (?:out|off)\b[^.?!]{0,40}\b(?:night|nobody knows|can'?t find|not back)\b",
        # zh-Hans / zh-Hant
        r"(?:哭喊|尖叫|惨叫|慘叫)|(?:别|別)打了|打人的[声聲]|摸我|(?:骚扰|騷擾)我",
        r"逆向行[驶駛]|(?:还|還)(?:没|沒)(?:回来|回來)|找不到人|(?:半夜|晚上)[^。，]{0,6}(?:出[门門]|跑出去)",
        # ko
        r"맞는\s*소리|때리는\s*소리|비명|살려\s*달라|(?:몸|가슴|엉덩이)을\s*(?:계속\s*)?만져|역주행",
        r"(?:집을|밖에)\s*나가서|안\s*돌아(?:오|왔)",
        # em7: a drink spiked, a stranger leading someone away
        # em14 (held-back set, not blind): filming up a skirt, broken bottles held, a brawl
        r"(?:スカート|すかーと)の\s*(?:中|なか)を[^。]{0,12}(?:撮|と)って|盗撮して|\bfilming (?:up|under) [^.?!]{0,20}\bskirt\b|偷拍[^。，]{0,6}裙底|치마\s*속을[^.]{0,8}찍",
        r"(?:割れた|われた)\s*(?:ビール|びーる)?\s*(?:瓶|びん)を\s*(?:持|も)って|\bbroken (?:beer |wine )?bottles?\b|(?:碎|破)(?:酒)?瓶|깨진\s*(?:맥주)?병",
        r"取っ組み合|とっくみあ|殴り合|なぐりあ|\bgoing at each other\b|\bbrawl\w*|扭打|打成一(?:团|團)|엉겨\s*붙어",
        # em14: someone working a door's handle or lock (ガチャガチャ, a key into the lock, 拧门把手)
        r"(?:ドアノブ|どあのぶ|ドア|どあ)[^。]{0,6}(?:ガチャガチャ|がちゃがちゃ|こじ開け|こじあけ)|(?:鍵穴|かぎあな)に[^。]{0,8}(?:差し込|さしこ|入れ|いれ)",
        r"\b(?:jiggl|rattl|tr)\w*\b[^.?!]{0,15}\b(?:door ?handle|doorknob|lock)\b|\bkey into (?:the|my) lock\b",
        r"(?:拧|擰|转|轉|扭)[^。，]{0,4}(?:门把|門把)|(?:锁眼|鎖眼|钥匙孔|鑰匙孔)(?:里|裡)?[^。，]{0,2}插|(?:문손잡이|손잡이|도어락)(?:를|을)\s*(?:계속\s*)?(?:돌리|잡아당|흔들)|열쇠\s*구멍에",
        r"(?:飲み物|のみもの|お酒|おさけ|ドリンク|グラス)に\s*[^。]{0,6}(?:入れ|いれ|盛|も)られ|(?:薬|くすり)を\s*(?:盛|も)られ",
        r"\b(?:spiked|drugged)\b|\bput (?:something|a pill|drugs?) in (?:my|his|her|their|our|the) (?:\w+'s )?drinks?\b",
        r"被(?:人)?下(?:了)?(?:药|藥)|下了(?:药|藥)|(?:음료|술|잔)에\s*(?:누가\s*)?(?:약|뭔가|무언가)(?:을|를)?\s*(?:탄|탔|타|넣)",
        r"(?:知らない|しらない|見知らぬ)\s*(?:男|女|人|ひと|おとこ|おんな)|(?:連れ|つれ)(?:出|だ|去|さ)(?:そう|ろう)|\btrying to (?:walk|take|drag|pull|lead|carry) (?:her|him|them)\b",
        r"陌生(?:男|女)|(?:要|想)把(?:她|他|孩子|人)(?:带走|帶走|拉走|抱走)|데려가려",
    ],
    K.FIRE: [
        # generic signs of the kind (words, not wordings)
        r"(?:火|ひ)が\s*(?:出|で|つ|上|あ|広|ひろ)|(?:燃え|もえ)(?:て|た|上|あが|移|うつ)|(?:炎|ほのお)が|(?:焦げ|こげ)(?:臭|くさ|た)",
        r"\b(?:smoke|fire|flames?|burning|sparks?)\b",
        r"[烟煙](?:很大|好大|(?:冒|窜|竄|进|進)|了)|冒[烟煙]|(?:着|著|起|失)火|火(?:很大|好大|势|勢)|(?:烧|燒)(?:起|着|著)",
        r"불(?:이|길|꽃)|연기|타고\s*있",
        r"(?:火花|ひばな|スパーク)(?:が|を)?\s*(?:出|で|散|ちっ)|(?:焦げ|こげ)た?\s*(?:臭|におい|匂い)",
        r"(?:バッテリー|ばってりー|電池|でんち|充電器)[^。]{0,12}(?:膨ら|ふくら|煙|けむり|発火)",
        r"(?:(?:白い|黒い)\s*)?(?:煙|けむり)(?:と|が)[^。]{0,10}(?:音|おと|出て|でて)",
        r"\bsparks?\b[^.?!]{0,20}\b(?:coming|flying|from)\b|\bburning smell\b|\bsmells? (?:like )?burn\w*",
        r"\b(?:battery|power bank|charger)\b[^.?!]{0,30}\b(?:swell\w*|hiss\w*|smok\w*)\b|\bsmoke coming out\b",
        r"冒火花|(?:烧焦|燒焦)(?:的)?(?:味|气味|氣味)|鼓包|冒白[烟煙]|嘶嘶",
        r"(?:스파크|불꽃)(?:가|이)\s*(?:튀|나)|타는\s*냄새|(?:배터리|충전기)[^.]{0,12}(?:부풀|연기)",
    ],
    K.DISASTER: [
        r"(?:薬品|化学|化學|有毒|刺激臭)[^。]{0,10}(?:におい|臭|匂|広が|ひろが)|(?:におい|臭い|匂い)の?\s*(?:液|えき|水|みず|ガス|がす)が?\s*(?:ひろが|広が)",
        r"\b(?:chemical|toxic)\s+(?:smell|fumes|spill|leak)\b|\b(?:tanker|tank truck)\b[^.?!]{0,20}\b(?:overturned|crashed|leaking|rolled)\b",
        r"(?:槽车|槽車|油罐车|油罐車)(?:翻|漏)|翻覆|刺鼻|(?:化学|化學)(?:品|物质|物質)?(?:泄漏|外洩|外泄)",
        r"화학\s*(?:약품|물질)|탱크로리|유독\s*가스",
        # generic signs of the kind (words, not wordings)
        r"(?:水|みず)が\s*(?:入|はい|上が|あが|迫|せま)|浸水して|(?:流さ|ながさ)れ|(?:崩れ|くずれ)(?:て|た)|(?:つぶれ|潰れ)(?:て|た)|(?:埋ま|うま)っ|(?:挟ま|はさま)れて\s*(?:動|うご|出|で|い)|下敷き",
        r"\b(?:flooding|flooded|trapped|stuck|buried|pinned|landslide)\b|\bwater (?:is )?(?:rising|coming)\b",
        r"淹(?:了|到|进|進)|(?:困|关|關)在|(?:压|壓)住|塌了|倒塌|被埋|(?:里面|裡面|屋里|屋裡)[^。，]{0,6}出不[来來]",
        r"물이\s*(?:들어|차오|넘)|갇|무너|깔렸|깔려|잠겼",
        r"(?:閉じ込め|とじこめ)|(?:エレベーター|えれべーたー)[^。]{0,12}(?:止ま|とま)|(?:出られ|でられ)(?:ない|ません)",
        r"陥没|(?:地割れ|じわれ)|(?:噴火|ふんか)|(?:クマ|くま|熊)が\s*(?:いる|いて|い|出|で)|(?:壁|かべ)に\s*(?:ひび|亀裂)",
        r"\b(?:stuck|trapped) in (?:an? |the )?(?:elevator|lift)\b|\b(?:caved|fell) in\b|\bsinkhole\b|\berupt\w*",
        r"\b(?:a )?bear (?:is|in|on|near)\b|\bdoor (?:won'?t|doesn'?t|will not) open\b",
        r"(?:关|關|困|卡)在(?:里面|裡面|电梯|電梯|两层|兩層)|出不[来來]|(?:塌陷|陷落)|(?:喷发|噴發)|[熊](?:跑|出[现現]|闯|闖)",
        r"往下滑|(?:裂开|裂開)了|(?:地面|路面|[墙牆])[^。]{0,4}(?:裂|塌)",
        r"엘리베이터[^.]{0,12}(?:멈췄|멈춰|갇)|문이\s*안\s*열려|(?:도로|땅|길)(?:이|가)\s*(?:갑자기\s*)?(?:꺼져|꺼졌|내려앉)|분화|곰이\s*(?:나타|있)",
        # em14 (held-back set, not blind): a landslide's warnings — spring water turned muddy,
        # the mountain rumbling
        r"(?:湧き水|わきみず|井戸水|いどみず|沢の水)が\s*(?:急に|きゅうに)?\s*(?:濁|にご)|(?:山|やま)(?:から|が)\s*[^。]{0,6}(?:ゴー|ごー|ゴゴ|音が|おとが|鳴って|なって)|山鳴り",
        r"\bspring\b[^.?!]{0,25}\b(?:went|turned|gone|is) muddy\b|\brumbl\w* from the (?:mountain|hill)s?\b",
        r"泉水[^。，]{0,4}(?:变浑|變渾|变混|變混|浑浊|混濁|混浊)|山[^。，]{0,4}(?:轰隆|轟隆)|샘물이[^.]{0,6}흐려|산에서\s*(?:우르릉|우르르)",
        # em14: water or mud coming out at the foot of a levee, the river near its top
        r"(?:堤防|ていぼう|土手|どて)[^。]{0,10}(?:泥水|どろの\s*みず|どろみず|水|みず)が?[^。]{0,8}(?:噴き出|吹き出|ふきだ|出て|でて|漏れ|もれ|しみ出|しみだ)",
        r"\b(?:water|mud)\w*\b[^.?!]{0,60}\b(?:levee|embankment|dyke|dike)\b|\b(?:levee|embankment|dyke|dike)\b[^.?!]{0,30}\b(?:leak\w*|seep\w*|bubbl\w*|burst|breach\w*)",
        r"(?:堤坝|堤壩|堤防|河堤)[^。，]{0,6}(?:冒|渗|滲|漏|涌|湧)[^。，]{0,3}(?:水|泥)|제방[^.]{0,10}(?:물|흙탕물)(?:이|가)?\s*(?:새|솟|나오|넘)",
        r"(?:川|かわ)の\s*(?:水|みず)[^。]{0,12}(?:すぐ下|ぎりぎり|ギリギリ|あふれ|溢れ)|(?:かわ|川)の\s*(?:みず|水)が\s*(?:とても|すごく)\s*(?:おおい|多い)",
        r"\briver\b[^.?!]{0,20}\b(?:nearly|almost) (?:at|over) the top\b|(?:河水|江水)[^。，]{0,6}(?:漫|溢|到)[^。，]{0,3}(?:坝顶|壩頂|堤顶|堤頂|顶|頂)|강물이[^.]{0,15}(?:찼|넘치|넘칠)",
        # em7: violent wind (a tornado, a roof torn off) and a danger heading this way
        r"竜巻|たつまき|突風|\b(?:tornado|twister)\b|(?:龙卷|龍捲)风?風?|토네이도|회오리",
        r"(?:屋根|やね|瓦|かわら)が?を?\s*(?:飛ば|とば|飛ん|とん|はが|剥が|めく)|\b(?:ripped|tore|torn|blew|blown) (?:off )?(?:the |our |a |their )?roof\b|\broof (?:off|blown|ripped|torn)\b|(?:屋顶|屋頂)[^。，]{0,4}(?:掀|吹走|吹飞|吹飛)|지붕(?:이|을)?\s*(?:날아|날려|뜯겨)",
        # em7: lost outdoors (a mountain, a forest)
        *_LOST_OUTDOORS,
    ],
}

#: Signs that count only beside another: night falling for someone lost outdoors (on its own it
#: is an evening: 天快黑了，我们在公园散步), something heading this way beside a hazard of the
#: disaster or fire kind (on its own it is a visitor on the way: 母がこちらに向かっています).
_NIGHTFALL = re.compile(
    r"(?:日|ひ)が\s*(?:暮れ|くれ|沈)|(?:よる|夜)に\s*(?:なり|なっ)|(?:暗く|くらく)\s*なって|\bgetting dark\b"
    r"|天(?:快|已经|已經|都)?黑了|해가\s*(?:지고|졌)|어두워(?:지고|졌)",
    re.IGNORECASE,
)
_APPROACHING = re.compile(
    r"(?:こっち|こちら|うち)に\s*(?:向かって|むかって)|\bheading (?:our way|this way|towards? (?:us|our))"
    r"|\bcoming (?:our way|towards us|at us)\b|(?:往|朝)(?:我们|我們)(?:这边|這邊)|우리\s*쪽으로\s*(?:오|와)",
    re.IGNORECASE,
)
_LOST = re.compile("|".join(_LOST_OUTDOORS), re.IGNORECASE)

#: Happening now, getting worse, or about to happen.
_NOW = re.compile(
    "|".join(
        [
            r"今(?![年月日週度回後朝夜後度])|いま(?!まで|でも|す|せ|し)|急に|きゅうに|突然|とつぜん|どんどん|ずっと",
            r"(?:止まら|とまら)ない|さっき|たった今|すぐ|このままだと|(?:て|で)(?:き|来)た|(?:て|で)(?:き|来)て\s*(?:る|いる|います)",
            r"\b(?:right now|now|keeps?|still|suddenly|getting worse|won'?t stop|can'?t stop)\b",
            r"现在|現在|正在|一直|突然|马上|馬上|还在|還在|越来越|越來越|不停|刚才|剛才|好久|很密",
            r"지금|계속|갑자기|점점|방금|아직",
            states.FARTHER,
            # distress said outright (危ない, help, 害怕, 무서워)
            r"(?:危ない|あぶない|危険だ|こわい|怖い|助けて|たすけて)|\b(?:dangerous|help|scared)\b|(?:危险|危險|害怕|救命)|(?:위험해|무서워|살려)",
        ]
    ),
    re.IGNORECASE,
)

#: Someone the danger is happening to (a third person: every question has an "I").
_PERSON = re.compile(
    "|".join(
        [
            r"子ども|子供|こども|息子|娘|孫|まご|赤ちゃん|あかちゃん|夫|妻|つま|おっと|父|母|祖父|祖母|おじいちゃん",
            r"おばあちゃん|じいちゃん|ばあちゃん|おじいさん|おばあさん|老人|"
            r"友達|ともだち|同僚|(?:人|ひと|男|女|おとこ|おんな)が",
            r"\bmy (?:son|daughter|kid|child|baby|wife|husband|mum|mom|mother|dad|father|grand\w+|friend|roommate|neighbou?r|coworker|colleague)\b",
            r"\b(?:someone|somebody|a (?:man|woman|guy|child|kid|stranger|drunk)|some (?:guy|man)|an old (?:man|woman)|people)\b",
            r"孩子|小孩|儿子|兒子|女儿|女兒|孙子|孫子|孙女|孫女|老婆|老公|太太|先生|爸|(?:妈|媽)|爷爷|爺爺|奶奶|阿嬤|朋友|同事|有人|老人|男的|女的|男人|女人|的人",
            r"아이|애가|아기|아들|딸|손자|손녀|아내|남편|아버지|어머니|엄마|아빠|할머니|할아버지|친구|동료|누가|사람이|(?:남자|여자)(?:가|애가)",
        ]
    ),
    re.IGNORECASE,
)

#: Put as a question about a service or a procedure (どこで申請, how do I, 怎么办理 …).
_ASKS_SERVICE = re.compile(
    "|".join(
        [
            r"(?:どこ|どちら)(?:で|に|へ)?\s*(?:申|もら|受け|う|相談|そうだん|見|み|聞|き)|いつ(?:から|まで|です|ありま)?|知りたい|しりたい|(?:困|こま)って|ほしい|欲しい|苦情|修理|直して|(?:心配|しんぱい)(?:で|です|だ|な|$)|(?:相談|そうだん)(?:を)?\s*したい",
            r"(?:ですか|ますか|でしょうか|ありますか)\s*[?？]?\s*$|教えて(?:ください|下さい)?\s*$|おしえて",
            r"\b(?:how (?:do|can|should) I|where (?:do|can) I|where is the|when is|is there|are there|can I|fix|repair|worried about|report (?:it|this|them|that) to)\b",
            r"想(?:办|辦|申请|申請|问|問)|怎么(?:办理|申请|报名|处理|扔|登记)|怎麼(?:辦理|申請|報名|處理|丟|登記)|在哪|哪里|哪裡|找(?:谁|誰)|(?:担心|擔心)|哪个|哪個|吗[?？]?\s*$|嗎[?？]?\s*$|(?:吗|嗎)\s*[?？]|能不能|可不可以",
            r"걱정(?:이에요|돼요|입니다)|어떻게|어디|언제|인가요|(?:있|하|되|받|없|쓰|알|돼)나요\s*[?？]?\s*$|주세요\s*$",
        ]
    ),
    re.IGNORECASE,
)

#: Over, habitual or calm: past days, "it has happened before", fine now, a day off school, looking
#: for a clinic, a complaint (昨日, ことがある, けど元気, 保育園を休ませ, 皮膚科を探して, every night,
#: noise complaint, 上个月, 어린이집을 쉬어요). A sign in such a text is no emergency.
_CALM = re.compile(
    "|".join(
        [
            r"(?:注意報|警報|注意情報)(?!器)|たまま(?:です|だ|に\s*なって)|昨日|きのう|先週|先月|去年|以前|ことが\s*(?:ある|あり|あった)|てから|けど\s*(?:元気|げんき|大丈夫)|大丈夫(?:か|です|でしょうか)|念のため",
            r"(?:保育園|幼稚園|学校|がっこう|会社)を?\s*(?:休|やす)|(?:病院|医院|皮膚科|小児科|クリニック)を\s*(?:探|さが)|受診\s*(?:でき|したい)|介護(?!施設|士|職員|スタッフ)|かいご(?!しせつ|しょくいん)|うるさ|(?:内科|外科|科)を\s*(?:探|さが)|最近|さいきん|いつも",
            r"\b(?:warning|watch|advisory) (?:is |was |has been )?(?:issued|in effect)\b|\b(?:yesterday|last (?:week|month|year|spring|summer|autumn|fall|winter)|used to|ago|every (?:night|day|morning)|go back to school|complaint|noise|noisy|lately|recently|always)\b",
            r"(?:预警|預警|警报|警報)(?!器)|昨天|上周|上週|上个月|上個月|以前|每天|每晚|(?:幼儿园|幼兒園|学校|學校)吗|常有的事|经常|經常|总是|總是|老是|最近|想找\S{0,4}科|附近(?:有什么|有什麼)?(?:医院|醫院|诊所|診所)|吵",
            r"(?:주의보|경보)(?!기)|어제|지난\s*(?:주|달)|예전|매일|어린이집|학교를|(?:ㄹ|을|날)\s*때가\s*있|때가\s*있어요|병원\s*(?:추천|어디|알려)|시끄러|요즘|최근|항상|맨날|과를\s*찾",
        ]
    ),
    re.IGNORECASE,
)

#: Suicide warning signs: a farewell or an apology for being a burden ...
_FAREWELL = re.compile(
    "|".join(
        [
            r"(?:迷惑|めいわく)を\s*(?:かけて|掛けて)\s*(?:ごめん|すみません|申し訳)|(?:さようなら|さよなら)(?:を|です|、|。|\s|$)",
            r"今まで(?:ありがとう|お世話)|いままで\s*ありがとう|(?:最後|さいご)に\s*(?:会|あ|言|い|ありがとう)",
            r"\b(?:finally be at peace|won'?t be a burden|sorry for everything|written letters to everyone|said goodbye)\b",
            r"(?:谢谢|謝謝)(?:你们|你們|大家)[^。]{0,10}(?:照顾|照顧)|不会再麻烦|不會再麻煩|(?:对不起|對不起)大家",
            # em14: no longer a trouble to anyone (迷惑かけない, a bother, 添麻烦, 폐 안 끼칠)
            r"(?:誰|だれ)にも\s*(?:迷惑|めいわく)\s*(?:を\s*)?(?:かけ|掛け)(?:ない|ません|ずに)|\bwon'?t be a (?:bother|trouble) to anyone\b",
            r"不(?:会|會)再(?:给|給)?(?:任何人|谁|誰|大家|别人|別人)(?:添)?麻(?:烦|煩)|(?:더는|더\s*이상)\s*(?:아무한테도|아무에게도|누구한테도)?\s*폐\s*(?:안\s*끼칠|끼치지\s*않)",
            r"(?:今夜|こんや|今晩|こんばん)で\s*(?:全部|ぜんぶ)?\s*(?:終わり|おわり)に\s*(?:する|します)",
            r"(?:思い残す|おもいのこす)\s*(?:こと|事)は\s*(?:ない|ありません)|未練は\s*(?:ない|ありません)|じゅうぶん\s*(?:いきました|生きました)|(?:みんな|皆)\s*(?:げんきで|元気で)\s*(?:ね|。|$)|十分\s*生きた",
            r"\bno regrets\b|\bI(?:\'ve| have) lived enough\b|(?:没有|沒有)(?:什么|什麼)?(?:遗憾|遺憾)|미련이\s*없",
            r"정리가\s*다\s*끝났|그동안\s*고마웠|다들\s*미안|폐\s*끼치지\s*않",
        ]
    ),
    re.IGNORECASE,
)

#: Researching a lethal dose: a warning sign on its own.
_LETHAL = re.compile(
    r"致死量|ちしりょう|\bhow many (?:pills|tablets)\b[^.?!]{0,25}\b(?:it would take|would it take|to (?:die|kill|end)|(?:is|are|would be) enough)\b|\blethal dose\b"
    r"|(?:吃|吞)多少(?:颗|顆|粒)?(?:药|藥)(?:才(?:够|夠|会死|會死)|会死|會死)|몇\s*알(?:을)?\s*먹어야|치사량",
    re.IGNORECASE,
)

#: Saying one will go into the water (the sea, a river) or die (em7) ...
_INTENT = re.compile(
    "|".join(
        [
            r"(?:海|うみ|川|かわ|湖|みずうみ)に\s*(?:入る|はいる|入って|はいって|飛び込|とびこ)|(?:死ぬ|しぬ)\s*(?:と|って)\s*(?:言|い)(?:っ|い|う)",
            r"\b(?:walk|go|jump)\w* into the (?:sea|ocean|river|lake|water)\b|\bsaid (?:she|he|they)(?:'d| would) die\b",
            r"(?:走进|走進|跳进|跳進|跳入|走入)(?:海|河|湖)|(?:说|說)要死",
            r"(?:바다|강|호수)에\s*(?:들어가|뛰어들)|죽겠다고",
        ]
    ),
    re.IGNORECASE,
)

#: ... with a message sent or belongings left behind at the place (shoes on the beach, a note).
_LEFT_BEHIND = re.compile(
    "|".join(
        [
            r"(?:靴|くつ|遺書|いしょ|書き置き)[^。]{0,6}(?:だけ|置い|おい|あり|残)|(?:メッセージ|めっせーじ|LINE|メール)を?\s*(?:送って|おくって)(?:き|く)",
            r"\b(?:her|his|their) (?:shoes|note|things) (?:are|were|was|is|left)\b|\b(?:texted|messaged) (?:me )?that\b",
            r"只(?:剩下?|留下)(?:她|他)?的?鞋|(?:发|發|传|傳)(?:消息|訊息|简讯|簡訊)(?:说|說)|遗书|遺書",
            r"신발만|유서|문자를\s*보냈|메시지를\s*보냈",
        ]
    ),
    re.IGNORECASE,
)

#: ... together with means obtained or belongings given away.
_PREPARED = re.compile(
    "|".join(
        [
            r"(?:ロープ|ろーぷ|縄|練炭|れんたん)を?\s*(?:買|か)って|(?:ロープ|ろーぷ)を?\s*(?:用意|準備)",
            r"(?:もの|物|持ち物|財産|貯金|ちょきん)(?:は|を)\s*(?:全部|ぜんぶ)[^。]{0,10}(?:あげ|譲|ゆず)|(?:身辺|しんぺん)\s*(?:整理|せいり)",
            r"(?:^|[。、\s])(?:さようなら|さよなら)を\s*(?:言|い)いました",
            r"\b(?:bought|got) (?:a |some )?rope\b|\bgiven? (?:away )?(?:my|all my) (?:cat|dog|pet|things|belongings|savings)\b|\bletters to everyone\b",
            r"(?:绳子|繩子)[^。]{0,4}(?:买好|買好|准备好|準備好)|(?:存款|财产|財產|东西|東西)(?:都)?(?:转给|轉給|送给|送給|留给|留給)",
            r"(?:パスワード|暗証番号)[^。]{0,10}(?:書き残|かきのこ|残し|のこし)|(?:部屋|へや)[^。]{0,4}(?:片付け|かたづけ)た|\bwrote down (?:all )?my passwords\b",
            r"(?:密码|密碼)[^。]{0,6}(?:写给|寫給|留给|留給)|(?:房间|房間)[^。]{0,4}(?:收拾好|整理好)|비밀번호(?:를)?\s*(?:다\s*)?(?:적어|남겨)|방(?:도|을)?\s*정리했",
            r"(?:강아지|고양이|반려\s*동물|짐|물건|재산)(?:을|를)\s*(?:친구|가족|동생)?에게\s*(?:맡겼|줬|주었|넘겼)|밧줄을\s*(?:샀|사\s*왔)",
            # em14: letters to one's family or to everyone, a pet handed to someone
            r"(?:家族|かぞく|みんな|皆|友だち|友達|ともだち)(?:と\S{0,6})?に\s*(?:手紙|てがみ)を\s*(?:書|か)(?:いた|きました|いて)|\b(?:written|wrote) letters to (?:my|all my) (?:family|friends|parents|kids)\b",
            r"(?:猫|ねこ|犬|いぬ|ペット)(?:は|を)\s*[^。、]{0,8}に\s*(?:預け|あずけ|あげ|譲|ゆず)(?:た|ました)",
            r"(?:写好|寫好)(?:了)?[^。，]{0,10}(?:的)?信|(?:猫|貓|狗|宠物|寵物)(?:也|都)?(?:送给|送給|交给|交給|托给|託給)",
            r"편지(?:를|도)?\s*(?:다\s*)?써\s*(?:놨|놓았|뒀)|(?:강아지|고양이|반려\s*동물)(?:은|는|을|를|도)\s*(?:친구|가족|동생|여동생|남동생|언니|누나|형|오빠)?(?:에게|한테)\s*(?:맡겼|줬|주었|넘겼)",
        ]
    ),
    re.IGNORECASE,
)

#: On a tie the hazard wins over the injury it causes (a road caving in and a car fallen in).
_TIE_ORDER = (K.FIRE, K.DISASTER, K.CRIME, K.MEDICAL)

_UNRESPONSIVE = re.compile(states.UNRESPONSIVE, re.IGNORECASE)

_COMPILED = {
    kind: [
        re.compile(p, re.IGNORECASE)
        for p in patterns + categories.SIGNS.get(kind, []) + states.SIGNS.get(kind, [])
    ]
    for kind, patterns in _SIGNS.items()
}


def _signs(text: str) -> list[tuple[EmergencyKind, tuple[int, int]]]:
    found = []
    for kind, patterns in _COMPILED.items():
        for pattern in patterns:
            for match in pattern.finditer(text):
                found.append((kind, match.span()))
    if _LOST.search(text):
        found += [(K.DISASTER, match.span()) for match in _NIGHTFALL.finditer(text)]
    if any(kind in (K.DISASTER, K.FIRE) for kind, _ in found):
        found += [(K.DISASTER, match.span()) for match in _APPROACHING.finditer(text)]
    if categories.OBJECT.search(text):  # em8: wires or ticking on a bag or a box
        found += [(K.CRIME, match.span()) for match in categories.DEVICE.finditer(text)]
    if categories.FUEL.search(text):  # em9: a lighter or matches beside fuel poured
        found += [(K.CRIME, match.span()) for match in categories.IGNITION.finditer(text)]
    if found or _PERSON.search(text):  # em8: a fall into water, of someone or beside a sign
        found += [(K.MEDICAL, match.span()) for match in categories.FELL_IN.finditer(text)]
    if found:  # em9: an avalanche beside another sign (buried, not answering)
        found += [(K.DISASTER, match.span()) for match in categories.AVALANCHE.finditer(text)]
    if _PERSON.search(text):  # em10: carried away, of someone (rubbish is blown away too)
        taken = [span for _, span in found]
        found += [
            (K.DISASTER, match.span())
            for match in states.CARRIED_AWAY.finditer(text)
            if all(match.end() <= a or match.start() >= b for a, b in taken)
        ]
    if states.INSIDE.search(text):  # em10: a door that will not open, with someone inside
        found += [(K.DISASTER, match.span()) for match in states.DOOR_STUCK.finditer(text)]
    if found:  # em10: smashing windows beside another sign (people chased)
        found += [(K.CRIME, match.span()) for match in states.SMASHING.finditer(text)]
    if found:  # em8: in the water is a swim alone, a rescue (水難) beside another sign
        found += [(K.DISASTER, match.span()) for match in categories.IN_WATER.finditer(text)]
    return found


def warning_signs(text: str) -> list[EmergencyKind]:
    """Suicide when a farewell and means obtained (or belongings given away) come together, or
    (em7) saying one will go into the water or die with a message sent or shoes left behind;
    checked even when the text names a service word (a cat handed to a friend)."""
    farewells = len(_FAREWELL.findall(text))
    together = bool(farewells and _PREPARED.search(text)) or farewells >= 2
    together = together or bool(_INTENT.search(text) and _LEFT_BEHIND.search(text))
    together = together or bool(
        categories.JOIN_THE_DEAD.search(text) and categories.STOPPED_CARING.search(text)
    )
    lethal = _LETHAL.search(text) or categories.EXHAUST.search(text)
    return [K.SUICIDE] if together or lethal else []


def _counts_as_now(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """A "now" word outside every sign, or inside one without ending it (도로가 갑자기 꺼져);
    not one that only extends a sign (咳が止まら + 止まらない is one sign, not two cues)."""
    return all(span[1] <= a or span[0] >= b or (a < span[0] and span[1] < b) for a, b in spans)


def asks_service(text: str) -> bool:
    """The text (or clause) asks where, when or how, or for a service (``_ASKS_SERVICE``)."""
    return bool(_ASKS_SERVICE.search(text))


def has_now(text: str) -> bool:
    """A time-now or getting-worse word (``_NOW``: 今, still, 还在, 아직 …); used by ``present``."""
    return bool(_NOW.search(text))


def has_person(text: str) -> bool:
    """Someone the danger could be happening to (``_PERSON``); used by ``present``."""
    return bool(_PERSON.search(text))


#: em14 (held-back set, not blind): a month or more ago (先月, last spring, 上个月, 작년), not
#: since then (先月から, since last year, 以来, 부터).
_LONG_PAST = re.compile(
    r"(?:先月|去年|昨年|おととし)(?!\s*(?:から|より|以来))|\blast (?:month|year|spring|summer|autumn|fall|winter)\b(?<!since last month)"
    r"|(?:上个月|上個月|去年|前年)(?![^。，]{0,2}(?:以来|開始|开始|起))|(?:지난달|작년|재작년)(?!\s*부터)",
    re.IGNORECASE,
)


def is_long_past(text: str) -> bool:
    """The text places what it tells a month or more ago (``_LONG_PAST``)."""
    return bool(_LONG_PAST.search(text)) and not re.search(r"\bsince last\b", text, re.IGNORECASE)


def is_calm(text: str) -> bool:
    """The text tells of the past, a habit or a warning in force, not a danger now (``_CALM``)."""
    return bool(_CALM.search(text))


#: Up to four Korean words before a told clause, none ending a sentence (…요, …다).
_KO_WORDS = r"(?:(?![^\s.?!]{0,20}[요다]\s)[^.?!\s]{1,20}\s{1,3}){0,4}"

#: em14: a danger only told of in a text that asks for something — advice one learned (…たら
#: すぐ逃げると聞きました, 听说…就要马上跑, …면 바로 대피하라고 들었어요, I heard you should run
#: if …), a fear (怕小孩摔下来, worried a child could fall, 떨어질까 봐), a news item (…のニュース
#: を見て, 看了…的新闻, … 뉴스를 보고). ``untold`` blanks such a clause: told, not happening.
_TOLD = re.compile(
    "|".join(
        [
            r"[^。、！？!?]{0,40}(?:たら|れば|ときは|時は)[^。！？!?]{0,40}(?:と|って)\s*(?:聞き|きき|聞い|きい|習い|習っ|教わ|おそわ)",
            r"[^。、！？!?]{0,30}(?:ニュース|にゅーす)(?:を|で)\s*(?:見|み|聞|き|読|よ)",
            r"\bI(?:'ve)? (?:heard|was told|learned|learnt|read)\b[^.?!]{0,40}\b(?:should|must|have to|need to)\b[^.?!,]{0,80}",
            r"\bI(?:'ve)? (?:heard|read|was told)\b[^.?!]{0,40}\b(?:can|could|may|might) mean\b[^.?!,]{0,60}",
            r"\bworried (?:that )?(?:a|the|my|our|some|kids?|children|someone|he|she|they|it)\b[^.?!,]{0,80}",
            r"\b(?:after|saw|seen|watched|watching|read|reading)\b (?:the |a |some )?news (?:about|of|on) [^.?!,]{0,60}?(?=\s+I\b|[,.?!]|$)",
            r"(?:听说|聽說|据说|據說)[^。？！?!]{0,40}?(?:就要|就得|就该|就該|要马上|要馬上|要赶快|要趕快)[^。，？！?!]{0,20}",
            r"(?:怕|担心|擔心)[^。，？！?!]{0,40}|(?:看了|看到|看过|看過|听到|聽到)[^。，？！?!]{0,30}(?:新闻|新聞)",
            # ko: the told words only, never across a sentence's end (…요, …다)
            _KO_WORDS
            + r"[^.?!\s]{0,20}(?:면|으면)\s"
            + _KO_WORDS
            + r"[^.?!\s]{0,20}(?:라고|하라고|한다고)\s*(?:들었|배웠)[^\s.?!]{0,8}",
            _KO_WORDS
            + r"[^.?!\s]{0,20}[가-힣]까\s*봐|"
            + _KO_WORDS
            + r"[^.?!\s]{0,20}뉴스(?:를|을)\s*(?:보고|봤|보니)",
        ]
    ),
    re.IGNORECASE,
)


def untold(text: str) -> str:
    """The text with clauses that only tell of a danger blanked (``_TOLD``); the caller applies
    it only to a text that asks for something."""
    return _TOLD.sub(" ", text)


def cue_kinds(text: str) -> list[EmergencyKind]:
    """Kinds the cue combinations point to in a text that is not about a service (see the
    module docstring); the caller has already checked ``situations.SERVICE``."""
    if warning_signs(text):
        return [K.SUICIDE]
    if _ASKS_SERVICE.search(text) or _CALM.search(text):
        return []
    # em10: a farewell message, or worthlessness beside a blade or shut away (not in a question)
    if states.farewell_message(text) or states.worthless_with_means(text):
        return [K.SUICIDE]
    signs = _signs(text)
    if not signs:
        return []
    spans = [span for _, span in signs]
    distinct = {span for span in spans}
    now = any(_counts_as_now(m.span(), spans) for m in _NOW.finditer(text))
    # a person inside a sign is the sign itself (a stranger), not someone it happens to
    person = any(
        all(m.end() <= a or m.start() >= b for a, b in distinct) for m in _PERSON.finditer(text)
    )
    person = person or bool(_UNRESPONSIVE.search(text))  # em10: 叫他也不睁眼 names its person
    if len(distinct) < 2 and not now and not person:
        return []
    votes: dict[EmergencyKind, int] = {}
    for kind, _ in signs:
        votes[kind] = votes.get(kind, 0) + 1
    best = max(votes.values())
    return [kind for kind in _TIE_ORDER if votes.get(kind) == best][:1]
