"""The redlined draft: each suggestion a tracked change in its place, reopened and read back — accepting all of
them gives the expected text with Word's numbering continuing; rejecting ours gives back the draft."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from mandatekit.api import setup
from mandatekit.cli import main
from mandatekit.read import read
from mandatekit.read.model import Kind
from mandatekit.read.structure_labels import LATIN
from mandatekit.render.placement import place
from tests.builders import DraftBuilder, Run

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "minusca-zero-draft.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SETUP = setup()


def redlined(tmp_path: Path, draft: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    out = tmp_path / "redline.docx"
    result = CliRunner().invoke(main, ["redline", str(draft), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


def rewrite(path: Path, out: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    """A copy of the .docx with document.xml changed by `edit(root)`."""
    with zipfile.ZipFile(path) as zin:
        root = etree.fromstring(zin.read("word/document.xml"))
        edit(root)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "word/document.xml":
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                zout.writestr(item, data)
    out.write_bytes(buffer.getvalue())
    return out


def accept_all(root) -> None:  # type: ignore[no-untyped-def]
    """What Word's Accept All does: deletions go, insertions stay as ordinary text."""
    for el in list(root.iter(W + "del")):
        parent = el.getparent()
        if parent.tag == W + "rPr":  # a deleted paragraph mark: not made by this tool, none in these drafts
            raise AssertionError("unexpected deleted paragraph mark")
        parent.remove(el)
    for el in list(root.iter(W + "ins")):
        parent = el.getparent()
        if parent.tag == W + "rPr":
            parent.remove(el)
            continue
        for child in list(el):
            el.addprevious(child)
        parent.remove(el)


def reject_ours(root) -> None:  # type: ignore[no-untyped-def]
    """Reject the tool's changes only: our insertions (and inserted paragraphs) go, our deletions come back."""
    ours = f"[@{W}author='mandatekit']"
    # an inserted mark goes: its paragraph joins the next one, which keeps its own properties, as Word does
    for p in list(root.iter(W + "p")):
        mark = p.find(f"{W}pPr/{W}rPr/{W}ins")
        if mark is not None and mark.get(W + "author") == "mandatekit":
            following = p.getnext()
            assert following is not None and following.tag == W + "p"
            at = 1 if following.find(W + "pPr") is not None else 0
            for child in reversed([c for c in p if c.tag != W + "pPr"]):
                following.insert(at, child)
            p.getparent().remove(p)
    # a paragraph whose properties we changed takes its old ones back
    for change in root.findall(f".//{W}pPrChange{ours}"):
        ppr = change.getparent()
        for el in [c for c in ppr if c.tag not in (W + "rPr", W + "sectPr")]:
            ppr.remove(el)
        for el in reversed(list(change.find(W + "pPr"))):
            ppr.insert(0, el)
    for el in root.findall(f".//{W}ins{ours}"):
        el.getparent().remove(el)
    for el in root.findall(f".//{W}del{ours}"):
        for t in el.iter(W + "delText"):
            t.tag = W + "t"
        for child in list(el):
            el.addprevious(child)
        el.getparent().remove(el)


def revisions(path: Path) -> list[tuple[str, str, str]]:
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return [
        (etree.QName(el).localname, el.get(W + "author"), el.get(W + "date"))
        for el in root.iter(W + "ins", W + "del")
    ]


def expected_after_accepting(draft: Path) -> list[str]:
    """The operative text a drafter expects: each replaced paragraph's new text, each insertion after its
    paragraph, in the order the tool placed them."""
    document = read(draft)
    placements = place(SETUP.judge(document), document, SETUP.judge)
    replaced = {p.paragraph: p.text for p in placements.values() if p.action == "replace"}
    inserted: dict[int, list[str]] = {}
    for p in placements.values():
        if p.action != "replace" and p.paragraph is not None:
            inserted.setdefault(p.paragraph, []).append(p.text)
    out = []
    for para in document.paragraphs:
        if para.kind is Kind.operative:
            out.append(replaced.get(para.index, para.text))
        out += inserted.get(para.index, [])
    return out


def test_the_example_draft_accepted_reads_as_proposed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = redlined(tmp_path, EXAMPLE, monkeypatch)
    marks = revisions(out)
    ours = [m for m in marks if m[1] == "mandatekit"]
    assert ours and all(date == "2026-11-18T11:06:40Z" for _, _, date in ours)
    assert {kind for kind, _, _ in ours} == {"ins", "del"}
    accepted = read(rewrite(out, tmp_path / "accepted.docx", accept_all))
    assert [p.text for p in accepted.operative] == expected_after_accepting(EXAMPLE)
    # The draft's own paragraphs keep their numbers (issue 21, round 9): a new one between two is 'N bis',
    # typed outside Word's list, so Word renumbers nothing; the last one is still last.
    before = [p.ref for p in read(EXAMPLE).operative if p.parent is None]
    tops = [p for p in accepted.operative if p.parent is None]
    assert [p.ref for p in tops if " " not in (p.ref or "")[3:]] == before
    new = [p.ref for p in tops if p.ref not in before]
    assert new and all(re.fullmatch(r"OP \d+ (bis|ter|quater)", r or "") for r in new)
    assert tops[-1].text == "Decides to remain actively seized of the matter."


