"""Red-team set rt7, set 24: staff prompts, written and committed before the detector ran on
them (docs/benchmarks.md §3, "Red team rt7"). Same markup as staff_prompts.py (M = マイナンバー:
a prompt holding one must be refused), plus ⟪…⟫ around a look-alike that must stay readable
(a place inside a 市役所/区役所 name, an animal, a product, a department, a rōmaji service name).

Written from outside the detector's word lists: rare surnames (薬袋, 九十九, 月見里, 四十住,
十八女 …), 異体字 (髙, 﨑, 邉, 齊, 德, 濵, 廣), hiragana given names, foreign residents' names in
katakana, Latin script, hangul and Chinese; names with 様/さん/氏/殿/先生, split across lines, HTML
cells, CSV cells, percent-encoded or as HTML character references; addresses with 丁目/番地/号/
の/之 variants, 字 and 甲, full-width digits; phones with +81, 0120, 0570, 内線, (代); birthdates in
令和/平成/昭和, R5.4.1 and R05.04.01, ditto marks (〃) under a previous row's era; e-mail with
+tags, [at], ＠; bank accounts, 保険証 記号・番号・枝番, 在留カード numbers in lower case, spaced
or full-width; text read in the wrong encoding (Shift_JIS bytes read as cp1252, UTF-8 read as
cp932). Every name part was grepped over src/ before the first run and replaced when a list
in the code held it.
"""

from __future__ import annotations

import re

from .staff_prompts import Prompt, parse

_KEEP = re.compile(r"⟪(.*?)⟫", re.DOTALL)

