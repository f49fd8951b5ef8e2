"""Red-team set rt11, set 28: residents' questions (question log), written and committed before
the detector ran on them (docs/benchmarks.md §3, "Red team rt11"). Markup as heldout_prompts_24.py
(⟪…⟫: a look-alike that must stay readable in the log). Japanese, やさしい日本語, English, Tiếng
Việt (with and without diacritics), Tagalog, नेपाली (Devanagari and romanised), Português:
residents pasting a signature or a table row, names in rōmaji and katakana, ages with a 和暦
birth year, addresses with kanji-numeral 丁目・番・号, full-width digits, phones spelt out the way
they are said (ゼロキュウゼロの…, "zero nine zero"), OCR-like spacing; and questions with
look-alikes only (place names, companies, products, mascots, public facility numbers).
"""

from __future__ import annotations

from .heldout_prompts_24 import parse_keeps
from .staff_prompts import Prompt

# fmt: off
QUESTIONS: list[str] = [
    # --- Japanese ---
    "⟦P:蕨 サキ⟧、⟦B:昭和十六年⟧生まれの八十五歳です。敬老パスはもらえますか",
    "住所は ⟦A:若草台三丁目十二番五号⟧ です。粗大ごみの申し込み方法は？",
    "電話は ⟦T:ゼロキュウゼロのニーニーヨンイチのハチハチサンゴー⟧ です。折り返しお願いします",
    "⟦T:ぜろはちぜろ　いちいちさんなな　ごーにーきゅーろく⟧ に電話ください（⟦P:仲井間⟧）",
    "⟦P:徳留 ミサヲ⟧ ⟦B:大正十四年⟧生、百一歳の祝い金について",
    "母（⟦B:昭和１２年５月８日⟧生）の介護認定の申請は代理でできますか。私は長男の⟦P:我那覇 努⟧です",
    "⟦P:饗庭⟧\t⟦T:０４５－９７３－８８１２⟧\t保育園の空き状況を知りたい",
    "お問い合わせ\n氏名：⟦P:堀籠 千紘⟧\n電話：⟦T:080-2296-4451⟧\n内容：児童手当の口座変更",
    "--\n⟦P:湊川 大地⟧\n⟦E:daichi.minatogawa@example.jp⟧\n転入届に必要なものを教えて",
    "⟦A:青葉市緑が丘二丁目六番十四号⟧の⟦P:平良 静江⟧です。家の前の街灯が切れています",
    "⟦P:の ぐ ち　ま さ こ⟧ で す 。 ⟪ご み⟫ の ⟪カ レ ン ダ ー⟫ を く だ さ い",
    "生活保護を受けている⟦P:鬼塚 正平⟧です。ケースワーカーの⟦P:梁瀬⟧さんに伝えてください",
    "要介護２の父 ⟦P:丹羽 常雄⟧（⟦B:昭和９年⟧生まれ）のショートステイの申込み",
    "⟦P:新城 チル⟧ です。ばあちゃんの住民票、⟦A:字宮城千二百十二番地⟧ で取れますか",
    "⟦A:二十四番地の七⟧に住んでる⟦P:鳴海⟧です。下水の臭いがします",
    "ケータイは⟦T:〇九〇の八八一二の三〇四五⟧、⟦P:八重樫 祐介⟧です",
    "⟦P:福嶺 トキ⟧ ⟦B:Ｓ８．１．１５⟧ 生まれの祖母の紙おむつ給付",
    "孫の ⟦P:ゆいと⟧（⟦B:令和三年⟧生まれ、三さい）の 予防接種の 予定",
    "マイナンバーは ⟦M:ろくろくにーいち　よんさんきゅーはち　いちいちごーなな⟧ です",
    "個人番号 ⟦M:８２６１ ４０９３ ７７１５⟧ で住民票を取れますか",
    # --- look-alikes, Japanese ---
    "⟪#7119⟫ は夜でもつながりますか",
    "⟪189⟫ に電話したらどうなりますか",
    "⟪長野⟫から引っ越してきました。⟪軽井沢⟫の住所のままです",
    "⟪くまモン⟫のイベントはいつですか",
    "⟪あきたこまち⟫の新米を学校給食に使っていますか",
    "⟪みずほ銀行⟫で市県民税を払えますか",
    "⟪ヤクルト⟫さんの見守りサービスを頼みたい",
    "⟪江崎グリコ⟫の工場見学の申し込みは市でできますか",
    "⟪熊本⟫の地震のときの支援物資の話を聞きたい",
    "⟪ひとめぼれ⟫を作っている農家の補助金",
    "⟪あずさ⟫で⟪松本⟫に行きます。駅のバリアフリーは？",
    "⟪明治⟫の液体ミルクは避難所にありますか",
    "⟪0570-064-370⟫ は何の番号ですか",
    # --- やさしい日本語 ---
    "わたしは ⟦P:ホー ゴック フォン⟧ です。⟦B:へいせい ９ねん⟧ うまれ です。けんこうしんだん を うけたい",
    "⟦P:ビシュヌ⟧ です。でんわ は ⟦T:ぜろはちぜろ の ななななにい の いちさんさんはち⟧ です",
    "わたし の なまえ は ⟦P:ロドリゴ⟧ です。⟦A:わかば まち 2ちょうめ 8ばん 15ごう⟧ に すんでいます",
    "⟦P:マリセル⟧ の こども ⟦P:ジェイデン⟧ は ほいくえん に はいれますか",
    "⟪イオン⟫ で ⟪マイナンバーカード⟫ を つくれますか",
    # --- English ---
    "Hi, this is ⟦P:Jericho Manalastas⟧. My number is ⟦T:zero nine zero, four four one two, six six zero three⟧. Please call me back.",
    "I live at ⟦A:3-chome 12-5 Wakakusadai⟧, my name is ⟦P:Roselyn Buenaflor⟧. When is burnable garbage day?",
    "--\n⟦P:Adriana Carvalho Oshiro⟧\n⟦T:+81 90 6612 0378⟧\nHow do I register my newborn?",
    "My mother ⟦P:Lourdes⟧ was born in ⟦B:1951⟧, she is 75. Can she get long-term care?",
    "Is ⟪Toyota⟫ City far from here? I want to visit the ⟪Toyota⟫ museum.",
    # --- Tiếng Việt ---
    "Tôi tên là ⟦P:Đặng Thị Mỹ Duyên⟧, số điện thoại ⟦T:080 3345 1207⟧. Tôi muốn đăng ký bảo hiểm.",
    "Toi la ⟦P:Quach Huu Phuoc⟧, sinh ngay ⟦B:15/08/1997⟧. Lam sao de lay giay chung nhan thue?",
    "Con tôi tên ⟦P:Bảo Ngọc⟧, 2 tuổi. Nhà trẻ ở ⟦A:Wakakusadai 3-12-5⟧ còn chỗ không?",
    "⟪Hà Nội⟫ và ⟪Sài Gòn⟫ có lãnh sự quán Nhật không?",
    # --- Tagalog ---
    "Ako po si ⟦P:Cherrylyn Macaraeg⟧, nakatira sa ⟦A:Midorigaoka 2-6-14⟧. Paano po mag-renew ng health insurance?",
    "Ang anak ko na si ⟦P:Princess Joy⟧ ay ipinanganak noong ⟦B:Marso 3, 2019⟧. Saan po ang bakuna?",
    "Ang numero ko ay ⟦T:zero-siyam-zero 7741 2286⟧. Tawagan po ninyo ako.",
    "May ⟪Jollibee⟫ po ba dito sa lungsod?",
    # --- नेपाली ---
    "मेरो नाम ⟦P:सुनिता गुरुङ⟧ हो। मेरो फोन ⟦T:०८०-४४१७-३३९०⟧ हो।",
    "Mero naam ⟦P:Prakash Bhandari⟧ ho. Mero chhori ⟦P:Anisha⟧ lai school ma bharna garna cha.",
    "⟪Kathmandu⟫ bata aaeko, ⟪Hello Work⟫ kaha cha?",
    # --- Português ---
    "Meu nome é ⟦P:Juliana Tiemi Yogi⟧, moro em ⟦A:Sakuragaoka 5-11-3⟧. Como faço o kokumin hoken?",
    "Sou ⟦P:Wellington Massaru Chinen⟧, telefone ⟦T:zero oito zero, dois dois nove um, quatro quatro cinco zero⟧.",
    "Minha filha ⟦P:Larissa⟧ nasceu em ⟦B:12/05/2015⟧. Quando é a matrícula da escola?",
    "O ⟪Banco do Brasil⟫ tem agência perto da prefeitura?",
    "Onde compro produtos da ⟪Yoki⟫ e ⟪Sadia⟫ aqui?",
    # --- mixed ---
    "⟦P:Ｍａｒｉｅｌ Ｔｏｒｒｅｓ⟧ です。⟦T:０９０－５５０１－８８２３⟧ に連絡ください",
    "⟦P:ズン⟧ です、⟦P:DUNG⟧ と書きます。在留カードの住所変更",
    "⟪セブンイレブン⟫と⟪ローソン⟫で住民票は取れますか",
]
# fmt: on


def questions() -> list[Prompt]:
    return [parse_keeps(q)[0] for q in QUESTIONS]


def questions_with_keeps() -> list[tuple[Prompt, list[str]]]:
    return [parse_keeps(q) for q in QUESTIONS]
