"""CPU per input size of every text entry point of privacy/ and text/ on hostile long input.

Red team hr5 found backtracking patterns that retried from every position of a long run (H5-4,
H5-5, H5-14); hr7 found the name runs of ``山 田`` repeated (H7-6). This used to be a timed test
(growth ratios asserted, flaky on a loaded machine); the figures are now printed here and the
tests (``tests/hardening/test_regex_time.py``) check only what comes out of the long inputs.

Usage: ``python -m benchmarks.hardening.regex_cpu [--sizes 2500,10000,40000]`` — one Markdown
row per entry point and input, CPU seconds (``time.process_time``, the lower of two runs) per
size and the growth from the first size to the last; a row stops after a size over 30 s.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from jichitai_ai import privacy
from jichitai_ai.privacy._foreign_scripts import find_introduced_foreign_names
from jichitai_ai.text import normalize, script_of
from jichitai_ai.text.contentless import says_nothing
from jichitai_ai.text.homophones import kanji_runs
from jichitai_ai.text.municipal_glossary import words_of
from jichitai_ai.text.sino_korean import hangul_words, kanji_words
from jichitai_ai.text.spaced_kana import is_spaced

ENTRY_POINTS: dict[str, Callable[[str], object]] = {
    "privacy.detect": privacy.detect,
    "privacy.detect_message": privacy.detect_message,
    "privacy.redact": privacy.redact,
    "text.normalize": normalize,
    "text.script_of": script_of,
    "text.contentless.says_nothing": says_nothing,
    "text.homophones.kanji_runs": kanji_runs,
    "text.municipal_glossary.words_of": words_of,
    "text.sino_korean.kanji_words": kanji_words,
    "text.sino_korean.hangul_words": hangul_words,
    "text.spaced_kana.is_spaced": is_spaced,
}

#: Each a unit repeated to the length asked, after an optional head: strings built to make a
#: backtracking pattern retry from every position (digit runs after a kanji, runs of one class
#: without the character that would end a match, repeated cues).
INPUTS: dict[str, tuple[str, str]] = {
    "era_then_digits": ("令和", "1"),
    "digits_then_letter": ("", "1"),
    "digit_dash": ("", "1-"),
    "digit_dot_space": ("", "0. "),
    "hiragana_kanji": ("", "ばあば一"),
    "kanji_odoriji": ("", "一々"),
    "korean_cue_glued": ("", "저는가나님"),
    "korean_particles": ("", "힣다고"),
    "email_dots": ("", "a."),
    "name_honorific": ("", "山田様"),
    "ideographic_spaces": ("あ", "\u3000あ"),
    "long_vowels": ("", "ー"),
    "postal_mark": ("〒", "1"),
    "latin_intro": ("", "My name is "),
    "spaced_name": ("", "山 田"),  # H7-6
    "spaced_name_honorific": ("", "山 田様"),
}

#: A cue glued to a name inside one unbroken Hangul run (H5-14), read by the subject check.
KOREAN_CUE_RUNS = ("저는가나님", "남편가나씨")


def hostile_text(name: str, length: int) -> str:
    head, unit = INPUTS[name]
    return head + unit * ((length - len(head)) // len(unit))


def _cpu(entry: Callable[[str], object], text: str) -> float:
    """The lower of two runs: a garbage collection or another process's cache flush lands in
    one run, not in both, while a super-linear pattern slows both."""
    times = []
    for _ in range(2):
        started = time.process_time()
        entry(text)
        times.append(time.process_time() - started)
    return min(times)


def _row(label: str, entry: Callable[[str], object], texts: list[str]) -> str:
    times: list[float] = []
    for text in texts:
        times.append(_cpu(entry, text))
        if times[-1] > 30:
            break
    cells = [f"{t:.3f}" for t in times] + ["—"] * (len(texts) - len(times))
    growth = f"×{times[-1] / max(times[0], 0.001):.1f}" if len(times) == len(texts) else "—"
    return f"| {label} | " + " | ".join(cells) + f" | {growth} |"


def _korean(text: str) -> int:
    return sum(1 for _ in find_introduced_foreign_names(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="2500,10000,40000")
    parser.add_argument("--only", default="", help="entry points (comma-separated), default all")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    chosen = set(args.only.split(",")) if args.only else set(ENTRY_POINTS)
    print("| entry point, input | " + " | ".join(f"{n:,}" for n in sizes) + " | growth |")
    print("| --- |" + " --- |" * (len(sizes) + 1))
    for entry_name, entry in sorted(ENTRY_POINTS.items()):
        if entry_name not in chosen:
            continue
        entry("住民票の写しを取りたい")  # load lexicons and compile patterns outside the timing
        for name in INPUTS:
            texts = [hostile_text(name, n) for n in sizes]
            print(_row(f"`{entry_name}` {name}", entry, texts), flush=True)
    if not args.only:
        _korean("저는 가나")
        for unit in KOREAN_CUE_RUNS:
            texts = [unit * (n // len(unit)) for n in sizes]
            print(_row(f"`_foreign_scripts` subject check {unit}", _korean, texts), flush=True)


if __name__ == "__main__":
    main()
