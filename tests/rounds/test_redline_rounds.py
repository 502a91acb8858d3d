"""The redline of every round (and of the bundled example), as a penholder would use it: Accept All in Word,
then `check` — no recommendation worse than before, each one a tracked fix targets better. Brackets to agree
and pending changes to reject are comments only: the drafter's words and brackets stay as they are."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from mandatekit.cli import main
from mandatekit.read import read
from mandatekit.render.accepted import rejudge
from mandatekit.render.placement import place
from tests.rounds.corpus import resolution
from tests.rounds.test_real_rounds import MINUSCA, ROUNDS, SETUP

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "minusca-zero-draft.docx"
# rule → the fix expected, in each round's new draft (numbers as read: every pending change accepted)
EXPECTED_FIXES = {
    "delete": {
        "poc-impartial": "Add to OP 36(a) as item (vii)",
        "hr-monitoring": "Add to OP 37(a) as item (iv)",
    },
    "tracked": {
        "hrddp-support": "Reject the pending deletion of the paragraph before OP 37(d) by Delegation"
    },
    "bracket-poc": {"poc-impartial": "Agree the bracketed text in OP 3(a)(i)"},
    "example": {"hrddp-support": "Replace OP 7", "poc-impartial": "Add to OP 3(a) as item (iii)"},
}


def accept_all(data: bytes) -> bytes:
    """What Word's Accept All does: deleted text and paragraph marks go, inserted text stays."""
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        root = etree.fromstring(zin.read("word/document.xml"))
        for el in list(root.iter(W + "del")):
            if el.getparent().tag != W + "rPr":
                el.getparent().remove(el)
        for p in list(root.iter(W + "p")):
            mark = p.find(f"{W}pPr/{W}rPr/{W}del")
            following = p.getnext()
            if mark is not None and following is not None and following.tag == W + "p":
                ppr = following.find(W + "pPr")
                at = 1 if ppr is not None else 0
                for child in reversed([c for c in p if c.tag != W + "pPr"]):
                    following.insert(at, child)
                p.getparent().remove(p)
        for el in list(root.iter(W + "ins")):
            parent = el.getparent()
            if parent.tag == W + "rPr":
                parent.remove(el)
                continue
            for child in list(el):
                el.addprevious(child)
            parent.remove(el)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                body = zin.read(item.filename)
                if item.filename == "word/document.xml":
                    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                zout.writestr(item, body)
    return out.getvalue()


def drafts(tmp: Path) -> list[tuple[str, Path]]:
    out = [(r.name, r.edit(resolution(r.draft)).save(tmp / f"{r.name}.docx")) for r in ROUNDS]
    return [*out, ("example", EXAMPLE)]


@pytest.fixture(scope="module")
def redlines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    tmp = tmp_path_factory.mktemp("redlines")
    out = {}
    for name, draft in drafts(tmp):
        target = tmp / f"{name}-redline.docx"
        result = CliRunner().invoke(main, ["redline", str(draft), "-o", str(target)])
        assert result.exit_code == 0, result.stderr
        out[name] = (draft, target)
    return out


NAMES = [r.name for r in ROUNDS] + ["example"]