def test_the_weak_verb_is_struck_and_the_draft_keeps_its_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = redlined(tmp_path, EXAMPLE, monkeypatch)
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    p = next(p for p in root.iter(W + "p") if "Human Rights Due Diligence Policy;" in "".join(p.itertext()))
    deleted = ["".join(d.itertext()) for d in p.iter(W + "del") if d.get(W + "author") == "mandatekit"]
    words = [
        i for i in p.iter(W + "ins") if i.get(W + "author") == "mandatekit" and i.getparent().tag != W + "rPr"
    ]
    inserted = ["".join(i.itertext()) for i in words]  # (its mark may be inserted: a new paragraph follows)
    assert deleted == ["Encourages"] and inserted == ["Requests"]
    # the inserted verb keeps the italics of the verb it replaces
    assert words[0].find(f".//{W}i") is not None
    # the draft's own pending change on that paragraph is still there, as it was
    theirs = [
        (d.tag, "".join(d.itertext()))
        for d in p.iter(W + "del", W + "ins")
        if d.get(W + "author") == "Delegation"
    ]
    assert theirs == [(W + "del", "provided in strict compliance with"), (W + "ins", "consistent with")]


def test_rejecting_our_changes_gives_back_the_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = DraftBuilder().front("The Security Council,")
    draft.heading("Human rights due diligence")
    draft.runs(Run("Encourages", "italic"), Run(" the Mission to ensure that its support to the national army is "),
               Run("consistent with", "ins"), Run(" the HRDDP;"))  # fmt: skip
    draft.op("Requests", "the Mission to protect civilians;", comment="Existing comment from a delegation")
    draft.op("Decides", "to remain actively seized of the matter.")
    path = draft.save(tmp_path / "draft.docx")
    out = redlined(tmp_path, path, monkeypatch)
    before = read(path)
    back = read(rewrite(out, tmp_path / "back.docx", reject_ours))
    assert [(p.ref, p.text) for p in back.paragraphs] == [(p.ref, p.text) for p in before.paragraphs]
    theirs = [m for m in revisions(out) if m[1] != "mandatekit"]
    assert theirs == [m for m in revisions(path)]
    comments = list(docx.Document(str(out)).comments)
    assert any(c.text == "Existing comment from a delegation" for c in comments)
    report = SETUP.judge(before)
    ours = [c for c in comments if c.author == "mandatekit"]
    placed = place(report, before, SETUP.judge)
    assert len(ours) == sum(p.paragraph is not None for p in placed.values())
    assert {p.action for p in placed.values() if p.paragraph is None} <= {"covered"}
    # the first says which profile and why, and what is said of the whole draft (language written for another
    # mission); then each opens with its verdict, in short paragraphs
    assert ours[0].paragraphs[0].text.startswith("Profile: ")
    head = 1 + sum(1 for note in (report.written_for, report.renewal) if note)
    assert head == 2 and ours[0].paragraphs[1].text == report.written_for
    assert all(
        c.paragraphs[head if n == 0 else 0].text.split(" ")[0] in ("PARTIAL", "MISSING")
        for n, c in enumerate(ours)
    )
    assert all(len(c.paragraphs) >= 3 for c in ours)


def test_each_comment_sits_on_its_own_tracked_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = redlined(tmp_path, EXAMPLE, monkeypatch)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    for comment in docx.Document(str(out)).comments:
        if comment.author != "mandatekit":
            continue
        start = xml.index(f'<w:commentRangeStart w:id="{comment.comment_id}"/>')
        end = xml.index(f'<w:commentRangeEnd w:id="{comment.comment_id}"/>')
        assert 'w:author="mandatekit"' in xml[start:end]


def test_redline_refuses_other_formats_and_the_draft_itself(tmp_path: Path) -> None:
    txt = tmp_path / "d.txt"
    txt.write_text("1. Decides;\n")
    result = CliRunner().invoke(main, ["redline", str(txt), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2 and "works on Word .docx drafts" in result.stderr
    draft = DraftBuilder().front("The Security Council,").op("Decides", "to act;").save(tmp_path / "d.docx")
    result = CliRunner().invoke(main, ["redline", str(draft), "-o", str(draft)])
    assert result.exit_code == 2 and "is the input draft" in result.stderr


def test_typed_numbers_get_bis_and_ter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A draft that types its numbers has no numbering for Word to continue: new paragraphs are numbered
    the way negotiators do, '2 bis.', '2 ter.'."""
    b = DraftBuilder().front("The Security Council,")
    ops = [("Decides", "to renew the mandate of MINUSCA until 15 November 2027;"),
           ("Encourages", "MINUSCA to ensure that its support to the national defence and security forces is "
                          "consistent with the Human Rights Due Diligence Policy;"),
           ("Decides", "to remain actively seized of the matter.")]  # fmt: skip
    for n, (verb, rest) in enumerate(ops, start=1):
        b.runs(Run(f"{n}. "), Run(verb, "italic"), Run(" " + rest), level=None)
    out = redlined(tmp_path, b.save(tmp_path / "typed.docx"), monkeypatch)
    root = etree.fromstring(
        zipfile.ZipFile(rewrite(out, tmp_path / "a.docx", accept_all)).read("word/document.xml")
    )
    texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p")]
    labels = [t.split(". ", 1)[0] for t in texts[1:]]
    assert labels[0] == "1" and labels[-1] == "3"
    inserted = [x for x in labels if " " in x]
    assert inserted and len(set(inserted)) == len(inserted)  # 1 bis, 1 ter ... never two alike
    assert all(re.fullmatch(rf"\d ({'|'.join(LATIN)})", x) for x in inserted)
    # read back as the paragraphs inserted after OP 1 (and OP 2), not as text of OP 1
    refs = [p.ref for p in read(tmp_path / "a.docx").paragraphs if p.kind is Kind.operative]
    assert all(f"OP {x}" in refs for x in inserted) and len(set(refs)) == len(refs)
