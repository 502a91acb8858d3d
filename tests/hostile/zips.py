"""Hostile .docx packages built in code: parts replaced, zip directory fields rewritten."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path


def rezip(
    source: Path, target: Path, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()
) -> Path:
    """Copy a .docx, replacing (or adding) parts and dropping others."""
    replace = dict(replace or {})
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename in drop:
                continue
            data = replace.pop(item.filename, None)
            dst.writestr(item.filename, data if data is not None else src.read(item.filename))
        for name, data in replace.items():
            dst.writestr(name, data)
    return target


def part(source: Path, name: str) -> bytes:
    with zipfile.ZipFile(source) as zf:
        return zf.read(name)


def patch_directory(path: Path, name: str, **fields: int) -> None:
    """Rewrite fields of one entry in the zip's central directory and local header: file_size (what it
    inflates to), extract_version, compress_type."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    # central directory: signature, then version made by (4), version needed (6), flags (8), method (10),
    # ..., uncompressed size (24); name length (28); name at 46
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) != -1:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_len]) == encoded:
            local = struct.unpack_from("<I", data, at + 42)[0]
            if "extract_version" in fields:
                struct.pack_into("<H", data, at + 6, fields["extract_version"])
                struct.pack_into("<H", data, local + 4, fields["extract_version"])
            if "compress_type" in fields:
                struct.pack_into("<H", data, at + 10, fields["compress_type"])
                struct.pack_into("<H", data, local + 8, fields["compress_type"])
            if "file_size" in fields:
                struct.pack_into("<I", data, at + 24, fields["file_size"])
                struct.pack_into("<I", data, local + 22, fields["file_size"])
            path.write_bytes(bytes(data))
            return
        at += 4
    raise KeyError(name)
