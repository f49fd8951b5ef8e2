"""Straighten a scan skewed by a few degrees (paper fed askew into a copier): Tesseract's line
finding loses whole lines at 2–3°. The angle is where text lines — rows, or columns for 縦書き —
make the sharpest projection profile."""

from __future__ import annotations

from typing import Any

import numpy as np

#: Angles searched, in degrees (copier skew; 90° turns are OSD's job).
MAX_ANGLE = 5.0
STEP = 0.25
#: Smaller corrections are left alone (resampling blurs more than it helps).
MIN_CORRECTION = 0.4
#: Width the page is reduced to for measuring (speed; specks vanish in the reduction).
WORK_WIDTH = 900


def skew_angle(img: Any) -> float:
    """Degrees to rotate ``img`` (PIL, counter-clockwise positive) to level its text lines."""
    from PIL import Image

    grey = img.convert("L")
    scale = WORK_WIDTH / max(grey.width, 1)
    small = grey.resize((WORK_WIDTH, max(1, int(grey.height * scale))), Image.Resampling.BOX)
    ink = Image.fromarray(((np.asarray(small) < 160) * 255).astype(np.uint8))
    best_angle, best_score = 0.0, -1.0
    for angle in np.arange(-MAX_ANGLE, MAX_ANGLE + STEP / 2, STEP):
        turned = np.asarray(ink.rotate(float(angle), resample=Image.Resampling.BILINEAR)) / 255.0
        score = max(float(np.var(turned.sum(axis=1))), float(np.var(turned.sum(axis=0))))
        if score > best_score:
            best_angle, best_score = float(angle), score
    return best_angle


def deskewed(img: Any) -> tuple[Any, float]:
    """``img`` levelled (white fill) and the correction applied; unchanged below 0.4°."""
    from PIL import Image

    angle = skew_angle(img)
    if abs(angle) < MIN_CORRECTION:
        return img, 0.0
    turned = img.convert("L").rotate(
        angle, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC
    )
    return turned, angle
