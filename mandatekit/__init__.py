"""mandatekit: check a draft UN Security Council mandate against advocacy recommendations.

read (a draft → Document) → judge (Document × rules → Report) → render (table, JSON, Markdown, Word).
"""

from __future__ import annotations

import sys as _sys
import types as _types
from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = ["__version__", "check", "load_rules", "read", "read_string", "setup"]

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from mandatekit.api import check, load_rules, setup
    from mandatekit.read import read, read_string

# The API is imported on first use, not with the package: every `mandatekit.*` module (the command line
# included) imports this package first, and the API brings pydantic, the models and the reader with it,
# which `mandatekit --help` and most commands do not need.
_API = {"check": "mandatekit.api", "load_rules": "mandatekit.api", "setup": "mandatekit.api"}
_API |= {"read_string": "mandatekit.read"}


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_API[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(_types.ModuleType):
    """`mandatekit.read` is the function `read`, as it always was, although `mandatekit.read` is also the
    name of a subpackage: importing that subpackage sets the package's attribute `read`, which the function
    keeps (the subpackage is `sys.modules["mandatekit.read"]`)."""

    @property
    def read(self) -> Callable[..., Any]:
        from mandatekit.read import read

        return read

    @read.setter
    def read(self, value: Any) -> None:
        pass


_sys.modules[__name__].__class__ = _Package
