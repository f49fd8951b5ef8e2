"""Tables pasted from Excel, CSV files and markdown (表・CSVの貼り付け).

A header row (氏名\\t住所\\t電話, No,氏名,生年月日,学籍番号, | 氏名 | 連絡先 |) says what each
column holds; every cell below a personal column is masked as that type, whatever its
format: "2009/4/1" under 生年月日 and "S2391045" under 学籍番号 carry no cue of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._types import Entity, EntityType

# Checked in order: 宛名番号 is a number, not a name; 保護者氏名 a name.
_HEADERS: tuple[tuple[re.Pattern[str], EntityType], ...] = (
    (re.compile(r"生年月日|誕生日|生年|[Bb]irth|DOB"), EntityType.BIRTHDATE),
    (re.compile(r"メール|[Ee]-?mail"), EntityType.EMAIL),
    (re.compile(r"電話|TEL|Tel|tel|携帯|連絡先|[Pp]hone|FAX|Fax"), EntityType.PHONE),
    (re.compile(r"郵便番号|〒"), EntityType.POSTAL_CODE),
    (
        re.compile(r"^(?:振込先)?口座(?:番号)?$|^[Aa]ccount(?: [Nn]o\.?| [Nn]umber)?$"),
        EntityType.BANK_ACCOUNT,
    ),
    (re.compile(r".{1,8}(?:番号|No\.?|ID|コード)$"), EntityType.CASE_NUMBER),
    (re.compile(r"住所|居所|所在地|送付先|[Aa]ddress"), EntityType.ADDRESS),
    (
        re.compile(
            r"氏名|名前|フリガナ|ふりがな|カナ|保護者|児童|生徒|園児|世帯主|申請者|相談者|"
            r"宛名|担当者|家族|続柄名|^[Nn]ame$|[Nn]ame\b|"
            # 姓,名 split into two columns (a one-character header is the whole cell)
            r"^(?:姓|名|氏|苗字|名字|せい|めい|セイ|メイ|ミドルネーム|[Ss]urname|[Ff]irst|[Ll]ast)$|"
            # 口座振替の名義, 受診者, 利用者 …: a person's column by its role
            r"名義|受診者|利用者|対象者|契約者|被保険者|本人|患者|参加者|出席者|代表者"
        ),
        EntityType.PERSON,
    ),
)
#: A markdown header row with the request typed before its first bar (…直して：| 氏名 | …|).
_PREAMBLE = re.compile(r"^[^|\n]*[^|\s][ \u3000]*\|.*\|[ \u3000]*$")
_NOT_PERSONAL_HEADER = re.compile(r"^(?:No\.?|NO\.?|#|番号|連番|通番)$")
_SEPARATOR_ROW = re.compile(r"^[\s|:\-－ー]+$")


def _cells(line: str, start: int, delimiter: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's content, spaces and quotes trimmed."""
    out: list[tuple[int, int]] = []
    pos = start
    for part in line.split(delimiter):
        s, e = pos, pos + len(part)
        while s < e and line[s - start] in " \u3000\"'":
            s += 1
        while e > s and line[e - 1 - start] in " \u3000\"'\r":
            e -= 1
        out.append((s, e))
        pos += len(part) + len(delimiter)
    if delimiter == "|" and out and out[0][0] == out[0][1]:
        out = out[1:]
    if delimiter == "|" and out and out[-1][0] == out[-1][1]:
        out = out[:-1]
    return out


def _delimiter(line: str, current: str | None = None) -> str | None:
    """The cell delimiter of ``line``; a two-column CSV row has one comma, which counts once
    a header row opened a comma table (``current``)."""
    if "\t" in line:
        return "\t"
    if line.count("|") >= 2:
        return "|"
    for d in (",", "，"):
        if line.count(d) >= 2 or (d == current and d in line):
            return d
    return None


#: 氏名,電話 — a two-column header: short cells, no sentence punctuation.
_SHORT_HEADER = re.compile(r"^[^,，。、\s]{1,10}[,，][^,，。、\s]{1,10}$")


def _column_type(header: str) -> EntityType | None:
    if not header or _NOT_PERSONAL_HEADER.match(header):
        return None
    for pattern, kind in _HEADERS:
        if pattern.search(header):
            return kind
    return None


def find_table_cells(text: str) -> Iterator[Entity]:
    """Cells under a personal column of a delimited table with a header row."""
    columns: list[EntityType | None] = []
    delimiter: str | None = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        found = _delimiter(line, delimiter)
        if found is None and delimiter is None and _SHORT_HEADER.match(line.strip()):
            found = "," if "," in line else "，"
        if found is None or (delimiter is not None and found != delimiter):
            columns, delimiter = [], None
            continue
        if _SEPARATOR_ROW.match(line):
            continue
        cells = _cells(line, start, found)
        if not columns:
            if found == "|" and _PREAMBLE.match(line):
                cells = cells[1:]  # この一覧を直して：| 児童名 | 年齢 |: the request, no column
            kinds = [_column_type(text[s:e]) for s, e in cells]
            if any(kinds):
                columns, delimiter = kinds, found
            continue
        for (s, e), kind in zip(cells, columns, strict=False):
            value = text[s:e]
            if kind is None or not value or value in "-－ー―なし無":
                continue
            if kind is EntityType.PERSON and not any(ch.isalpha() for ch in value):
                continue
            free_text = kind in (EntityType.PERSON, EntityType.ADDRESS, EntityType.EMAIL)
            figures = any(ch.isdigit() for ch in value) or (
                # 昭和二十二年七月 under 生年 (rt11): a date in kanji numerals
                kind is EntityType.BIRTHDATE
                and re.search(r"[〇一二三四五六七八九十元]\s?年", value)
            )
            if not free_text and not figures:
                continue  # a number column holding なし or 不明
            yield Entity(kind, s, e, value, 0.9, "table", f"column {kind.value}")
