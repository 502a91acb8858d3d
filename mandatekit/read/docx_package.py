"""The .docx package (a zip of XML parts) opened as python-docx opened it, within budgets.

Before anything is inflated, the zip directory is checked: Word's layout, no two parts of one name, sizes
within the budgets below, no zip feature Word never writes. Then the parts are found as Word finds them
(the Open Packaging Conventions: content types and relationships) and the XML of the main ones is parsed,
so that a broken part refuses the draft for the same reason and in the same words as before.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mandatekit.errors import DraftError

# Budgets for the parts of the package, checked against the zip directory before anything is inflated.
# zipfile never inflates a part past the size the directory gives it (and then fails its CRC check), so a
# directory that lies cannot get past them either. A real resolution's document.xml is under 3 MB; XML
# takes some 25 times its size in memory once parsed (measured: a 25 MB styles.xml, 600 MB).
MAX_XML_PART_BYTES = 16 * 1024 * 1024  # one XML part (document, styles, numbering ...), uncompressed
MAX_XML_BYTES = 32 * 1024 * 1024  # all XML parts together
MAX_PART_BYTES = 64 * 1024 * 1024  # any other part (an image), uncompressed
MAX_PACKAGE_BYTES = 128 * 1024 * 1024  # all parts together (every part is inflated to check its CRC)
MAX_PARTS = 10_000


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def check_package(path: Path) -> None:
    """Refuse a package that is not Word's, or whose parts would inflate past their budgets."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except NotImplementedError as exc:  # zipfile refuses entries of a zip version it does not know
        raise DraftError(
            path, f"is damaged or not saved by Word: it needs a zip feature Word never writes ({exc})"
        ) from exc
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise DraftError(path, f"is damaged: the zip container is broken ({exc})") from exc
    names = {info.filename for info in infos}
    # Part names are the same whatever their case (Open Packaging Conventions): two entries of one name
    # leave which one is read to the reader, and Word and this reader may read different ones.
    seen: set[str] = set()
    for info in infos:
        folded = info.filename.casefold()
        if folded in seen:
            raise DraftError(
                path,
                f"is damaged: it holds two parts named {info.filename} (which one Word would read is not "
                "defined): save it again in Word",
            )
        seen.add(folded)
    if "word/document.xml" not in names:
        if "content.xml" in names:
            raise DraftError(path, "is an OpenDocument file, not .docx: save it as Word (.docx) and retry")
        raise DraftError(path, "is a zip file but not a Word document (no word/document.xml)")
    if len(infos) > MAX_PARTS:
        raise DraftError(path, f"has {len(infos)} parts, over the limit of {MAX_PARTS} for a Word document")
    mb = 1024 * 1024
    for info in infos:
        limit = MAX_XML_PART_BYTES if _is_xml(info.filename) else MAX_PART_BYTES
        if info.file_size > limit:
            raise DraftError(
                path,
                f"is refused: its part {info.filename} would inflate to {info.file_size // mb} MB, over the "
                f"{limit // mb} MB limit for one part of a draft",
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise DraftError(
                path,
                f"is damaged or not saved by Word: part {info.filename} uses zip compression method "
                f"{info.compress_type}, which Word never writes",
            )
        if info.extract_version > zipfile.MAX_EXTRACT_VERSION:  # type: ignore[attr-defined]
            raise DraftError(
                path,
                f"is damaged or not saved by Word: part {info.filename} needs zip version "
                f"{info.extract_version / 10:.1f}, which Word never writes",
            )
        if info.flag_bits & 0x1:
            raise DraftError(path, f"is damaged: part {info.filename} is encrypted inside the zip")
    xml = sum(info.file_size for info in infos if _is_xml(info.filename))
    if xml > MAX_XML_BYTES:
        raise DraftError(
            path,
            f"is refused: its XML parts would inflate to {xml // mb} MB, over the {MAX_XML_BYTES // mb} MB "
            "limit for a draft",
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_PACKAGE_BYTES:
        raise DraftError(
            path,
            f"is refused: its parts would inflate to {total // mb} MB, over the {MAX_PACKAGE_BYTES // mb} MB "
            "limit for a draft",
        )


# The Open Packaging Conventions: how Word finds the parts of a package. The main document is the target
# of the package's officeDocument relationship; its styles and list definitions are targets of its own
# relationships, whatever the parts are named.
_OPC_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OPC_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = _RT + "officeDocument"
RT_STYLES = _RT + "styles"
RT_NUMBERING = _RT + "numbering"
RT_IMAGE = _RT + "image"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
CT_DOCUMENT = _WML + "document.main+xml"
CT_STYLES = _WML + "styles+xml"
# The parts whose XML is parsed when the package is opened, so that a broken one refuses the draft (as
# python-docx, which read drafts before, did): the document, its styles, lists, settings, comments,
# headers and footers, and the core properties. Any other part is only inflated (its CRC checked).
_PARSED_TYPES = frozenset(
    [
        "application/vnd.openxmlformats-package.core-properties+xml",
        _WML + "comments+xml",
        CT_DOCUMENT,
        _WML + "footer+xml",
        _WML + "header+xml",
        _WML + "numbering+xml",
        _WML + "settings+xml",
        CT_STYLES,
    ]
)


def _parse_xml(blob: bytes) -> Any:
    """One XML part, parsed without entities, network or huge-tree mode; blank text between elements is
    dropped, as python-docx did (its trees are the ones the reader was written against)."""
    from lxml import etree

    # A parser of its own for each part: lxml parsers keep state, and drafts may be read on several threads.
    parser = etree.XMLParser(
        remove_blank_text=True, resolve_entities=False, no_network=True, huge_tree=False, collect_ids=False
    )
    return etree.fromstring(blob, parser)


@dataclass
class _Rel:
    rid: str | None
    reltype: str | None
    base: str  # the folder of the source part, which a relative target is resolved against
    target_ref: str | None
    external: bool

    def target(self) -> str:
        """The target part's name, /word/styles.xml (ValueError for an external target)."""
        if self.external:
            raise ValueError(
                "target_part property on _Relationship is undefined when target mode is External"
            )
        return _part_name(posixpath.abspath(posixpath.join(self.base, self.target_ref)))  # type: ignore[arg-type]


def _part_name(name: str) -> str:
    if not name.startswith("/"):
        raise ValueError(f"PackURI must begin with slash, got '{name}'")
    return name


def _read_rels(zf: zipfile.ZipFile, source: str) -> list[_Rel]:
    """The relationships of a part (or of the package, source '/'). A part without a relationships part
    has none."""
    folder, filename = posixpath.split(source)
    member = _part_name(posixpath.join(folder, "_rels", filename + ".rels"))[1:]
    try:
        xml = zf.read(member)
    except KeyError:
        return []
    root = _parse_xml(xml)
    if root.tag != _OPC_RELS + "Relationships":
        raise ValueError(f"{member} is not a list of relationships")
    return [
        _Rel(el.get("Id"), el.get("Type"), folder, el.get("Target"), el.get("TargetMode") == "External")
        for el in root.findall(_OPC_RELS + "Relationship")
    ]


@dataclass
class _ContentTypes:
    """[Content_Types].xml: a part's type by its name, else by its extension (both case-insensitive)."""

    overrides: dict[str, str | None]
    defaults: dict[str, str | None]

    @classmethod
    def parse(cls, root: Any) -> _ContentTypes:
        if root.tag != _OPC_CT + "Types":
            raise ValueError("[Content_Types].xml is not a list of content types")
        types = cls({}, {})
        for el in root.findall(_OPC_CT + "Override"):
            types.overrides[_lower(el.get("PartName"), "an Override without a PartName")] = el.get(
                "ContentType"
            )
        for el in root.findall(_OPC_CT + "Default"):
            types.defaults[_lower(el.get("Extension"), "a Default without an Extension")] = el.get(
                "ContentType"
            )
        return types

    def of(self, name: str) -> str | None:
        if name.lower() in self.overrides:
            return self.overrides[name.lower()]
        ext = posixpath.splitext(name)[1]
        ext = ext[1:] if ext.startswith(".") else ext
        if ext.lower() in self.defaults:
            return self.defaults[ext.lower()]
        raise KeyError(f"no content type for partname '{name}' in [Content_Types].xml")


def _lower(value: str | None, what: str) -> str:
    if value is None:
        raise ValueError(f"[Content_Types].xml has {what}")
    return value.lower()


@dataclass
class _Part:
    name: str  # the part name: /word/document.xml
    content_type: str | None
    rels: list[_Rel]
    element: Any = None  # the parsed XML root; None for a part that is not parsed

    def xml(self, content_type: str | None = None) -> Any:
        """The part's XML root; AttributeError if it was not parsed or is not of `content_type`."""
        if self.element is None or (content_type is not None and self.content_type != content_type):
            raise AttributeError(f"part {self.name} of type {self.content_type} is not the XML expected")
        return self.element


class Package:
    """A .docx package read as python-docx read it (the reader's behaviour was built on it): every part
    reachable from the package's relationships is inflated, depth first, so that a package is refused for
    the same reason and with the same words."""

    def __init__(self, rels: list[_Rel], parts: dict[str, _Part]) -> None:
        self.rels = rels
        self.parts = parts

    @classmethod
    def open(cls, path: Path) -> Package:
        parts: dict[str, _Part] = {}
        to_parse: list[tuple[_Part, bytes]] = []
        with zipfile.ZipFile(path) as zf:
            types = _ContentTypes.parse(_parse_xml(zf.read("[Content_Types].xml")))
            package_rels = _read_rels(zf, "/")
            # Depth first: a part's own relationships are walked before the next relationship of its source.
            pending = [iter(package_rels)]
            while pending:
                rel = next(pending[-1], None)
                if rel is None:
                    pending.pop()
                    continue
                if rel.external:
                    continue
                name = rel.target()
                if name in parts:
                    continue
                rels = _read_rels(zf, name)
                blob = zf.read(name[1:])
                part = parts[name] = _Part(name, types.of(name), rels)
                if rel.reltype != RT_IMAGE and part.content_type in _PARSED_TYPES:
                    to_parse.append((part, blob))
                pending.append(iter(rels))
        for part, blob in to_parse:  # parsed once every part is inflated, in the order reached
            part.element = _parse_xml(blob)
        return cls(package_rels, parts)

    def main_document(self, path: Path) -> _Part:
        part = self._related(self.rels, RT_OFFICE_DOCUMENT)
        if part.content_type != CT_DOCUMENT:
            raise ValueError(f"file '{path}' is not a Word file, content type is '{part.content_type}'")
        return part

    def related(self, source: _Part, reltype: str) -> _Part:
        return self._related(source.rels, reltype)

    def _related(self, rels: list[_Rel], reltype: str) -> _Part:
        """The one part related by `reltype`: KeyError if none, ValueError if several. A relationship
        replaces an earlier one with the same id."""
        by_id = {rel.rid: rel for rel in rels}
        matching = [rel for rel in by_id.values() if rel.reltype == reltype]
        if not matching:
            raise KeyError(f"no relationship of type '{reltype}' in collection")
        if len(matching) > 1:
            raise ValueError(f"multiple relationships of type '{reltype}' in collection")
        return self.parts[matching[0].target()]