# fmt: off
PROMPTS: list[str] = [
    # --- 相談記録, names with honorifics and titles ---
    "相談記録の要約：⟦P:薬袋 大悟⟧殿より、⟦A:花見川三丁目１２番地の５⟧の空き家について苦情。⟪環境保全課⟫に回付済み。",
    "⟦P:九十九 清⟧氏（⟦B:昭和22年11月3日⟧生）は独居。⟪地域包括支援センター⟫と連携して見守り。記録を整えて。",
    "来庁者：⟦P:月見里 彩⟧さま　電話 ⟦T:+81 90-3318-2764⟧（海外携帯から）。転入届の必要書類を案内しました。要点をまとめて。",
    "⟦P:四十住 優⟧先生（⟦P:四十住⟧クリニック院長）から予防接種の委託契約について電話。⟦T:0467-88-2031（内線 12）⟧。回答案を。",
    "⟦P:十八女 ゆのか⟧ちゃん（⟦B:R5.4.1⟧生）の１か月児健診の結果連絡。母 ⟦P:十八女 さやか⟧さん。",
    "面談：⟦P:髙﨑 ゆいな⟧さん、⟦A:緑ヶ丘２丁目１４番３号⟧、⟦B:平成9年2月14日⟧生。奨学金の返還猶予について。",
    "⟦P:渡邉 こはる⟧様から、⟦P:渡邉 いろは⟧（長女、⟦B:R05.04.01⟧生）の保育園入所について問い合わせ。",
    "⟦P:齊藤 德次郎⟧さんは⟦B:昭和7年⟧生まれ、⟦A:字大谷甲123番地⟧在住。敬老祝金の対象か確認したい。",
    "⟦P:濵口 廣美⟧さん（⟦T:０４６６－２２－８１９０⟧）　⟪イノシシ⟫が畑を荒らすとの相談。⟪農政課⟫の対応を確認。",
    "相談者 ⟦P:鷲見 和臣⟧　⟦A:本町一丁目二番地之三⟧　⟦T:045(771)3390⟧　⟪ハクビシン⟫の駆除について。",
    "⟦P:饗庭 多恵⟧さんから、⟪アライグマ⟫が天井裏に住み着いたと電話。⟪環境政策課⟫への引継ぎメモを。",
    "⟦P:粟飯原 悟⟧殿　⟦A:東台４丁目８番⟧　固定資産税の縦覧について。回答文を丁寧に。",
    "⟦P:碓氷 拓真⟧くん（小３）と⟦P:碓氷 あんず⟧ちゃん（年長）の就学相談、保護者⟦P:碓氷 恭子⟧さん。",
    "⟦P:駒ヶ嶺 慎吾⟧さんの携帯 ⟦T:080ｰ6614ｰ2259⟧ へ折り返し。内容：⟪スズメバチ⟫の巣の撤去費用。",
    # --- 外国人住民 ---
    "⟦P:Siosaia Taufa⟧ さん（トンガ出身）、在留カード番号 ⟦N:ab48120937cd⟧。国民健康保険の加入案内を英語で。",
    "⟦P:ヌグエン・ティ・タオ⟧さん、在留カード ⟦N:ＲＱ８８１２０４６３ＴＫ⟧、⟦A:港南三丁目７番１９号⟧。住民税の説明をやさしい日本語で。",
    "⟦P:옥 채린⟧ 님（⟦P:玉 彩麟⟧）、⟦T:+81-80-2290-5517⟧。児童手当の申請書を韓国語で説明したい。",
    "⟦P:龚 欣怡⟧さん（中国籍）と夫の⟦P:范 梓涵⟧さん。在留カード番号 ⟦N:PK 3380 4417 ZX⟧。転居届の案内文。",
    "⟦P:Sushila Gurung⟧ (Nepal) asked about the school lunch fee. Her son ⟦P:Aarav⟧ is in grade 2. 回答案を英語で。",
    "⟦P:Bolat Nurlanuly⟧ さん、⟦E:bolat.n+city@example.kz⟧、⟦T:+81 (0)70 4412 8836⟧。就労ビザと国保の関係を説明。",
    "ブラジル出身の⟦P:Thiago Sakamoto Ferreira⟧さん、⟦B:1992年3月8日⟧生。日系三世。転入手続きの案内。",
    "⟦P:マリセル・デラロサ⟧さん（フィリピン）、⟦A:〒253-0041⟧ ⟦A:茅ヶ崎中海岸2丁目3-11-205⟧。母子手帳の交付案内をタガログ語で。",
    "⟦P:Nilufar Yusupova⟧ 様、口座 三菱UFJ銀行 ⟪茅ヶ崎支店⟫ 普通 ⟦N:0384716⟧。児童手当の振込先確認。",
    # --- names split across lines, HTML, CSV ---
    "FAXをOCRした文です。整えて：\n申請者氏名　⟦P:髙\n﨑 そうすけ⟧\n住所　⟦A:柏木町五丁目\n２１番地⟧\n電話 ⟦T:0463-\n72-5518⟧",
    "このHTMLの表から、申込者一覧をMarkdownにして：\n<tr><td>⟦P:渡邉⟧</td><td>⟦P:こはる⟧</td><td>⟦T:090-4417-2285⟧</td></tr>\n<tr><td>⟦P:仁平⟧</td><td>⟦P:智美⟧</td><td>⟦T:080-5563-0194⟧</td></tr>",
    "<p>お名前：<b>⟦P:鬼頭⟧</b>&nbsp;⟦P:真澄⟧ 様<br>ご住所：⟦A:栄町3-4-12⟧<br>メール：⟦E:masumi.kito@example.jp⟧</p>\n↑ 問い合わせフォームの通知メールです。回答案を。",
    "HTMLソースから抜いた氏名です、読めるように直して：⟦P:&#x7C9F;&#x98EF;&#x539F;⟧ ⟦P:&#x6D69;&#x4E8C;⟧",
    "フォームのURLにお名前が入っていました。このURLは安全？ https://form.example.jp/apply?shimei=⟦P:%E5%BF%BD%E9%82%A3%20%E3%81%97%E3%81%8A%E3%82%8A⟧&tel=⟦T:09012408875⟧",
    "CSVの取り込みエラー。原因は？\n姓,名,生年月日,電話\n⟦P:百武⟧,⟦P:千鶴⟧,⟦B:S48.6.30⟧,⟦T:0942-33-1870⟧\n⟦P:栗栖⟧,⟦P:亮⟧,⟦B:H3.12.1⟧,⟦T:0942-35-6604⟧",
    "Excelから貼り付け：\n世帯主\t⟦P:野老 敦子⟧\t⟦B:昭和31年4月8日⟧\n長男\t⟦P:野老 悠真⟧\t⟦B:平成2年10月1日⟧\n次男\t⟦P:野老 奏太⟧\t⟦B:〃 5年1月20日⟧\n→ 世帯票の形に。",
    "家族一覧（手書きを転記）\n妻　⟦P:舎川 紀子⟧　⟦B:昭和50年3月3日⟧\n長女　⟦P:舎川 ゆめ⟧　⟦B:平成16年7月7日⟧\n次女　⟦P:舎川 のぞみ⟧　⟦B:〃 19年9月9日⟧\n扶養の確認をしたい。",
    "文字化けしたメールです。元は何と書いてあった？「⟦P:‹À’ë ‘½Œb⟧です。⟪ハクビシン⟫の件で電話しました」",
    "別の文字化け：差出人 ⟦P:遒捺ｰｷ 諡鍋悄⟧、本文は読めます。「⟪資産税課⟫の方へ、家屋調査の日程の件」→ 返信を。",
    "件名も本文も化けています：⟦P:”H’Ã –ƒˆß⟧ / ⟦P:遖ｰ豢･ 鮗ｻ陦｣⟧ 。どちらも同じ人の名前だと思います。",
    # --- phones, e-mail, 0120, 内線 ---
    "折り返し先の一覧を整えて：⟦P:栗栖 亮⟧さん ⟦T:+81-3-5561-2087⟧、業者 ⟦T:0120-338-417⟧、⟪市民課⟫ 03-5000-1234（内線 2201）。",
    "⟦P:風祭 志保⟧さん、メール ⟦E:shiho.kazamatsuri[at]example.ne.jp⟧、日中は ⟦T:0570-06-7712⟧ に。寄付の受領書の件。",
    "⟦P:王生 佳乃⟧様 ⟦E:Yoshino.Mibu＠Example.co.jp⟧ へ、⟪あさひ区役所⟫の窓口案内を送りたい。文面を。",
    "電話メモ：⟦P:甕 信夫⟧さん　自宅 ⟦T:(0467)52-3309⟧　勤務先 ⟦T:045-681-2211 内線 305⟧。住民票の郵送請求。",
    # --- bank, insurance, 在留カード ---
    "口座振替の依頼書：名義 ⟦P:ﾏﾂｳﾗ ｺﾊﾙ⟧、支店番号 ⟦N:218⟧ 口座番号 ⟦N:０５５２９１７⟧（普通）。確認メールの文面を。",
    "ゆうちょの記号 ⟦N:10280-3⟧ 番号 ⟦N:61774015⟧、名義 ⟦P:禰津 麻衣⟧。払戻しの案内。",
    "保険証：記号 ⟦N:15-2204⟧ 番号 ⟦N:1093⟧ 枝番 ⟦N:02⟧、⟦P:百武 千鶴⟧さん。限度額適用認定証の申請。",
    "被保険者番号 ⟦N:H0338127⟧ の⟦P:仁平 智美⟧さん、⟦B:S38.1.15⟧生。後期高齢者医療の保険料の説明。",
    "在留カードの番号を確認：⟦N:ＵＪ７２０１５５８４ＰＤ⟧（⟦P:ホセ・ルイス・キスペ⟧さん）、期限 2027/05/31。",
    # --- マイナンバー ---
    "<td>個人番号</td><td>⟦M:7031 5928 4604⟧</td><td>⟦P:九十九 清⟧</td>\n↑ この表をそのまま入力画面に転記してよい？",
    "CSV: 氏名,個人番号,電話\n⟦P:忽那 しおり⟧,⟦M:382604177596⟧,⟦T:070-3319-0442⟧\nこの行の形式をチェックして。",
    "OCR結果（改行がずれています）：\nマイナン\nバー ⟦M:5194\n7308\n2166⟧\n氏名 ⟦P:鷲見 和臣⟧",
    # --- longer records: several people, addresses and numbers in one prompt ---
    "ケース会議資料を要約：\n・世帯主 ⟦P:鬼塚 正臣⟧（⟦B:昭和41年8月2日⟧生）⟦T:090-2851-6630⟧\n・妻 ⟦P:鬼塚 ちさと⟧（⟦B:S45.12.24⟧生）\n・長男 ⟦P:鬼塚 けいと⟧（⟦B:H20.5.5⟧生）\n住所 ⟦A:栄町５丁目１３番２１号 ルミエール栄 ３０１⟧",
    "介護認定調査の日程表：\n⟦P:饗庭 キミ⟧様　⟦A:本宿町２３４番地⟧　⟦T:0564-21-7709⟧\n⟦P:十河 よし子⟧様　⟦A:大字上野字東側１１７番地２⟧　⟦T:0564-48-3312⟧\n⟦P:御影 ナツ⟧様　⟦A:美合町２丁目５の８⟧　⟦T:0564-52-0086⟧",
    "苦情メールの引き継ぎ：\n差出人：⟦P:忽那 しおり⟧ <⟦E:k.shiori1986@example.ne.jp⟧>\n「⟪あさひ区役所⟫の⟪市民課⟫で⟦P:仁科⟧という職員に失礼な対応をされました。夫の⟦P:忽那 圭⟧も同席していました。」",
    "議事録の個人名を伏せたい：「委員長（⟦P:甲斐 翠⟧）：それでは⟦P:饗場⟧委員。⟦P:饗場⟧委員：⟦P:岩淵⟧さんの件ですが…」",
    "以下は手紙の書き起こしです。要約して。\n拝啓　⟦P:仙石⟧様\nいつもお世話になっております。⟦P:仙石 ちよ⟧の娘の⟦P:仙石 絢子⟧でございます。\n母は⟦B:大正十五年五月五日⟧生まれで、⟦A:松葉町一丁目十番地⟧に一人で住んでおります。\n敬具　⟦T:〇四六七―二二―三一五八⟧",
    "電話受付票：⟦P:いぬかい はるみ⟧（ひらがなで名乗った）、⟦T:090 5527 0318⟧、⟪ヘビ⟫が庭に出た、⟪環境保全課⟫へ。",
    "Translate into Japanese: \"Dear Ms. ⟦P:Okonkwo-Bello⟧, your son ⟦P:Chiemerie⟧ (born ⟦B:14/02/2016⟧) has been placed at Aoba Daini Elementary. Contact: ⟦E:admissions-desk@example.org⟧\"",
    "英文の住所証明：Mr. ⟦P:Jomar P. Villaruel⟧, ⟦A:Room 1402, 7-1-1 Minatomirai⟧, Yokohama ⟦Z:220-0012⟧. Please check the format.",
    "⟦P:姜 旻浩⟧（カン・ミンホ）さん、⟦P:姜 瑞妍⟧さんご夫婦の転入。⟦A:中央区日本橋三丁目６番２号⟧から。必要書類を。",
    "⟦P:Lê Thị Hồng Nhung⟧ さん（⟦B:1998年10月20日⟧生）、⟦T:080-7716-2453⟧。ベトナム語で国保の案内。",
    "申請書の氏名欄に「⟦P:德永⟧　⟦P:陽葵⟧」とありました。旧字体のまま入力してよいか、⟪情報政策課⟫に確認する文面を。",
    "⟦P:邉見 創⟧さんの障害者手帳 ⟦N:第４５１２３号⟧ の再交付。⟦A:港北区新横浜２－３－１２⟧。案内を。",
    "請求書の送付先：㈱風間工務店 代表取締役 ⟦P:風間 拓海⟧ → 個人名部分だけ伏せる方法は？",
    "⟦P:みのわ あやか⟧さま（⟦B:令和2年2月22日⟧生、⟦P:蓑輪 大地⟧さまの長女）の医療証の更新。",
    "出張報告：⟪かすみがうら市役所⟫と⟪ひたちなか市役所⟫を訪問。⟪キツネ⟫の感染症対策について⟪環境衛生課⟫から説明を受けた。",
    "保護者連絡先の一覧（CSV、引用符あり）：\n\"⟦P:轟木 沙耶⟧\",\"⟦T:080-6110-2387⟧\",\"⟦E:saya.todorokigi@example.jp⟧\"\n\"⟦P:宇津宮 あんな⟧\",\"⟦T:090-3374-8801⟧\",\"⟦E:anna.u@example.jp⟧\"\n→ 重複を除いて。",
    "貸付申請の添付：⟦P:砂田 恭平⟧、⟦N:ろうきん 本店営業部 普通 2208714⟧、勤務先 ⟦T:03-3263-1180（代）⟧。",
    # --- look-alikes: places in 役所 names, animals, products, departments, services ---
    "⟪さくら市役所⟫と⟪つくば市役所⟫の窓口時間を比較する表を作って。担当は⟪市民課⟫と⟪こども家庭課⟫。",
    "⟪ひたちなか市役所⟫の⟪環境保全課⟫が出している⟪カラス⟫対策のチラシを参考に、当市版の文案を。",
    "⟪いわき市役所⟫の事例：⟪タヌキ⟫や⟪ムクドリ⟫の被害相談への回答例をまとめて。",
    "⟪Mynaportal⟫ and ⟪e-Tax⟫ links for the English page — check the wording of \"Use ⟪Mynaportal⟫ to apply online\".",
    "⟪ロキソニン⟫と⟪カロナール⟫の違いを、保健センターの広報向けにやさしく説明して。",
    "庁内の⟪ルンバ⟫導入の稟議書の文面。⟪総務課⟫⟪管財課⟫宛。",
    "⟪みどり市役所⟫と⟪あきる野市役所⟫の⟪ふるさと納税⟫の返礼品を比べたい。",
    "⟪ポカリスエット⟫の配布について熱中症対策の広報文を。⟪健康づくり課⟫名義で。",
]
# fmt: on


def parse_keeps(marked: str) -> tuple[Prompt, list[str]]:
    """The prompt with ⟪…⟫ removed, and the look-alikes those brackets held."""
    keeps = _KEEP.findall(marked)
    return parse(_KEEP.sub(lambda m: m.group(1), marked)), keeps


def prompts() -> list[Prompt]:
    return [parse_keeps(p)[0] for p in PROMPTS]


def prompts_with_keeps() -> list[tuple[Prompt, list[str]]]:
    return [parse_keeps(p) for p in PROMPTS]
