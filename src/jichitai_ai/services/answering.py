"""Answering a resident's question from approved entries only (the main path).

normalise → retrieve (lexical, optional dense, fused) → re-rank with what feedback
taught → decide (answer / clarify / no answer) → record the masked question.
The generative gateway is never involved: every answer is an approved entry.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jichitai_ai import telemetry
from jichitai_ai.config import Settings
from jichitai_ai.domain.models import Decision, DepartmentContact, EmergencyContact, FaqEntry
from jichitai_ai.emergency import contacts_for, detect_emergency
from jichitai_ai.i18n import LANGUAGES, normalize_language
from jichitai_ai.retrieval._decision_model import FEATURE_NAMES
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import other_authorities, outside_topics
from jichitai_ai.services import synonyms as synonym_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Invalid
from jichitai_ai.services.index_refresh import IndexRefresher, MemoTokenizer
from jichitai_ai.services.redaction import ScreenedQuestion, screen
from jichitai_ai.services.search_index import (
    Outcome,
    SearchIndexFactory,
    TenantIndex,
    chinese_only_han,
)
from jichitai_ai.services.session_keys import hash_session_key as _hash_key
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import QuestionLog
from jichitai_ai.text import chinese_script, script_of
from jichitai_ai.text.asking import asking_sentence
from jichitai_ai.text.contentless import says_nothing
from jichitai_ai.text.kana_kanji import KanaKanji

#: The ranking kept with each asked question: what 「他の候補」 pages through (two pages of 9).
CANDIDATES_LOGGED = 20
FEATURE_KEYS = tuple(f"feature:{name}" for name in FEATURE_NAMES)


#: From this many entries a build's cyclic garbage is worth a full collection first (10,000
#: entries: ~10,000 objects, ~8 MB of ~250 MB). Below it the collection would cost more than it
#: frees: it walks the worker's whole heap (every other tenant's index, the embedding model),
#: which took ~1–2 s per build in a long-lived worker, a pause for every question waiting.
COLLECT_AFTER_ENTRIES = 2000


def release_memory(entries: int = COLLECT_AFTER_ENTRIES) -> None:
    """Give the heap freed after an index build of ``entries`` entries back to the OS (glibc
    keeps it otherwise), so a worker's resident memory is what the index needs, not the
    build's peak."""
    if entries >= COLLECT_AFTER_ENTRIES:
        gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


@dataclass
class LocalizedEntry:
    """An entry in the resident's language when a translation exists (else Japanese)."""

    entry: FaqEntry
    language: str
    translated: bool


@dataclass
class AskResult:
    question_id: int
    decision: Decision
    language: str
    answer: LocalizedEntry | None = None
    choices: list[LocalizedEntry] = field(default_factory=list)
    contact: DepartmentContact | None = None
    general_contact: dict[str, str] = field(default_factory=dict)
    candidates: list[dict[str, Any]] = field(default_factory=list)
    latency_ms: float = 0.0
    ranking: list[int] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    #: Absolute relevance signals of the best candidate (for calibration).
    signals: dict[str, float | None] = field(default_factory=dict)
    #: Emergency contacts, shown before anything else when ``decision`` is EMERGENCY.
    emergency: list[EmergencyContact] = field(default_factory=list)
    #: Server-issued, unguessable token that binds feedback and choices to what was shown.
    feedback_token: str = ""
    #: The question contained personal data (removed before retrieval, masked in the log):
    #: the resident is reminded not to write it.
    personal_data: bool = False
    #: 他機関の所管: the authority handling the question's topic (name, note, phone, url in
    #: the resident's language), when the question is about its business (a hand-over).
    other_authority: dict[str, str] | None = None


