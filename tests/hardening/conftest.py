"""Fixtures of the hardening tests: cheap password hashing (the cost is not what is tested)."""

from __future__ import annotations

from tests.console.fixtures import cheap_password_hashing

__all__ = ["cheap_password_hashing"]
