"""Leaks found by the rt1 red-team set on its first run (tests/gateway/heldout_prompts_18.py,
heldout_residents_18.py; docs/benchmarks.md §3), each with a variant the set did not hold,
and the ordinary text each new rule must leave readable."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import DEFAULT_CONFIG, Detector, EntityType, MaskingSession, assess
from jichitai_ai.privacy._canonical import canonicalize


@pytest.fixture(scope="module")
def detector() -> Detector:
    """The profile the gateway and the question log use (strict)."""
    return Detector(DEFAULT_CONFIG)


def _masked(detector: Detector, text: str) -> str:
    return MaskingSession().mask(text, detector.detect(text)).text


def _types(detector: Detector, text: str) -> set[EntityType]:
    return {e.type for e in detector.detect(text)}


# (text, what must not be visible once masked)
LEAKS = [
    # 西暦 with the 和暦 year in brackets before 年; 大字 numerals; English month after the date
    ("面談メモ：鰐淵 志津香、1972（昭和47）年4月30日生、携帯", "4月30日"),
    ("1985(昭和60)年12月3日生まれの方", "12月3日"),
    ("（昭和参拾八年五月弐拾日生）の成年後見", "五月弐拾日"),
    ("生年月日 平成弐年拾月廿日", "廿日"),
    ("被害者（Dec. 3, 1979生）が転倒", "1979"),
    ("母（03.09.1985生まれ）", "1985"),
    ("母のウメノ（大正十四年生）が施設に入ります", "十四年"),
    # a number wrapped at a dash
    ("自宅電話 0248-\n63-1924、母子で転入予定", "1924"),
    ("連絡先は0467-\n   35-2281（自宅）です", "2281"),
    ("個人番号 5273-6180-\n4498 の件", "4498"),
    # letters for digits
    ("折り返し先は O8O-5521-7730（メモの字が読みにくい）", "7730"),
    ("携帯 09O-l234-5678", "5678"),
    # the 番号 half of 記号・番号 after a kana prefix
    ("保険証 記号 あ-1207 番号 48817、紛失届あり", "48817"),
    ("保険証の記号青-0552番号31087をなくしました", "31087"),
    # 〒 with a space for the hyphen; Sapporo block after 丁目
    ("郵送先：〒062 0931 平岸1条14丁目2-26", "0931"),
    ("北5条西12丁目3-8 ライオンズ北五条1102", "3-8"),
    # an account number before a comma; 第…号 after 番号は
    ("my account is 普通 7720481, refund not received", "7720481"),
    ("障害者手帳の番号は第4081号です", "4081"),
    ("療育手帳の番号は 2207 です", "2207"),
    # Latin names in English sentences and mail headers
    ("Thandiwe Nkosi called about her daughter's school", "Nkosi"),
    ("Olena Shevchuk. Phone 070-3381-6620.", "Shevchuk"),
    ("Chukwuemeka Obi is my name and I need help", "Chukwuemeka"),
    ("差出人 Quispe Mamani, Rosa <rosa@example.pe>", "Quispe"),
    # look-alike letters, Cyrillic names after 氏名欄, Nepali and Russian self-introductions
    ("宛名を確認：Ѕvetlana Kоvalenko 様", "valenko"),
    ("書類の氏名欄：Світлана Коваленко、生年月日", "Коваленко"),
    ("मेरो नाम बिष्णु खड्का हो। फोन", "खड्का"),
    ("Здравствуйте, меня зовут Олена Шевчук, я из Киева.", "Шевчук"),
    # a four-character Chinese name (compound surname)
    ("我叫司马晓晴，想办理国民健康保险。", "晓晴"),
    # names after 名前は, 下は, a hiragana surname ending in の, a place-read surname
    ("「えっと、名前はこばやかわです。下はあやね。」", "こばやかわ"),
    ("「えっと、名前はこばやかわです。下はあやね。」", "あやね"),
    ("住民：にしぞの まゆといいます", "にしぞの"),
    ("丹後 美紗です。転出届はオンラインでできますか", "美紗"),
    # a given name between a kinship word and an age or birthdate
    ("長女の澪（14）と次男の蒼空（9）", "蒼空"),
    ("こどものひなの（2021/4/8生まれ）の予防接種", "ひなの"),
    # read-aloud number with pauses
    ("番号はゼロハチゼロの、6637の、2190です", "6637"),
    # a 名義 column in a pasted table
    ("名義\t金融機関\t口座番号\nムカイダ シゲル\t東邦信用金庫\t0071934", "ムカイダ"),
    # set 19 (after the set-18 fixes): Greek names, two-column CSV, わたしは + spaced kana name
    ("宛名の確認：Ιωάννης Παπαδόπουλος 様", "Παπαδόπουλος"),
    ("氏名,電話\n早瀬 凛花,0748-22-6031", "凛花"),
    ("名前，住所\nマルケス ルイス，本町1-2-3", "マルケス"),
    ("わたしは ふくなが りお です。こどもの てあて", "ふくなが"),
    ("ぼくは グエン・タン です", "タン"),
    # set 20 (after the set-19 fixes)
    ("الاسم محمد الحسن 、1991/03/12 生まれ", "الحسن"),
    ("قمت بالانتقال. اسمي محمد الحسن . كيف أسجل العنوان؟", "محمد"),
    ("ชื่อประเสริฐ ทองคำ ครับ อยากถามเรื่องภาษี", "ทองคำ"),
    ("Signature: Priya Raghunathan | Tel (045) 671-2093", "Raghunathan"),
    ("Kofi Mensah | Phone 080-1234-5678", "Mensah"),
    ("電話メモ：〇四五・三三一・二〇八七 の件", "三三一"),
    ("普通 0418827 トヨダ ハナエ。記入例を作って", "トヨダ"),
    # control characters inside a name (hostile input; the gateway refuses NUL, the question
    # log keeps what the resident typed, masked)
    ("山田\u0085太郎です。住民票がほしい", "太郎"),
    ("相談者 山田\u0000太郎 090-1234-5678", "太郎"),
    # mojibake: UTF-8 read as Shift_JIS, Shift_JIS read as cp1252
    ("文字化け：\n氏名,電話\n隨ｹ逶ｮ 蜍伜勧,0297-55-1802", "蜍伜"),
    ("読める形に戻して：‰Ž“n —I—¢様", "—I—¢"),
]


@pytest.mark.parametrize(("text", "hidden"), LEAKS)
def test_first_run_leak_is_masked(detector: Detector, text: str, hidden: str) -> None:
    assert hidden not in _masked(detector, text)


# マイナンバー labels the first run missed: the prompt must be 特定個人情報 (refused), not a
# generic number.
MY_NUMBERS = [
    "番号カードの番号（7140\u200b2869\u200b9355）で照会",
    "My Number: 4995-8021-7367 — please draft a reply",
    "my number is 499580217367",
    "通知カードの番号 7140 2869 9355",
    "마이넘버 714028699355",
]


@pytest.mark.parametrize("text", MY_NUMBERS)
def test_my_number_labels_make_it_specific_personal_information(
    detector: Detector, text: str
) -> None:
    assert EntityType.MY_NUMBER in _types(detector, text)
    assert assess(detector.detect(text)).specific_personal_information


# What each new rule must leave alone.
READABLE = [
    ("受付番号 7140 2869 9355 のお問い合わせ", "受付番号"),  # a receipt, not refused
    ("令和6年度の予算は2024-\n2025年の計画で", "2025年"),
    ("Model XO-1234-5678 and Room O1-23-456", "XO-1234-5678"),
    ("口座 12,345円の振込", "12,345"),
    ("条例第12号の改正について、番号は第3条を参照", "第12号"),
    ("Please call the Tax Office. Email: tax@example.jp", "Tax Office"),
    ("氏名は必須です。", "必須"),
    ("母の年齢（82）を考えると、父の介護（週3回）も", "年齢"),
    ("résumé と naïve な café のメニュー", "résumé"),
    ("ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞの受け取りについて", "ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ"),
    ("“quoted” — text … with ‘marks’", "quoted"),
    ("Привет, как дела", "Привет"),
    ("山田さんのお父さん（武、S10.2.3生）の介護保険料", "お父さん"),
    ("はい,いいえ\nとても,よい", "とても"),
    ("一・二・三年生の合計は百二十三人、四・五・六年生は", "四・五・六年生"),
    ("اسمي غير مهم هنا", "اسمي"),
    ("データ ハナエ、サービス マナ、コピー ユキ", "サービス"),
    # SudachiPy tags "Phone" as 人名; a Latin form label is not a name
    ("Olena Shevchuk. Phone 070-3381-6620.", "Phone"),
    ("連絡先 Phone 070-3381-6620", "Phone"),
    ("Name: Kenji Watanabe, Email: k@example.com", "Email"),
    ("結果は、良好,です", "良好"),
    ("Καλημέρα από την Αθήνα", "Καλημέρα"),
]


@pytest.mark.parametrize(("text", "kept"), READABLE)
def test_ordinary_text_stays_readable(detector: Detector, text: str, kept: str) -> None:
    assert kept in _masked(detector, text)
    assert EntityType.MY_NUMBER not in _types(detector, text)


def test_mojibake_masks_map_back_to_the_garbled_characters() -> None:
    text = "氏名：隨ｹ逶ｮ 蜍伜勧 様"
    canon = canonicalize(text)
    assert "笹目 勘助" in canon.text
    start = canon.text.index("笹目")
    assert canon.span(start, start + 5) == (text.index("隨"), text.index("勧") + 1)


def test_look_alike_letters_fold_only_inside_mixed_words() -> None:
    assert canonicalize("Ѕvetlana").text == "Svetlana"
    assert canonicalize("Светлана").text == "Светлана"


# One list of phone cues (privacy._cues) for the detector's two checks and the question
# log's retrieval text: a word known to one of them is known to all three.
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("スマホ 13812345678", "13812345678"),  # Chinese mobile after a Japanese cue
        ("mobile 0223-345-9012", "345-9012"),  # mistyped (11 digits) after an English cue
        ("핸드폰 0312345678", "0312345678"),
    ],
)
def test_every_phone_cue_works_for_every_check(detector: Detector, text: str, number: str) -> None:
    assert number not in _masked(detector, text)
    assert EntityType.PHONE in _types(detector, text)


def test_the_question_log_cuts_every_phone_cue_with_its_number() -> None:
    from jichitai_ai.services.redaction import screen

    for cue in ("联系", "FAX", "ファクス"):
        screened = screen(f"{cue} 090-1234-5678 住民票がほしい")
        assert cue not in screened.for_retrieval and "住民票" in screened.for_retrieval
