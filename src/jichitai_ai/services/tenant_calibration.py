"""Per-tenant, self-supervised calibration of the answer / 更問 / hand-over decision.

A tenant has no judged resident questions at the start, but its entries carry their own:
each entry's alternative phrasings (言い換え) are questions the entry answers. A probe is asked against an index in which that phrasing is held out
(k-fold: the held-out entries keep their other texts), so it is a paraphrase the index has
not seen, as a resident's question is. The same probe with its entry left out of the index is
an unanswerable question. The decision model (retrieval._decision_model) is fitted on these
probes with whatever scorer the tenant uses, so its thresholds follow the scorer when ranking
changes, and no hand-set score threshold is carried between tenants or scorers.

Costs: k lexical builds, one embedding per probed entry (its reduced passage) and two per probe
question; probes are capped (``max_probes``). Models are cached by scorer and entry set.
"""

from __future__ import annotations

import hashlib
import random
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from jichitai_ai.domain.models import FaqEntry
from jichitai_ai.retrieval._decision_model import DecisionModel, Example, fit_model
from jichitai_ai.retrieval._feedback import LearningModel
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import Tenant, TenantDecisionModel

if TYPE_CHECKING:
    from jichitai_ai.services.search_index import SearchIndexFactory, TenantIndex

DEFAULT_MAX_PROBES = 400
DEFAULT_FOLDS = 4
#: Fewer entries with alternatives than this: no model of the tenant's own (the shipped
#: policy decides).
MIN_PROBES = 30
SEED = 20261130


@dataclass(frozen=True)
class Probe:
    entry_id: int
    text: str


def choose_probes(
    entries: Sequence[FaqEntry], max_probes: int = DEFAULT_MAX_PROBES, seed: int = SEED
) -> list[Probe]:
    """One alternative phrasing per entry that has any, at most ``max_probes``.

    Entries without alternatives give no probe: holding out their only question leaves the
    answer alone, a much harder match than a resident's paraphrase of the question (on
    LocalGovFAQ such probes found their entry first 19% of the time against 54% for real
    questions), and a model fitted on them misjudges real questions.
    """
    rng = random.Random(seed)
    probes = []
    for e in sorted(entries, key=lambda e: e.id):
        alternatives = [a for a in e.alternatives if a.strip() and a.strip() != e.question.strip()]
        if alternatives:
            probes.append(Probe(e.id, rng.choice(alternatives)))
    rng.shuffle(probes)
    return probes[:max_probes]


def _without(entry: FaqEntry, probe: Probe) -> FaqEntry:
    return replace(entry, alternatives=[a for a in entry.alternatives if a != probe.text])


def probe_examples(
    factory: SearchIndexFactory,
    entries: Sequence[FaqEntry],
    synonym_groups: list[list[str]],
    *,
    max_probes: int = DEFAULT_MAX_PROBES,
    folds: int = DEFAULT_FOLDS,
) -> list[Example]:
    """Answerable and unanswerable probes with their decision features, ranked with the
    pseudo-questions off: they are not in the scorer signature, so switching them on keeps
    the tenant's model (``SearchIndexFactory.without_pseudo_questions``)."""
    canonical = [e for e in entries if e.language == "ja"]
    probes = choose_probes(canonical, max_probes)
    if len(probes) < MIN_PROBES:
        return []
    factory = factory.without_pseudo_questions()
    examples: list[Example] = []
    for k in range(folds):
        fold = {p.entry_id: p for i, p in enumerate(probes) if i % folds == k}
        if not fold:
            continue
        reduced = [_without(e, fold[e.id]) if e.id in fold else e for e in entries]
        index = factory.build(reduced, synonym_groups, calibrate=False)
        index.learning = LearningModel()
        for probe in fold.values():
            examples.append(_example(index, probe, answerable=True))
            examples.append(_example(index, probe, answerable=False))
    return examples


def _example(index: TenantIndex, probe: Probe, *, answerable: bool) -> Example:
    exclude = None if answerable else {probe.entry_id}
    outcome = index.answer(probe.text, k=20, exclude=exclude)
    ranked = [c.entry_id for c in outcome.ranked]
    top1 = answerable and bool(ranked) and ranked[0] == probe.entry_id
    top3 = answerable and probe.entry_id in ranked[:3]
    return Example(np.array(outcome.features), top1, top3, answerable)


