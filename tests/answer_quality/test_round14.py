"""Round 14, Japanese / やさしい日本語 (issue 12, i12aj): a landslide one worries about, with the
area or map asked for, is no emergency; naturalisation named as 日本の国籍 and trains named as
電車 reach their authority. The sentences were written for this test, not taken from any
tests/answer_quality/*.csv set; no demo build (the demo's tenants.toml is read directly)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from jichitai_ai.emergency.detector import detect_emergency
from jichitai_ai.emergency.kinds import EmergencyKind
from jichitai_ai.services import other_authorities as oa

DEMO = Path(__file__).parents[2] / "src" / "jichitai_ai" / "demo" / "data" / "tenants.toml"


@pytest.mark.parametrize(
    "text",
    [
        # On main: the disaster card (土砂崩れ is a named emergency, whatever is asked).
        "実家が山のふもとで、がけ崩れが心配です。危険な区域に入っているか地図で見られますか",
        "土砂崩れの危険がある場所ってどこで調べられる？",
        # In kana: no card on main either (どしゃくずれ is no named emergency); kept so.
        "どしゃくずれの しんぱいが ある ところを しりたい",
    ],
)
def test_a_landslide_worried_about_with_the_area_asked_for_gets_no_card(text: str) -> None:
    assert detect_emergency(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "裏山で土砂崩れがあって隣の家が埋まった",
        # A worry, but no area asked for and a warning sign now: still the card.
        "土砂崩れが心配、今さっきから裏の斜面から泥水が噴き出してる",
    ],
)
def test_landslides_happening_are_still_emergencies(text: str) -> None:
    assert EmergencyKind.DISASTER in detect_emergency(text)


def _aoba_authorities() -> dict[str, oa.OtherAuthority]:
    config = tomllib.loads(DEMO.read_text(encoding="utf-8"))
    aoba = next(t for t in config["tenants"] if t["slug"] == "aoba-city")
    return {a.name["ja"]: a for a in oa.configured(aoba)}


def test_naturalisation_and_trains_are_named_in_residents_words() -> None:
    found = _aoba_authorities()
    bureau = found["みずほ地方法務局"]
    # On main: no word of the bureau's (帰化 only), so only the plain margin could hand it over.
    assert bureau.exclusive_in("妻がフィリピン人で、日本の国籍を取りたいと言っています")
    assert bureau.exclusive_in("日本国籍を取るにはどうすればいいですか")
    transit = found["あおば交通（路線バス・鉄道）"]
    assert transit.words_in("大雪で電車が止まってるけどいつ動く？")
    assert transit.words_in("終電って何時？")
    # Plain words (the word margin applies), and バス alone names nothing: バスケットボール.
    assert not transit.exclusive_in("大雪で電車が止まってるけどいつ動く？")
    assert not transit.words_in("体育館でバスケットボールをしたい")
    # No other authority claims them.
    for name, authority in found.items():
        if name not in ("みずほ地方法務局", "あおば交通（路線バス・鉄道）"):
            assert not authority.words_in("日本の国籍と電車"), name
