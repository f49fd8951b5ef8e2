"""WCAG 2.1 AA contrast (4.5:1 for text) of the colour pairs the console stylesheet uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[2] / "src/jichitai_ai/web/static/console/console.css"


def _variables() -> dict[str, str]:
    text = CSS.read_text(encoding="utf-8")
    return dict(re.findall(r"(--[a-z-]+):\s*(#[0-9a-fA-F]{6})", text))


def _luminance(color: str) -> float:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    high, low = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


PAIRS = [
    ("--ink", "#ffffff"),
    ("--ink", "--bg"),
    ("--muted", "#ffffff"),
    ("--muted", "--bg"),
    ("--muted", "#e9edf2"),  # table headers
    ("--primary", "#ffffff"),
    ("#ffffff", "--primary"),
    ("#ffffff", "--primary-dark"),
    ("--primary", "--bg"),
    ("--primary-dark", "--info-bg"),  # button hover
    ("--danger", "#ffffff"),
    ("--success-ink", "--success-bg"),
    ("--warning-ink", "--warning-bg"),
    ("--error-ink", "--error-bg"),
    ("--info-ink", "--info-bg"),
    ("#3d434b", "#e7e9ec"),  # archived / hidden badges
    ("#5b2a86", "#f1e8fa"),  # override badge
]


@pytest.mark.parametrize(("foreground", "background"), PAIRS)
def test_text_colours_meet_aa(foreground: str, background: str) -> None:
    colours = _variables()
    fg = colours.get(foreground, foreground)
    bg = colours.get(background, background)
    assert contrast(fg, bg) >= 4.5, (foreground, background, round(contrast(fg, bg), 2))


def test_contrast_formula() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert contrast("#777777", "#ffffff") < 4.5