def shown_language(question: str, page_language: str) -> str:
    """The language the answer, the choices and the hand-over are shown in: the page's, unless
    the question is plainly written in another language the chat speaks — an English question
    typed on the Japanese page gets its choices in English (the translations exist), Korean
    ones in Korean, Chinese ones (han characters Japanese never writes) in Chinese of their
    script. Ambiguous writing keeps the page's: kanji without kana (住民票発行) may be Japanese
    or Chinese, kana with Chinese on a Chinese page is Chinese with Japanese terms, and
    Japanese on a foreign page (免許の更新 on the English page) is a term the resident
    copied: the page's language, whose translations they read."""
    script = script_of(question)
    if script == "ko":
        return "ko"
    if script == "latin":
        # A Latin-script question on a page in another script: English, the chat's one
        # Latin-script language; capitals alone (「NHK」, 「ATM」) are an acronym, not a language.
        letters = [ch for ch in question if ch.isascii() and ch.isalpha()]
        return "en" if len(letters) >= 4 and any(ch.islower() for ch in letters) else page_language
    if script not in ("han", "ja") or page_language.startswith("zh"):
        return page_language
    if chinese_only_han(question):
        simplified = chinese_script.convert(question, "zh-Hans") == question
        return "zh-Hans" if simplified else "zh-Hant"
    return page_language


def _compared_in_kanji(
    index: TenantIndex, question: str, outcome: Outcome, names: KanaKanji | None = None
) -> tuple[str, Any, float] | None:
    """The question as compared with topics (other authorities, outside topics): やさしい日本語
    written in kanji, like the topics (「あしたの てんきは」 → 明日の天気は), its vector, and the
    best entry cosine from that same vector (so the two compare like with like). ``names``:
    the topics' own words, read first (でんしゃ → 電車, ねんきんじむしょ → 年金事務所: words the
    tenant's entries never write)."""
    corrected = index.corrected(question)
    written = index.written_in_kanji(corrected, names)
    vector = index.searcher.query_vector(written)
    best = outcome.cosine if written == corrected else index.best_cosine(vector)
    return None if best is None else (written, vector, best)


class _FoldedText:
    """A text that answers ``word in text`` case-insensitively."""

    def __init__(self, text: str) -> None:
        self.text = text.casefold()

    def __contains__(self, word: object) -> bool:
        return str(word).casefold() in self.text


@dataclass
class _CachedIndex:
    key: tuple[int, int, int]
    index: TenantIndex


