"""How ``serve`` runs uvicorn for production: log format, metrics across workers, proxies."""

from __future__ import annotations

import inspect
import os
import tempfile
from typing import Any

from uvicorn import Config

from jichitai_ai.config import ConfigError, Settings
from jichitai_ai.ops.logs import log_config

LOG_FORMATS = ("text", "json")
WORKER_START_SECONDS = 120


def log_format(settings: Settings, override: str | None = None) -> str:
    """``--log-format``, else ``JICHITAI_LOG_FORMAT``, else ``[ops] log_format``, else text."""
    value = (
        override
        or os.environ.get("JICHITAI_LOG_FORMAT")
        or settings.section("ops").get("log_format")
    )
    value = str(value or "text").lower()
    if value not in LOG_FORMATS:
        raise ConfigError(f"log_format must be one of {', '.join(LOG_FORMATS)}, got {value!r}")
    return value


def prepare_multiprocess_metrics(workers: int) -> str | None:
    """Several workers share metric files so /metrics on any of them reports all of them."""
    if workers <= 1:
        return None
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not directory:
        directory = tempfile.mkdtemp(prefix="jichitai-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
    else:
        os.makedirs(directory, exist_ok=True)
        for name in os.listdir(directory):
            if name.endswith(".db"):  # stale files of a previous run would be summed in
                os.unlink(os.path.join(directory, name))
    return directory


def uvicorn_options(
    settings: Settings,
    *,
    workers: int,
    log_format_override: str | None = None,
    forwarded_allow_ips: str | None = None,
) -> dict[str, Any]:
    fmt = log_format(settings, log_format_override)
    prepare_multiprocess_metrics(workers)
    options: dict[str, Any] = {
        "log_config": log_config(fmt),
        "access_log": fmt != "json",
        "proxy_headers": bool(forwarded_allow_ips),
    }
    if forwarded_allow_ips:
        options["forwarded_allow_ips"] = forwarded_allow_ips
    if workers > 1 and "timeout_worker_healthcheck" in inspect.signature(Config).parameters:
        # A worker loads the dictionaries and indexes before it answers its supervisor's
        # ping; uvicorn's default 5 s kills it in a loop on a busy 2-core server.
        options["timeout_worker_healthcheck"] = WORKER_START_SECONDS
    return options
