"""The tenant's 他の話題の判定 (``outside_topic_margin``, services.outside_topics) as the tuning
page shows and saves it: the default, a margin staff chose, or off."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jichitai_ai.services import outside_topics
from jichitai_ai.services.errors import Invalid

#: The largest margin accepted: topic cosines above the best entry's by more than this do not
#: occur on the demo sets (docs/benchmarks.md §7.4g), so a larger value is the same as off.
MAX_MARGIN = 0.5
MODES = ("default", "custom", "off")
#: Stored for "off": JSON has no infinity; outside_topics.margin() reads it as inf.
OFF = "inf"


@dataclass(frozen=True)
class OutsideSetting:
    mode: str
    #: The margin as typed or stored ("" for the default and off).
    value: str


def current(settings: Mapping[str, Any]) -> OutsideSetting:
    """What the tenant has now, in the form's terms."""
    if settings.get(outside_topics.MARGIN_KEY) is None:
        return OutsideSetting("default", "")
    margin = outside_topics.margin(settings)
    if math.isinf(margin):
        return OutsideSetting("off", "")
    return OutsideSetting("custom", f"{margin:g}")


def to_store(mode: str, raw: str) -> str | float | None:
    """The settings value for the form's choice (None = the default); Invalid for a margin
    that is not a number from 0 to :data:`MAX_MARGIN`."""
    if mode == "default":
        return None
    if mode == "off":
        return OFF
    if mode != "custom":
        raise Invalid("tuning.outside.invalid", max=MAX_MARGIN)
    try:
        value = float(unicodedata.normalize("NFKC", raw).strip())  # ０．０５ too
    except ValueError:
        raise Invalid("tuning.outside.invalid", max=MAX_MARGIN) from None
    if not (0 <= value <= MAX_MARGIN):  # also NaN
        raise Invalid("tuning.outside.invalid", max=MAX_MARGIN)
    return value
