"""Regression tests for the first-run leaks of tests/gateway/heldout_prompts_2.py, each
with variants written for the same rule (not the prompt's exact strings only), and the
ordinary text the new rules must leave alone."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector
from jichitai_ai.privacy._detector import DEFAULT_CONFIG
from jichitai_ai.privacy._types import EntityType

P, A, N, B, H = (
    EntityType.PERSON,
    EntityType.ADDRESS,
    EntityType.CASE_NUMBER,
    EntityType.BIRTHDATE,
    EntityType.HEALTH_INSURANCE,
)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(DEFAULT_CONFIG)


def _found(detector: Detector, text: str) -> list[tuple[str, EntityType]]:
    return [(e.text, e.type) for e in detector.detect(text) if e.type is not EntityType.SENSITIVE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 한글 in Japanese text, with or without a space after the surname
        ("권 지훈（クォン・ジフン）さん、国保税", ("권 지훈", P)),
        ("相談者：최유진、電話あり", ("최유진", P)),
        ("（박서연）さん、年金", ("박서연", P)),
        ("남궁민수さんの件", ("남궁민수", P)),
        # 한글 in a Korean sentence: needs 씨 / 님 / さん
        ("김민준 씨에게 보낼 안내문을 번역해 주세요.", ("김민준", P)),
        ("정하늘 님, 안녕하세요", ("정하늘", P)),
        # Thai, Cyrillic, Devanagari with a cue
        ("สมศรี ใจดี さん（タイ国籍）に", ("สมศรี ใจดี", P)),
        ("氏名：Иван Петров、転入", ("Иван Петров", P)),
        ("राम बहादुर様への案内", ("राम बहादुर", P)),
        # Latin with diacritics, lower case, "surname, given"
        ("Nguyễn Văn Hùngさん、健診", ("Nguyễn Văn Hùng", P)),
        ("Trần Thị Hươngさんへ", ("Trần Thị Hương", P)),
        ("yamashita kenta 様、メール", ("yamashita kenta", P)),
        ("宛名 Tanaka, Yoshiko 様", ("Tanaka, Yoshiko", P)),
        ("Watanabe, Kenji さんの申請", ("Watanabe, Kenji", P)),
        # a Latin name found once, repeated with the rest of the full name
        ("Dear Mr. Okafor, the application for Chidi Okafor is done.", ("Chidi Okafor", P)),
        # 名乗り: whatever the name reads as
        ("「森林 さくらと申します。", ("森林 さくら", P)),
        ("市民課の平和と申します", ("平和", P)),
        # hiragana surname repeated after a kinship word
        ("ほりかわ みちこさん。同居の母ほりかわ トメさん", ("ほりかわ トメ", P)),
        # 第…号 after a record or certificate label
        ("保護番号 第2024-0815号、就労指導", ("第2024-0815号", N)),
        ("身体障害者手帳 第4471号、補装具", ("第4471号", N)),
        ("受給者証 第 88号 の更新", ("第 88号", N)),
        # number plates
        ("車両 品川 300 さ 12-34、未納", ("品川 300 さ 12-34", N)),
        ("ナンバーは なにわ330ね4567 です", ("なにわ330ね4567", N)),
        # the 番号 half of 記号・番号
        ("保険証の記号 1234 番号 5671 の再発行", ("5671", H)),
        ("国民健康保険証（記号 29-041、番号 1183）", ("1183", H)),
        # 在留カード番号 typed in groups
        ("在留カード番号 PK 7731 2048 EA、年金", ("PK 7731 2048 EA", EntityType.RESIDENCE_CARD)),
        # dates with the 和暦 year in brackets
        ("1999年(平成11年)6月5日生まれ", ("1999年(平成11年)6月5日", B)),
        ("１９８８年（昭和６３年）１月２日生", ("１９８８年（昭和６３年）１月２日", B)),
        # hand-typed addresses and buildings
        ("督促状：中央2の14の3 コーポ中央105　保育料", ("中央2の14の3 コーポ中央105", A)),
        ("桜木町4-7-15 メゾン桜木203、生年月日", ("桜木町4-7-15 メゾン桜木203", A)),
        ("会社の寮（工業団地5号棟402）に住む", ("工業団地5号棟402", A)),
        ("東町二ノ五ノ八に住む", ("東町二ノ五ノ八", A)),
    ],
)
def test_first_run_leaks_are_masked(
    detector: Detector, text: str, expected: tuple[str, EntityType]
) -> None:
    assert expected in _found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "안녕하세요. 주민센터 안내문을 한국어로 번역해 주세요.",  # Korean sentence, no name
        "タイ語で「สวัสดีครับ」と書いてください。",  # a quoted phrase, no cue
        "電話番号は090の1234の5678です",  # a spoken phone number, not a plate
        "市営住宅の申込は2024年まで",  # a housing word and a year
        "条例第12号により",  # a law number
        "議案第3号を可決した",
        "yes we can do it",  # lower-case English
        "森林環境税の使い道を知りたい",
    ],
)
def test_ordinary_text_is_not_masked_as_personal(detector: Detector, text: str) -> None:
    kinds = {P, A, N, B, H}
    assert [f for f in _found(detector, text) if f[1] in kinds] == []


# First-run leaks of tests/gateway/heldout_prompts_3.py, with variants.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("宛名：RAMIREZ GARCIA, Juan Carlos 様", ("RAMIREZ GARCIA, Juan Carlos", P)),
        ("SMITH, John 様への通知", ("SMITH, John", P)),
        ("連絡帳：翔くん（1歳）の様子", ("翔", P)),
        ("湊ちゃんが熱を出した", ("湊", P)),
        ("翔くん（1歳）とさくらちゃん（3歳）", ("さくら", P)),  # と stays readable
        ("この文章を丁寧語に：真壁です。", ("真壁", P)),
        ("「鳥越ですけど、街灯が切れています」", ("鳥越", P)),
        ("連 絡 先：0 9 0 - 4 4 5 5 - 6 6 7 7", ("0 9 0 - 4 4 5 5 - 6 6 7 7", EntityType.PHONE)),
        ("申 請 者：佐 野 康 弘", ("佐 野 康 弘", P)),
        ("住所 駅前通2-3。", ("駅前通2-3", A)),
        ("保管場所は緑町1-14です", ("緑町1-14", A)),
        ("国民健康保険 記号 青12 番号 3456、", ("青12", H)),
        ("国民健康保険 記号 青12 番号 3456、", ("3456", H)),
    ],
)
def test_second_first_run_leaks_are_masked(
    detector: Detector, text: str, expected: tuple[str, EntityType]
) -> None:
    assert expected in _found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "そこへ行くんだ。明日書くんです。",  # verbs ending in く before ん
        "赤ちゃんとお姉ちゃんが来た",  # kinship words before ちゃん
        "以上です。本日です。",  # です after ordinary words
        "表2-3のとおり。様式2-3を提出。",  # numbered items, not a town and block
    ],
)
def test_second_round_rules_leave_ordinary_text(detector: Detector, text: str) -> None:
    kinds = {P, A, N, B, H}
    assert [f for f in _found(detector, text) if f[1] in kinds] == []


# First-run leaks of tests/gateway/heldout_prompts_4.py, with variants.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("世帯員：妻 千景、長男 悠真、次女 凛。", ("凛", P)),
        ("長女 茜、次男 蓮の二人", ("茜", P)),
        ("about her son Daiki's school enrollment.", ("Daiki", P)),
        ("my wife Yuko will call you", ("Yuko", P)),
        ("「一ノ瀬 光」と名乗る男性を保護", ("一ノ瀬 光", P)),
        ("山吹と名乗る女性から電話", ("山吹", P)),
        ("Kim Ji-won（キム・ジウォン）さん、国保", ("Kim Ji-won", P)),
        ("Jean-Luc Picardさんの転入", ("Jean-Luc Picard", P)),
    ],
)
def test_third_first_run_leaks_are_masked(
    detector: Detector, text: str, expected: tuple[str, EntityType]
) -> None:
    assert expected in _found(detector, text)


def test_hyphen_honorific_is_not_part_of_the_name(detector: Detector) -> None:
    assert ("Tanaka", P) in _found(detector, "Tanaka-sanに連絡")


# First-run leaks of tests/gateway/heldout_prompts_5.py, with variants.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("療育手帳 A1-20345 をお持ちの方", ("A1-20345", N)),
        ("受給者証：12-3456 の更新", ("12-3456", N)),
        ("「めぐみです！息子が熱を出した」", ("めぐみ", P)),
        ("LINE：\nゆかりです。明日伺います", ("ゆかり", P)),
    ],
)
def test_fourth_first_run_leaks_are_masked(
    detector: Detector, text: str, expected: tuple[str, EntityType]
) -> None:
    assert expected in _found(detector, text)


@pytest.mark.parametrize(
    "text", ["「そうです。」「こちらです。」", "手帳 2024年版を配布。手帳 2冊"]
)
def test_openings_and_counts_stay_readable(detector: Detector, text: str) -> None:
    assert [f for f in _found(detector, text) if f[1] in {P, N}] == []


# First-run leaks of tests/gateway/heldout_prompts_6.py, with variants.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("同僚の田中っちが言ってた", ("田中", P)),
        ("Ludwig van Beethovenの交響曲", ("Ludwig van Beethoven", P)),
        ("Lǐ Míng（李明）さん、電話", ("Lǐ Míng", P)),
        ("Ayşe Yılmaz さん（トルコ国籍）", ("Ayşe Yılmaz", P)),
        (
            "問い合わせ元：yamada.taro [at] example.jp",
            ("yamada.taro [at] example.jp", EntityType.EMAIL),
        ),
        ("連絡は taro(at)example.co.jp まで", ("taro(at)example.co.jp", EntityType.EMAIL)),
    ],
)
def test_fifth_first_run_leaks_are_masked(
    detector: Detector, text: str, expected: tuple[str, EntityType]
) -> None:
    assert expected in _found(detector, text)


@pytest.mark.parametrize(
    "text",
    ["Santosさんの氏名が長い", "We met at the station. Look at this.", "様子を見る。君主の殿堂"],
)
def test_honorific_words_and_english_stay_readable(detector: Detector, text: str) -> None:
    found = _found(detector, text)
    assert not any(kind is EntityType.EMAIL for _, kind in found)
    assert not any(kind is P and not surface.startswith("Santos") for surface, kind in found)


# First-run leaks of tests/gateway/heldout_prompts_7.py, with variants.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("生年月日がS33.7.7、H2.3.4、R1.5.1の3人", ("R1.5.1", B)),
        ("生年月日：H30.1.1、R2.2.2", ("R2.2.2", B)),
        ("（村上 勲、村上 詩織、村上 湊斗）の健診", ("村上 湊斗", P)),
        ("お子さんのかいとくんが不登校", ("かいと", P)),
    ],
)
def test_sixth_first_run_leaks_are_masked(
    detector: Detector, text: str, expected: tuple[str, EntityType]
) -> None:
    assert expected in _found(detector, text)


def test_recent_dates_outside_a_birthdate_list_stay_readable(detector: Detector) -> None:
    assert _found(detector, "受付はR6.4.1から、締切はR6.5.31です。") == []


# First-run leaks of tests/gateway/heldout_prompts_8.py, with variants.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C:\\Users\\yamada.taro\\Desktop の資料", ("yamada.taro", P)),
        ("https://example.jp/staff/tanaka-hiroshi/profile", ("tanaka-hiroshi", P)),
        ("ファイル sato_hanako_2024.xlsx", ("sato_hanako", P)),
        ("ｱｵﾊﾞｸ ﾁｭｳｵｳ 1-2-3 の半角カナ", ("ｱｵﾊﾞｸ ﾁｭｳｵｳ 1-2-3", A)),
        ("住民異動届：Nguyen Thi Thu Trang、転入", ("Nguyen Thi Thu Trang", P)),
    ],
)
def test_seventh_first_run_leaks_are_masked(
    detector: Detector, text: str, expected: tuple[str, EntityType]
) -> None:
    assert expected in _found(detector, text)


def test_joined_english_words_and_file_names_stay_readable(detector: Detector) -> None:
    text = "www.example.com/index.html data_base log-in make-up e-mail set-up sign-in"
    assert _found(detector, text) == []


def test_a_long_name_with_particles_is_covered_whole(detector: Detector) -> None:
    text = "Maria da Conceição Silva Santosさんの氏名"
    name = "Maria da Conceição Silva Santos"
    covered = set()
    for e in detector.detect(text):
        if e.type is P:
            covered.update(range(e.start, e.end))
    assert {i for i, ch in enumerate(name) if ch != " "} <= covered
    assert "氏名" in text[max(covered) + 1 :]  # さんの氏名 stays readable


# First-run leaks of tests/gateway/heldout_prompts_9.py, with variants.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ｽｽﾞｷ ﾊﾅｺ(S60.1.1生)の通知文", ("ｽｽﾞｷ ﾊﾅｺ", P)),
        ("ヤマダ タロウ、タナカ ハナコの2名", ("ヤマダ タロウ", P)),
        ("上田・下田・中田の3名で訪問予定。", ("下田", P)),
        ("TomとJerryって名前の兄弟", ("Tom", P)),
        ("TomとJerryって名前の兄弟", ("Jerry", P)),
        ("私、ともこと申します。", ("ともこ", P)),
    ],
)
def test_eighth_first_run_leaks_are_masked(
    detector: Detector, text: str, expected: tuple[str, EntityType]
) -> None:
    assert expected in _found(detector, text)


def test_spaced_katakana_words_without_name_readings_stay_readable(detector: Detector) -> None:
    assert _found(detector, "コーヒー カップ、テスト ケースの件") == []


def test_a_name_found_once_does_not_grow_over_desu(detector: Detector) -> None:
    # Found while checking the synthetic set: a surname "repeated" at its own occurrence
    # took です as a given name (斎藤 結衣です).
    found = _found(detector, "名義は斎藤 結衣です。三浦　智子です。")
    assert ("斎藤 結衣", P) in found
    assert ("三浦\u3000智子", P) in found


# First-run leaks of tests/gateway/heldout_prompts_10.py, with variants.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("昭和の45年の6月2日生まれです。", ("昭和の45年の6月2日", B)),
        ("「@taro_yamada88 窓口で冷たくされた」", ("@taro_yamada88", P)),
        ("ベトナムの妻（Mai）を呼びたい", ("Mai", P)),
        ("息子のLucaが入学します", ("Luca", P)),
        ("電話番号がゼロハチゼロの1234の5678", ("ゼロハチゼロの1234の5678", EntityType.PHONE)),
    ],
)
def test_ninth_first_run_leaks_are_masked(
    detector: Detector, text: str, expected: tuple[str, EntityType]
) -> None:
    assert expected in _found(detector, text)


def test_an_e_mail_address_is_not_a_handle(detector: Detector) -> None:
    assert _found(detector, "連絡は a.b@example.com まで") == [
        ("a.b@example.com", EntityType.EMAIL)
    ]
