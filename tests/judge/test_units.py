"""Which paragraphs a condition's elements may be gathered from: a paragraph with its lead-ins, never siblings."""

from __future__ import annotations

from mandatekit import check


def test_siblings_under_a_sub_paragraph_lead_in_are_different_tasks() -> None:
    # Monitoring in (i), the state's forces in (iii), public reporting in (vii): three tasks, not one.
    draft = (
        "37. Further authorises the Mission to pursue the following tasks:\n\n"
        "(e) Support for justice and the rule of law:\n\n"
        "(i) To help monitor and investigate violations of human rights;\n\n"
        "(iii) To support the reform of the national security forces;\n\n"
        "(vii) To support public awareness campaigns on the rule of law;"
    )
    assert check(draft, only=["hr-monitoring"]).findings[0].verdict == "partial"


def test_a_lead_in_still_governs_each_item_under_it() -> None:
    draft = (
        "3. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(d) Human rights:\n\n"
        "(i) To monitor and report publicly on violations of human rights committed by all parties, including "
        "the national defence and security forces;"
    )
    assert check(draft, only=["hr-monitoring"]).findings[0].verdict == "met"
