"""Open JTalk synthesis time for a typical spoken answer and a 「1番…」 choice prompt.

python -m benchmarks.channels.tts
"""

from __future__ import annotations

import time

from jichitai_ai.channels.voice import speech
from jichitai_ai.channels.voice.audio import read_wav
from jichitai_ai.channels.voice.tts import OpenJTalk
from jichitai_ai.config import Settings

ANSWER = (
    "燃えるごみは月曜日と木曜日の朝8:30までに、指定の袋に入れて集積所に出してください。"
    "祝日も収集します。詳しくは環境課 0000-00-3333 へ。"
)
CHOICES = [
    "住民票の写しを取得したい。",
    "戸籍の証明がほしい",
    "所得証明書がほしい",
    "印鑑登録証明書がほしい",
]


def main() -> None:
    engine = OpenJTalk.from_settings(Settings())
    print(f"voice: {engine.voice}")
    texts = [
        speech.spoken_answer(ANSWER),
        speech.choices_prompt(CHOICES, "いくつか候補があります。"),
    ]
    for text in texts:
        started = time.perf_counter()
        wav = engine.synthesize(text)
        elapsed = time.perf_counter() - started
        print(
            f"{len(text)} chars -> {read_wav(wav).seconds:.1f} s of audio in {elapsed:.2f} s "
            f"({len(wav) // 1024} KiB at 48 kHz)"
        )


if __name__ == "__main__":
    main()
