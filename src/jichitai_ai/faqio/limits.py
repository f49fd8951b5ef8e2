"""Limits that protect storage, the index and the editor's screen."""

from __future__ import annotations

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_ROWS = 100_000
#: Non-empty rows searched for the header (title rows above it are skipped).
MAX_HEADER_SEARCH_ROWS = 10

#: Maximum characters per field (per line for multi-valued fields); never above the storage
#: column (storage/tables.py, services.faq.COLUMN_LIMITS), or PostgreSQL refuses the import.
MAX_LENGTH: dict[str, int] = {
    "external_id": 100,
    "question": 500,
    "alternatives": 500,
    "answer": 20_000,
    "category": 100,
    "department": 200,
    "department_phone": 50,
    "department_email": 200,
    "department_hours": 200,
    "department_form_url": 1000,
    "source_url": 1000,
    "link_title": 200,
    "link_url": 2048,
}
MAX_ALTERNATIVES = 50
MAX_LINKS = 50
