"""Errors of the documents area, each with a catalogue key (documents.toml)."""

from __future__ import annotations

from jichitai_ai.services.errors import Forbidden, Invalid, NotFound


class UnsupportedFormat(Invalid):
    """The file extension has no reader."""


class DocumentUnreadable(Invalid):
    """The file is broken or encrypted; it is skipped and reported."""


class DocumentNotFound(NotFound):
    """No such document (or it is in a collection the caller may not see)."""


class CollectionNotFound(NotFound):
    """Upload into a collection the tenant does not have (administrators create collections)."""


class CollectionForbidden(Forbidden):
    """The caller's role may not use this collection."""


class InvalidCollection(Invalid):
    """Bad collection name, visibility or roles."""


class NoBackend(Invalid):
    """A model is needed but no generative backend is configured."""
