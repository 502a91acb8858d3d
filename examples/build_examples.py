"""Rebuild the bundled example drafts: `python examples/build_examples.py`.

The drafts are fictional: a zero draft for renewing a peacekeeping mandate, with Word's automatic
numbering, headings, a tracked change, square brackets and a reviewer's comment, as real drafts have. Its
tracked changes and comment carry the draft's own date (tests/builders.DRAFT_DATE), not the time of the
build, and the zip is written the same way every time (mandatekit/render/reproducible.py): rebuilding it
gives the same bytes, so `make docs` leaves it unchanged unless this file changes."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mandatekit.output import replace_atomically
from tests.builders import DraftBuilder, Run


def zero_draft() -> DraftBuilder:
    b = DraftBuilder()
    b.front(
        "United Nations S/2026/812",
        "Security Council Distr.: Limited 2 November 2026",
        "Zero draft resolution: renewal of the mandate of MINUSCA",
        "The Security Council,",
    )
    b.pp(
        "Recalling",
        "its previous resolutions and statements on the Central African Republic, in particular "
        "resolution 2605 (2021),",
    )
    b.pp(
        "Reaffirming",
        "its strong commitment to the sovereignty, independence, unity and territorial integrity "
        "of the Central African Republic,",
    )
    b.pp(
        "Reaffirming",
        "the basic principles of peacekeeping, including consent of the parties, impartiality "
        "and non-use of force except in self-defence and defence of the mandate,",
    )
    b.pp(
        "Expressing",
        "grave concern at the continued violence against civilians, and underlining the "
        "importance of accountability for those responsible for war crimes and crimes against humanity,",
    )
    b.pp(
        "Condemning",
        "the restrictions imposed on the movement of MINUSCA patrols, in violation of the "
        "Status of Forces Agreement,",
    )
    b.pp("Acting", "under Chapter VII of the Charter of the United Nations,")
    b.heading("Political process")
    b.op("Decides", "to renew the mandate of MINUSCA until 15 November 2027;")
    b.op(
        "Calls upon",
        "all parties to respect the cessation of hostilities and to engage in the "
        "implementation of the Political Agreement for Peace and Reconciliation;",
    )
    b.heading("Mandate of MINUSCA")
    b.op(
        "Decides",
        "that the protection of civilians shall remain the Mission's top priority, and that the "
        "mandate of MINUSCA shall include the following priority tasks:",
    )
    b.sub("Protection of civilians:")
    b.sub(
        "To protect, without prejudice to the primary responsibility of the Central African authorities, "
        "the civilian population under threat of physical violence, within its capabilities and areas of "
        "deployment;",
        level=2,
    )
    b.runs(
        Run("To strengthen its early warning mechanisms "),
        Run("and community engagement ", "ins"),
        Run("to prevent atrocity crimes, including violence linked to elections;"),
        level=2,
    )
    b.sub(
        "Good offices and support to the peace process: to use its good offices to support the "
        "implementation of the Political Agreement for Peace and Reconciliation;"
    )
    b.sub(
        "Humanitarian access: to facilitate the creation of a secure environment for the immediate, full, "
        "safe and unhindered delivery of humanitarian assistance;"
    )
    b.op(
        "Requests",
        "MINUSCA to monitor and report on violations of international humanitarian law and "
        "violations and abuses of human rights, [including those committed by national defence and security "
        "forces];",
        comment="Penholder: bracketed text not yet agreed by all Council members",
    )
    b.op(
        "Requests",
        "MINUSCA to support the national authorities in the disarmament, demobilization, "
        "reintegration and repatriation of members of armed groups;",
    )
    b.heading("Support to the national defence and security forces")
    b.op(
        "Requests",
        "MINUSCA to provide strategic and technical advice to the Central African authorities on "
        "security sector reform, as appropriate;",
    )
    b.runs(
        Run("Encourages", "italic"),
        Run(" MINUSCA to ensure that its support to the national defence and security forces is "),
        Run("provided in strict compliance with", "del"),
        Run("consistent with", "ins"),
        Run(" the Human Rights Due Diligence Policy;"),
    )
    b.heading("Status of Forces Agreement")
    b.op(
        "Calls upon",
        "the Government of the Central African Republic to respect the Status of Forces "
        "Agreement and to put an end to all restrictions on MINUSCA's freedom of movement;",
    )
    b.heading("Reports by the Secretary-General")
    b.op(
        "Requests",
        "the Secretary-General to ensure the safety and security of United Nations personnel, "
        "and to report to the Council every four months on the implementation of this resolution;",
    )
    b.op("Decides", "to remain actively seized of the matter.")
    return b


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    draft = zero_draft()
    replace_atomically(here / "minusca-zero-draft.docx", draft.to_bytes())
    replace_atomically(here / "minusca-zero-draft.txt", draft.as_text())
    print("wrote examples/minusca-zero-draft.docx and .txt")
