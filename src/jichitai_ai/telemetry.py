"""Operational events from the services, for whatever monitoring plugins are installed.

Services report what happened (``event("answer.decision", decision="answer")``) without
knowing about Prometheus or logs; the ``record_event`` hook (see :mod:`jichitai_ai.hookspecs`)
delivers it to the plugins that care.
"""

from __future__ import annotations

import logging

from jichitai_ai.plugins import plugin_manager

log = logging.getLogger(__name__)


def event(name: str, value: float = 1.0, **labels: str) -> None:
    """Report one event; monitoring must never break the request that reports it."""
    try:
        plugin_manager().hook.record_event(name=name, value=value, labels=labels)
    except Exception:  # pragma: no cover - a faulty monitoring plugin
        log.exception("telemetry plugin failed for %s", name)
