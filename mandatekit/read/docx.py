"""Word .docx drafts.

Real drafts number their paragraphs with Word's automatic numbering, so the number is not in the text:
it is rebuilt here from the numbering definitions (numbering.xml) and each paragraph's list and level,
directly or through its style. The text is read as it would stand with all tracked changes accepted:
insertions count, deletions and moved-away text do not. Comments, headers, footers and footnotes live
in other parts of the package and are never read; text in tables is.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mandatekit.errors import DraftError
from mandatekit.read.docx_visible import (
    MC_ALTERNATE,
    hidden_runs,
    imported_chunks,
    rendered_alternative,
    vanish,
)
from mandatekit.read.model import MAX_CHANGES_IN_A_PARAGRAPH, MAX_PARAGRAPHS, Block, Change, Origin
from mandatekit.textnorm import clean

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"  # walked only if chosen
# Subtrees whose text is not draft text as it reads on the page with all changes accepted.
_PRUNED = {
    W + "del",
    W + "moveFrom",
    W + "pPr",
    W + "rPr",
    W + "txbxContent",
    W + "footnoteReference",
    W + "endnoteReference",
    W + "commentReference",
    MC_FALLBACK,
}
# Budgets for the parts of the package, checked against the zip directory before anything is inflated.
# zipfile never inflates a part past the size the directory gives it (and then fails its CRC check), so a
# directory that lies cannot get past them either. A real resolution's document.xml is under 3 MB; XML
# takes some 25 times its size in memory once parsed (measured: a 25 MB styles.xml, 600 MB).
MAX_XML_PART_BYTES = 16 * 1024 * 1024  # one XML part (document, styles, numbering ...), uncompressed
MAX_XML_BYTES = 32 * 1024 * 1024  # all XML parts together
MAX_PART_BYTES = 64 * 1024 * 1024  # any other part (an image), uncompressed
MAX_PACKAGE_BYTES = 128 * 1024 * 1024  # all parts together (every part is inflated to check its CRC)
MAX_PARTS = 10_000
# Elements of the document body: a 300-page report has some 300,000; walking each costs Python time.
MAX_BODY_ELEMENTS = 1_000_000
# Word numbers lists up to 32767 and nests them 9 levels deep (0-8): beyond that a value is hostile.
MAX_LIST_NUMBER = 32767
MAX_LEVEL = 8


def _int(value: str | None, default: int, low: int = 0, high: int = MAX_LIST_NUMBER) -> int:
    """An integer attribute as Word would read it: clamped to Word's range, the default when not a number."""
    digits = (value or "").strip()
    try:
        if len(digits.lstrip("+-")) > 12:  # no need to read a thousand digits to know they are too many
            return (low if digits.startswith("-") else high) if digits.lstrip("+-").isdecimal() else default
        return min(max(int(digits), low), high)
    except ValueError:
        return default


def _attr(el: Any, name: str) -> str | None:
    return el.get(W + name) if el is not None else None


def _val(parent: Any, child: str) -> str | None:
    el = parent.find(W + child) if parent is not None else None
    return _attr(el, "val")


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    style: str | None = None


@dataclass
class Numbering:
    """numbering.xml: abstract list definitions, list instances, and the running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId -> ilvl -> level
    nums: dict[str, tuple[str, dict[int, int]]] = field(
        default_factory=dict
    )  # numId -> (abstract, overrides)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: Any) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(W + "lvl"):
                ilvl = _int(_attr(lvl, "ilvl"), 0, high=MAX_LEVEL + 1)
                if ilvl > MAX_LEVEL:
                    continue
                levels[ilvl] = _Level(
                    start=_int(_val(lvl, "start"), 1),
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=(_val(lvl, "lvlText") or "")[:64],  # Word's own are a few characters
                    style=_val(lvl, "pStyle"),
                )
            numbering.levels[_attr(abstract, "abstractNumId") or ""] = levels
        # A list that follows a list style ('numStyleLink') takes its levels from the list defining that style.
        defining = {_val(a, "styleLink"): _attr(a, "abstractNumId") for a in root.iter(W + "abstractNum")}
        for abstract in root.iter(W + "abstractNum"):
            link = _val(abstract, "numStyleLink")
            source = defining.get(link) if link else None
            if source is not None and not numbering.levels.get(_attr(abstract, "abstractNumId") or ""):
                numbering.levels[_attr(abstract, "abstractNumId") or ""] = numbering.levels.get(source, {})
        for num in root.iter(W + "num"):
            overrides = {}
            for override in num.iter(W + "lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    overrides[_int(_attr(override, "ilvl"), 0, high=MAX_LEVEL)] = _int(start, 1)
            numbering.nums[_attr(num, "numId") or ""] = (_val(num, "abstractNumId") or "", overrides)
        return numbering

    def level_for_style(self, num_id: str, style_id: str) -> int:
        abstract = self.nums.get(num_id, ("", {}))[0]
        return next((i for i, lv in self.levels.get(abstract, {}).items() if lv.style == style_id), 0)

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the list's counter at `ilvl` and return (label as Word shows it, format of that level)."""
        if num_id not in self.nums:
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract)
        if not levels or ilvl not in levels:
            return None
        # A list instance with start overrides numbers on its own; others share their abstract list's count.
        key = f"num:{num_id}" if overrides else f"abstract:{abstract}"
        counts = self.counters.setdefault(key, {})
        start = overrides.get(ilvl, levels[ilvl].start)
        counts[ilvl] = min(counts[ilvl] + 1, MAX_LIST_NUMBER) if ilvl in counts else start
        for deeper in [lv for lv in counts if lv > ilvl]:
            del counts[deeper]
        label = levels[ilvl].text
        for lv, level in levels.items():
            if f"%{lv + 1}" in label:
                value = counts.get(lv, overrides.get(lv, level.start))
                label = label.replace(f"%{lv + 1}", format_number(value, level.fmt))
        return label, levels[ilvl].fmt


