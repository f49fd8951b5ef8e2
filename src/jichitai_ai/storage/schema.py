"""The deployment's full metadata: every module that declares tables is imported here."""

from __future__ import annotations

from jichitai_ai.storage import tables
from jichitai_ai.storage.tables import Base

# Feature areas register their table modules here (one import line each).
__all__ = ["metadata", "tables"]

metadata = Base.metadata
