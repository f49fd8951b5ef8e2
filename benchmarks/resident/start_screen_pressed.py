"""How many start-screen questions, asked as typed text, miss their own entry (newcomer
walkthrough nc6): per page language, the demo's listed questions (popular and every topic).

Before the fix the start screen sent the wording; now it sends the entry id
(``AnsweringService.ask_listed``), which is the second column (always 0 misses).

    OMP_NUM_THREADS=1 PYTHONPATH=src:. python -m benchmarks.resident.start_screen_pressed
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from jichitai_ai.config import Settings
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.domain.models import Decision
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.start_screen import start_screen
from jichitai_ai.storage import migrate

TENANT = "aoba-city"
LANGS = ("ja", "ja-easy", "en", "zh-Hans", "zh-Hant", "ko")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.db'}"
        platform = Platform(replace(Settings(), database_url=url, secret_key="bench"))
        migrate.upgrade(platform.db)
        with platform.db.write() as session:
            load_demo(session)
        answering = platform.answering
        print("language  listed  missed as text  missed by id  (missed wordings)")
        for lang in LANGS:
            screen = start_screen(answering, TENANT, lang)
            listed = {
                i.entry_id: i.question
                for i in [*screen.popular, *(x for c in screen.categories for x in c.items)]
            }
            as_text, by_id = [], 0
            for entry_id, question in listed.items():
                r = answering.ask(TENANT, question, language=lang, record=False)
                if (
                    r.decision is not Decision.ANSWER
                    or r.answer is None
                    or r.answer.entry.id != entry_id
                ):
                    as_text.append(question)
                pressed = answering.ask_listed(TENANT, entry_id, question, language=lang)
                by_id += pressed.answer is None or pressed.answer.entry.id != entry_id
            print(f"{lang:8}  {len(listed):6}  {len(as_text):14}  {by_id:12}  {as_text}")
        platform.close()


if __name__ == "__main__":
    main()
