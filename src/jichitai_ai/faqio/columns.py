"""Which source column feeds which ``FaqRecord`` field.

Headers are matched after NFKC, case folding and dropping spaces, ``_`` and
``-``, so ``External ID``, ``external_id`` and ``ＩＤ`` all work.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from jichitai_ai.faqio.errors import FaqFileError, ParseWarning

#: Export order; also the canonical (English) header names.
FIELDS: tuple[str, ...] = (
    "external_id",
    "question",
    "alternatives",
    "answer",
    "links",
    "category",
    "department",
    "department_phone",
    "department_email",
    "department_hours",
    "department_form_url",
    "source_url",
    "valid_from",
    "valid_until",
    "status",
    "language",
)
REQUIRED: tuple[str, ...] = ("question", "answer")

#: Japanese (and other common) header names per field.
ALIASES: dict[str, tuple[str, ...]] = {
    "external_id": ("管理番号", "id", "番号", "faq番号"),
    "question": ("質問", "質問文", "問い"),
    "alternatives": ("別の聞き方", "言い換え", "類似質問"),
    "answer": ("回答", "回答文", "答え"),
    "links": ("関連リンク", "リンク"),
    "category": ("カテゴリ", "カテゴリー", "分類"),
    "department": ("担当課", "担当部署", "所管課"),
    "department_phone": ("電話番号", "電話"),
    "department_email": ("メール", "メールアドレス"),
    "department_hours": ("受付時間",),
    "department_form_url": ("問い合わせフォーム", "お問い合わせフォーム"),
    "source_url": ("出典url", "掲載url", "出典"),
    "valid_from": ("掲載開始日", "公開開始日"),
    "valid_until": ("掲載終了日", "公開終了日"),
    "status": ("状態", "ステータス"),
    "language": ("言語",),
}


#: The columns the import page names (the required ones and the most used), in export order.
HINT_FIELDS: tuple[str, ...] = (
    "external_id",
    "question",
    "alternatives",
    "answer",
    "category",
    "department",
)


def header_hint(lang: str) -> str:
    """列名の案内: each hinted column as the importer accepts it, the Japanese header first and
    the English (exported) one second, e.g. 「管理番号（external_id）」."""
    if lang == "ja":
        return "、".join(f"{ALIASES[name][0]}（{name}）" for name in HINT_FIELDS)
    return ", ".join(f"{ALIASES[name][0]} ({name})" for name in HINT_FIELDS)


def header_key(name: str) -> str:
    """Comparable form of a header: width-, case- and separator-insensitive."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "_-・")


@dataclass(frozen=True)
class ColumnMapping:
    """A municipality's own headers: target field → source header name."""

    columns: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for target in self.columns:
            if target not in FIELDS:
                raise FaqFileError("faqio.mapping_unknown_field", field=target)


@dataclass(frozen=True)
class ResolvedColumns:
    """Column index per field, and the header text as the user wrote it."""

    index: dict[str, int]
    header: dict[str, str]
    warnings: list[ParseWarning]


def resolve_columns(headers: Sequence[str], mapping: ColumnMapping | None) -> ResolvedColumns:
    """Match the header row; unknown columns warn, missing required ones fail the file."""
    wanted: dict[str, str] = {}
    for name in FIELDS:
        wanted[header_key(name)] = name
        for alias in ALIASES[name]:
            wanted[header_key(alias)] = name
    if mapping is not None:
        # A mapped source header wins over a default name of another field.
        for target, source in mapping.columns.items():
            wanted = {k: v for k, v in wanted.items() if v != target}
            wanted[header_key(source)] = target
    index: dict[str, int] = {}
    header: dict[str, str] = {}
    warnings: list[ParseWarning] = []
    for position, raw in enumerate(headers):
        text = raw.strip()
        if not text:
            continue
        found = wanted.get(header_key(text))
        if found is None:
            warnings.append(ParseWarning("faqio.unknown_column_ignored", {"column": text}))
            continue
        target = found
        if target in index:
            raise FaqFileError(
                "faqio.duplicate_column", field=target, first=header[target], second=text
            )
        index[target] = position
        header[target] = text
    missing = [name for name in REQUIRED if name not in index]
    if missing:
        expected = {
            name: (mapping.columns.get(name, name) if mapping else name) for name in missing
        }
        raise FaqFileError("faqio.missing_columns", columns=", ".join(expected.values()))
    return ResolvedColumns(index=index, header=header, warnings=warnings)
