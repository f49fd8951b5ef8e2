"""Console pages for tuning: the test box, 言い換え / dismiss from unanswered questions, the
synonym editor and pinned questions."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from jichitai_ai.i18n import LANGUAGES
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import outside_topics
from jichitai_ai.services import synonyms as synonym_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Action
from jichitai_ai.services.errors import Invalid, ServiceError
from jichitai_ai.tuning import outside_setting, service
from jichitai_ai.web.console import settings_record
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.rendering import redirect, render

router = APIRouter(prefix="/console/t/{slug}", include_in_schema=False)

MAX_TEST_CHARS = 500


def _user(page: TenantPage) -> str:
    return page.c.principal.username if page.c.principal else ""


def _ids(raw: list[str]) -> list[int]:
    return [int(v) for v in raw if v.isdigit()][:500]


@router.get("/tuning")
def tuning(request: Request, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    """テスト質問: ask as a resident in any language; candidates, scores, decision, reason."""
    return _tuning_page(request, page)


def _tuning_page(
    request: Request,
    page: TenantPage,
    *,
    outside: outside_setting.OutsideSetting | None = None,
    outside_error: str = "",
    status_code: int = 200,
) -> Response:
    question = request.query_params.get("q", "").strip()[:MAX_TEST_CHARS]
    language = request.query_params.get("lang_q", "ja")
    language = language if language in LANGUAGES else "ja"
    groups = request.query_params.getlist("qid")
    report = None
    error = ""
    if question:
        try:
            with page.c.platform.db.read() as db:
                report = service.test_question(
                    page.c.platform.answering, db, page.tenant.slug, question, language
                )
        except ServiceError as exc:
            error = exc.key
    with page.c.platform.db.read() as db:
        pins = service.pinned(db, page.tenant.id)
        synonyms = synonym_service.own_groups(db, page.tenant.id)
        record = settings_record.lines(db, page.tenant.id, settings_record.TUNING_KEYS, page.c.lang)
        own = [
            e
            for e in faq_service.visible_entries(db, page.tenant.id, residents=True)
            if e.language == "ja"
        ]
    return render(
        page.c,
        "console/tuning.html",
        page=page,
        question=question,
        language=language,
        languages=LANGUAGES,
        report=report,
        error=error,
        qids=[g for g in groups if g.isdigit()],
        pins=pins,
        entries=own,
        synonyms="\n".join(", ".join(g) for g in synonyms),
        done=request.query_params.get("done", ""),
        outside=outside or outside_setting.current(page.tenant.settings),
        outside_error=outside_error,
        outside_default=outside_topics.DEFAULT_MARGIN,
        outside_max=outside_setting.MAX_MARGIN,
        changes=record,
        status_code=status_code,
    )


@router.post("/tuning/outside")
def save_outside(
    request: Request,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    data: FormData = Depends(csrf_form),
) -> Response:
    """他の話題の判定 (買い物・飲食店・雑談 → 総合案内): the default, a margin, or off. A value
    that is not a number in range is shown again with the message; nothing is stored."""
    mode, raw = form_text(data, "outside_mode"), form_text(data, "outside_margin")[:20]
    try:
        value = outside_setting.to_store(mode, raw)
    except Invalid as exc:
        typed = outside_setting.OutsideSetting(mode if mode in outside_setting.MODES else "", raw)
        return _tuning_page(
            request, page, outside=typed, outside_error=exc.key, status_code=exc.status
        )
    with page.c.platform.db.write() as db:
        settings = tenant_service.get_tenant_by_id(db, page.tenant.id).settings
        before = settings.get(outside_topics.MARGIN_KEY)
        tenant_service.update_settings(db, page.tenant.id, {outside_topics.MARGIN_KEY: value})
        settings_record.record(
            db, page.tenant.id, settings_record.OUTSIDE, _user(page), [before], [value]
        )
    return redirect(page.c, f"/console/t/{page.tenant.slug}/tuning?done=outside#outside")


@router.post("/tuning/alternative")
def add_alternative(
    page: TenantPage = Depends(tenant_page(Action.EDIT)), data: FormData = Depends(csrf_form)
) -> Response:
    """言い換えとして追加: the question becomes an alternative phrasing of the chosen entry."""
    raw_entry = form_text(data, "entry_id")
    if not raw_entry.isdigit():
        raise Invalid("error.validation")
    text = form_text(data, "question")[:MAX_TEST_CHARS]
    qids = _ids([v for v in data.getlist("qid") if isinstance(v, str)])
    with page.c.platform.db.write() as db:
        result = service.add_alternative(
            db,
            page.tenant.id,
            int(raw_entry),
            text,
            user=_user(page),
            can_approve=page.can_approve,
            question_ids=qids,
        )
    done = "alternative_published" if result.change is None else "alternative_submitted"
    return redirect(page.c, f"/console/t/{page.tenant.slug}/tuning?done={done}")


@router.post("/unanswered/dismiss")
def dismiss(
    page: TenantPage = Depends(tenant_page(Action.EDIT)), data: FormData = Depends(csrf_form)
) -> Response:
    """対応不要: the group's questions leave the list (they stay in the log and the KPIs)."""
    qids = _ids([v for v in data.getlist("qid") if isinstance(v, str)])
    with page.c.platform.db.write() as db:
        service.mark_handled(db, page.tenant.id, qids, action="dismissed", user=_user(page))
    return redirect(page.c, f"/console/t/{page.tenant.slug}/unanswered?done=dismissed")


@router.post("/synonyms")
def save_synonyms(
    page: TenantPage = Depends(tenant_page(Action.EDIT)), data: FormData = Depends(csrf_form)
) -> Response:
    """同義語: one group per line, terms separated by commas (、 or ,)."""
    lines = form_text(data, "synonyms").replace("、", ",").splitlines()
    groups = [[term.strip() for term in line.split(",")] for line in lines[:2000]]
    with page.c.platform.db.write() as db:
        before = synonym_service.own_groups(db, page.tenant.id)
        synonym_service.replace_groups(db, page.tenant.id, groups)
        after = synonym_service.own_groups(db, page.tenant.id)
        settings_record.record(
            db, page.tenant.id, settings_record.SYNONYMS, _user(page), before, after
        )
    return redirect(page.c, f"/console/t/{page.tenant.slug}/tuning?done=synonyms#synonyms")


@router.post("/pins")
def save_pins(
    page: TenantPage = Depends(tenant_page(Action.EDIT)), data: FormData = Depends(csrf_form)
) -> Response:
    """よくある質問の固定表示: entries shown first on the residents' start screen."""
    ids = [v for v in data.getlist("pin") if isinstance(v, str)]
    with page.c.platform.db.write() as db:
        before = service.pinned(db, page.tenant.id)
        after = service.set_pinned(db, page.tenant.id, ids)
        settings_record.record(db, page.tenant.id, settings_record.PINS, _user(page), before, after)
    return redirect(page.c, f"/console/t/{page.tenant.slug}/tuning?done=pins#pins")
