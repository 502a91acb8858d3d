"""Where the bundled rulebook, templates, source register and profiles are.

In a checkout (and an editable install) they are the top-level folders drafters edit; a wheel carries
them inside the package under _data/."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    packaged = _PACKAGE / "_data" / name
    return packaged if packaged.is_dir() else _PACKAGE.parent / name
