"""Seeded generator of fictional resident-inquiry texts (住民からの問い合わせ) with gold spans.

Every name, number and address is made up from the lists below; identifiers carry
valid check digits (マイナンバー, Luhn) so the detectors are tested as in real use.
Distractors (2024年, 3,000円, 10時30分, 第2回) keep precision honest.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from ._types import EntityType
from .checksums import luhn_check_digit, my_number_check_digit

SURNAMES = (
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
    "木村",
    "林",
    "斎藤",
    "清水",
    "山崎",
    "森",
    "池田",
    "橋本",
    "阿部",
    "石川",
    "前田",
    "藤田",
    "小川",
    "岡田",
    "後藤",
    "長谷川",
    "村上",
    "近藤",
    "石井",
    "坂本",
    "遠藤",
    "青木",
    "藤井",
    "西村",
    "福田",
    "太田",
    "三浦",
    "藤原",
    "岡本",
    "松田",
    "中川",
    "原田",
)
GIVEN_NAMES = (
    "太郎",
    "花子",
    "一郎",
    "美咲",
    "健太",
    "陽菜",
    "大輔",
    "結衣",
    "翔太",
    "さくら",
    "拓也",
    "愛",
    "直樹",
    "由美",
    "誠",
    "恵子",
    "浩二",
    "真由美",
    "悠斗",
    "葵",
    "蓮",
    "凛",
    "湊",
    "結菜",
    "和子",
    "正雄",
    "幸子",
    "隆",
    "明美",
    "修",
    "智子",
    "健一",
    "裕子",
    "大翔",
    "美穂",
    "亮",
    "彩",
    "勇気",
)
FOREIGN_NAMES = (
    "マリア・サントス",
    "グエン・ヴァン・アン",
    "ジョン・スミス",
    "アナ・シルバ",
    "リー・ウェイ",
    "キム・ミンジュン",
    "ラジ・クマール",
    "エミリー・ブラウン",
    "カルロス・ロドリゲス",
    "チェン・リン",
)
PLACES = (
    ("東京都", "千代田区", "霞が関"),
    ("東京都", "世田谷区", "桜丘"),
    ("神奈川県", "横浜市中区", "本町"),
    ("大阪府", "大阪市北区", "梅田"),
    ("愛知県", "名古屋市中区", "栄"),
    ("北海道", "札幌市中央区", "大通西"),
    ("福岡県", "福岡市博多区", "博多駅前"),
    ("宮城県", "仙台市青葉区", "一番町"),
    ("京都府", "京都市左京区", "岡崎"),
    ("埼玉県", "さいたま市浦和区", "高砂"),
    ("千葉県", "船橋市", "本町"),
    ("静岡県", "浜松市中央区", "元城町"),
    ("広島県", "広島市中区", "大手町"),
    ("長野県", "松本市", "丸の内"),
    ("熊本県", "熊本市中央区", "手取本町"),
)
BUILDINGS = ("ハイツ桜", "コーポ緑", "グリーンマンション", "サンライズ", "メゾン若葉")
DOMAINS = ("example.jp", "mail.example.com", "example.ne.jp", "city.example.lg.jp")
_KANJI_DIGITS = "〇一二三四五六七八九"


def _kanji(n: int) -> str:
    """1-99 as 漢数字 (十, 二十五)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _KANJI_DIGITS[tens] + "十")
    return head + (_KANJI_DIGITS[ones] if ones else "")


@dataclass(frozen=True, slots=True)
class Sample:
    text: str
    entities: tuple[tuple[int, int, EntityType], ...]

    def to_record(self) -> dict[str, object]:
        """ner-ja-like record (types are :class:`EntityType` values)."""
        return {
            "text": self.text,
            "entities": [
                {"name": self.text[s:e], "span": [s, e], "type": t.value}
                for s, e, t in self.entities
            ],
        }


