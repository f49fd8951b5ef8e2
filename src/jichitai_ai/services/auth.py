"""Staff accounts, roles per tenant, API keys, and the permission rule.

Roles: ``editor`` (FAQ content, changes wait for approval), ``approver`` (edits and approves
changes: 承認者), ``admin`` (everything in the tenant, and in its member
municipalities when held on a prefecture), ``auditor`` (read-only, logs and KPIs).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Conflict, Invalid, NotFound
from jichitai_ai.storage.tables import ApiKey, Membership, RevokedSession, User
from jichitai_ai.timeutil import utcnow

API_KEY_PREFIX = "jai_"

_hasher = PasswordHasher()


class Role(StrEnum):
    EDITOR = "editor"
    APPROVER = "approver"
    ADMIN = "admin"
    AUDITOR = "auditor"


class Action(StrEnum):
    READ = "read"  # see entries, questions
    EDIT = "edit"  # change FAQ content
    ADMINISTER = "administer"  # users, settings, backends
    AUDIT = "audit"  # logs, KPIs
    APPROVE = "approve"  # publish FAQ changes (承認)
    USE_GATEWAY = "use_gateway"  # send text to generative models through the gateway


_ALLOWED: dict[Role, frozenset[Action]] = {
    Role.EDITOR: frozenset({Action.READ, Action.EDIT, Action.AUDIT, Action.USE_GATEWAY}),
    Role.APPROVER: frozenset(
        {Action.READ, Action.EDIT, Action.AUDIT, Action.APPROVE, Action.USE_GATEWAY}
    ),
    Role.ADMIN: frozenset(Action),
    # Auditors read and check; they do not use the models they audit.
    Role.AUDITOR: frozenset({Action.READ, Action.AUDIT}),
}


class KeyScope(StrEnum):
    """What an API key may do, within its user's roles (キーの権限範囲)."""

    FULL = "full"  # everything the user may do
    READ = "read"  # read and audit only
    GATEWAY = "gateway"  # the AI gateway only (chat, models, moderation)


_SCOPE_ALLOWS: dict[KeyScope, frozenset[Action]] = {
    KeyScope.FULL: frozenset(Action),
    KeyScope.READ: frozenset({Action.READ, Action.AUDIT}),
    KeyScope.GATEWAY: frozenset({Action.USE_GATEWAY}),
}


@dataclass(frozen=True)
class Principal:
    """Who is acting, with their role per tenant id."""

    user_id: int
    username: str
    roles: dict[int, Role] = field(default_factory=dict)
    #: Console sessions act with the user's full rights; an API key may carry less.
    scope: KeyScope = KeyScope.FULL

    def role_in(self, session: Session, tenant_id: int) -> Role | None:
        """Direct role, else an admin/auditor role held on an ancestor (prefecture)."""
        if tenant_id in self.roles:
            return self.roles[tenant_id]
        for ancestor in tenant_service.ancestor_ids(session, tenant_id)[1:]:
            role = self.roles.get(ancestor)
            if role in (Role.ADMIN, Role.AUDITOR):
                return role
        return None

    def can(self, session: Session, tenant_id: int, action: Action) -> bool:
        if action not in _SCOPE_ALLOWS[self.scope]:
            return False
        role = self.role_in(session, tenant_id)
        return role is not None and action in _ALLOWED[role]


def hash_password(password: str) -> str:
    if len(password) < 10:
        raise Invalid("auth.password_too_short", minimum=10)
    return _hasher.hash(password)


def create_user(session: Session, username: str, password: str, *, display_name: str = "") -> int:
    if session.execute(select(User.id).where(User.username == username)).first():
        raise Conflict("auth.user_exists", username=username)
    user = User(
        username=username,
        display_name=display_name or username,
        password_hash=hash_password(password),
        failed_logins=0,
        is_active=True,
    )
    session.add(user)
    session.flush()
    return user.id


def grant(session: Session, username: str, tenant_slug: str, role: Role) -> None:
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise NotFound("auth.user_unknown", username=username)
    tenant = tenant_service.get_tenant(session, tenant_slug)
    existing = session.get(Membership, (user.id, tenant.id))
    if existing is None:
        session.add(Membership(user_id=user.id, tenant_id=tenant.id, role=str(role)))
    else:
        existing.role = str(role)
    session.flush()


def principal_for(session: Session, user: User, scope: KeyScope = KeyScope.FULL) -> Principal:
    rows = session.execute(select(Membership).where(Membership.user_id == user.id)).scalars()
    return Principal(
        user_id=user.id,
        username=user.username,
        roles={m.tenant_id: Role(m.role) for m in rows},
        scope=scope,
    )


class LoginFailed(Exception):
    """Wrong credentials or a locked account; the message never says which."""

    def __init__(self, locked: bool = False) -> None:
        self.locked = locked
        super().__init__("login failed")


def authenticate(session: Session, username: str, password: str) -> Principal:
    """Check a password. Counting failures and blocking is services.login_guard's job: it
    charges every attempt atomically before this runs."""
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None or not user.is_active:
        # Spend the same time as a real check so usernames cannot be probed by timing.
        _hasher.hash(password or "x")
        raise LoginFailed()
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise LoginFailed() from None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
        session.flush()
    return principal_for(session, user)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_api_key(
    session: Session, username: str, *, label: str = "", scope: KeyScope = KeyScope.FULL
) -> str:
    """Return a new key once; only its hash is kept."""
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise NotFound("auth.user_unknown", username=username)
    key = API_KEY_PREFIX + secrets.token_urlsafe(32)
    session.add(
        ApiKey(
            user_id=user.id,
            key_hash=_digest(key),
            prefix=key[:12],
            label=label,
            revoked=False,
            scope=str(KeyScope(scope)),
        )
    )
    session.flush()
    return key


def principal_from_api_key(session: Session, key: str) -> Principal | None:
    row = session.execute(
        select(ApiKey).where(ApiKey.key_hash == _digest(key), ApiKey.revoked.is_(False))
    ).scalar_one_or_none()
    if row is None:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        return None
    try:
        scope = KeyScope(row.scope)
    except ValueError:
        scope = KeyScope.READ  # an unknown scope never grants more than reading
    return principal_for(session, user, scope)


def revoke_api_key(session: Session, prefix: str) -> bool:
    rows = session.execute(select(ApiKey).where(ApiKey.prefix == prefix)).scalars().all()
    for row in rows:
        row.revoked = True
    session.flush()
    return bool(rows)


def _sid_digest(sid: str) -> str:
    return hashlib.sha256(b"session|" + sid.encode("utf-8")).hexdigest()


def revoke_session(session: Session, sid: str, lifetime: timedelta) -> None:
    """Logout on the server: the cookie stays signed but is refused from now on."""
    now = utcnow()
    session.execute(delete(RevokedSession).where(RevokedSession.expires_at < now))
    if session.get(RevokedSession, _sid_digest(sid)) is None:
        session.add(RevokedSession(sid_hash=_sid_digest(sid), expires_at=now + lifetime))
    session.flush()


def is_session_revoked(session: Session, sid: str) -> bool:
    return session.get(RevokedSession, _sid_digest(sid)) is not None
