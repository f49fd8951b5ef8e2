"""Round 2 of issue 9 (held-out sets 11 and 12, first runs in docs/benchmarks.md §3):
birthdates without a year or as a year only, IP addresses, school and staff numbers, and
cells of pasted tables under a personal header. Each leak seen, plus variants in other
words, and the ordinary texts that must stay readable."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector, EntityType


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def _found(detector: Detector, text: str) -> dict[str, EntityType]:
    return {e.text: e.type for e in detector.detect(text) if e.type is not EntityType.SENSITIVE}


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("学童保育の名簿：野口 結月 7歳（4/1生）", "4/1生"),
        ("長女 10歳（12/24生まれ）", "12/24生まれ"),
        ("次男（4月1日生まれ）は県外", "4月1日生まれ"),
        ("お母さん（大正14年生まれ）の認定調査", "大正14年生まれ"),
        ("本人は昭和8年生、独居", "昭和8年生"),
        ("相談者 1961年生まれ、無職", "1961年生まれ"),
    ],
)
def test_birthdates_without_a_full_date(detector: Detector, text: str, item: str) -> None:
    assert _found(detector, text).get(item) is EntityType.BIRTHDATE


@pytest.mark.parametrize(
    "text",
    [
        "4月1日生まれの子は何年生になりますか",
        "1990年生まれ以降の方は対象外ですか",
        "平成生まれの職員向けの研修",
        "4/1生活保護の支給日",
        "2024年生産量の統計",
    ],
)
def test_questions_about_a_group_are_not_birthdates(detector: Detector, text: str) -> None:
    assert EntityType.BIRTHDATE not in _found(detector, text).values()


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("送信元IP 203.0.113.45、ブログあり", "203.0.113.45"),
        ("アクセス元は192.168.10.7です", "192.168.10.7"),
        ("学籍番号 S2391045 の生徒", "S2391045"),
        ("主任（職員番号 A08127）", "A08127"),
        ("生徒番号：2024-118", "2024-118"),
        ("社員ID E-40021 の件", "E-40021"),
    ],
)
def test_ip_addresses_and_school_and_staff_numbers(
    detector: Detector, text: str, item: str
) -> None:
    assert item in _found(detector, text)


def test_version_numbers_and_dates_are_not_ip_addresses(detector: Detector) -> None:
    assert _found(detector, "バージョン 1.2.3 に更新、2024.4.1 から") == {}


def test_csv_cells_under_personal_headers(detector: Detector) -> None:
    text = (
        "No,氏名,フリガナ,生年月日,学籍番号\n"
        "1,津久井 恵,ツクイ メグミ,2009/4/1,S2391045\n"
        "2,米倉 颯太,ヨネクラ ソウタ,2009/11/23,S2391046"
    )
    found = _found(detector, text)
    assert found["2009/4/1"] is EntityType.BIRTHDATE and found["2009/11/23"] is EntityType.BIRTHDATE
    assert found["S2391045"] is EntityType.CASE_NUMBER and "S2391046" in found
    assert "1" not in found and "2" not in found


def test_tab_and_markdown_tables(detector: Detector) -> None:
    tsv = "世帯主\t続柄\t連絡先\tメモ\nかわの みき\t母\t0120 33 4455\t特になし"
    found = _found(detector, tsv)
    assert found.get("かわの みき") is EntityType.PERSON and "0120 33 4455" in found
    assert "特になし" not in found and "母" not in found
    md = "| 保護者 | 住所 | 備考 |\n|---|---|---|\n| Ana Souza | 緑町5-6 | 要通訳 |"
    found = _found(detector, md)
    assert "Ana Souza" in found and "緑町5-6" in found and "要通訳" not in found


def test_tables_without_personal_headers_stay_readable(detector: Detector) -> None:
    for text in (
        "品目,数量,単価\nりんご,3,120\nみかん,5,80",
        "| 手続き | 窓口 | 受付時間 |\n|---|---|---|\n| 転入届 | 市民課 | 8:30-17:15 |",
        "区分\t件数\n転入\t120\n転出\t98",
    ):
        assert _found(detector, text) == {}, text


def test_children_listed_with_a_guardian_in_brackets(detector: Detector) -> None:
    text = "連絡網\n・まつお ひなた（母：まつお 由香）090-1123-4598\n・とだ れん（父：戸田 健）"
    found = _found(detector, text)
    assert found.get("まつお ひなた") is EntityType.PERSON
    assert found.get("とだ れん") is EntityType.PERSON
    found = _found(detector, "園児：はると（保護者：佐藤）、みお（母：同上）")
    assert "はると" in found and "みお" in found


def test_guardian_brackets_without_a_listed_name_stay_readable(detector: Detector) -> None:
    for text in (
        "申込書（父母の署名）が必要です",
        "・申込書（保護者：記入不要）",
        "・母（父：不在）",
    ):
        found = _found(detector, text)
        assert "申込書" not in found and "母" not in found, (text, found)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("国外の送付先は 1208 Rizal Ave, Sta. Cruz, Manila。", "1208 Rizal Ave, Sta. Cruz, Manila"),
        ("妻の住所 77 Nguyen Trai Street, Hanoi です", "77 Nguyen Trai Street, Hanoi"),
        ("住所 Rua Augusta 25, Lisboa", "Rua Augusta 25, Lisboa"),
        ("返送先：仙台中央郵便局私書箱第82号 宛", "仙台中央郵便局私書箱第82号"),
        ("送付先 P.O. Box 1234", "P.O. Box 1234"),
        ("先週 Flat 2, 14 Elm Road, Leeds から転入", "Flat 2, 14 Elm Road, Leeds"),
    ],
)
def test_addresses_abroad_and_po_boxes(detector: Detector, text: str, item: str) -> None:
    assert _found(detector, text).get(item) is EntityType.ADDRESS


def test_po_box_question_stays_readable(detector: Detector) -> None:
    assert _found(detector, "私書箱の申込方法を教えて") == {}


def test_address_in_json_keeps_its_quote(detector: Detector) -> None:
    text = '{"name": "越智 康弘", "address": "宮城野区鶴ケ谷1丁目14-3", "tax": 83200}'
    addresses = [e.text for e in detector.detect(text) if e.type is EntityType.ADDRESS]
    assert addresses == ["宮城野区鶴ケ谷1丁目14-3"]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("相談者の名前はOliveira、ファーストネームはBrunoです。", "Bruno"),
        ("名字：ほりうち、下の名前は「みお」", "みお"),
        ("苗字は鰐淵です", "鰐淵"),
        ("Family name: Okafor", "Okafor"),
    ],
)
def test_names_after_a_name_part_label(detector: Detector, text: str, item: str) -> None:
    assert _found(detector, text).get(item) is EntityType.PERSON


def test_questions_about_name_parts_stay_readable(detector: Detector) -> None:
    for text in ("ファーストネームの書き方は？", "苗字は変わりますか", "名字が長い場合の記入例"):
        assert _found(detector, text) == {}, text


def test_spaced_form_labels_are_not_names(detector: Detector) -> None:
    text = "氏　名：鰐淵　修平\n住　所：字中通り二番地の十一\n勤 務 先：市内の商店"
    found = _found(detector, text)
    assert found.get("鰐淵\u3000修平") is EntityType.PERSON
    assert not any(k.startswith(("住", "勤")) for k in found), found


@pytest.mark.parametrize(
    ("text", "item", "kind"),
    [
        ("ログ：login ok user=hayashi.k from 10.20.30.41", "hayashi.k", EntityType.PERSON),
        ("created_by: tsato2 で登録", "tsato2", EntityType.PERSON),
        ("送付先：石原 c/o Maria Lopez", "Maria Lopez", EntityType.PERSON),
        ("Attn: Chidi Okafor, 国際交流課", "Chidi Okafor", EntityType.PERSON),
        ("TEL（自宅）022-3345-9012", "022-3345-9012", EntityType.PHONE),
        ("電話：0225-1234-567 に折返し", "0225-1234-567", EntityType.PHONE),
        ("満45歳（昭和54年6月生）", "昭和54年6月生", EntityType.BIRTHDATE),
        ("1961年3月生まれの相談者", "1961年3月生まれ", EntityType.BIRTHDATE),
        ('=VLOOKUP("長谷部 陸",A:C,2,FALSE)', "長谷部 陸", EntityType.PERSON),
        ("検索語「長谷部 陸」で出ない", "長谷部 陸", EntityType.PERSON),
    ],
)
def test_machine_formats(detector: Detector, text: str, item: str, kind: EntityType) -> None:
    assert _found(detector, text).get(item) is kind


def test_machine_formats_without_personal_data_stay_readable(detector: Detector) -> None:
    for text in (
        "user=admin でログインできない",
        "受付番号 022-3345-9012 の件",
        "「地域 包括」の説明",
        "1990年3月生まれ以降の方は対象ですか",
    ):
        found = _found(detector, text)
        assert not any(k in found for k in ("admin", "022-3345-9012", "地域 包括")), found
        assert EntityType.BIRTHDATE not in found.values(), found


@pytest.mark.parametrize(
    ("text", "item", "kind"),
    [
        ("パスポートの表記：SATO HANAKO、生年月日 H02.04.01", "SATO HANAKO", EntityType.PERSON),
        ("申請者 NGUYEN MINH さん", "NGUYEN MINH", EntityType.PERSON),
        ("とY.Tさんから連絡", "Y.T", EntityType.PERSON),
        ("K. W.様へ折り返し", "K. W.", EntityType.PERSON),
        ("ミツエさん（'34.5.6生）", "'34.5.6", EntityType.BIRTHDATE),
        ("生年月日 ’90/4/1", "’90/4/1", EntityType.BIRTHDATE),
        ("店番 123 口座 7654321", "123", EntityType.BANK_ACCOUNT),
        ("手帳 身体 2級 第30218号", "第30218号", EntityType.CASE_NUMBER),
        ("療育手帳 B1 第4471号", "第4471号", EntityType.CASE_NUMBER),
    ],
)
def test_staff_shorthand(detector: Detector, text: str, item: str, kind: EntityType) -> None:
    assert _found(detector, text).get(item) is kind


def test_shorthand_without_personal_data_stays_readable(detector: Detector) -> None:
    for text in (
        "条例第12号の改正",
        "店番 045 の窓口は2階",
        "'24.4.1 から受付開始",
        "NHK NEWS を見た",
    ):
        assert _found(detector, text) == {}, text


@pytest.mark.parametrize(
    ("text", "item", "kind"),
    [
        ("でんわ 〇九〇―二二四一―七七三八", "〇九〇―二二四一―七七三八", EntityType.PHONE),
        ("携帯は〇八〇－一一二二－三三四四です", "〇八〇－一一二二－三三四四", EntityType.PHONE),
        ("返信案：Ma. Cristina Reyes さんから", "Ma. Cristina Reyes", EntityType.PERSON),
        ("Md. Rahim Uddin 様", "Md. Rahim Uddin", EntityType.PERSON),
        ("苦情：ひらのって人が毎朝ごみを出す", "ひらの", EntityType.PERSON),
        ("こばやしという方から電話", "こばやし", EntityType.PERSON),
    ],
)
def test_residents_messages(detector: Detector, text: str, item: str, kind: EntityType) -> None:
    assert _found(detector, text).get(item) is kind


def test_people_words_that_are_not_names_stay_readable(detector: Detector) -> None:
    for text in (
        "そういう人がいる",
        "市役所っていう方がいい",
        "ライターって人手不足？",
        "手続きのやり方という方法",
        "あの人っていう人",
    ):
        assert EntityType.PERSON not in _found(detector, text).values(), text


@pytest.mark.parametrize(
    ("text", "item", "kind"),
    [
        ("家屋番号 112番4の2 の評価額", "112番4の2", EntityType.CASE_NUMBER),
        ("名簿番号 3-1182、投票区 3", "3-1182", EntityType.CASE_NUMBER),
        ("墓地の区画 C-14-203 の名義", "C-14-203", EntityType.CASE_NUMBER),
        ("登録番号 R5-青-0412 の犬", "R5-青-0412", EntityType.CASE_NUMBER),
        ("自宅は泉区実沢字中山10 です", "泉区実沢字中山10", EntityType.ADDRESS),
        ("1 留守 政景 72 男 要配慮", "留守 政景", EntityType.PERSON),
        ("名簿番号 3-1182、鬼庭 左月 殿。", "鬼庭 左月", EntityType.PERSON),
        ("司法書士 八乙女 淡路氏", "八乙女 淡路", EntityType.PERSON),
        ("後見人候補 司法書士 八乙女 淡路。", "八乙女 淡路", EntityType.PERSON),
        ("民生委員 青葉 みどり さんが同行", "青葉 みどり", EntityType.PERSON),
    ],
)
def test_registers(detector: Detector, text: str, item: str, kind: EntityType) -> None:
    assert _found(detector, text).get(item) is kind


def test_register_words_stay_readable(detector: Detector) -> None:
    for text in (
        "区画整理事業の説明会",
        "文字数10字以内で",
        "本日 花子ちゃん向けの絵本",
        "仙台様式の書類",
        "課長 会議 出席",
        "係長 出張 予定。",
    ):
        found = _found(detector, text)
        assert not any(
            k in found
            for k in ("区画", "文字数10", "本日 花子", "仙台様", "会議 出席", "出張 予定")
        ), found


@pytest.mark.parametrize(
    ("text", "item", "kind"),
    [
        ("My son Brian was born on March 4, 2019.", "March 4, 2019", EntityType.BIRTHDATE),
        ("Date of birth: 4 March 1990", "4 March 1990", EntityType.BIRTHDATE),
        ("생년월일은 1987년 5월 3일이고", "1987년 5월 3일", EntityType.BIRTHDATE),
        ("tôi sinh ngày 12/08/1996 ở Hà Nội", "12/08/1996", EntityType.BIRTHDATE),
        ("我叫张伟，住在青叶区", "张伟", EntityType.PERSON),
        ("我的孩子张子涵想上保育园", "张子涵", EntityType.PERSON),
        ("写信人 刘芳，她的丈夫 陈建国 生于", "陈建国", EntityType.PERSON),
        ("저는 이수진입니다.", "이수진", EntityType.PERSON),
        ("Olá, sou Fernanda Costa, moro aqui", "Fernanda Costa", EntityType.PERSON),
        ("Me llamo Lucía Fernández y vivo aquí", "Lucía Fernández", EntityType.PERSON),
        ("「やまもと はると さんの おかあさん」", "やまもと はると", EntityType.PERSON),
    ],
)
def test_residents_writing_in_other_languages(
    detector: Detector, text: str, item: str, kind: EntityType
) -> None:
    assert _found(detector, text).get(item) is kind


def test_other_language_texts_without_personal_data_stay_readable(detector: Detector) -> None:
    for text in (
        "The meeting is on March 4, 2019.",
        "我是学生",
        "あした の みなさん へ",
        "こうえん に いる おにいさん",
        "受付は 12/08/2024 まで",
    ):
        found = _found(detector, text)
        assert EntityType.BIRTHDATE not in found.values() and "学生" not in found, (text, found)
        assert not any("みなさん" in k or "おにい" in k for k in found), found
