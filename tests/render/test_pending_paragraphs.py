"""A paragraph deleted whole by a pending tracked change, and a new paragraph inserted after it by another,
are two changes, not one paragraph rewritten (trial 10, finding 2): the advice names each by what it does,
and accepting the deletion is never said to secure what the insertion brings."""

from __future__ import annotations

from pathlib import Path

from mandatekit.api import setup
from mandatekit.read import read
from mandatekit.read.model import Document
from mandatekit.render.agreement import candidates
from mandatekit.render.memo.evidence import _flags
from mandatekit.render.placement import pending_secures
from mandatekit.web.views import draft_view
from tests.builders import DraftBuilder, Run

SETUP = setup()
REPORTING = (
    "Also requests the Secretary-General to continue to report to the Council on the implementation of "
    "this resolution every four months;"
)
NEW = (
    " all attacks against the Mission's personnel, demands that all parties ensure the safety, security and "
    "freedom of movement of the Mission's personnel, and calls upon the Government to investigate all "
    "attacks against the Mission and bring those responsible to justice;"
)


def tracked(tmp_path: Path) -> Document:
    b = DraftBuilder().front("The Security Council,")
    b.pp("Recalling", "its previous resolutions on the situation in the country,")
    b.op("Decides", "to extend the mandate of the Mission until 31 August 2027;")
    b.runs(Run(REPORTING, "del"), mark_deleted=True)
    b.runs(Run("Strongly condemns", "ins"), Run(NEW, "ins"))
    b.op("Decides", "to remain actively seized of the matter.")
    return read(b.save(tmp_path / "tracked.docx"))


def test_the_deletion_and_the_insertion_are_named_apart(tmp_path: Path) -> None:
    document = tracked(tmp_path)
    new = document.by_ref("OP 2")
    assert new is not None and new.text.startswith("Strongly condemns")
    wheres = [a.where for a in candidates(document) if a.paragraph == new.index]
    assert len(wheres) == 2
    deletion, insertion = wheres
    assert deletion == "Reject the pending deletion of the paragraph before OP 2 by Delegation"
    assert insertion.startswith("Reject the pending insertion of OP 2 by Delegation (“Strongly condemns")
    assert not any("“Also requests" in w for w in wheres if "insertion" in w)


def test_accepting_the_deletion_is_not_said_to_secure_what_the_insertion_brings(tmp_path: Path) -> None:
    document = tracked(tmp_path)
    report = SETUP.judge(document)
    secured = pending_secures(report, document, SETUP.judge)
    assert secured and all("deletion" not in where for where in secured)
    assert any(where.startswith("Accept the pending insertion of OP 2 by Delegation") for where in secured)
    # nor is the deleted paragraph said to be replaced "for" the new one in a finding resting on it
    for f in report.findings:
        assert not any("Also requests" in d for d in _flags(f, document)["deleted"])


def test_the_web_page_draws_the_deleted_paragraph_on_its_own(tmp_path: Path) -> None:
    document = tracked(tmp_path)
    view = next(v for v in draft_view(document, []) if v["ref"] == "OP 2")
    whole = [piece for piece in view["pieces"] if piece.whole]
    assert [piece.text for piece in whole] == [REPORTING]
    assert 'class="pending whole"' in view["html"]