def format_number(n: int, fmt: str) -> str:
    n = min(max(n, 0), MAX_LIST_NUMBER)  # the letter and roman forms grow with n
    if fmt in ("lowerLetter", "upperLetter"):
        if n < 1:
            return "0"
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        from mandatekit.read.structure import _to_roman

        roman = _to_roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class _Style:
    name: str
    based_on: str | None
    num: tuple[str, str | None] | None  # (numId, ilvl)
    outline: int | None
    vanish: bool | None = None  # w:vanish in its run properties: text in this style is hidden


class _Styles(dict[str, _Style]):
    """styles.xml, by style id (the last of a repeated id wins). A style is read when a paragraph first asks
    for it: Word's styles part defines a few hundred, a draft uses a handful."""

    def __init__(self, root: Any) -> None:
        super().__init__()
        self._elements = (
            {} if root is None else {_attr(st, "styleId") or "": st for st in root.iter(W + "style")}
        )
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr") if root is not None else None
        self.default_vanish = vanish(defaults)

    def __contains__(self, style_id: object) -> bool:
        return style_id in self._elements

    def __missing__(self, style_id: str) -> _Style:
        st = self._elements[style_id]
        ppr = st.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num = (_val(numpr, "numId") or "0", _val(numpr, "ilvl")) if numpr is not None else None
        outline = _val(ppr, "outlineLvl")
        style = self[style_id] = _Style(
            name=_val(st, "name") or "",
            based_on=_val(st, "basedOn"),
            num=num,
            outline=_int(outline, 9, high=9) if outline is not None and outline.isdigit() else None,
            vanish=vanish(st.find(W + "rPr")),
        )
        return style


MAX_STYLE_CHAIN = 32  # styles based on styles: Word's own run a few deep; a chain of thousands is hostile


def _style_chain(styles: dict[str, _Style], style_id: str | None) -> list[tuple[str, _Style]]:
    """The style and those it is based on, nearest first, at most MAX_STYLE_CHAIN of them: asked once per
    paragraph, so a chain of 20,000 styles would cost 20,000 steps for each."""
    chain, seen = [], set()
    while style_id and style_id in styles and style_id not in seen and len(chain) < MAX_STYLE_CHAIN:
        seen.add(style_id)
        chain.append((style_id, styles[style_id]))
        style_id = styles[style_id].based_on
    return chain


