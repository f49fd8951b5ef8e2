"""Structured JSON logs, one object per line, for the log collector a municipality runs.

The formatter also scrubs what looks like personal data (e-mail addresses, phone numbers,
long digit runs such as マイナンバー) from messages and exceptions, as a last line of defence:
the application never logs resident text on purpose.
"""

from __future__ import annotations

import json
import logging
import logging.config
import re
from datetime import UTC, datetime
from typing import Any

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<!\d)(?:\+?81[-\s]?)?0\d{1,4}[-\s(（)）ー－]?\d{1,4}[-\s)）ー－]?\d{3,4}(?!\d)"
)
_DIGITS = re.compile(r"(?<!\d)\d{8,}(?!\d)")

#: Attributes every LogRecord has; anything else was passed as ``extra`` and is emitted.
_STANDARD = frozenset(vars(logging.makeLogRecord({})).keys()) | {
    "message",
    "asctime",
    "color_message",  # uvicorn's ANSI-coloured copy of the message
}


def scrub(text: str) -> str:
    """Mask what could identify a person in free text (cheap patterns, no model)."""
    text = _EMAIL.sub("[email]", text)
    text = _PHONE.sub("[phone]", text)
    return _DIGITS.sub("[number]", text)


class JsonFormatter(logging.Formatter):
    """``{"ts", "level", "logger", "message", …extra}`` on one line."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": scrub(record.getMessage()),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                payload[key] = value if isinstance(value, int | float | bool) else scrub(str(value))
        if record.exc_info:
            payload["exception"] = scrub(self.formatException(record.exc_info))
        return json.dumps(payload, ensure_ascii=False)


def log_config(fmt: str, level: str = "INFO") -> dict[str, Any]:
    """A ``logging.config`` dict for uvicorn and the app: ``fmt`` is "json" or "text".

    With JSON, uvicorn's own access log is silenced: the app's access log replaces it with
    route templates instead of raw paths and query strings.
    """
    formatter: dict[str, Any] = (
        {"()": JsonFormatter}
        if fmt == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["default"], "level": level},
        "loggers": {
            # /readyz asks Alembic for the schema version on every probe.
            "alembic": {"level": "WARNING"},
            "uvicorn": {"handlers": ["default"], "level": level, "propagate": False},
            "uvicorn.error": {"handlers": ["default"], "level": level, "propagate": False},
            "uvicorn.access": {
                "handlers": ["default"],
                "level": "WARNING" if fmt == "json" else level,
                "propagate": False,
            },
        },
    }


def configure(fmt: str, level: str = "INFO") -> None:
    logging.config.dictConfig(log_config(fmt, level))
