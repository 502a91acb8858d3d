"""Findings of trial 10 (a UNIFIL drafter on S/RES/2749 (2024)), each as a principle on short drafts of any
mission: what a partial finding says it has and lacks, and the words the memo quotes."""

from __future__ import annotations

from mandatekit.render.memo.evidence import cut_quote
from tests.judge.one_rule import finding

CHILDREN_IN_PREAMBLE = (
    "Expressing concern and calling on all parties to comply with their obligations under international "
    "humanitarian law, including regarding the protection of civilians, including children,\n\n"
    "4. Encourages the Secretary-General to ensure that the Mission remains ready to support de-escalation;\n\n"
    "5. Requests the Secretary-General to continue to report to the Council on the implementation of the "
    "resolution;"
)


def test_a_deed_found_only_in_paragraphs_on_something_else_is_not_sent_to() -> None:
    # Reports asked on the resolution at large are no reporting on children: the reason says the draft lacks
    # it, not that it stands "only in other paragraphs (OP 4, OP 5)".
    f = finding(CHILDREN_IN_PREAMBLE, "children")
    assert f.verdict == "partial"
    assert "other paragraphs" not in f.reasons[0]
    assert "but not" in f.reasons[0] and "monitored, reported" in f.reasons[0]
    assert "Grave violations against children are mentioned" not in f.message
    # Near miss: a rule that names no topic (peace-process) still says where the rest stands:
    # test_evidence_choice.test_the_council_s_own_support_or_responsibility_is_no_role_for_the_mission.


def test_the_quote_shows_the_words_found_when_they_close_the_clause() -> None:
    context = (
        "Expressing its deepest concern at the consequences of these tensions, causing numerous civilian "
        "casualties and forcing tens of thousands of civilians to flee their home and calling on all parties "
        "to armed conflict to comply with their obligations under international humanitarian law, including "
        "regarding the protection of civilians, including children,"
    )
    quoted = cut_quote(context, "protection of civilians, including children")
    assert "protection of civilians, including children" in quoted
    assert quoted.startswith("… ")
