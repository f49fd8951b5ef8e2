"""Kana questions written word by word (わかち書き), as やさしい日本語 is: their words.

「ぜいきんを ぎんこうから はらいたい」 has no kanji, so the entries' readings (税金 →
ぜいきん) are what it is matched against. Sudachi, reading the whole line, parses kana without
kanji badly: it took ぜ of ぜいきん for a particle (→ いき), か of かいしゃ (→ いしゃ), まいなん of
まいなんばーかーど (→ ばー), and dropped them. The resident's spaces already mark the words:
each space-separated phrase (文節) is one content word followed by particles and endings, so
only the function words at the end of a phrase are removed (Sudachi says which), and the
word itself is kept whole. Phrases that are not short kana (kanji, digits, a long unspaced
run) are read as before.

Whole words also say what the readings' bigrams cannot: whether the question's topic is one
the entries know at all. 「けんけつを したいです」 shares bigrams with many entries, but no
entry's reading contains けんけつ (:func:`word_evidence`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from jichitai_ai.text._normalize import normalize

#: Function words that may end a phrase (particles, polite and verb endings); ん is not one of
#: them — it ends ぜいきん and ほん — except in ません.
PHRASE_ENDINGS = frozenset(
    {
        "を",
        "が",
        "は",
        "に",
        "で",
        "の",
        "と",
        "も",
        "へ",
        "や",
        "から",
        "まで",
        "より",
        "って",
        "か",
        "ね",
        "よ",
        "な",
        "けど",
        "ので",
        "のに",
        "です",
        "ます",
        "まし",
        "ませ",
        "でし",
        "だ",
        "でしょ",
        "ましょ",
        "ください",
        "た",
        "て",
        "たい",
        "ない",
    }
)
#: Case particles Sudachi sometimes reads into the word itself (こくほの, としょかんで):
#: removed from the end of a phrase of at least :data:`MIN_STRIPPED` kana.
CASE_PARTICLES = ("を", "が", "は", "に", "で", "の", "へ")
MIN_STRIPPED = 4
#: Longer kana runs are not one phrase (unspaced hiragana): read as a whole line.
MAX_PHRASE = 10
#: Question words and formal nouns: no topic (text.topic_filler's, in kana); なに / なん also
#: as a word's prefix (なにごみ, なんようび: the topic is ごみ, ようび).
NO_TOPIC = frozenset(
    {
        "なに",
        "なん",
        "どこ",
        "いつ",
        "だれ",
        "いくら",
        "いくつ",
        "どう",
        "どれ",
        "どの",
        "どんな",
        "こと",
        "もの",
        "とき",
        "ところ",
        "ため",
        "これ",
        "それ",
        "この",
        "その",
    }
)
#: Words whose first morpheme is one of these say how a question is asked (さがして, おしえて,
#: とりたい), not what it is about: left out, as the kanji path keeps nouns — unless the first
#: entry's reading has the word (にげる: 避難所の場所), which then counts for that entry.
HOW_ASKED = ("動詞", "形容詞")
#: Time words Sudachi does not read as such when written in kana alone (らいげつ → 癩 + 月);
#: with the words it tags as places and times (おおさか, あした: ``Tokenizer.situational``)
#: they set the scene of a question, not its topic (:func:`scene_words`).
KANA_TIME_WORDS = frozenset(
    {
        "らいげつ",
        "せんげつ",
        "こんげつ",
        "さらいげつ",
        "らいねん",
        "きょねん",
        "さくねん",
        "こんしゅう",
        "せんしゅう",
        "らいしゅう",
        "さいきん",
        "こんど",
    }
)
_KATA_TO_HIRA = str.maketrans({chr(c): chr(c - 0x60) for c in range(0x30A1, 0x30F7)})
_KANA = re.compile(r"^[\u3041-\u3096\u30a1-\u30faー]+$")
_BREAKS = re.compile(r"[\s。、，．！？!?,.]+")

Parts = Callable[[str], Sequence[tuple[str, bool, str]]]


def is_spaced(text: str) -> bool:
    """Whether ``text`` is written with spaces between its words (two phrases or more)."""
    return len(re.split(r"\s+", normalize(text).strip())) >= 2


def phrase_words(text: str, parts: Parts, reading: Callable[[str], str]) -> list[str]:
    """The content word of each phrase of ``text``, in hiragana; ``parts`` gives a phrase's
    morphemes (surface, is a function word, part of speech), ``reading`` reads any other
    chunk."""
    return [word for word, _ in phrases(text, parts, reading)]


def phrases(text: str, parts: Parts, reading: Callable[[str], str]) -> list[tuple[str, str]]:
    """:func:`phrase_words` with the part of speech of each word's first morpheme, read in
    its phrase (とりたい: 動詞; とり alone reads as 鳥); "" for chunks read as a line."""
    words: list[tuple[str, str]] = []
    for chunk in _BREAKS.split(normalize(text)):
        if not chunk:
            continue
        if _KANA.match(chunk) and len(chunk) <= MAX_PHRASE:
            word = _content_word(chunk, parts)
        else:
            word = (reading(chunk), "")
        if word[0]:
            words.append(word)
    return words


def _content_word(phrase: str, parts: Parts) -> tuple[str, str]:
    morphemes = list(parts(phrase))
    end = len(morphemes)
    while end > 0 and morphemes[end - 1][1]:
        surface = morphemes[end - 1][0]
        if surface == "ん" and end >= 2 and morphemes[end - 2][0] == "ませ":
            end -= 2
        elif surface == "や" and end < len(morphemes):
            # や before another particle ends the word (あきやの, ほんやで), not a list.
            break
        elif surface in PHRASE_ENDINGS:
            end -= 1
        else:
            break
    if end == 0 or all(function for _, function, _ in morphemes[:end]):
        return ("", "")
    word = "".join(surface for surface, _, _ in morphemes[:end]).translate(_KATA_TO_HIRA)
    if len(word) >= MIN_STRIPPED and word.endswith(CASE_PARTICLES) and not word.endswith("もの"):
        word = word[:-1]
    return (word, morphemes[0][2])


@dataclass(frozen=True)
class WordEvidence:
    """Of a question's topic words (IDF-weighted over the entries' readings): the share no
    entry's reading contains, and the share of the known ones the first entry's holds."""

    unknown: float
    first_holds: float


def word_evidence(
    words: Sequence[tuple[str, str]], readings: Sequence[str], first: str
) -> WordEvidence | None:
    """:class:`WordEvidence` of ``words`` (:func:`phrases`) against every entry's
    ``readings`` and the first entry's reading ``first``; None when no topic word is left."""
    n = len(readings)
    unknown_weight = math.log(1.0 + (n + 0.5) / 0.5)
    total = known = held = 0.0
    for word, pos in dict.fromkeys((_topic_form(w), pos) for w, pos in words):
        if len(word) < 2 or word in NO_TOPIC:
            continue
        if pos in HOW_ASKED and word not in first:
            continue
        df = sum(1 for r in readings if word in r)
        if df == 0:
            total += unknown_weight
            continue
        weight = math.log(1.0 + (n + 0.5) / (df + 0.5))
        total += weight
        known += weight
        if word in first:
            held += weight
    if total <= 0:
        return None
    return WordEvidence(1.0 - known / total, held / known if known else 0.0)


def _topic_form(word: str) -> str:
    for prefix in ("なに", "なん"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


def scene_words(
    words: Sequence[str], situational: Callable[[str], frozenset[str]], readings: Sequence[str]
) -> frozenset[str]:
    """The words of ``words`` (:func:`phrase_words`) that set the scene — a place or a time
    (``situational`` says which, :data:`KANA_TIME_WORDS` add the kana ones it misses) — and
    that no entry's reading contains: 「らいげつ おおさかに ひっこします」 is about moving out
    wherever and whenever, so らいげつ and おおさか neither search nor dilute (as place names
    and time words never dilute the kanji path's own-question share)."""
    return frozenset(
        w
        for w in words
        if (w in KANA_TIME_WORDS or situational(w)) and not any(w in r for r in readings)
    )
