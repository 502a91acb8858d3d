"""The stronger verb depends on whom the paragraph addresses (trial 12, F6): the Council requests the
Secretary-General or its mission, and demands of the parties, Member States and host authorities. 'Replace
OP 8: ~~Calls upon~~ Requests all parties to allow ...' is no sentence a delegate would table."""

from __future__ import annotations

from mandatekit.api import setup
from mandatekit.read import read_string
from mandatekit.render.addressee import addressee, as_demand, council_tasks
from mandatekit.render.placement import place

DRAFT = """The Security Council,

1. Decides to extend the mandate of UNSMIL until 31 October 2024;

2. Requests UNSMIL to monitor and report publicly on violations and abuses of human rights by all actors;

3. Calls upon the Libyan authorities to allow and facilitate full, safe and unhindered humanitarian access to all people in need throughout Libya;

4. Decides to remain actively seized of the matter.
"""


def test_a_call_on_the_parties_becomes_a_demand_not_a_request() -> None:
    # The host authorities called on for access alone: partial (a call on all the parties to the conflict
    # meets humanitarian-access, coders say, so it is not the call to strengthen here).
    s = setup()
    document = read_string(DRAFT)
    report = s.judge(document)
    assert next(f for f in report.findings if f.rule == "humanitarian-access").verdict.value == "partial"
    fix = place(report, document, s.judge)["humanitarian-access"]
    assert (fix.action, fix.where) == ("replace", "Replace OP 3")
    assert fix.text.startswith(
        "Demands that the Libyan authorities allow and facilitate full, safe and unhindered"
    )
    assert "Requests the Libyan authorities" not in fix.text


def test_who_the_council_tasks() -> None:
    assert council_tasks("the Secretary-General")
    assert council_tasks("UNSMIL", "UNSMIL")
    assert council_tasks("the United Nations country team")
    assert council_tasks("the Special Representative of the Secretary-General")
    assert not council_tasks("all parties")
    assert not council_tasks("the Libyan authorities", "UNSMIL")
    assert not council_tasks("Member States")
    assert not council_tasks("all United Nations Member States")
    assert not council_tasks("FARDC", "MONUSCO")  # an acronym is not the Council's because it is one


def test_the_demand_keeps_the_drafters_words() -> None:
    text = (
        "Calls upon the parties to the conflict to allow access, and to respect international law; welcomes X"
    )
    assert addressee(text, "Calls upon") == "the parties to the conflict"
    assert as_demand(text, "Calls upon") == (
        "Demands that the parties to the conflict allow access, and respect international law; welcomes X"
    )
    assert as_demand("Calls upon all parties; notes", "Calls upon") is None  # no infinitive to turn


def test_a_capital_after_to_names_what_to_points_at_in_any_alphabet_and_after_a_quote() -> None:
    # A capitalised word after 'to' names what the preposition points at ('States parties to The
    # Convention'), never the verb asked: the addressee runs on to the infinitive, which no UN text
    # capitalises. So with a capital past ASCII and after an opening quote.
    text = "Calls upon all signatories to “the Revitalized Agreement” to implement it fully"
    assert addressee(text, "Calls upon") == "all signatories to “the Revitalized Agreement”"
    assert as_demand(text, "Calls upon") == (
        "Demands that all signatories to “the Revitalized Agreement” implement it fully"
    )
    text = "Calls upon the parties to Équateur-Sud’s peace agreement to allow access"
    assert addressee(text, "Calls upon") == "the parties to Équateur-Sud’s peace agreement"
    text = "Urges States parties to The Convention to implement it"
    assert addressee(text, "Urges") == "States parties to The Convention"
    # Near miss: the first lower-case word after 'to' that is no determiner opens the infinitive.
    text = "Urges Member States to fully implement the Programme of Action to Prevent, Combat and Eradicate"
    assert addressee(text, "Urges") == "Member States"
