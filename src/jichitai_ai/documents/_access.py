"""Who may see which collection: residents only public ones, staff by their role in the tenant."""

from __future__ import annotations

from dataclasses import dataclass

from jichitai_ai.documents.errors import InvalidCollection
from jichitai_ai.services.auth import Role

PUBLIC = "public"
STAFF = "staff"
RESTRICTED = "restricted"
VISIBILITIES = (PUBLIC, STAFF, RESTRICTED)


@dataclass(frozen=True)
class Viewer:
    """The audience of a search: a resident (no role), a staff role, or the operator (CLI, all)."""

    role: Role | None = None
    operator: bool = False

    @classmethod
    def resident(cls) -> Viewer:
        return cls()

    @classmethod
    def staff(cls, role: Role) -> Viewer:
        return cls(role=role)

    @classmethod
    def everything(cls) -> Viewer:
        return cls(operator=True)


def can_see(viewer: Viewer, visibility: str, roles: list[str]) -> bool:
    if viewer.operator or visibility == PUBLIC:
        return True
    if viewer.role is None:
        return False
    if visibility == STAFF:
        return True
    return str(viewer.role) in roles


def check_visibility(visibility: str, roles: list[str]) -> list[str]:
    """Validate a collection's audience; returns the normalised role list."""
    if visibility not in VISIBILITIES:
        raise InvalidCollection("documents.invalid_visibility", visibility=visibility)
    valid = {str(r) for r in Role}
    cleaned = sorted({r.strip() for r in roles if r.strip()})
    for role in cleaned:
        if role not in valid:
            raise InvalidCollection("documents.invalid_role", role=role)
    if visibility == RESTRICTED and not cleaned:
        raise InvalidCollection("documents.roles_required")
    return cleaned if visibility == RESTRICTED else []