class AnsweringService:
    """Holds per-tenant indexes (derived data, rebuilt when content versions change)."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        factory = SearchIndexFactory.from_settings(settings, db)
        factory.tokenizer = MemoTokenizer(factory.tokenizer)
        self.refresher = IndexRefresher(
            db,
            factory,
            background_above=int(
                settings.section("answering").get("background_refresh_above", 300)
            ),
            min_interval=float(settings.section("answering").get("refresh_interval_seconds", 2.0)),
        )
        self._cache: dict[int, _CachedIndex] = {}
        self._locks: dict[int, threading.Lock] = {}
        self._guard = threading.Lock()
        self._authority_matchers: dict[
            int, tuple[Any, other_authorities.AuthorityMatcher, KanaKanji]
        ] = {}
        self._outside_topics: tuple[int, outside_topics.OutsideTopics] | None = None
        self._entry_texts: dict[int, tuple[TenantIndex, _FoldedText]] = {}

    # --- index management ---------------------------------------------------------------

    @property
    def factory(self) -> SearchIndexFactory:
        """The factory the indexes are built with (the refresher's: one owner)."""
        return self.refresher.factory

    @factory.setter
    def factory(self, factory: SearchIndexFactory) -> None:
        """Build every index from now on with ``factory`` (e.g. another embedder); indexes
        built with the previous one are forgotten."""
        self.refresher.factory = factory
        self.invalidate()

    def index_for(self, session: Session, tenant: TenantInfo) -> TenantIndex:
        content_version, learning_version = tenant_service.versions(session, tenant.chain)
        synonyms_version = synonym_service.version(session, tenant.chain)
        key = (content_version, synonyms_version, learning_version)
        cached = self._cache.get(tenant.id)
        if cached is not None and cached.key == key:
            return cached.index
        with self._guard:
            lock = self._locks.setdefault(tenant.id, threading.Lock())
        with lock:
            cached = self._cache.get(tenant.id)
            if cached is not None and cached.key == key:
                return cached.index
            if cached is not None and cached.key[:2] == key[:2]:
                index = cached.index
            else:
                # Only what changed is re-read (services.index_refresh); a large tenant keeps
                # answering from the previous index while the new one is built.
                full_builds = self.refresher.counts["full"]
                index, current = self.refresher.index(session, tenant, (key[0], key[1]))
                if not current:
                    return index
                if self.refresher.counts["full"] != full_builds:
                    release_memory(len(index))
            policy = feedback_service.LearningPolicy.of(tenant.settings)
            index.set_learning(feedback_service.active_lessons(session, tenant.id, policy))
            self._cache[tenant.id] = _CachedIndex(key=key, index=index)
            return index

    def warm_up(
        self, report: Callable[[str, int, int], None] | None = None, *, checks: bool = False
    ) -> int:
        """Build every tenant's index now — computing and caching missing vectors — so no
        resident's question waits for it. ``report(tenant, done, total)`` shows progress.
        ``checks``: also embed what every question is compared with (other authorities'
        and outside topics, not cached in the database) — the server's start-up does, so its
        first question takes as long as the next (newcomer walkthrough nc11: 1.5–2.4 s CPU
        more before). Returns the number of tenants."""
        with self.db.read() as session:
            tenants = tenant_service.list_tenants(session)
        for tenant in tenants:
            if report is not None:
                self.factory.progress = functools.partial(report, tenant.slug)
            try:
                with self.db.read() as session:
                    info = tenant_service.get_tenant(session, tenant.slug)
                    index = self.index_for(session, info)
            finally:
                self.factory.progress = None
            if checks:
                self._prepare_checks(info, index)
        return len(tenants)

    def _prepare_checks(self, tenant: TenantInfo, index: TenantIndex) -> None:
        """What a tenant's first question would otherwise build while the resident waits."""
        embedder = index.searcher.embedder
        if embedder is None or index.searcher.dense is None:
            return
        self._authority_matcher(tenant, index)
        if math.isfinite(outside_topics.margin(tenant.settings)):
            self._outside_matcher(embedder)
        self._entries_text(tenant.id, index)
        index.warm_question_helpers()

    def invalidate(self, tenant_id: int | None = None) -> None:
        self.refresher.forget(tenant_id)
        if tenant_id is None:
            self._cache.clear()
        else:
            self._cache.pop(tenant_id, None)

    # --- asking -------------------------------------------------------------------------

    def ask(
        self,
        tenant_slug: str,
        question: str,
        *,
        language: str | None = None,
        session_key: str = "",
        channel: str = "api",
        record: bool = True,
        rank_all: bool = False,
        exclude: set[int] | None = None,
    ) -> AskResult:
        """Answer one question; ``rank_all`` keeps the whole ranking (for evaluation)."""
        started = time.perf_counter()
        text = (question or "").strip()
        if not text:
            raise Invalid("ask.empty")
        if len(text) > self.settings.max_question_chars:
            raise Invalid("ask.too_long", limit=self.settings.max_question_chars)
        lang = shown_language(text, normalize_language(language))
        screened = screen(text)
        with self.db.read() as session:
            tenant = tenant_service.get_tenant(session, tenant_slug)
            kinds = detect_emergency(text)
            if kinds and not rank_all:
                # Safety first: no FAQ, no index, just the numbers to call.
                return self._emergency(tenant, screened, kinds, lang, channel, session_key, record)
            index = self.index_for(session, tenant)
        outcome = index.answer(
            screened.for_retrieval,
            session_key=_hash_key(session_key),
            k=None if rank_all else 20,
            exclude=exclude,
        )
        authority = self._other_authority(tenant, index, screened.for_retrieval, outcome)
        outside = authority is None and (
            # No topic at all (「1234」, 「test」, 「2024年4月1日」): the general contact.
            says_nothing(screened.for_retrieval)
            or self._outside(tenant, index, screened.for_retrieval, outcome)
        )
        if authority is not None or outside:
            outcome.decision, outcome.entry_ids = Decision.NO_ANSWER, []
        elif outcome.decision is Decision.NO_ANSWER:
            outcome = self._decided_on_asking(
                tenant, index, screened.for_retrieval, outcome, exclude
            )
        result = AskResult(
            question_id=0,
            decision=outcome.decision,
            language=lang,
            general_contact=tenant.general_contact(),
            candidates=[
                {"entry_id": c.entry_id, "score": round(c.score, 4)}
                for c in outcome.ranked[:CANDIDATES_LOGGED]
            ],
        )
        result.signals = {"coverage": outcome.coverage, "cosine": outcome.cosine}
        # The learned decision's inputs, named, so calibration can refit it from asked questions.
        result.signals.update(zip(FEATURE_KEYS, outcome.features, strict=False))
        result.personal_data = screened.personal_data
        if rank_all:
            result.ranking = [c.entry_id for c in outcome.ranked]
            result.scores = [c.score for c in outcome.ranked]
        if outcome.decision is Decision.ANSWER:
            result.answer = self._localize(index, outcome.entry_ids[0], lang)
        elif outcome.decision is Decision.CLARIFY:
            result.choices = [self._localize(index, i, lang) for i in outcome.entry_ids]
            # 「どれにも当てはまらない」 leads to the department owning the topic (or general).
            result.contact = index.handover_department(
                question=screened.for_retrieval, exclude=exclude
            )
        elif authority is not None:
            result.other_authority = authority.localized(lang)
        elif not outside:
            # (Outside any authority's business — outside_topics — the contact stays None:
            # the general contact, not a department whose entries the question brushes.)
            result.contact = index.handover_department(
                question=screened.for_retrieval, exclude=exclude
            )
        result.latency_ms = (time.perf_counter() - started) * 1000
        if record:
            result.question_id = self._record(tenant, screened, lang, channel, session_key, result)
        telemetry.event("answer.decision", decision=str(result.decision), channel=channel)
        telemetry.event("answer.latency", result.latency_ms / 1000, channel=channel)
        return result

    def ask_listed(
        self,
        tenant_slug: str,
        entry_id: int,
        question: str,
        *,
        language: str | None = None,
        session_key: str = "",
        channel: str = "api",
    ) -> AskResult:
        """The resident pressed a question the start screen lists (popular or in a category):
        that entry's answer, in the page's language. Asking its translated wording ranked it
        among close translations and offered it back as one of three choices (How should I
        sort my garbage?, 쓰레기 수거일은 언제인가요?: newcomer walkthrough nc6). An entry no
        longer published (the page was open while an editor withdrew it) is asked as text."""
        started = time.perf_counter()
        lang = normalize_language(language)
        with self.db.read() as session:
            tenant = tenant_service.get_tenant(session, tenant_slug)
            index = self.index_for(session, tenant)
        if entry_id not in index.entry_ids():
            return self.ask(
                tenant_slug, question, language=language, session_key=session_key, channel=channel
            )
        shown = self._localize(index, entry_id, lang)
        result = AskResult(
            question_id=0,
            decision=Decision.ANSWER,
            language=lang,
            answer=shown,
            general_contact=tenant.general_contact(),
            candidates=[{"entry_id": entry_id, "score": 1.0, "listed": True}],
        )
        result.latency_ms = (time.perf_counter() - started) * 1000
        # Logged with the entry's own wording in the page's language (what the button shows),
        # as if typed, so popular questions, KPI and learning read it like any answered
        # question; never the ``question`` sent with the id (used only when the entry is gone
        # above): a vote would teach any text a client sent to this entry.
        result.question_id = self._record(
            tenant, screen(shown.entry.question), lang, channel, session_key, result
        )
        telemetry.event("answer.decision", decision=str(result.decision), channel=channel)
        return result

    def _other_authority(
        self, tenant: TenantInfo, index: TenantIndex, question: str, outcome: Outcome
    ) -> other_authorities.OtherAuthority | None:
        """The other authority whose business the question is about (closer to one of its
        topics than to any entry), or None; needs the embedding."""
        embedder = index.searcher.embedder
        if embedder is None or outcome.cosine is None or index.searcher.dense is None:
            return None
        cached = self._authority_matcher(tenant, index)
        if cached is None:
            return None
        compared = _compared_in_kanji(index, question, outcome, cached[2])
        if compared is None:
            return None
        written, vector, best = compared
        return other_authorities.handed_to(
            cached[1],
            written,
            vector,
            best,
            other_authorities.margins(tenant.settings),
            entries_use=self._entries_text(tenant.id, index).__contains__,
            exclusive=other_authorities.exclusive_margin(tenant.settings),
        )

    def _authority_matcher(
        self, tenant: TenantInfo, index: TenantIndex
    ) -> tuple[Any, other_authorities.AuthorityMatcher, KanaKanji] | None:
        """The tenant's other authorities' topic vectors and names (embedded once per
        embedder and configuration); None when none are configured."""
        authorities = other_authorities.configured(tenant.settings)
        if not authorities:
            return None
        embedder = index.searcher.embedder
        key = (id(embedder), repr(authorities))
        cached = self._authority_matchers.get(tenant.id)
        if cached is None or cached[0] != key:
            names = other_authorities.kana_names(authorities, index.lexical.tokenizer.reading)
            cached = (key, other_authorities.AuthorityMatcher(authorities, embedder), names)
            self._authority_matchers[tenant.id] = cached
        return cached

    def _outside_matcher(self, embedder: Any) -> outside_topics.OutsideTopics:
        """The outside topics' vectors (embedded once per embedder)."""
        if self._outside_topics is None or self._outside_topics[0] != id(embedder):
            self._outside_topics = (id(embedder), outside_topics.OutsideTopics(embedder))
        return self._outside_topics[1]

    def _decided_on_asking(
        self,
        tenant: TenantInfo,
        index: TenantIndex,
        question: str,
        outcome: Outcome,
        exclude: set[int] | None,
    ) -> Outcome:
        """A long Japanese question the whole text hands over, decided on its asking sentence
        (text.asking; docs/benchmarks.md §7.43): that decision when it answers or offers
        choices, its first entry is the whole question's first, the sentence is closer in
        meaning to it than the whole text (without that, vague asking sentences of out-of-scope
        stories — じてんしゃが ぬすまれました。どこに いいますか — became a 更問), and the sentence
        itself is no other authority's or nobody's business; else ``outcome``. Emergencies
        never get here (detected on the whole text first) and neither do the whole text's
        hand-overs to another authority or the general contact."""
        if script_of(question) != "ja" or not outcome.ranked:
            return outcome
        asking = asking_sentence(question)
        if asking is None:
            return outcome
        part = index.answer(asking, k=len(outcome.ranked), exclude=exclude)
        if part.decision not in (Decision.ANSWER, Decision.CLARIFY):
            return outcome
        if part.entry_ids[0] != outcome.ranked[0].entry_id:
            return outcome
        if (part.cosine or 0.0) <= (outcome.cosine or 0.0):
            return outcome
        if says_nothing(asking) or self._other_authority(tenant, index, asking, part):
            return outcome
        if self._outside(tenant, index, asking, part):
            return outcome
        return replace(outcome, decision=part.decision, entry_ids=part.entry_ids)

    def _entries_text(self, tenant_id: int, index: TenantIndex) -> _FoldedText:
        """Every text of the tenant's entries and their translations, case-folded (which
        words the tenant's own FAQ uses); kept while the index is the same."""
        cached = self._entry_texts.get(tenant_id)
        if cached is None or cached[0] is not index:
            texts = []
            for entry_id in index.entry_ids():
                entry = index.entry(entry_id)
                shown = [entry] + [
                    t
                    for lang in LANGUAGES
                    if (t := index.translation(entry.external_id, lang)) is not None
                ]
                for e in shown:
                    texts.extend([e.question, e.answer, *e.alternatives])
            cached = (index, _FoldedText("\n".join(texts)))
            self._entry_texts[tenant_id] = cached
        return cached[1]

    def _outside(
        self, tenant: TenantInfo, index: TenantIndex, question: str, outcome: Outcome
    ) -> bool:
        """Whether the question is about no authority's business (services.outside_topics:
        shops, restaurants, private contracts, chit-chat); needs the embedding."""
        embedder = index.searcher.embedder
        if embedder is None or outcome.cosine is None or index.searcher.dense is None:
            return False
        needed = outside_topics.margin(tenant.settings)
        if not math.isfinite(needed):
            return False
        topics = self._outside_matcher(embedder)
        compared = _compared_in_kanji(index, question, outcome)
        if compared is None:
            return False
        _, vector, best = compared
        return topics.outside(vector, best, needed) is not None

    def _emergency(
        self,
        tenant: TenantInfo,
        screened: ScreenedQuestion,
        kinds: list[Any],
        lang: str,
        channel: str,
        session_key: str,
        record: bool,
    ) -> AskResult:
        started = time.perf_counter()
        result = AskResult(
            question_id=0,
            decision=Decision.EMERGENCY,
            language=lang,
            general_contact=tenant.general_contact(),
            emergency=contacts_for(kinds, lang, tenant.settings),
            personal_data=screened.personal_data,
        )
        result.signals = {"emergency": 1.0}
        result.latency_ms = (time.perf_counter() - started) * 1000
        if record:
            result.question_id = self._record(tenant, screened, lang, channel, session_key, result)
        telemetry.event("answer.decision", decision=str(result.decision), channel=channel)
        return result

    def localize(self, index: TenantIndex, entry_id: int, lang: str) -> LocalizedEntry:
        """The entry in ``lang`` when translated (start screen, cards)."""
        return self._localize(index, entry_id, lang)

    def asked_language(self, tenant_slug: str, token: str, page_language: str | None) -> str:
        """The language the question ``token`` was issued for was answered in (logged with it:
        an English question asked on the Japanese page got English choices), else the page's."""
        with self.db.read() as session:
            tenant = tenant_service.get_tenant(session, tenant_slug)
            logged = session.execute(
                select(QuestionLog.language).where(
                    QuestionLog.tenant_id == tenant.id,
                    QuestionLog.feedback_token_hash == feedback_service.hash_token(token),
                )
            ).scalar_one_or_none()
        return logged if logged in LANGUAGES else normalize_language(page_language)

    def _localize(self, index: TenantIndex, entry_id: int, lang: str) -> LocalizedEntry:
        entry = index.entry(entry_id)
        translated = index.translation(entry.external_id, lang)
        if translated is not None:
            # The translation's text under the entry's own id: choices, votes and the log
            # refer to the entry the index ranks, whatever language it was read in (a card
            # with the translation row's id answered 500 when picked).
            shown = replace(translated, id=entry.id)
            return LocalizedEntry(entry=shown, language=lang, translated=True)
        return LocalizedEntry(entry=entry, language=entry.language, translated=False)

    def _record(
        self,
        tenant: TenantInfo,
        screened: ScreenedQuestion,
        lang: str,
        channel: str,
        session_key: str,
        result: AskResult,
    ) -> int:
        answer_id = result.answer.entry.id if result.answer else None
        offered = (
            [{"entry_id": c.entry.id, "score": None, "offered": True} for c in result.choices]
            if result.choices
            else []
        )
        # Feedback is bound to this token and to the entries actually shown (issue 16).
        token, token_hash = feedback_service.new_token()
        shown = ([answer_id] if answer_id is not None else []) + [
            c.entry.id for c in result.choices
        ]
        with self.db.write() as session:
            row = QuestionLog(
                tenant_id=tenant.id,
                question=screened.for_log,
                language=lang,
                channel=channel[:32],
                decision=str(result.decision),
                answer_entry_id=answer_id,
                top_score=float(result.candidates[0]["score"]) if result.candidates else 0.0,
                candidates=result.candidates + offered,
                latency_ms=result.latency_ms,
                session_key=_hash_key(session_key),
                feedback_token_hash=token_hash,
                shown_entry_ids=shown,
            )
            session.add(row)
            session.flush()
            result.feedback_token = token
            return row.id

    def choose(
        self,
        tenant_slug: str,
        token: str,
        entry_id: int,
        *,
        language: str | None = None,
        client_address: str = "",
    ) -> LocalizedEntry:
        """A resident picked one of the clarifying choices shown for the question ``token``
        was issued for: record it and show that entry (in the language the choices were
        shown in)."""
        lang = self.asked_language(tenant_slug, token, language)
        feedback_service.submit(
            self,
            tenant_slug,
            token,
            feedback_service.FeedbackKind.CHOICE,
            entry_id=entry_id,
            client_address=client_address,
        )
        with self.db.read() as session:
            tenant = tenant_service.get_tenant(session, tenant_slug)
            index = self.index_for(session, tenant)
        return self._localize(index, entry_id, lang)
