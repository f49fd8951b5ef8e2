"""Optional GiNZA (``ja_ginza``) NER. Absent or broken → the detector runs without it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

from ._types import EntityType

_log = logging.getLogger(__name__)

PERSON_LABELS = frozenset({"Person"})
PLACE_LABELS = frozenset(
    {
        "Province",
        "City",
        "County",
        "Country",
        "GPE_Other",
        "Location_Other",
        "Domestic_Region",
        "Continental_Region",
        "Geological_Region_Other",
        "Region_Other",
        "Island",
        "Mountain",
        "River",
    }
)
_lock = threading.Lock()
#: spaCy's Japanese tokenizer wraps one SudachiPy object that must not be used by two threads
#: at once ("Already borrowed"), so calls into the model are serialised.
_run_lock = threading.Lock()
_model: Any = None
_failed = False
_MAX_CHARS = 5000


def load() -> Any | None:
    """Load ``ja_ginza`` once per process (NER only); ``None`` if unavailable."""
    global _model, _failed
    with _lock:
        if _model is None and not _failed:
            try:
                import spacy

                keep = {"tok2vec", "ner"}
                nlp = spacy.load("ja_ginza")
                nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep])
                _model = nlp
            except Exception as exc:  # ImportError, OSError, model version errors
                _log.warning("GiNZA NER unavailable, continuing without it: %s", exc)
                _failed = True
        return _model


def available() -> bool:
    return load() is not None


def installed() -> bool:
    """Whether the model package is importable, without loading it (cheap, for config)."""
    import importlib.util

    return not _failed and importlib.util.find_spec("ja_ginza") is not None


def find_entities(text: str) -> Iterator[tuple[EntityType, int, int]]:
    """Person and place spans from GiNZA, as (type, start, end)."""
    nlp = load()
    if nlp is None:
        return
    for offset in range(0, len(text), _MAX_CHARS):
        with _run_lock:
            doc = nlp(text[offset : offset + _MAX_CHARS])
        for ent in doc.ents:
            if ent.label_ in PERSON_LABELS:
                yield EntityType.PERSON, offset + ent.start_char, offset + ent.end_char
            elif ent.label_ in PLACE_LABELS:
                yield EntityType.LOCATION, offset + ent.start_char, offset + ent.end_char
