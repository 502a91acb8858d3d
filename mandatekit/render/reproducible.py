"""The zip around every Word file mandatekit writes, made the same for the same contents.

python-docx (and docxtpl, which saves through it) writes each part with `ZipFile.writestr(name, blob)`, and
the standard library then stamps the entry with the local time of the save (and the platform it ran on):
two saves of the same document a second apart differ, so a rebuilt bundled file shows up in git as changed
and two users' outputs cannot be compared byte for byte. Here every entry gets the same time (1980-01-01
00:00, the earliest a zip entry can carry; no reader of the file shows it), the same permissions and the
same order. The dates a reader does see (the memo's date and properties, the date of each comment and
tracked change) live inside the parts: the renderers take them from mandatekit.clock (SOURCE_DATE_EPOCH
when set, else the time of the run)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

ENTRY_TIME = (1980, 1, 1, 0, 0, 0)
_UNIX = 3  # the zip "made by" system; fixed, so a package made on Windows is the same as one made elsewhere
_FILE_MODE = 0o644 << 16  # rw-r--r--, as an ordinary file extracted from the package
# Open Packaging Conventions readers find the content types and the package's relationships first; the rest
# follows by name, whatever order the library that wrote the package walked its parts in.
_FIRST = ("[Content_Types].xml", "_rels/.rels")


def _order(name: str) -> tuple[int, str]:
    return (_FIRST.index(name) if name in _FIRST else len(_FIRST), name)


def packed(parts: Mapping[str, bytes]) -> bytes:
    """A zip package of `parts` (name → contents), the same bytes for the same parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name in sorted(parts, key=_order):
            entry = zipfile.ZipInfo(name, date_time=ENTRY_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = _UNIX
            entry.external_attr = _FILE_MODE
            package.writestr(entry, parts[name])
    return out.getvalue()


def repacked(data: bytes) -> bytes:
    """The package `data` with the same parts, written by `packed`."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return packed({info.filename: package.read(info) for info in package.infolist()})
