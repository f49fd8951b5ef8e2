"""Shared fixtures: detectors are slow to build, so one per test session."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector, DetectorConfig


@pytest.fixture(scope="session")
def detector() -> Detector:
    # A fixed reference year keeps the "old date = birthdate" rule deterministic.
    return Detector(DetectorConfig(reference_year=2026))


@pytest.fixture(scope="session")
def ginza_detector() -> Detector:
    pytest.importorskip("spacy")
    d = Detector(DetectorConfig(use_ginza=True, reference_year=2026))
    if not d.ginza_active:
        pytest.skip("ja_ginza is not installed")
    return d


def kinds(entities: list) -> list[tuple[str, str]]:
    """(type, text) pairs without 要配慮 flags, for compact assertions."""
    return [(e.type.value, e.text) for e in entities if e.type.value != "sensitive"]
