"""Errors the gateway raises; each carries a catalogue key so staff read ja + en."""

from __future__ import annotations

from typing import Any

from jichitai_ai.services.errors import Forbidden, NotFound, ServiceError


class PolicyRefused(Forbidden):
    """The policy does not allow this request (マイナンバー, too many persons, backend …)."""

    def __init__(self, key: str, /, *, audit_id: int = 0, **params: Any) -> None:
        self.audit_id = audit_id
        super().__init__(key, **params)


class HeldForReview(ServiceError):
    """The request waits for a staff member to confirm the masking (not an error)."""

    status = 202

    def __init__(self, review_id: str, audit_id: int) -> None:
        self.review_id = review_id
        self.audit_id = audit_id
        super().__init__("gateway.review.held", review_id=review_id)


class BackendFailed(ServiceError):
    """The model backend did not answer; the upstream body is not shown (it may echo input)."""

    status = 502


class BackendUnknown(NotFound):
    pass


class TooLarge(ServiceError):
    """A message or the request is over the configured size (HTTP 413)."""

    status = 413
