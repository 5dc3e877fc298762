"""The entity extractor, built once for the tests of its rules."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor


@pytest.fixture(scope="session")
def extractor() -> EntityExtractor:
    return EntityExtractor()
