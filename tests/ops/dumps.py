"""Canonical table contents, to compare two databases row by row."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, select

from jichitai_ai.storage.schema import metadata


def table_rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, ordered by primary key, values as text (one form for both backends)."""
    engine = create_engine(url)
    out: dict[str, list[tuple[Any, ...]]] = {}
    try:
        with engine.connect() as conn:
            for table in metadata.sorted_tables:
                order = list(table.primary_key.columns) or list(table.columns)
                rows = conn.execute(select(table).order_by(*order)).all()
                out[table.name] = [tuple(_text(v) for v in row) for row in rows]
    finally:
        engine.dispose()
    return out


def _text(value: Any) -> Any:
    if value is None or isinstance(value, int | str):
        return value
    if isinstance(value, float):
        return round(value, 9)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return repr(value)