class CalibrationCache:
    """Fitted models per tenant and scorer, stored in the database when the factory has one.

    Every worker decides with the stored model, whether it started before or after an edit,
    so the same question gets the same decision from every worker. Edits keep the model; an
    import (or ``forget``) drops it and the next index build or update refits it once (the
    first worker to store wins, the others read its model). Without a database or a tenant
    (evaluation runs), models are kept in memory by scorer and entry-id set.
    """

    def __init__(self) -> None:
        self._models: dict[str, DecisionModel | None] = {}
        self._parsed: dict[tuple[int, str, str], DecisionModel | None] = {}
        self._lock = threading.Lock()

    @staticmethod
    def key(scorer: str, entries: Sequence[FaqEntry]) -> str:
        ids = ",".join(str(i) for i in sorted(e.id for e in entries))
        return hashlib.sha256(f"{scorer}|{ids}".encode()).hexdigest()

    def get_or_fit(
        self,
        factory: SearchIndexFactory,
        entries: Sequence[FaqEntry],
        synonym_groups: list[list[str]],
        *,
        target_precision: float,
        tenant_id: int | None = None,
    ) -> DecisionModel | None:
        db = factory.db
        scorer = factory.scorer_signature()[:200]
        if db is not None and tenant_id is not None:
            stored = self._stored(db, tenant_id, scorer)
            if stored is not None:
                return stored[0]
            model = self._fit(factory, entries, synonym_groups, target_precision)
            return self._store(db, tenant_id, scorer, model, len(entries))
        key = self.key(scorer, entries)
        with self._lock:
            if key in self._models:
                return self._models[key]
        model = self._fit(factory, entries, synonym_groups, target_precision)
        with self._lock:
            self._models[key] = model
        return model

    @staticmethod
    def _fit(
        factory: SearchIndexFactory,
        entries: Sequence[FaqEntry],
        synonym_groups: list[list[str]],
        target_precision: float,
    ) -> DecisionModel | None:
        examples = probe_examples(factory, entries, synonym_groups)
        # Unanswerable probes (an entry's alternative with that entry left out) are harder
        # than real out-of-scope questions — in a small FAQ a sibling entry always remains —
        # so the tenant's relevance gate decides hand-over; the model decides answer vs 更問,
        # and an answered unanswerable probe counts as a wrong answer.
        return fit_model(
            examples,
            target_precision=target_precision,
            answer_unanswerable=True,
            handover_by_gate=True,
        )

    def _stored(
        self, db: Database, tenant_id: int, scorer: str
    ) -> tuple[DecisionModel | None] | None:
        """The stored model (a 1-tuple, its content may be None), or None if none is stored."""
        with db.read() as session:
            row = session.get(TenantDecisionModel, (tenant_id, scorer))
            if row is None:
                return None
            stamp, text = row.fitted_at.isoformat(), row.model
        memo = (tenant_id, scorer, stamp)
        with self._lock:
            if memo not in self._parsed:
                self._parsed[memo] = DecisionModel.from_json(text) if text else None
            return (self._parsed[memo],)

    def _store(
        self,
        db: Database,
        tenant_id: int,
        scorer: str,
        model: DecisionModel | None,
        entry_count: int,
    ) -> DecisionModel | None:
        try:
            with db.write() as session:
                if session.get(TenantDecisionModel, (tenant_id, scorer)) is None:
                    session.add(
                        TenantDecisionModel(
                            tenant_id=tenant_id,
                            scorer=scorer,
                            model=model.to_json() if model is not None else None,
                            entry_count=entry_count,
                        )
                    )
        except IntegrityError:
            pass  # another worker stored its fit first: use that one
        stored = self._stored(db, tenant_id, scorer)
        return stored[0] if stored is not None else model


def forget(session: Session, tenant_id: int) -> None:
    """Drop the stored models of a tenant and of the municipalities inheriting from it: their
    entry sets changed wholesale (an import), so the next build or update refits."""
    children = select(Tenant.id).where(Tenant.parent_id == tenant_id)
    session.execute(
        delete(TenantDecisionModel).where(
            (TenantDecisionModel.tenant_id == tenant_id)
            | TenantDecisionModel.tenant_id.in_(children)
        )
    )
