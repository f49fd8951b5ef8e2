"""Red team rt5 (set 23): each leak of the blind run as a *variant* set 23 does not hold — other
names, numbers and wording — through the detector, plus text that must stay readable
(docs/benchmarks.md §3, "Red team rt5")."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector
from jichitai_ai.privacy._detector import DEFAULT_CONFIG

MASKED: list[tuple[str, str]] = [
    # keyed values: JSON, YAML, SQL, log lines, URL queries
    ('{"kana": "ヒラツカ ソウマ", "id": 3}', "ヒラツカ ソウマ"),
    ('{"guardianName": "ホリコシ ケイタ", "dateOfBirth": "1984-07-02"}', "ホリコシ ケイタ"),
    ('{"guardianName": "ホリコシ ケイタ", "dateOfBirth": "1984-07-02"}', "1984-07-02"),
    ("member:\n  given_name: Wakaba\n  family_name: Tsurugaya\n", "Tsurugaya"),
    ("INSERT INTO kids (id, furigana) VALUES (7, 'ミノワ コハル');", "ミノワ コハル"),
    ('ts=1 user="okitsu.r" note=ok', "okitsu.r"),
    ("GET /a?postcode=9870514&x=1 HTTP/1.1", "9870514"),
    # chat logs: speaker after a time, Teams "Surname, Given", Discord header, handle + account
    ("[午後 3:02] Hanazono, Itsuki: 了解です", "Hanazono, Itsuki"),
    ("14:20 たかつじ「資料を送りました」", "たかつじ"),
    ("rin_hoshimi — 昨日 22:15\n側溝が詰まっています", "rin_hoshimi"),
    ("m.sawatari のアカウントがロックされた", "m.sawatari"),
    # lists with a head count, katakana before です, Korean pairs, schedules
    ("ビラール と ザイナブ の 2にん です", "ザイナブ"),
    ("わたしは ハディージャ です。", "ハディージャ"),
    ("곽 서준, 곽 예린 두 명이 살아요", "곽 예린"),
    ("환급 부탁드려요. 석 하윤", "석 하윤"),
    ("윤 채원입니다. 질문이 있어요", "윤 채원"),
    ("祁 浩然和祁 若曦两个人住在一起", "祁 若曦"),
    ("予定：タカハタ 9時、クワバラ 14時", "クワバラ"),
    # English names with no cue, a name in capitals
    ("Is Wulandari eligible for the subsidy?", "Wulandari"),
    ("Application for Faith Olaniyan, thanks", "Faith Olaniyan"),
    ("英字表記：NGUYEN THANH BINH", "NGUYEN THANH BINH"),
    # numbers: account/student labels in other languages, licence, IPv6, plate, dates
    ("account 5512903, please", "5512903"),
    ("학번 21-4-0533 입니다", "21-4-0533"),
    ("学号 2022-1198", "2022-1198"),
    ("めんきょしょう 305617284409 を なくしました", "305617284409"),
    ("接続元 fe80::1c2b:3a4d:11ef", "fe80::1c2b:3a4d:11ef"),
    ("plate Kobe 501 ta 77-18", "Kobe 501 ta 77-18"),
    ("長男は2011年の9月3日、台風の日に生まれた", "2011年の9月3日"),
    ("我1987年的11月2号出生", "1987年的11月2号"),
    ("むすこは 2020ねんの 1がつ 9にち に うまれました", "2020ねんの 1がつ 9にち"),
    # addresses: a block after a CJK place word, Korean 초메 with building and room
    ("我住在梅丘 3-2-14 富士公寓 201", "3-2-14 富士公寓 201"),
    ("주소: 미도리가오카 4초메 2-9 그린하이츠 305호", "미도리가오카 4초메 2-9 그린하이츠 305호"),
]

#: 12 digits with a right check digit and no label: refused as a マイナンバー (rt5)
MY_NUMBERS = [
    "番号 725318406159 を書いてよい？",
    "控え 725-3184-06159",
    "七二五三一八四〇六一五九 と聞き取った",
    '{"kojin_bango": "725318406159"}',
]

READABLE: list[tuple[str, str]] = [
    ("Subject: 保育園の転園について", "保育園の転園について"),
    ("type: application\nstatus: open", "application"),
    ("10:05 保健師A：訪問済み", "保健師A"),
    ("ホテル です。", "ホテル"),
    ("Is Aoba City Hall open on Saturday?", "Aoba"),
    ("Form for My Number Card", "My Number Card"),
    ("Send it to City Hall", "City Hall"),
    ("JR LINE NHK の案内", "NHK"),
    ("受付番号 725318406159 の件", None),
    ("2026年4月1日から受付", "2026年4月1日"),
    ("昭和の終わりに生まれた兄", "昭和の終わり"),
    ("コーヒー と ケーキ の 2にんぶん", "コーヒー"),
    ("version 1.2.3 のログ 10:22:41", "10:22:41"),
    ("user: ごみの出し方を教えて\nassistant: 分別表をご覧ください", "ごみの出し方を教えて"),
    ("[10:00] スタート: 開会あいさつ", "スタート"),
    ("사장님이 월급을 두 달째 안 줘요", "안 줘요"),
    ("환급 부탁드려요. 안 돼요", "안 돼요"),
    ("追跡番号 725318406159 の荷物", None),
    ("Is Kokuho covered for dental?", "Kokuho"),
    ("PAYPAY SUICA ICOCA が使えます", "PAYPAY SUICA ICOCA"),
    ('{"name": "児童手当", "status": "open"}', "児童手当"),
    ('{"file_name": "report_2026.pdf", "school_name": "第二小学校"}', "report_2026.pdf"),
]


@pytest.fixture(scope="module")
def detector() -> Detector:
    """The profile the gateway and the question log use (strict)."""
    return Detector(DEFAULT_CONFIG)


def _masked(detector: Detector, text: str) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in detector.detect(text)]


@pytest.mark.parametrize(("text", "item"), MASKED)
def test_a_set23_style_variant_is_masked(
    detector: Detector,
    text: str,
    item: str,
) -> None:
    start = text.index(item)
    end = start + len(item)
    spans = _masked(detector, text)
    covered = {i for s, e in spans for i in range(s, e)}
    visible = [text[i] for i in range(start, end) if i not in covered and not text[i].isspace()]
    assert not [c for c in visible if c not in ",-:."], (text, detector.detect(text))


@pytest.mark.parametrize("text", MY_NUMBERS)
def test_an_unlabelled_valid_my_number_is_a_my_number(detector: Detector, text: str) -> None:
    assert any(e.type.value == "my_number" for e in detector.detect(text)), text


@pytest.mark.parametrize(("text", "word"), READABLE)
def test_set23_style_ordinary_text_stays_readable(
    detector: Detector, text: str, word: str | None
) -> None:
    found = detector.detect(text)
    if word is None:  # a receipt's number: masked as a number, never a マイナンバー
        assert [e.type.value for e in found] == ["id_number"]
        return
    start = text.index(word)
    end = start + len(word)
    hits = [
        e
        for e in found
        if e.start < end and start < e.end and e.type.value in ("person", "birthdate")
    ]
    assert hits == [], (text, found)