class _Gen:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def wide(self, value: str) -> str:
        """Sometimes full-width (全角), as residents type on phones."""
        if self.r.random() < 0.25:
            return value.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
        return value

    def person(self) -> str:
        if self.r.random() < 0.15:
            return self.r.choice(FOREIGN_NAMES)
        sep = self.r.choice(("", "", " ", "　"))
        return self.r.choice(SURNAMES) + sep + self.r.choice(GIVEN_NAMES)

    def address(self) -> str:
        pref, city, town = self.r.choice(PLACES)
        a, b, c = self.r.randint(1, 9), self.r.randint(1, 30), self.r.randint(1, 20)
        block = self.r.choice(
            (f"{a}丁目{b}番{c}号", f"{a}-{b}-{c}", f"{_kanji(a)}丁目{b}番地{c}", f"{b}番地の{c}")
        )
        building = ""
        if self.r.random() < 0.4:
            building = (
                self.r.choice(("", " "))
                + self.r.choice(BUILDINGS)
                + f"{self.r.randint(1, 9)}0{self.r.randint(1, 9)}号室"
            )
        head = pref if self.r.random() < 0.8 else ""
        return head + city + town + self.wide(block) + building

    def postal(self) -> str:
        return self.r.choice(("〒", "〒", "")) + self.wide(f"{self.digits(3)}-{self.digits(4)}")

    def phone(self) -> str:
        forms = (
            f"03-{self.digits(4)}-{self.digits(4)}",
            f"06{self.digits(8)}",
            f"0{self.r.randint(11, 99)}-{self.r.randint(200, 999)}-{self.digits(4)}",
            f"0{self.r.randint(11, 99)}({self.r.randint(200, 999)}){self.digits(4)}",
            f"090-{self.digits(4)}-{self.digits(4)}",
            f"080{self.digits(8)}",
            f"070 {self.digits(4)} {self.digits(4)}",
            f"050-{self.digits(4)}-{self.digits(4)}",
            f"0120-{self.digits(3)}-{self.digits(3)}",
            f"+81-90-{self.digits(4)}-{self.digits(4)}",
        )
        return self.wide(self.r.choice(forms))

    def email(self) -> str:
        local = self.r.choice(("taro", "hanako.y", "k-suzuki", "info", "user_01", "m.tanaka88"))
        return f"{local}{self.r.randint(1, 999)}@{self.r.choice(DOMAINS)}"

    def birthdate(self) -> str:
        year, month, day = self.r.randint(1935, 2012), self.r.randint(1, 12), self.r.randint(1, 28)
        if year >= 1989:
            era, era_year = "平成", year - 1988
        else:
            era, era_year = "昭和", year - 1925
        forms = (
            f"{year}年{month}月{day}日",
            f"{era}{era_year}年{month}月{day}日",
            f"{era}{_kanji(era_year)}年{_kanji(month)}月{_kanji(day)}日",
            f"{year}/{month:02d}/{day:02d}",
            f"{era}{'元' if era_year == 1 else era_year}年{month}月{day}日",
        )
        return self.wide(self.r.choice(forms))

    def my_number(self) -> str:
        body = str(self.r.randint(1, 9)) + self.digits(10)
        value = body + str(my_number_check_digit(body))
        if self.r.random() < 0.5:
            value = f"{value[:4]}-{value[4:8]}-{value[8:]}"
        return self.wide(value)

    def pension(self) -> str:
        return self.wide(f"{self.digits(4)}-{self.digits(6)}")

    def insurance(self) -> str:
        return self.wide(self.digits(self.r.choice((6, 8))))

    def license(self) -> str:
        return self.wide(self.digits(12))

    def bank(self) -> str:
        return self.wide(self.digits(7))

    def card(self) -> str:
        payload = self.r.choice(("4", "5")) + self.digits(14)
        value = payload + str(luhn_check_digit(payload))
        sep = self.r.choice(("", "-", " "))
        return sep.join(value[i : i + 4] for i in range(0, 16, 4))


_T = EntityType
# Each template: text with {slot} markers; slots map to (generator, type).
_SLOTS: dict[str, tuple[Callable[[_Gen], str], EntityType]] = {
    "person": (_Gen.person, _T.PERSON),
    "address": (_Gen.address, _T.ADDRESS),
    "postal": (_Gen.postal, _T.POSTAL_CODE),
    "phone": (_Gen.phone, _T.PHONE),
    "email": (_Gen.email, _T.EMAIL),
    "birth": (_Gen.birthdate, _T.BIRTHDATE),
    "mynumber": (_Gen.my_number, _T.MY_NUMBER),
    "pension": (_Gen.pension, _T.PENSION_NUMBER),
    "insurance": (_Gen.insurance, _T.HEALTH_INSURANCE),
    "license": (_Gen.license, _T.DRIVER_LICENSE),
    "bank": (_Gen.bank, _T.BANK_ACCOUNT),
    "card": (_Gen.card, _T.CREDIT_CARD),
}
TEMPLATES: tuple[str, ...] = (
    "{person}様の住所は{address}です。電話番号は{phone}です。",
    "お世話になります。{person}と申します。2024年4月1日から転入予定で、住民票の手続きについて教えてください。",
    "氏名：{person}\n生年月日：{birth}\n住所：{postal} {address}\n電話：{phone}",
    "申請者 {person}（{birth}生まれ）のマイナンバーは{mynumber}です。",
    "児童手当の件で、{person}さんから{phone}に折り返しお願いします。受付は10時30分までです。",
    "基礎年金番号{pension}の{person}です。年金の受給について相談したいです。",
    "保険証の被保険者番号{insurance}、{person}です。3,000円の還付金の件です。",
    "運転免許証番号は{license}です。本人確認書類として使えますか。第2回の説明会に参加します。",
    "還付金の振込先は○○銀行 本店 普通 口座番号{bank}、名義は{person}です。",
    "クレジットカード{card}で納付できますか。{person}",
    "メールアドレス {email} にご連絡ください。{person}（{phone}）",
    "{person}です。母の{person}が{address}に住んでいます。介護認定の申請をしたいです。",
    "連絡先：{email}／{phone}。{person}様宛にお送りください。",
    "{postal}{address}　{person}　{birth}",
    "私の個人番号は{mynumber}、生年月日は{birth}です。",
    "粗大ごみを3点出したいです。{address}の{person}です。料金は1,200円ですか。",
)


def generate(count: int, seed: int = 0) -> list[Sample]:
    """``count`` fictional inquiries with gold spans; same seed → same texts."""
    rng = random.Random(seed)
    gen = _Gen(rng)
    samples: list[Sample] = []
    for _ in range(count):
        template = rng.choice(TEMPLATES)
        parts: list[str] = []
        entities: list[tuple[int, int, EntityType]] = []
        length = 0
        rest = template
        while "{" in rest:
            before, _, tail = rest.partition("{")
            slot, _, rest = tail.partition("}")
            parts.append(before)
            length += len(before)
            make, kind = _SLOTS[slot]
            value = make(gen)
            entities.append((length, length + len(value), kind))
            parts.append(value)
            length += len(value)
        parts.append(rest)
        samples.append(Sample("".join(parts), tuple(entities)))
    return samples