@pytest.mark.parametrize("name", NAMES)
def test_accept_all_then_check(name: str, redlines, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft, redlined = redlines[name]
    document = read(draft)
    before = SETUP.judge(document)
    accepted = tmp_path / "accepted.docx"
    accepted.write_bytes(accept_all(redlined.read_bytes()))
    after = {f.rule: f.verdict for f in SETUP.judge(read(accepted)).findings}
    worse = [f.rule for f in before.findings if after[f.rule].rank > f.verdict.rank]
    assert worse == [], f"{name}: worse after Accept All: {worse}"
    placements = place(before, document, SETUP.judge)
    # A bracketed paragraph amended inside its brackets ('Agree the bracketed text in OP 3(d)(i), with the words
    # it lacks': `result` is its text agreed) helps once the brackets are agreed, which no tracked change does.
    tracked = [
        p for p in placements.values() if p.action in ("replace", "insert", "add") and p.result is None
    ]
    assert tracked, name
    was = {f.rule: f.verdict for f in before.findings}
    not_better = [p.rule for p in tracked if after[p.rule].rank >= was[p.rule].rank]
    assert not_better == [], f"{name}: not better after Accept All: {not_better}"
    for rule, where in EXPECTED_FIXES.get(name, {}).items():
        assert placements[rule].where == where


@pytest.mark.parametrize("name", ["tracked", "bracket-poc"])
def test_agreeing_or_rejecting_is_a_comment_and_would_secure_the_rule(name: str, redlines) -> None:  # type: ignore[no-untyped-def]
    draft, redlined = redlines[name]
    document = read(draft)
    report = SETUP.judge(document)
    placements = place(report, document, SETUP.judge)
    fixes = [p for p in placements.values() if p.action in ("agree", "reject")]
    assert fixes
    root = etree.fromstring(zipfile.ZipFile(redlined).read("word/document.xml"))
    body = [p for p in root.iter(W + "p")]
    for fix in fixes:
        assert fix.secures == "would make the draft meet this recommendation"
        # what agreeing or rejecting would do, judged again: the rule met, nothing else worse
        ranks = {f.rule: f.verdict.rank for f in rejudge(document, [fix], SETUP.judge).findings}
        base = {f.rule: f.verdict.rank for f in rejudge(document, [], SETUP.judge).findings}
        assert ranks[fix.rule] == 0 and all(ranks[r] <= base[r] for r in base)
        # the redline itself changes nothing there: no tracked change of ours, brackets and words intact
        words = fix.text.split(" … ")[0].split(";")[0].lstrip("[")[:40]
        held = [p for p in body if words in "".join(p.itertext())]
        assert held
        for p in held:
            ours = [el for el in p.iter(W + "ins", W + "del") if el.get(W + "author") == "mandatekit"]
            assert ours == []
            if fix.action == "agree":
                assert f"[{words}" in "".join(p.itertext())
    comments = zipfile.ZipFile(redlined).read("word/comments.xml").decode()
    assert any(fix.where in comments for fix in fixes)
    assert "Nothing is changed here: that is for the negotiation." in comments
    if name == "bracket-poc":  # the message follows the reason: something is asked, in brackets
        assert (
            "The words that would meet it are in the draft, but in square brackets in OP 3(a)(i)" in comments
        )


def test_typed_cross_references_still_point_where_they_meant(redlines, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """UNMISS 2677 refers to its own paragraphs ("paragraph 9 above", "paragraphs [5, 6, 7, and 8] above"):
    the new paragraphs are numbered '3 bis' ... (issue 21, round 9), so after Accept All each reference,
    unchanged, still points to the paragraph it meant, and none needs correcting."""
    import re

    draft, redlined = redlines["weaken"]
    before = read(draft)
    accepted = tmp_path / "accepted.docx"
    accepted.write_bytes(accept_all(redlined.read_bytes()))
    after = read(accepted)
    assert len(after.operative) > len(before.operative)
    for words in (
        "Implementation of priority measures referenced in paragraph",
        "maintain the overall force levels",
        "Progress made on the elements",
    ):
        old = next(p for p in before.paragraphs if words in p.text)
        new = next(p for p in after.paragraphs if words in p.text)
        assert new.text == old.text
        for n in re.findall(r"\d+", re.sub(r"resolution \d+ \(\d+\)", "", old.text)):
            meant = before.by_ref(f"OP {n}")
            if meant is not None:
                assert after.by_ref(f"OP {n}").text == meant.text, n  # type: ignore[union-attr]
    comments = zipfile.ZipFile(redlined).read("word/comments.xml").decode()
    assert "Cross-reference: once the new paragraphs are accepted" not in comments


def test_a_verdict_resting_on_a_pending_change_is_an_ask_to_accept_it(tmp_path: Path) -> None:
    """MINUSCA 2709 circulated with its HRDDP condition as a pending change: the memo asks to accept it."""
    words = "in the training of police and gendarmerie"
    held = "full compliance with the United Nations HRDDP"
    r = resolution(MINUSCA).replace(words, held, "line with national priorities")
    draft = r.track_replace(words, "line with national priorities", held).save(tmp_path / "rev.docx")
    result = CliRunner().invoke(main, ["memo", str(draft), "-o", str(tmp_path / "memo.md")])
    assert result.exit_code == 0, result.stderr
    memo = (tmp_path / "memo.md").read_text()
    assert (
        "Verdicts here rest on pending changes: Accept the pending change in OP 37(c)(iv) by Delegation (“line with national "
        "priorities” → “full compliance with the United Nations HRDDP”) (it secures “Support to national "
        "forces conditional on the HRDDP”" in " ".join(memo.split())
    )
