"""A Word draft for another mission (MONUSCO, DRC: FARDC, PNC) with automatic numbering, tracked changes and
square brackets; verdicts decided from the recommendations. The rules are not tied to one mandate."""

from __future__ import annotations

from pathlib import Path

from mandatekit import check
from tests.builders import DraftBuilder, Run


def monusco_draft() -> DraftBuilder:
    b = DraftBuilder()
    b.front("United Nations S/2026/950", "Security Council Distr.: Limited 1 December 2026",
            "Draft resolution: the situation concerning the Democratic Republic of the Congo",
            "The Security Council,")  # fmt: skip
    b.pp("Reaffirming", "the basic principles of peacekeeping, including consent of the parties, impartiality and "
         "non-use of force,")  # fmt: skip
    b.pp("Strongly condemning", "all attacks against peacekeepers, and underlining that such attacks may "
         "constitute war crimes,")  # fmt: skip
    b.heading("Mandate of MONUSCO")
    b.op("Decides", "that MONUSCO's strategic priorities are to contribute to the protection of civilians and "
         "to support the stabilization of State institutions;")  # fmt: skip
    b.op("Authorizes", "MONUSCO to take all necessary measures to carry out the following tasks:")
    b.sub("Protection of civilians:")
    b.runs(Run("To ensure effective protection of civilians under threat of physical violence, "),
           Run("regardless of the perpetrator", "del"),
           Run(" [including from the FARDC and PNC]", "ins"), Run(";"), level=2)  # fmt: skip
    b.sub("To work with the Government to identify threats to civilians and implement prevention and response "
          "plans, including early warning to prevent mass atrocities;", level=2)  # fmt: skip
    b.sub("To support the Government in the reform of the security sector, including the vetting of all FARDC "
          "recruits;")  # fmt: skip
    b.op("Requests", "MONUSCO to ensure that any support provided to the FARDC and PNC, including joint "
         "operations, is in [full] compliance with the Human Rights Due Diligence Policy;")  # fmt: skip
    b.op("Invites", "the Secretary-General to report on restrictions on MONUSCO's freedom of movement;")
    b.op("Decides", "to remain actively seized of the matter.")
    return b


EXPECTED = {
    "poc-priority": "met",  # "strategic priorities are to contribute to the protection of civilians"
    "poc-impartial": "partial",  # the perpetrator clause deleted; the state forces only in brackets
    "hrddp-support": "partial",  # "[full] compliance": the condition itself is bracketed
    "sofa-reporting": "partial",  # only "Invites"
    "ssr-support": "met",
    "ssr-vetting": "met",
    "atrocity-prevention": "met",
    "accountability": "missing",
    "un-personnel-safety": "partial",  # attacks on peacekeepers condemned in the preamble only
    "sofa-compliance": "partial",  # restrictions mentioned, no demand that they end
    "children": "missing",
    "hr-monitoring": "missing",
}


def test_monusco_docx_verdicts(tmp_path: Path) -> None:
    path = monusco_draft().save(tmp_path / "monusco.docx")
    got = {f.rule: f.verdict.value for f in check(path, profile="monusco").findings}
    assert {rule: got[rule] for rule in EXPECTED} == EXPECTED


def test_suggestions_speak_of_the_mission_in_the_profile(tmp_path: Path) -> None:
    path = monusco_draft().save(tmp_path / "monusco.docx")
    finding = next(f for f in check(path, profile="monusco").findings if f.rule == "accountability")
    assert (
        "MONUSCO" in finding.suggestion
        and "FARDC" in finding.suggestion
        and "MINUSCA" not in finding.suggestion
    )
