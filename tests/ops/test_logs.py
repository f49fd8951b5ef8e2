"""JSON logs: one object per line, extras kept, personal data scrubbed."""

from __future__ import annotations

import json
import logging

from jichitai_ai.ops.logs import JsonFormatter, log_config, scrub


def _format(message: str, *args: object, **extra: object) -> dict[str, object]:
    record = logging.makeLogRecord(
        {"name": "t", "levelname": "WARNING", "msg": message, "args": args, **extra}
    )
    line = JsonFormatter().format(record)
    assert "\n" not in line
    return json.loads(line)


def test_json_line_with_extras() -> None:
    out = _format("import %s rows", 3, route="/api/v1/x", status=200)
    assert out["message"] == "import 3 rows"
    assert out["level"] == "warning"
    assert out["route"] == "/api/v1/x"
    assert out["status"] == 200
    assert str(out["ts"]).endswith("+00:00")


def test_personal_data_is_scrubbed_from_messages_and_extras() -> None:
    out = _format(
        "failed for %s tel %s mynumber %s",
        "taro.yamada@example.jp",
        "090-1234-5678",
        "123456789018",
        detail="call 03(1234)5678 or 0312345678",
    )
    text = json.dumps(out, ensure_ascii=False)
    for secret in ("taro.yamada", "1234-5678", "123456789018", "5678", "0312345678"):
        assert secret not in text
    assert "[email]" in text and "[phone]" in text


def test_scrub_keeps_ordinary_numbers() -> None:
    assert scrub("3 件, 2026-11-30, 200 ms") == "3 件, 2026-11-30, 200 ms"


def test_json_config_silences_uvicorn_access_log() -> None:
    config = log_config("json")
    assert config["loggers"]["uvicorn.access"]["level"] == "WARNING"
    assert log_config("text")["loggers"]["uvicorn.access"]["level"] == "INFO"
