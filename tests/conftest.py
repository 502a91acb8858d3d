from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.builders import DraftBuilder, renewal_draft


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the user's cache of validated rulebooks: the session has its own."""
    os.environ["MANDATEKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("mandatekit-cache"))


@pytest.fixture
def renewal_docx(tmp_path: Path) -> Path:
    return renewal_draft().save(tmp_path / "renewal.docx")


@pytest.fixture
def builder() -> DraftBuilder:
    return DraftBuilder()
