"""Load the bundled demo prefecture and municipalities (written for this project)."""

from __future__ import annotations

import csv
import io
import tomllib
from importlib import resources
from typing import Any

from sqlalchemy.orm import Session

from jichitai_ai.approval import service as approval
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import importing
from jichitai_ai.services import synonyms as synonym_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import NotFound

DATA = resources.files("jichitai_ai.demo").joinpath("data")

#: Demo staff accounts (password DEMO_PASSWORD). Demo only: delete them in production.
DEMO_PASSWORD = "jichitai-demo"
DEMO_USERS = (
    ("mizuho-admin", "mizuho-pref", "admin"),
    ("aoba-editor", "aoba-city", "editor"),
    ("aoba-approver", "aoba-city", "approver"),
    ("aoba-auditor", "aoba-city", "auditor"),
    ("sakura-editor", "sakura-town", "editor"),
)


def _read(name: str) -> bytes:
    return DATA.joinpath(name).read_bytes()


def _exists(name: str) -> bool:
    return DATA.joinpath(name).is_file()


def load_demo(session: Session) -> dict[str, Any]:
    """Create the demo tenants and their entries; skip tenants that already exist."""
    config = tomllib.loads(_read("tenants.toml").decode("utf-8"))
    tenants: list[dict[str, Any]] = config.get("tenants", [])
    summary: dict[str, Any] = {}
    # Parents first so children can refer to them.
    ordered = sorted(tenants, key=lambda t: 0 if not t.get("parent") else 1)
    for spec in ordered:
        slug = spec["slug"]
        try:
            tenant_service.get_tenant(session, slug)
            summary[slug] = "exists"
            continue
        except NotFound:
            pass
        settings = {k: v for k, v in spec.items() if k not in {"slug", "name", "name_en", "parent"}}
        info = tenant_service.add_tenant(
            session,
            slug,
            spec.get("name", slug),
            parent_slug=spec.get("parent"),
            name_en=spec.get("name_en", ""),
            settings=settings,
        )
        created = 0
        for filename in (f"{slug}.csv", f"{slug}-translations.csv"):
            if _exists(filename):
                report = importing.import_file(
                    session, info.id, _read(filename), filename, mode="upsert", user="demo"
                )
                created += report.created
        hidden_file = f"{slug}-hidden.txt"
        if _exists(hidden_file):
            for line in _read(hidden_file).decode("utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    faq_service.hide_inherited(session, info.id, line.strip(), user="demo")
        summary[slug] = created
        pending = _pending_changes(session, slug, info.id)
        if pending:
            summary[f"{slug} 承認待ち / waiting for approval"] = pending
    if _exists("synonyms.csv"):
        groups: dict[str | None, list[list[str]]] = {}
        reader = csv.DictReader(io.StringIO(_read("synonyms.csv").decode("utf-8-sig")))
        for row in reader:
            owner = row.get("tenant", "*").strip()
            terms = [t.strip() for t in (row.get("terms") or "").split("|") if t.strip()]
            groups.setdefault(None if owner in ("", "*") else owner, []).append(terms)
        for owner, owner_groups in groups.items():
            tenant_id = None if owner is None else tenant_service.get_tenant(session, owner).id
            if tenant_id is None and synonym_service.own_groups(session, None):
                continue
            if tenant_id is not None and synonym_service.own_groups(session, tenant_id):
                continue
            synonym_service.replace_groups(session, tenant_id, owner_groups)
    _demo_users(session, summary)
    return summary


def _pending_changes(session: Session, slug: str, tenant_id: int) -> int:
    """Submit the demo editor's changes (data/pending-changes.toml) for a tenant just created:
    the approver's queue has work to try at once. Each change replaces text in the live answer,
    so it stays in step with the entries' CSV."""
    if not _exists("pending-changes.toml"):
        return 0
    specs = tomllib.loads(_read("pending-changes.toml").decode("utf-8")).get("changes", [])
    count = 0
    for spec in specs:
        if spec.get("tenant") != slug:
            continue
        row = faq_service.find_by_external_id(session, tenant_id, spec["external_id"], "ja")
        if row is None:
            raise ValueError(f"pending-changes.toml: no entry {spec['external_id']} in {slug}")
        record = faq_service.record_of(faq_service.get_entry(session, tenant_id, row.id))
        answer = record.answer
        for old, new in spec.get("replace", []):
            if old not in answer:
                raise ValueError(f"pending-changes.toml: {old!r} not in {spec['external_id']}")
            answer = answer.replace(old, new)
        record.answer = answer
        approval.save(
            session,
            tenant_id,
            row.id,
            record,
            user=spec["author"],
            can_approve=False,
            submit=True,
            note=spec.get("note", ""),
        )
        count += 1
    return count


def _demo_users(session: Session, summary: dict[str, Any]) -> None:
    from sqlalchemy import select

    from jichitai_ai.services import auth
    from jichitai_ai.storage.tables import User

    for username, tenant, role in DEMO_USERS:
        if session.execute(select(User.id).where(User.username == username)).first():
            continue
        auth.create_user(session, username, DEMO_PASSWORD, display_name=username)
        auth.grant(session, username, tenant, auth.Role(role))
        summary[f"user {username}"] = f"{role} @ {tenant} (password: {DEMO_PASSWORD})"


def existing_demo_users(session: Session) -> list[tuple[str, str, str]]:
    """The demo accounts (username, tenant, role) still present in the database."""
    from sqlalchemy import select

    from jichitai_ai.storage.tables import User

    names = set(
        session.execute(
            select(User.username).where(User.username.in_([u for u, _t, _r in DEMO_USERS]))
        ).scalars()
    )
    return [u for u in DEMO_USERS if u[0] in names]
