"""Latin-script names without a cue (Child allowance for Adaeze Okafor; Regards, Wulan).

A resident writes a family member's name in Latin letters with no "I'm", Mr/Ms or さん. English
capitalises few words that are not names: the first word of a sentence, and the words of
places, products and offices (City Hall, Hello Work, Golden Week), which are almost always
English dictionary words or municipal romaji (Kokuho, Boshi Techo). So two or more capitalised
words in a row of which none is a known word — an English word (``english_words.txt.gz``,
SCOWL lower-case stems; its notice in ``english_words.NOTICE.txt``), a word of the municipal
glossary (text.municipal_glossary) or an office/place word — are taken as a name; one such word only where a name's place is (after
"for", "from", "of", or as the signature at the end of a message) and when it is not rōmaji
(Osaka, Daiso: Japanese words and places). Rōmaji runs are found by ``_romaji``; this module also
tells it which of them are municipal words, and which English words SudachiPy guessed as names.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Callable, Iterator
from importlib import resources

from jichitai_ai.text.municipal_glossary import fold_word, glossary_phrases

from ._types import Entity, EntityType

_TOKEN = re.compile(r"(?<![A-Za-z0-9@._/'’-])[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?![A-Za-z0-9@_])")
_GAP = re.compile(r"[ \u3000]")
#: Capitalised words of offices, places and calendars the dictionary's lower-case stems miss.
_KNOWN = frozenset(
    {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul"}
    | {"aug", "sep", "sept", "oct", "nov", "dec", "ok", "faq", "pdf", "nhk", "jlpt", "wifi"}
    | {"i", "a", "is", "into", "am", "was", "im", "ive", "id"}
)
_PREPOSITION = re.compile(r"(?<![A-Za-z])(?:for|from|of)[ ]$")
_CLOSING = re.compile(
    r"(?:^|\n|[.!?][ ]+)(?:Regards|Best regards|Kind regards|Best wishes|Best|Thanks|Thank you|"
    r"Many thanks|Sincerely|Cheers|Yours|Yours sincerely)[,.!]?\s+$"
)
_DASH_LINE = re.compile(r"\n[ \t]*[-–—―][ ]?$")
_INFLECTIONS: tuple[tuple[str, str], ...] = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
)
_INFLECTIONS += (("ing", "e"), ("er", ""), ("ers", ""), ("ly", ""), ("'s", ""), ("’s", ""))


@functools.cache
def _english() -> frozenset[str]:
    data = resources.files("jichitai_ai.privacy").joinpath("english_words.txt.gz").read_bytes()
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


@functools.cache
def _glossary() -> frozenset[str]:
    """Folded Latin words of the municipal glossary that are not English (juminhyo, kokuho,
    techo; not card or long)."""
    words = {w for phrase in glossary_phrases() for w in re.findall(r"[A-Za-z]+", phrase)}
    return frozenset(fold_word(w) for w in words if not english_word(w))


def english_word(word: str) -> bool:
    """``word`` (any case) is an English dictionary word or a plain inflection of one."""
    low = word.lower()
    if low in _english() or low in _KNOWN:
        return True
    return any(
        low.endswith(end) and len(low) - len(end) >= 2 and low[: -len(end)] + add in _english()
        for end, add in _INFLECTIONS
    )


def municipal_word(word: str) -> bool:
    """``word`` is a Latin word of the municipal glossary (Kokuho, Nenkin, Gomi)."""
    return len(word) >= 4 and fold_word(word) in _glossary()


def _known(word: str) -> bool:
    parts = word.split("-")
    return any(english_word(p) or municipal_word(p) for p in parts) or word.lower() == "wi-fi"


def _runs(text: str) -> Iterator[list[re.Match[str]]]:
    """Runs of capitalised words one space apart."""
    run: list[re.Match[str]] = []
    for m in _TOKEN.finditer(text):
        if run and not _GAP.fullmatch(text[run[-1].end() : m.start()]):
            yield run
            run = []
        run.append(m)
    if run:
        yield run


def _person(text: str, start: int, end: int, confidence: float) -> Entity:
    return Entity(EntityType.PERSON, start, end, text[start:end], confidence, "latin_plain")


def find_cueless_latin_names(
    text: str, plain: str, romaji: Callable[[str], bool]
) -> Iterator[Entity]:
    """Cue-less Latin names in ``plain`` (``text`` with accents folded, same offsets);
    ``romaji`` tells a rōmaji-shaped word."""
    for run in _runs(plain):
        words = [m.group() for m in run]
        unknown = [not _known(w) for w in words]
        i = 0
        while i < len(run):
            if not unknown[i]:
                i += 1
                continue
            j = i
            # a short dictionary word between two unknown words stays in the name (Trinh Cong Hieu)
            while j + 1 < len(run) and (
                unknown[j + 1]
                or (
                    j + 2 < len(run)
                    and unknown[j + 2]
                    and len(words[j + 1]) <= 4
                    and not municipal_word(words[j + 1])
                )
            ):
                j += 1
            names = sum(unknown[i : j + 1])
            start, end = run[i].start(), run[j].end()
            # a capitalised English word right after (Nguyen Trai Street, Aoba Gomi App) makes
            # the run a place's or a thing's name
            if names >= 2 and j + 1 == len(run):
                yield _person(text, start, end, 0.85)
            elif len(run) == 1 and _single_name_place(plain, run[0]) and not romaji(words[0]):
                yield _person(text, start, end, 0.7)
            elif len(run) == 2 and i == j == 1 and _subject_pair(plain, run, romaji):
                yield _person(text, run[0].start(), end, 0.7)
            i = j + 1
    for run in _runs(plain):
        if len(run) <= 3 and not plain[run[-1].end() :].strip():
            before = plain[: run[0].start()]
            if (_CLOSING.search(before) or _DASH_LINE.search(before)) and not all(
                _known(m.group()) for m in run
            ):
                yield _person(text, run[0].start(), run[-1].end(), 0.8)


_SENTENCE_START = re.compile(r"(?:^|\n|[.!?][ ]+)[ \t]*$")
# A predicate right after the subject: an auxiliary or a verb in the past or third person.
_PREDICATE = re.compile(
    r"[ ](?:is|was|has|had|can|could|will|would|should|must|does|did|needs|wants|lost|forgot"
    r"|got|went|came|left|made|took|paid|moved|[a-z]{2,}ed)(?![A-Za-z])"
)
#: Capitalised words that open a sentence before a place or a thing, not a given name.
_OPENERS = frozenset(
    {"the", "this", "that", "my", "our", "your", "his", "her", "their", "in", "at", "on", "from"}
    | {"to", "for", "with", "by", "of", "does", "did", "is", "was", "can", "will", "when", "where"}
    | {"how", "why", "what", "which", "who", "if", "and", "but", "so", "please", "new", "old"}
    | {"central", "north", "south", "east", "west", "upper", "lower", "great", "greater", "little"}
    | {"saint", "mount", "lake", "port", "fort", "cape", "san", "santa", "los", "las"}
    # imperatives of instructions (Contact Mynaportal needed, Use Xpost registered …)
    | {"contact", "call", "email", "mail", "phone", "use", "visit", "download", "install"}
    | {"open", "check", "see", "read", "ask", "apply", "register", "submit", "send", "bring"}
    | {"pay", "renew", "update", "access", "select", "enter", "click", "tap", "try", "get"}
    | {"log", "sign", "print", "search", "find", "follow", "join", "keep", "note", "make"}
)


def _subject_pair(plain: str, run: list[re.Match[str]], romaji: Callable[[str], bool]) -> bool:
    """Aldrin Dimaculangan forgot …: a sentence opened by a capitalised word and an unknown
    non-rōmaji word of 6+ letters, then a predicate — a first name that is also a dictionary
    word (aldrin, grace) and a surname."""
    first, last = run[0].group(), run[1].group()
    return (
        first.lower() not in _OPENERS
        and len(last) >= 6
        and not romaji(last)
        and _SENTENCE_START.search(plain, max(0, run[0].start() - 8), run[0].start()) is not None
        and _PREDICATE.match(plain, run[1].end()) is not None
    )


def _single_name_place(plain: str, m: re.Match[str]) -> bool:
    """One unknown capitalised word where a name goes: after for/from/of."""
    return len(m.group()) >= 5 and bool(
        _PREPOSITION.search(plain[max(0, m.start() - 5) : m.start()])
    )


def latin_word_guess(entity: Entity, text: str) -> bool:
    """A SudachiPy person guess that is an English word (lost, Bank) or a Latin word before an
    office/place word (Sakura Town): not a name."""
    if entity.type is not EntityType.PERSON or entity.source != "sudachi":
        return False
    if not re.fullmatch(r"[A-Za-z]+", entity.text):
        return False
    if english_word(entity.text) or municipal_word(entity.text):
        return True
    after = re.match(r"[ ]([A-Z][a-z]+)", text[entity.end :])
    return bool(after and english_word(after.group(1)))


def name_words(words: list[str]) -> int:
    """How many of ``words`` are neither English nor municipal words (Does Uber Eats: 1): a
    title-case run opened by an English word needs two (Nguyen Van Long needs one)."""
    return sum(not _known(w.rstrip(".")) for w in words)


def municipal_run(words: list[str]) -> bool:
    """A capitalised rōmaji run that holds a municipal word (Kokumin Nenkin, Aoba Gomi Navi)."""
    return any(municipal_word(w.rstrip(".")) for w in words)