def paragraph_text(p: Any) -> str:
    """The paragraph's words with all tracked changes accepted."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if tag in _PRUNED or not isinstance(tag, str):
                continue
            if tag == MC_ALTERNATE:
                chosen = rendered_alternative(child)
                if chosen is not None:
                    walk(chosen)
                continue
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag in (W + "tab", W + "br", W + "cr"):
                parts.append(" ")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(parts)


_INSERTED = {W + "ins", W + "moveTo"}
_DELETED = {W + "del", W + "moveFrom"}


def paragraph_changes(
    p: Any, hidden: Callable[[Any], bool] = lambda run: False
) -> tuple[str, list[tuple[str, int, int, str]], int]:
    """The paragraph's text with all changes accepted (as `paragraph_text`), its pending changes as
    (kind, start, end, text) in that raw text, and the number of tracked-change marks. Runs `hidden` says
    Word does not show, and alternative content Word would not render, are left out."""
    parts: list[str] = []
    changes: list[tuple[str, int, int, str]] = []
    pos = 0
    marks = 0

    def walk(el: Any) -> None:
        nonlocal pos, marks
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == W + "r" and hidden(child):
                continue
            if tag == MC_ALTERNATE:
                chosen = rendered_alternative(child)
                if chosen is not None:
                    walk(chosen)
                continue
            if tag in _DELETED:
                marks += 1
                gone = "".join(t.text or "" for t in child.iter(W + "delText", W + "t"))
                if gone.strip():
                    changes.append(("delete", pos, pos, gone))
                continue
            if tag in _PRUNED:
                if tag == W + "pPr" and child.find(f"{W}rPr/{W}ins") is not None:
                    marks += 1  # an inserted paragraph mark
                if tag == W + "pPr" and child.find(f"{W}rPr/{W}del") is not None:
                    marks += 1
                continue
            if tag == W + "t":
                parts.append(child.text or "")
                pos += len(child.text or "")
            elif tag in (W + "tab", W + "br", W + "cr"):
                parts.append(" ")
                pos += 1
            elif tag == W + "noBreakHyphen":
                parts.append("-")
                pos += 1
            elif tag in _INSERTED:
                marks += 1
                start, first = pos, len(parts)
                walk(child)
                if pos > start:  # only the inserted pieces joined: joining the whole paragraph is quadratic
                    changes.append(("insert", start, pos, "".join(parts[first:])))
            else:
                walk(child)

    walk(p)
    return "".join(parts), changes, marks


def _clean_offset(raw: str, at: int) -> int:
    """Where raw offset `at` falls in clean(raw)."""
    return len(clean(raw[:at] + "x")) - 1


def _body_paragraphs(body: Any) -> list[Any]:
    """Body paragraphs in reading order, descending into tables and content controls."""
    out = []
    for child in body:
        if child.tag == W + "p":
            out.append(child)
        elif child.tag in (W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent", W + "customXml"):
            out.extend(_body_paragraphs(child))
        elif child.tag == MC_ALTERNATE and (chosen := rendered_alternative(child)) is not None:
            out.extend(_body_paragraphs(chosen))  # paragraphs in the alternative Word renders
    return out


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _check_package(path: Path) -> None:
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
# The styles a package without a styles part has (python-docx's default styles part, as Word's).
_DEFAULT_STYLES = {
    "Normal": _Style(name="Normal", based_on=None, num=None, outline=None),
    "DefaultParagraphFont": _Style(name="Default Paragraph Font", based_on=None, num=None, outline=None),
    "TableNormal": _Style(name="Normal Table", based_on=None, num=None, outline=None),
    "NoList": _Style(name="No List", based_on=None, num=None, outline=None),
}


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


class _Package:
    """A .docx package read as python-docx read it (the reader's behaviour was built on it): every part
    reachable from the package's relationships is inflated, depth first, so that a package is refused for
    the same reason and with the same words."""

    def __init__(self, rels: list[_Rel], parts: dict[str, _Part]) -> None:
        self.rels = rels
        self.parts = parts

    @classmethod
    def open(cls, path: Path) -> _Package:
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


def read_docx(path: Path, warnings: list[str] | None = None) -> list[Block]:
    """The draft's paragraphs; what the reader could not read that Word would show goes to `warnings`."""
    _check_package(path)
    from lxml.etree import LxmlError  # lxml: imported only when a .docx is read

    try:
        package = _Package.open(path)
        document = package.main_document(path)
        root = document.xml(CT_DOCUMENT)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, zipfile.LargeZipFile) as exc:
        raise DraftError(path, f"is damaged: the zip container is broken ({exc})") from exc
    except LxmlError as exc:
        raise DraftError(path, f"is damaged: its XML could not be parsed ({_first_line(exc)})") from exc
    except (KeyError, ValueError) as exc:
        raise DraftError(path, f"is damaged: not a readable .docx ({_first_line(exc)})") from exc
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:  # a package laid out in a way no Word writes
        raise DraftError(
            path, f"is damaged: not a readable .docx ({type(exc).__name__}: {_first_line(exc)})"
        ) from exc
    body = root.find(W + "body") if root.tag == W + "document" else None
    if body is None:
        raise DraftError(
            path, "is damaged: word/document.xml is not a Word document body (w:document/w:body)"
        )
    # Only a list definitions part found through the document's relationship is read; without one there
    # is no numbering. Without a styles part, Word's (and python-docx's) default styles apply.
    try:
        numbering = Numbering.parse(package.related(document, RT_NUMBERING).xml())
    except (KeyError, AttributeError):
        numbering = Numbering()
    try:
        styles_part = package.related(document, RT_STYLES)
    except KeyError:
        styles = dict(_DEFAULT_STYLES)
    else:
        try:
            styles = _Styles(styles_part.xml(CT_STYLES))
        except AttributeError:
            styles = {}
    default_vanish = getattr(styles, "default_vanish", None)

    def style_vanish(style_id: str | None) -> bool | None:
        return next((st.vanish for _, st in _style_chain(styles, style_id) if st.vanish is not None), None)

    if warnings is not None and (chunks := imported_chunks(body)):
        warnings.append(
            f"holds {chunks} piece{'s' * (chunks != 1)} of content imported from other files (w:altChunk), "
            "which Word shows but mandatekit does not read: open the draft in Word and save it again to "
            "make them part of the text"
        )
    blocks: list[Block] = []
    carried = ""  # text of a paragraph whose mark was deleted joins the next paragraph
    carried_changes: list[tuple[str, int, int, str]] = []
    carried_marks = 0
    # Counted in C before any is walked in Python: 24 KB of zipped '<w:p/>' is millions of paragraphs.
    elements, paragraphs_at_most = (
        int(body.xpath(f"count({q})", namespaces={"w": W[1:-1]})) for q in (".//*", ".//w:p")
    )
    if elements > MAX_BODY_ELEMENTS:
        raise DraftError(
            path,
            f"has {elements} XML elements in its body, over the limit of {MAX_BODY_ELEMENTS} for a draft",
        )
    if paragraphs_at_most > MAX_PARAGRAPHS:
        raise DraftError(
            path, f"has {paragraphs_at_most} paragraphs, over the limit of {MAX_PARAGRAPHS} for a draft"
        )
    for index, p in enumerate(_body_paragraphs(body)):
        ppr = p.find(W + "pPr")
        mark = ppr.find(W + "rPr") if ppr is not None else None
        mark_deleted = mark is not None and mark.find(W + "del") is not None
        own, own_changes, marks = paragraph_changes(p, hidden_runs(ppr, style_vanish, default_vanish))
        text = carried + own
        raw_changes = carried_changes + [
            (k, a + len(carried), b + len(carried), t) for k, a, b, t in own_changes
        ]
        marks += carried_marks
        if mark_deleted:
            carried, carried_changes, carried_marks = text, raw_changes, marks
            continue
        carried, carried_changes, carried_marks = "", [], 0
        if len(raw_changes) > MAX_CHANGES_IN_A_PARAGRAPH:  # each is mapped through the text: quadratic
            raise DraftError(
                path,
                f"has {len(raw_changes)} tracked changes in one paragraph, over the limit of "
                f"{MAX_CHANGES_IN_A_PARAGRAPH}: accept or reject them in Word and save again",
            )
        cleaned = clean(text)
        changes = []
        for kind, a, b, words in raw_changes:
            start = min(_clean_offset(text, a), len(cleaned))
            end = start if kind == "delete" else min(_clean_offset(text, b), len(cleaned))
            while end > start and cleaned[end - 1] == " ":
                end -= 1
            if kind == "delete" or end > start:
                changes.append(Change(kind=kind, start=start, end=end, text=clean(words)))
        style_id = _val(ppr, "pStyle")
        chain = _style_chain(styles, style_id)
        # An emptied paragraph whose mark survives still shows its number in Word: count it.
        label = _numbering_label(numbering, ppr, chain)
        outline = _val(ppr, "outlineLvl")
        heading = _int(outline, 9, high=9) if outline is not None and outline.isdigit() else None
        if heading is None:
            heading = next((st.outline for _, st in chain if st.outline is not None), None)
        heading = heading if heading is not None and heading < 9 else None
        blocks.append(
            Block(
                text=cleaned,
                changes=changes,
                revisions=marks,
                label=label[0] if label else None,
                label_format=label[1] if label else None,
                style=chain[0][1].name if chain else None,
                heading_level=heading + 1 if heading is not None else None,
                origin=Origin(index=index),
            )
        )
    return blocks


def _numbering_label(
    numbering: Numbering, ppr: Any, chain: list[tuple[str, _Style]]
) -> tuple[str, str] | None:
    numpr = ppr.find(W + "numPr") if ppr is not None else None
    if numpr is not None:
        num_id, ilvl = _val(numpr, "numId"), _val(numpr, "ilvl")
        if num_id is not None:
            level = _int(ilvl, 0, high=MAX_LEVEL + 1)
            return None if num_id == "0" else numbering.next_label(num_id, level)
    for style_id, style in chain:
        if style.num is not None:
            num_id, ilvl = style.num
            if num_id == "0":
                return None
            level = (
                _int(ilvl, 0, high=MAX_LEVEL + 1)
                if ilvl is not None
                else numbering.level_for_style(num_id, style_id)
            )
            return numbering.next_label(num_id, level)
    return None


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]
