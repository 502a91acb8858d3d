"""What annotate and redline write is the draft's own package, re-saved: anything in it that reaches outside
the file when Word opens it (a remote template, images linked by file:// or http, external frames,
hyperlinks, linked objects and sub-documents) or runs code (a VBA project, ActiveX controls, key-map and
toolbar customizations) is left out of the output, and said so. The draft itself is never changed."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections import Counter
from typing import Any

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"

# External relationships, by the last word of their type, as the output names them.
_EXTERNAL = {
    "attachedTemplate": ("a remote template", "remote templates"),
    "image": ("a linked image", "linked images"),
    "hyperlink": ("an external hyperlink", "external hyperlinks"),
    "frame": ("an external frame", "external frames"),
    "subDocument": ("a linked sub-document", "linked sub-documents"),
    "oleObject": ("a linked object", "linked objects"),
}
_OTHER = ("an external link", "external links")
_FIELDS = ("a field that fetches from outside", "fields that fetch from outside")
# Field codes that make Word fetch or run something when fields update (some on opening): a picture or a
# text from a path or URL, a linked object, dynamic data exchange.
_FETCHING_FIELD = re.compile(r"^\s*(?:INCLUDEPICTURE|INCLUDETEXT|IMPORT|LINK|DDE|DDEAUTO)\b", re.IGNORECASE)
_FIELD_HINT = re.compile(rb"INCLUDE|IMPORT|LINK|DDE", re.IGNORECASE)
_CODE_PARTS = ("macros or controls", "macros or controls")
# Relationships to parts that hold code.
_CODE = {
    "vbaProject",
    "wordVbaData",
    "keyMapCustomizations",
    "attachedToolbars",
    "activeXControl",
    "activeXControlBinary",
}
# Elements that cannot stand without the relationship they name: removed with it.
_NEEDS_RELATIONSHIP = {_W + "attachedTemplate", _W + "subDoc", _W + "sourceFileName", _W + "control"}
_MACRO_TYPES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    ),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    ),
}


def _source_of(rels_name: str) -> str:
    """word/_rels/document.xml.rels → word/document.xml; _rels/.rels → '' (the package)."""
    folder, name = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")]).lstrip("/")


def _counted(names: tuple[str, str], n: int) -> str:
    return names[0] if n == 1 or names is _CODE_PARTS else f"{n} {names[1]}"


def strip_unsafe(data: bytes) -> tuple[bytes, list[str]]:
    """The package without its external relationships and code parts; and what was left out, for a user
    ('a remote template', '3 external hyperlinks', 'macros'). The package is written by render.reproducible
    (the same parts, the same bytes) whether or not anything was left out: every Word file mandatekit writes
    comes through here."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        parts = {info.filename: zin.read(info.filename) for info in zin.infolist()}
    replaced: dict[str, bytes] = {}
    dropped: set[str] = set()
    gone_ids: dict[str, set[str]] = {}
    said: Counter[tuple[str, str]] = Counter()
    for name in [n for n in parts if n.endswith(".rels")]:
        root = etree.fromstring(parts[name], parser)
        source = _source_of(name)
        changed = False
        for rel in list(root.iter(_RELS + "Relationship")):
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            external = (rel.get("TargetMode") or "").lower() == "external"
            if not external and kind not in _CODE:
                continue
            root.remove(rel)
            changed = True
            gone_ids.setdefault(source, set()).add(rel.get("Id") or "")
            if external:
                said[_EXTERNAL.get(kind, _OTHER)] += 1
            else:
                said[_CODE_PARTS] = 1
                target = posixpath.normpath(
                    posixpath.join(posixpath.dirname(source), rel.get("Target") or "")
                )
                dropped.add(target.lstrip("/"))
        if changed:
            replaced[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    for part in list(dropped):  # a dropped part's own relationships go with it
        folder, base = posixpath.split(part)
        dropped.add(posixpath.join(folder, "_rels", base + ".rels"))
    for source, ids in gone_ids.items():
        if source in dropped or source not in parts or not source.endswith(".xml"):
            continue
        root = etree.fromstring(replaced.get(source, parts[source]), parser)
        for el in list(root.iter()):
            names = [a for a in el.attrib if a.startswith(_R) and el.get(a) in ids]
            if not names:
                continue
            if el.tag in _NEEDS_RELATIONSHIP and el.getparent() is not None:
                el.getparent().remove(el)
            else:
                for attribute in names:
                    del el.attrib[attribute]
        replaced[source] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    for name in parts:  # field codes: in the body, headers, footers, notes, comments
        if name.startswith("word/") and name.endswith(".xml") and name not in dropped:
            data_now = replaced.get(name, parts[name])
            if b"instr" in data_now and _FIELD_HINT.search(data_now):
                fixed, count = _without_fetching_fields(etree.fromstring(data_now, parser))
                if count:
                    said[_FIELDS] += count
                    replaced[name] = etree.tostring(
                        fixed, xml_declaration=True, encoding="UTF-8", standalone=True
                    )
    if "[Content_Types].xml" in parts and (dropped or said):
        root = etree.fromstring(parts["[Content_Types].xml"], parser)
        for override in list(root.iter(_CT + "Override")):
            part = (override.get("PartName") or "").lstrip("/")
            if part in dropped:
                root.remove(override)
            elif override.get("ContentType") in _MACRO_TYPES:
                override.set("ContentType", _MACRO_TYPES[override.get("ContentType") or ""])
        replaced["[Content_Types].xml"] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    from mandatekit.render.reproducible import packed

    kept = {name: replaced.get(name, content) for name, content in parts.items() if name not in dropped}
    return packed(kept), [_counted(names, n) for names, n in said.items()]


def _without_fetching_fields(root: Any) -> tuple[Any, int]:
    """The part with each fetching field made inert: a simple field gives way to the result it shows; a
    complex field's instruction is emptied (Word keeps showing its last result, and updating it fetches
    nothing)."""
    count = 0
    for simple in list(root.iter(_W + "fldSimple")):
        if _FETCHING_FIELD.match(simple.get(_W + "instr") or ""):
            parent = simple.getparent()
            if parent is not None:
                at = parent.index(simple)
                for offset, child in enumerate(list(simple)):
                    parent.insert(at + offset, child)
                parent.remove(simple)
                count += 1
    for instruction in root.iter(_W + "instrText"):
        if _FETCHING_FIELD.match(instruction.text or ""):
            instruction.text = " "
            count += 1
    return root, count


def left_out_line(items: list[str]) -> str:
    return (
        "left out of the output what would reach outside the file or run code when it is opened: "
        + ", ".join(items)
        + " (the draft itself is unchanged)"
    )


def safe(data: bytes, output_name: Any = None) -> bytes:
    """`strip_unsafe`, telling the user what was left out (a warning line on the command line)."""
    from mandatekit.errors import warn

    cleaned, items = strip_unsafe(data)
    if items:
        warn(output_name, left_out_line(items))
    return cleaned
