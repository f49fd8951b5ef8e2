"""Documents (文書検索): grounded search and answers over regulations (例規), manuals and minutes.

Public API: :func:`documents_for` gives the process-wide :class:`DocumentService` of a platform;
:class:`Viewer` says who is searching (resident, staff role, operator).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from jichitai_ai.documents._access import Viewer
from jichitai_ai.documents._answers import NOT_IN_DOCUMENTS, Answer, Passage

if TYPE_CHECKING:
    from jichitai_ai.documents.service import DocumentService
    from jichitai_ai.services.platform import Platform

__all__ = ["NOT_IN_DOCUMENTS", "Answer", "Passage", "Viewer", "documents_for"]

_services: WeakKeyDictionary[Platform, DocumentService] = WeakKeyDictionary()
_lock = threading.Lock()


def documents_for(platform: Platform) -> DocumentService:
    """The platform's document service (created once; holds the per-tenant index caches)."""
    from jichitai_ai.documents._chat import backend_from_settings
    from jichitai_ai.documents.service import DocumentService
    from jichitai_ai.retrieval import make_embedder

    with _lock:
        service = _services.get(platform)
        if service is None:
            service = DocumentService(
                platform.db,
                platform.settings,
                embedder=make_embedder(platform.settings),
                chat=backend_from_settings(platform.settings, platform),
            )
            _services[platform] = service
        return service
