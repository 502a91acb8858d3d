"""A pending tracked deletion of a whole paragraph with a TYPED number (trial 15, F4, F10): the deleted words
begin with their own number ('3. Requests ...'). Re-judged with the deletion rejected, that paragraph must read
as OP 3 again — not as '4. 3. Requests ...' with the paragraph it stood before renumbered '1.' — so that the
fix is "Reject the pending deletion of OP 3", as for an auto-numbered draft, not a new paragraph beside it.
And every output says who proposed the change (Word records the author)."""

from __future__ import annotations

import pytest

from mandatekit.api import memo_context, setup
from mandatekit.compare import compare
from mandatekit.read import read, read_string
from mandatekit.read.model import Document
from mandatekit.render.accepted import accepted_text
from mandatekit.render.agreement import candidates
from mandatekit.render.compare.lines import deleted_lines
from mandatekit.render.placing import Placement
from tests.builders import DraftBuilder, Run

SETUP = setup()
REPORTING = (
    "Requests the Secretary-General to continue to report violations of the SOFA or obstructions to UNMISS "
    "on a monthly basis;"
)


def _draft(deleted: bool) -> DraftBuilder:
    b = DraftBuilder().front("The Security Council,")
    b.pp("Recalling", "its previous resolutions on the situation in South Sudan,")
    b.op("", "1. Decides to extend the mandate of UNMISS until 30 April 2026;", level=None)
    b.op("", "2. Condemns all violations of the Status of Forces Agreement and obstructions of the freedom of "
         "movement of UNMISS;", level=None)  # fmt: skip
    if deleted:
        b.runs(Run("3. " + REPORTING, "del", author="Delegation A"), level=None, mark_deleted=True)
    else:
        b.op("", "3. " + REPORTING, level=None)
    b.op("", "4. Requests the Secretary-General to report to the Council on the implementation of this "
         "resolution every 90 days;", level=None)  # fmt: skip
    b.op("", "5. Decides to remain actively seized of the matter.", level=None)
    return b


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Document]:
    tmp = tmp_path_factory.mktemp("typed")
    return read(_draft(False).save(tmp / "r1.docx")), read(_draft(True).save(tmp / "r2.docx"))


def test_the_reader_keeps_who_made_the_change(drafts: tuple[Document, Document]) -> None:
    after = drafts[1].by_ref("OP 4")
    assert after is not None and [c.author for c in after.changes] == ["Delegation A"]


def test_rejected_the_deleted_paragraph_reads_with_its_own_number(drafts: tuple[Document, Document]) -> None:
    document = drafts[1]
    (a,) = [a for a in candidates(document) if a.whole_paragraph_deleted]
    probe = Placement("", "reject", a.where, a.words, [], a.paragraph, result=a.result, whole_paragraph=True)
    again = read_string(accepted_text(document, [probe]))
    assert [p.ref for p in again.operative] == ["OP 1", "OP 2", "OP 3", "OP 4", "OP 5"]
    assert again.by_ref("OP 3").text == REPORTING  # type: ignore[union-attr]


def test_the_fix_is_to_reject_the_deletion_naming_who_made_it(drafts: tuple[Document, Document]) -> None:
    document = drafts[1]
    report = SETUP.judge(document)
    context = memo_context(report, SETUP, document)
    gap = next(g for g in context["gaps"] if g["rule"] == "sofa-reporting")
    assert gap["action"] == "reject"
    assert gap["placement"] == "Reject the pending deletion of OP 3 by Delegation A"
    # the memo's head and assessment name the deletion and who made it
    assert "OP 3 by Delegation A" in context["draft_status"]
    assert "Reject the pending deletion of OP 3" in context["assessment"]


def test_compare_names_who_deleted_the_paragraph(drafts: tuple[Document, Document]) -> None:
    old_doc, new_doc = drafts
    c = compare(old_doc, SETUP.judge(old_doc), new_doc, SETUP.judge(new_doc))
    _, lines = deleted_lines(c)
    assert any("OP 3" in line and "Delegation A" in line for line in lines)
    change = next(r for r in c.changes if r.rule == "sofa-reporting")
    assert any("Delegation A" in loss.sentence for loss in change.losses)


def test_the_web_draft_names_who_deleted_the_paragraph(drafts: tuple[Document, Document]) -> None:
    from mandatekit.web.views import draft_view

    view = next(v for v in draft_view(drafts[1], []) if v["ref"] == "OP 4")
    assert "pending deletion of a whole paragraph by Delegation A" in view["html"]
