"""An accepted redline reads back with the draft's own references whatever way the draft is numbered: by a
list paragraph style ("List Number", whose numId sits in the style), by a direct w:numPr, or by typed
numbers. An inserted paragraph is typed 'N bis.' outside Word's list (an explicit numId 0 where its style
would number it), so Word numbers nothing twice and renumbers nothing (trial 10, finding 1)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from mandatekit.api import setup
from mandatekit.read import read
from mandatekit.read.model import Kind
from tests.builders import DraftBuilder, Para, Run
from tests.render.test_redline import W, accept_all, redlined, reject_ours, rewrite

SETUP = setup()
OPS = [
    ("Decides", "to extend the mandate of the Mission until 31 August 2027;"),
    ("Encourages", "the Mission to support the national armed forces in the south of the country;"),
    ("Requests", "the Secretary-General to report to the Council every four months on the implementation of "
                 "this resolution;"),
    ("Decides", "to remain actively seized of the matter."),
]  # fmt: skip


def verdicts(document: object) -> dict[str, str]:
    return {f.rule: f.verdict.value for f in SETUP.judge(document).findings}  # type: ignore[arg-type]


def draft(tmp_path: Path, numbering: str) -> Path:
    b = DraftBuilder().front("The Security Council,")
    b.pp("Recalling", "its previous resolutions on the situation in the country,")
    for n, (verb, rest) in enumerate(OPS, start=1):
        runs = [Run(verb, "italic"), Run(" " + rest)]
        if numbering == "typed":
            b.paragraphs.append(Para([Run(f"{n}. "), *runs]))
        elif numbering == "style":
            b.paragraphs.append(Para(runs, style="List Number"))
        else:
            b.paragraphs.append(Para(runs, level=0))
    return b.save(tmp_path / f"{numbering}.docx")


@pytest.mark.parametrize("numbering", ["style", "numpr", "typed"])
def test_an_accepted_redline_keeps_the_references(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, numbering: str
) -> None:
    source = draft(tmp_path, numbering)
    before = read(source)
    assert [p.ref for p in before.operative] == ["OP 1", "OP 2", "OP 3", "OP 4"]
    out = redlined(tmp_path, source, monkeypatch)
    accepted = read(rewrite(out, tmp_path / "accepted.docx", accept_all))
    refs = [p.ref for p in accepted.paragraphs if p.kind is Kind.operative]
    assert len(refs) > len(OPS) and len(set(refs)) == len(refs)
    assert [r for r in refs if re.fullmatch(r"OP \d+", r or "")] == ["OP 1", "OP 2", "OP 3", "OP 4"]
    # the draft's own paragraphs keep their numbers and their text; each new one is 'OP N bis' and reads
    # with its governing verb (a typed number never read as part of its text)
    own = {p.ref: p.text for p in accepted.operative if re.fullmatch(r"OP \d+", p.ref or "")}
    assert own["OP 1"].startswith("Decides to extend") and own["OP 4"].startswith("Decides to remain")
    new = [p for p in accepted.operative if p.ref not in own]
    assert new and all(re.fullmatch(r"OP \d+ [a-z]+", p.ref or "") for p in new)
    assert all(not re.match(r"\d", p.text) for p in new)
    # every suggestion accepted gives the verdicts the typed draft's accepted redline gives
    if numbering != "typed":
        (tmp_path / "typed").mkdir()
        typed_out = redlined(tmp_path / "typed", draft(tmp_path / "typed", "typed"), monkeypatch)
        typed = read(rewrite(typed_out, tmp_path / "typed" / "accepted.docx", accept_all))
        assert verdicts(accepted) == verdicts(typed)
    assert verdicts(accepted) != verdicts(before)


def new_paragraphs(root: etree._Element) -> list[etree._Element]:
    """The paragraphs the redline adds: all their text is in our tracked insertions."""

    def ours(r: etree._Element) -> bool:
        return any(a.tag == W + "ins" and a.get(W + "author") == "mandatekit" for a in r.iterancestors())

    runs = {p: [r for r in p.iter(W + "r") if r.find(W + "t") is not None] for p in root.iter(W + "p")}
    return [p for p, rs in runs.items() if rs and all(ours(r) for r in rs)]


def test_a_style_numbered_insertion_leaves_the_list_and_keeps_its_indent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = redlined(tmp_path, draft(tmp_path, "style"), monkeypatch)
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    ours = new_paragraphs(root)
    assert ours
    for p in ours:
        assert p.find(f"{W}pPr/{W}pStyle").get(W + "val") == "ListNumber"  # looks like its neighbours
        assert p.find(f"{W}pPr/{W}numPr/{W}numId").get(W + "val") == "0"  # but is not numbered by Word
        assert p.find(f"{W}pPr/{W}ind") is not None  # indented where the list level set its text
    # the draft's own paragraphs are untouched: still numbered by their style alone
    own = [p for p in root.iter(W + "p") if p not in ours and p.find(f"{W}pPr/{W}pStyle") is not None]
    assert own and all(p.find(f"{W}pPr/{W}numPr") is None for p in own)


@pytest.mark.parametrize("numbering", ["style", "numpr"])
def test_a_pending_insertion_joins_no_list_in_either_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, numbering: str
) -> None:
    """While pending, the new paragraph is out of the list by its own properties, and the break Word and
    LibreOffice take out on rejecting is the one before it: LibreOffice keeps the first paragraph's
    properties when it joins two, so an inserted mark on the new paragraph itself made it count the new
    paragraph in place of the next numbered one and show every later number as "25.[23.]" (trial 13,
    finding 13). Rejecting gives the draft back, numbered as it was."""
    source = draft(tmp_path, numbering)
    out = redlined(tmp_path, source, monkeypatch)
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    ours = new_paragraphs(root)
    assert ours
    for p in ours:
        ppr = p.find(W + "pPr")
        assert ppr.find(f"{W}numPr/{W}numId").get(W + "val") == "0"  # no number while pending, by itself
        before = p.getprevious()
        if p.find(f"{W}pPr/{W}rPr/{W}ins") is None:  # the break before it is the inserted one
            assert before.find(f"{W}pPr/{W}rPr/{W}ins").get(W + "author") == "mandatekit"
            change = ppr.find(W + "pPrChange")  # and its own mark is the draft's, its properties changed
            assert change is not None
            old_id = change.find(f"{W}pPr/{W}numPr/{W}numId")
            assert old_id is None or old_id.get(W + "val") != "0"  # as numbered as the paragraph before was
    assert any(p.find(f"{W}pPr/{W}rPr/{W}ins") is None for p in ours)
    # the draft's own paragraphs keep their properties: the same list, no property change of ours
    drafted = etree.fromstring(zipfile.ZipFile(source).read("word/document.xml"))
    own_props = [
        etree.tostring(p.find(W + "pPr")) for p in drafted.iter(W + "p") if p.find(W + "pPr") is not None
    ]

    def bare(p: etree._Element) -> bytes:
        ppr = etree.fromstring(etree.tostring(p.find(W + "pPr")))
        for mark in ppr.findall(W + "rPr"):
            for el in mark.findall(W + "ins"):
                mark.remove(el)
            if not len(mark):
                ppr.remove(mark)
        return etree.tostring(ppr)

    kept = [bare(p) for p in root.iter(W + "p") if p not in ours and p.find(W + "pPr") is not None]
    assert kept == own_props
    # rejected: the draft as it was, each paragraph numbered as before
    rejected = read(rewrite(out, tmp_path / "rejected.docx", reject_ours))
    assert [(p.ref, p.text) for p in rejected.operative] == [(p.ref, p.text) for p in read(source).operative]


def test_a_typed_draft_keeps_its_new_paragraphs_own_marks_inserted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no list numbers the draft, nothing is moved: each new paragraph's own mark is the inserted one
    and no paragraph of the draft is marked or has its properties changed."""
    out = redlined(tmp_path, draft(tmp_path, "typed"), monkeypatch)
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    ours = new_paragraphs(root)
    assert ours and all(p.find(f"{W}pPr/{W}rPr/{W}ins") is not None for p in ours)
    marked = [p for p in root.iter(W + "p") if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None]
    assert marked == ours and root.find(f".//{W}pPrChange") is None
