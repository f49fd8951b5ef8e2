"""Round 15, Japanese / やさしい日本語 (issue 12, i12an): giving up a driving licence
(免許の返納) is the licence centre's business. The sentences were written for this test, not
taken from any tests/answer_quality/*.csv set; no demo build (the demo's tenants.toml is read
directly)."""

from __future__ import annotations

from tests.answer_quality.test_round14 import _aoba_authorities

CENTRE = "みずほ県警察 運転免許センター"


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
