"""The policy decision: may this request, of this class, go to this backend?

Pure functions over the assessment and the configuration, so every rule can be
tested without a database or a network. Refusals name a catalogue key a staff
member understands (ja + en), never the personal data that caused them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ._config import BackendSpec, TenantPolicy
from ._privacy import ConfidentialityClass, DataClassAssessment, stricter

C1 = ConfidentialityClass.C1
C3A = ConfidentialityClass.C3A


@dataclass(frozen=True)
class Decision:
    """``backend`` is set when allowed; otherwise ``reason`` (+ ``params``) says why not."""

    data_class: ConfidentialityClass
    backend: BackendSpec | None = None
    reason: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def allowed(self) -> bool:
        return self.backend is not None


def effective_class(
    declared: ConfidentialityClass | None, detected: ConfidentialityClass, policy: TenantPolicy
) -> ConfidentialityClass:
    """The stricter of what the caller declared (or the tenant default) and what was detected."""
    return stricter(declared or policy.default_class, detected)


def misfit(backend: BackendSpec, cls: ConfidentialityClass, policy: TenantPolicy) -> str:
    """Why ``backend`` may not receive ``cls`` data ('' when it may)."""
    if cls is C3A and not backend.on_premises:
        return "gateway.refused.leaves_organisation"
    public_exception = cls is C1 and policy.public_to_any_backend
    if not backend.in_country and not public_exception:
        return "gateway.refused.abroad"
    if backend.trains_on_inputs and not public_exception:
        return "gateway.refused.trains_on_inputs"
    if cls.rank > backend.max_class.rank:
        return "gateway.refused.class_too_high"
    allowed = policy.allowed.get(cls)
    if allowed is not None and backend.name not in allowed:
        return "gateway.refused.not_allowed_for_class"
    return ""


def decide(
    assessment: DataClassAssessment,
    declared: ConfidentialityClass | None,
    requested_backend: str | None,
    backends: Mapping[str, BackendSpec],
    policy: TenantPolicy,
) -> Decision:
    """Apply the rules in order: マイナンバー, person cap, then the backend for the class."""
    cls = effective_class(declared, assessment.level, policy)
    if assessment.specific_personal_information:
        return Decision(cls, reason="gateway.refused.my_number")
    if assessment.persons > policy.person_cap:
        return Decision(
            cls,
            reason="gateway.refused.person_cap",
            params={"persons": assessment.persons, "cap": policy.person_cap},
        )
    if requested_backend:
        backend = backends.get(requested_backend)
        if backend is None:
            return Decision(
                cls, reason="gateway.refused.backend_unknown", params={"backend": requested_backend}
            )
        why = misfit(backend, cls, policy)
        if why:
            return Decision(cls, reason=why, params=_params(backend, cls))
        return Decision(cls, backend=backend)
    order = list(backends.values())
    if policy.default_backend in backends:
        order.sort(key=lambda b: b.name != policy.default_backend)
    for backend in order:
        if not misfit(backend, cls, policy):
            return Decision(cls, backend=backend)
    return Decision(cls, reason="gateway.refused.no_backend", params={"data_class": cls.value})


def _params(backend: BackendSpec, cls: ConfidentialityClass) -> dict[str, Any]:
    return {"backend": backend.name, "data_class": cls.value, "max_class": backend.max_class.value}
