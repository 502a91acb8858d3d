from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders import DraftBuilder, renewal_draft


@pytest.fixture
def renewal_docx(tmp_path: Path) -> Path:
    return renewal_draft().save(tmp_path / "renewal.docx")


@pytest.fixture
def builder() -> DraftBuilder:
    return DraftBuilder()
