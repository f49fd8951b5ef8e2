"""Rules for managing staff accounts from a tenant: an administrator manages the people of
the tenants they administer, never locks themselves out, and a reset ends every session."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jichitai_ai.contact_settings import audit
from jichitai_ai.services import auth
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Action, Principal, Role
from jichitai_ai.services.errors import Forbidden, Invalid, NotFound
from jichitai_ai.storage.tables import Membership, User

USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-_.@")

#: Keys of the change record (変更履歴, table settings_changes): who created an account, changed
#: a role, disabled or re-enabled it, or issued a new password — and when. An information-policy
#: office must be able to answer "who made this person an administrator?".
CREATED = "staff_created"
ROLE = "staff_role"
ACTIVE = "staff_active"
PASSWORD = "staff_password"
DEPARTMENTS = "staff_departments"
RECORD_KEYS = (CREATED, ROLE, ACTIVE, PASSWORD, DEPARTMENTS)


def _record(
    session: Session,
    tenant_id: int,
    key: str,
    actor: Principal | str,
    username: str,
    before: list[Any],
    after: list[Any],
) -> None:
    """One line in the tenant's change record, in the same transaction as the change."""
    audit.record(
        session,
        tenant_id,
        key,
        "saved",
        subject=username,
        username=actor if isinstance(actor, str) else actor.username,
        before=before,
        after=after,
    )


def grant_recorded(
    session: Session, actor: str, username: str, tenant_slug: str, role: Role, *, new: bool
) -> None:
    """``auth.grant`` for the command line (``jichitai-ai user add / grant``), recorded like the
    console's changes: the first administrator and later grants show on the 職員 page too."""
    tenant = tenant_service.get_tenant(session, tenant_slug)
    user = _user(session, username)
    membership = session.get(Membership, (user.id, tenant.id))
    before = membership.role if membership is not None else None
    auth.grant(session, username, tenant_slug, role)
    if new or before is None:
        _record(session, tenant.id, CREATED, actor, username, [], [str(role)])
    elif before != str(role):
        _record(session, tenant.id, ROLE, actor, username, [before], [str(role)])


@dataclass(frozen=True)
class StaffMember:
    username: str
    display_name: str
    role: str
    active: bool
    locked: bool


def list_staff(session: Session, tenant_id: int) -> list[StaffMember]:
    rows = session.execute(
        select(User, Membership.role)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.tenant_id == tenant_id)
        .order_by(User.username)
    ).all()
    return [
        StaffMember(
            username=user.username,
            display_name=user.display_name,
            role=role,
            active=user.is_active,
            locked=user.locked_until is not None,
        )
        for user, role in rows
    ]


def _user(session: Session, username: str) -> User:
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise NotFound("auth.user_unknown", username=username)
    return user


def _check_manages(session: Session, actor: Principal, tenant_id: int, user: User) -> None:
    """The actor administers the tenant, and every tenant the account belongs to (an account
    shared with another municipality is managed by someone who administers both)."""
    if not actor.can(session, tenant_id, Action.ADMINISTER):
        raise Forbidden("error.forbidden")
    member_of = session.execute(
        select(Membership.tenant_id).where(Membership.user_id == user.id)
    ).scalars()
    for other in member_of:
        if not actor.can(session, other, Action.ADMINISTER):
            raise Forbidden("staff.other_tenant")


def check_can_manage(session: Session, actor: Principal, tenant_id: int, username: str) -> None:
    """Raise unless the actor may manage this account from this tenant."""
    _check_manages(session, actor, tenant_id, _user(session, username))


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError as exc:
        raise Invalid("staff.bad_role", role=value) from exc


def temporary_password() -> str:
    """Shown once to the administrator, to hand over; the person changes it (or asks again)."""
    return secrets.token_urlsafe(12)


def create_staff(
    session: Session,
    actor: Principal,
    tenant_id: int,
    tenant_slug: str,
    username: str,
    display_name: str,
    role: str,
) -> str:
    """A new account with a role in this tenant; returns its temporary password."""
    if not actor.can(session, tenant_id, Action.ADMINISTER):
        raise Forbidden("error.forbidden")
    username = username.strip().lower()
    if not username or len(username) > 100 or not set(username) <= USERNAME_CHARS:
        raise Invalid("staff.bad_username")
    password = temporary_password()
    auth.create_user(session, username, password, display_name=display_name.strip()[:200])
    granted = _role(role)
    auth.grant(session, username, tenant_slug, granted)
    _record(session, tenant_id, CREATED, actor, username, [], [str(granted)])
    return password


def set_role(session: Session, actor: Principal, tenant_id: int, username: str, role: str) -> None:
    user = _user(session, username)
    _check_manages(session, actor, tenant_id, user)
    new_role = _role(role)
    if user.id == actor.user_id and new_role is not Role.ADMIN:
        raise Invalid("staff.not_yourself")
    membership = session.get(Membership, (user.id, tenant_id))
    if membership is None:
        raise NotFound("auth.user_unknown", username=username)
    if membership.role != str(new_role):
        _record(session, tenant_id, ROLE, actor, user.username, [membership.role], [str(new_role)])
    membership.role = str(new_role)
    session.flush()


def set_active(
    session: Session, actor: Principal, tenant_id: int, username: str, active: bool
) -> None:
    """無効化 / 有効化: a disabled account cannot log in, and its sessions stop at once."""
    user = _user(session, username)
    _check_manages(session, actor, tenant_id, user)
    if user.id == actor.user_id and not active:
        raise Invalid("staff.not_yourself")
    if user.is_active != active:
        _record(session, tenant_id, ACTIVE, actor, user.username, [user.is_active], [active])
    user.is_active = active
    if active:
        user.failed_logins = 0
        user.locked_until = None
    session.flush()


def reset_password(session: Session, actor: Principal, tenant_id: int, username: str) -> str:
    """A new temporary password; the old one and every session with it stop working."""
    user = _user(session, username)
    _check_manages(session, actor, tenant_id, user)
    password = temporary_password()
    user.password_hash = auth.hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    _record(session, tenant_id, PASSWORD, actor, user.username, [], ["reset"])
    session.flush()
    return password


def record_departments(
    session: Session,
    actor: Principal,
    tenant_id: int,
    username: str,
    before: list[str],
    after: list[str],
) -> None:
    """Record a change of the departments an editor or approver may edit (編集できる部署)."""
    if sorted(before) != sorted(after):
        _record(session, tenant_id, DEPARTMENTS, actor, username, sorted(before), sorted(after))
