"""Round 15, Japanese / やさしい日本語 (issue 12, i12an): giving up a driving licence
(免許の返納) is the licence centre's business. The sentences were written for this test, not
taken from any tests/answer_quality/*.csv set; no demo build (the demo's tenants.toml is read
directly)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from jichitai_ai.services import other_authorities as oa

DEMO = Path(__file__).parents[2] / "src" / "jichitai_ai" / "demo" / "data" / "tenants.toml"
CENTRE = "みずほ県警察 運転免許センター"


def _aoba_authorities() -> dict[str, oa.OtherAuthority]:
    config = tomllib.loads(DEMO.read_text(encoding="utf-8"))
    aoba = next(t for t in config["tenants"] if t["slug"] == "aoba-city")
    return {a.name["ja"]: a for a in oa.configured(aoba)}


def test_giving_up_a_licence_names_the_licence_centre() -> None:
    found = _aoba_authorities()
    centre = found[CENTRE]
    # On main: no word of the centre's (運転免許 is not written), only the plain margin.
    assert centre.exclusive_in("祖母が車に乗らなくなったので免許を返納させたい")
    assert centre.exclusive_in("高齢者の免許返納の手続きを教えてください")
    # Returning other cards is no licence business.
    assert not centre.words_in("会社の保険に入ったので国保の保険証を返納したい")
    assert not centre.words_in("住基カードを返したい")
    for name, authority in found.items():
        if name != CENTRE:
            assert not authority.words_in("免許の返納"), name
