"""Unanswered questions grouped by theme (未回答の質問) and what feedback has learned (学習状況)."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services.auth import Action
from jichitai_ai.services.errors import Invalid, ServiceError
from jichitai_ai.services.unanswered import unanswered_groups
from jichitai_ai.timeutil import utcnow
from jichitai_ai.tuning import lessons as lesson_decisions
from jichitai_ai.tuning import service as tuning
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.rendering import redirect, render
from jichitai_ai.web.params import int_or, parse_int

router = APIRouter(prefix="/console/t/{slug}", include_in_schema=False)

PERIODS = (7, 30, 90, 365)


@router.get("/unanswered")
def unanswered(request: Request, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    raw = request.query_params.get("days", "90")
    days = int_or(raw, 90)
    days = days if days in PERIODS else 90
    with page.c.platform.db.read() as db:
        groups = unanswered_groups(
            db,
            [page.tenant.id],
            since=utcnow() - timedelta(days=days),
            exclude=tuning.handled_ids(db, page.tenant.id),
            embedder=page.c.platform.answering.factory.embedder,
        )
    return render(
        page.c,
        "console/unanswered.html",
        page=page,
        groups=groups,
        days=days,
        periods=PERIODS,
        done=request.query_params.get("done", ""),
    )


#: Lessons whose effect is recomputed for the page (each is one ranking with and without).
MAX_EXPLAINED = 200


@router.get("/learning")
def learning(request: Request, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    """Per entry and lesson (学習した言い換え): supporters, status, and what residents see for
    that wording without and with learning."""
    policy = feedback_service.LearningPolicy.of(page.tenant.settings)
    rows = []
    answering = page.c.platform.answering
    with page.c.platform.db.read() as db:
        index = answering.index_for(db, page.tenant)
        titles: dict[int, tuple[str, str]] = {}

        def title(entry_id: int) -> tuple[str, str]:
            if entry_id not in titles:
                try:
                    entry = faq_service.get_entry(db, page.tenant.id, entry_id)
                    titles[entry_id] = (entry.question, entry.external_id)
                except ServiceError:
                    titles[entry_id] = ("", "")
            return titles[entry_id]

        explained = 0
        for item in feedback_service.learned(db, page.tenant.id, policy):
            question, external_id = title(item.entry_id)
            lessons = []
            for lesson in item.lessons:
                change = None
                if explained < MAX_EXPLAINED:
                    change = feedback_service.compare(index, lesson.text)
                    explained += 1
                lessons.append({"lesson": lesson, "change": change})
            rows.append(
                {"item": item, "question": question, "external_id": external_id, "lessons": lessons}
            )
    return render(
        page.c,
        "console/learning.html",
        page=page,
        rows=rows,
        policy=policy,
        title_of=title,
        done=request.query_params.get("done", ""),
    )


@router.post("/learning/reset")
def learning_reset(
    page: TenantPage = Depends(tenant_page(Action.EDIT)), data: FormData = Depends(csrf_form)
) -> Response:
    """Forget the feedback of one entry, or of every entry when no entry is given."""
    raw = form_text(data, "entry_id").strip()
    entry_id = parse_int(raw)
    if raw and entry_id is None:
        raise Invalid("error.validation")
    with page.c.platform.db.write() as db:
        feedback_service.reset(db, page.tenant.id, entry_id)
    return redirect(page.c, f"/console/t/{page.tenant.slug}/learning?done=reset")


LESSON_ACTIONS = {"approve": "approved", "reject": "rejected"}


@router.post("/learning/lesson")
def learning_lesson(
    page: TenantPage = Depends(tenant_page(Action.EDIT)), data: FormData = Depends(csrf_form)
) -> Response:
    """Approve (in force, no lapse; the wording joins the entry's 言い換え through the approval
    flow), reject (never in force) or reset (forget) one lesson."""
    raw = form_text(data, "lesson_id").strip()
    action = form_text(data, "action").strip()
    if not raw.isdigit() or action not in (*LESSON_ACTIONS, "reset"):
        raise Invalid("error.validation")
    user = page.c.principal.username if page.c.principal else ""
    done = action
    with page.c.platform.db.write() as db:
        if action == "reset":
            feedback_service.reset(db, page.tenant.id, lesson_id=int(raw))
        else:
            result = lesson_decisions.decide(
                db,
                page.tenant.id,
                int(raw),
                LESSON_ACTIONS[action],
                user=user,
                can_approve=page.can_approve,
            )
            if result.alternative != "none":
                done = f"approve_{result.alternative}"
    return redirect(page.c, f"/console/t/{page.tenant.slug}/learning?done={done}")
