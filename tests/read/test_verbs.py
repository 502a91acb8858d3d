"""Governing verbs as real Security Council resolutions write them (wording from adopted resolutions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mandatekit import check
from mandatekit.read import read_string
from mandatekit.read.model import VerbClass
from mandatekit.read.verbs import governing_verb, leading_verb


@pytest.mark.parametrize(
    ("text", "verb", "verb_class"),
    [
        ("Confirms that the requirements in paragraph 1 (a) above shall also apply;", "Confirms", "notes"),
        ("Confirms its decision that the measures shall apply;", "Confirms", "decides"),
        ("Continues to urge all parties to refrain from violence;", "Continues", "calls"),
        ("Continues to call upon relevant international organizations to assist;", "Continues", "calls"),
        ("Continues to encourage Member States to make use of assistance;", "Continues", "encourages"),
        (
            "Renews the measures on arms imposed by paragraph 4 of resolution 2428 (2018);",
            "Renews",
            "decides",
        ),
        ("Renews its call on Sudan and South Sudan to provide full support;", "Renews", "calls"),
        ("Extends the reporting request in paragraph 10 of resolution 2722 (2024);", "Extends", "decides"),
        (
            "Requires any Member State when it undertakes an inspection to submit a report;",
            "Requires",
            "decides",
        ),
        ("Directs the Committee to continue its work;", "Directs", "decides"),
        ("Undertakes to address without delay any State's notice of withdrawal;", "Undertakes", "notes"),
        ("Resolves to continue to promote and support the finalization;", "Resolves", "notes"),
        (
            "Recommends better communication between the United Nations and regional bodies;",
            "Recommends",
            "encourages",
        ),
        ("Maintains the authorized troop ceiling at 3,550 until 15 May 2021;", "Maintains", "decides"),
        ("Determines that both parties should continue to demonstrate progress;", "Determines", "notes"),
        ("Takes note of the report of the Secretary-General;", "Takes note", "notes"),
        ("Deeply regrets the loss of life among peacekeepers;", "Deeply regrets", "notes"),
        ("Pays tribute to the courage of the peacekeepers;", "Pays tribute", "encourages"),
        ("Gives its full support to the Secretary-General's plan;", "Gives", "encourages"),
        ("Indicates its willingness to take further measures;", "Indicates", "notes"),
        ("Adopts the delisting procedure in Annex I of this resolution;", "Adopts", "decides"),
        (
            "Approves the proposals of the Secretary-General on the composition of the force;",
            "Approves",
            "decides",
        ),
        ("Asserts that the arms embargo applies to all armed groups;", "Asserts", "notes"),
        ("Strongly condemns all attacks against civilians;", "Strongly condemns", "notes"),
        ("Further decides that the mandate shall include the following tasks:", "Further decides", "decides"),
        ("Also requests the Secretary-General to report;", "Also requests", "requests"),
        ("Remains however deeply concerned by high levels of violations;", "Remains", "notes"),
        ("Draws attention to the importance of transitional justice;", "Draws attention", "notes"),
        ("Request the Secretary-General to report;", "Request", "requests"),  # the UN's own typo
        ("\u0421alls upon all parties to cease hostilities;", "\u0421alls upon", "calls"),  # Cyrillic C
        ("Décide que le mandat de la Force sera prorogé;", "Décide", "decides"),
        ("Prie le Secrétaire général de faire rapport;", "Prie", "requests"),
    ],
)
def test_verbs_of_real_resolutions_have_a_class(text: str, verb: str, verb_class: str) -> None:
    use = governing_verb(text)
    assert use is not None
    assert (use.verb, use.verb_class) == (verb, VerbClass(verb_class))


@pytest.mark.parametrize(
    ("text", "verb", "verb_class"),
    [
        # S/RES/1701 (2006) OP 12 and OP 2
        (
            "Acting in support of a request from the Government of Lebanon to deploy an international force, "
            "authorizes UNIFIL to take all necessary action in areas of deployment of its forces;",
            "authorizes",
            "decides",
        ),
        (
            "Upon full cessation of hostilities, calls upon the Government of Lebanon and UNIFIL to deploy "
            "their forces together throughout the South;",
            "calls upon",
            "calls",
        ),
        (
            "Acting under Chapter VII of the Charter of the United Nations, decides that all States shall "
            "prevent the supply of arms;",
            "decides",
            "decides",
        ),
        # S/RES/2117 (2013) OP 13
        (
            "Bearing in mind that the illicit transfer of small arms fuels conflict, requests the "
            "Secretary-General to report;",
            "requests",
            "requests",
        ),
        # S/RES/1882 (2009) OP 5: no finite verb at all; the participle governs, with its verb's class
        (
            "While noting that some parties to armed conflict have responded to its call;",
            "noting",
            "notes",
        ),
        ("Recognizing the role of women in the prevention of conflict;", "Recognizing", "notes"),
        ("Encouraging Member States to increase their contributions;", "Encouraging", "encourages"),
    ],
)
def test_participle_or_clause_opened_op_is_governed_by_its_first_finite_verb(
    text: str, verb: str, verb_class: str
) -> None:
    assert leading_verb(text) is None  # not an opening verb: such a paragraph alone is not an OP
    use = governing_verb(text)
    assert use is not None
    assert (use.verb, use.verb_class) == (verb, VerbClass(verb_class))
    assert text[use.start : use.start + len(use.verb)] == use.verb


def test_participle_opened_op_in_a_document() -> None:
    doc = read_string(
        "The Security Council,\n\nRecalling its previous resolutions,\n\n"
        "1. Decides to extend the mandate;\n\n"
        "2. Acting under Chapter VII of the Charter of the United Nations, authorizes the Mission to use all "
        "necessary means, and requests the Secretary-General to report;\n\n"
        "3. Decides to remain actively seized of the matter.\n"
    )
    op2 = doc.by_ref("OP 2")
    assert op2 is not None
    assert (op2.verb, op2.verb_class) == ("authorizes", VerbClass.decides)
    assert [v.verb for v in op2.verbs] == ["authorizes", "requests"]
    assert doc.by_ref("PP 1") is not None and doc.by_ref("PP 1").verb == "Recalling"  # type: ignore[union-attr]


def test_a_label_is_not_a_verb() -> None:
    assert leading_verb("Note: this does not include shoulder-fired rocket launchers") is None


# Lead-ins of real task lists: S/RES/2677 (2023) OP 3, S/RES/2717 (2023) OP 34, S/RES/2149 (2014) OP 31,
# S/RES/2502 (2019) OP 50, and the simple case of S/RES/2709 (2023) OP 36.
LEAD_INS = [
    (
        "Decides that UNMISS shall have the following mandate, authorizes UNMISS to use all necessary means to "
        "implement its mandate, requests the Secretary-General to inform the Security Council of any obstacles to "
        "the implementation of the mandate, and stresses that the protection of civilians shall be given priority "
        "in decisions about the use of available capacity and resources;",
        "Decides",
    ),
    (
        "Decides that the mandate of MONUSCO shall include the following tasks in priority order in paragraphs 34 "
        "through 43, further stresses that all MONUSCO's tasks should be implemented in a manner consistent with "
        "respect for human rights and fundamental freedoms, and stresses that the protection of civilians shall be "
        "given priority in decisions about the use of available capacity and resources:",
        "Decides",
    ),
    (
        "Further decides that the mandate of MINUSCA shall include the following additional tasks as conditions "
        "permit and requests the Secretariat to begin planning for these tasks:",
        "Further decides",
    ),
    (
        "Recalls the commitments made by the Government of the DRC, encourages the government to swiftly address "
        "the following key issues in order to make the support of MONUSCO more efficient:",
        "encourages",
    ),
    ("Decides that the mandate of MINUSCA shall include the following priority tasks:", "Decides"),
    ("Welcomes the progress made and requests the Mission to:", "requests"),
]


@pytest.mark.parametrize(("lead_in", "governing"), LEAD_INS)
def test_items_of_a_list_are_governed_by_the_clause_that_announces_it(lead_in: str, governing: str) -> None:
    doc = read_string(
        f"The Security Council,\n\n1. {lead_in}\n\n(a) Protection of civilians:\n\n"
        "(i) To protect civilians under threat of physical violence, within its capabilities and areas of "
        "deployment;\n\n(b) To support the implementation of the peace agreement;\n"
    )
    for ref in ("OP 1(a)", "OP 1(a)(i)", "OP 1(b)"):
        item = doc.by_ref(ref)
        assert item is not None
        assert (item.verb, item.verb_inherited) == (governing, True), ref


def test_poc_task_under_a_coordinated_lead_in_is_a_decided_task(tmp_path: Path) -> None:
    """S/RES/2717 (2023) OP 34's shape: the PoC task of the list is decided, not 'only under stresses'."""
    path = tmp_path / "lead-in.txt"
    path.write_text(
        "The Security Council,\n\n1. Decides that the mandate of MONUSCO shall include the following priority "
        "tasks, further stresses that all tasks should be implemented in a manner consistent with respect for "
        "human rights, and stresses that the mission shall act impartially:\n\n(a) Protection of civilians:\n\n"
        "(i) To protect civilians under threat of physical violence, within its capabilities and areas of "
        "deployment;\n\n2. Decides to remain actively seized of the matter.\n",
        encoding="utf-8",
    )
    finding = next(f for f in check(path).findings if f.rule == "poc-priority")
    assert finding.verdict.value == "met", finding.reasons


@pytest.mark.parametrize(
    ("text", "verb_class"),
    [
        ("İnvites the Mission to protect civilians;", VerbClass.encourages),  # dotted capital I (Turkish)
        ("DECİDES that the mandate shall include the following tasks:", VerbClass.decides),
        ("ınvites all parties to engage;", VerbClass.encourages),  # dotless i
        ("Requeſts the Secretary-General to report;", VerbClass.requests),  # long s
        ("Ac\u212anowledges the efforts of the Government;", VerbClass.notes),  # Kelvin sign
    ],
)
def test_a_verb_with_a_letter_that_only_matches_ignoring_case(text: str, verb_class: VerbClass) -> None:
    # The verb pattern matches these letters as ASCII ones; the verb's class is then found, not a KeyError.
    use = governing_verb(text)
    assert use is not None and use.verb_class is verb_class


@pytest.mark.parametrize(
    ("text", "verb_class"),
    [
        # S/RES/2659 (2022) OP 23: the Prosecutor's decision, which the Council recalls.
        (
            "Recalls the decision made by the Prosecutor of the ICC on 24 September 2014 to open an investigation;",
            "notes",
        ),
        ("Recalls the decision of the Government to establish a special court;", "notes"),
        # The Council's own decision, restated, keeps its force.
        ("Recalls the decision taken by the Security Council in its resolution 2566 to increase;", "decides"),
        ("Recalls its decision that the measures shall apply;", "decides"),
    ],
)
def test_a_restated_noun_carries_force_only_when_it_is_the_councils(text: str, verb_class: str) -> None:
    use = governing_verb(text)
    assert use is not None and use.verb_class == VerbClass(verb_class)


def test_a_restated_call_later_in_a_paragraph_keeps_its_force() -> None:
    # S/RES/2731 (2024) OP 3: "..., and further reiterates its call on the RTGNU to establish the Hybrid Court".
    document = read_string(
        "3. Expresses concern at the slow progress, and further reiterates its call on the Government to "
        "establish the Hybrid Court;\n"
    )
    later = [use for use in document.operative[0].verbs if use.verb == "reiterates"]
    assert [use.verb_class for use in later] == [VerbClass.calls]


def test_continues_to_request_later_in_a_paragraph_asks() -> None:
    # S/RES/2646 (2022) OP 12: "..., reaffirms the importance of ..., continues to request the Secretary-General
    # to report ..."; "and continues to deteriorate" is no verb of the Council.
    document = read_string(
        "12. Urges the sides to respect the buffer zone, reaffirms the importance of the aide-memoire, continues "
        "to request the Secretary-General to report any actions that impede the Mission;\n\n"
        "13. Expresses concern that the situation remains fragile, and continues to deteriorate;\n"
    )
    first, second = document.operative
    assert [(u.verb, u.verb_class) for u in first.verbs[1:]] == [
        ("reaffirms", VerbClass.notes),
        ("continues", VerbClass.requests),
    ]
    assert [u.verb for u in second.verbs] == ["Expresses"]


@pytest.mark.parametrize(
    ("text", "verb_class"),
    [
        # S/RES/2245 (2015) OP 3: an obligation stated in the Council's binding "shall" is read as a demand.
        (
            "Emphasizes that any support provided to the national army shall be in full compliance with the HRDDP;",
            "requests",
        ),
        (
            "Stresses that the protection of civilians shall be given priority in decisions about resources;",
            "requests",
        ),
        # Without "shall", or with "shall not", it stays a statement.
        ("Emphasizes that any support provided to the national army should comply with the HRDDP;", "notes"),
        ("Stresses that the measures shall not apply to humanitarian assistance;", "notes"),
        # S/RES/2056 (2012) OP 13: that wrongdoers shall answer for their acts is a principle, as with "must":
        # it names who answers, not who acts.
        ("Stresses that the perpetrators shall be brought to justice;", "notes"),
        ("Underlines that those responsible for such attacks shall be held accountable;", "notes"),
    ],
)
def test_an_obligation_stated_with_shall_is_a_demand(text: str, verb_class: str) -> None:
    use = governing_verb(text)
    assert use is not None and use.verb_class == VerbClass(verb_class)


@pytest.mark.parametrize(
    ("text", "verb_class"),
    [
        # S/RES/2719 (2023) OP 7: the Council settles how the support will be delivered, a decision.
        (
            "Determines that the support provided to the regional operations will be delivered in accordance"
            " with the Human Rights Due Diligence Policy;",
            "decides",
        ),
        ("Determines that the Coordinator shall have the necessary personnel and equipment;", "decides"),
        # A determination of fact stays a statement; so does a 'will not'.
        ("Determines that the situation in the region continues to constitute a threat to peace;", "notes"),
        ("Determines that the measures will not apply to humanitarian assistance;", "notes"),
    ],
)
def test_a_determination_of_what_shall_be_done_is_a_decision(text: str, verb_class: str) -> None:
    use = governing_verb(text)
    assert use is not None and use.verb_class == VerbClass(verb_class)


@pytest.mark.parametrize(
    ("text", "verb_class"),
    [
        # S/RES/1366 (2001) OP 16: the Council decides only to consider something itself later, a statement.
        (
            "Decides to consider inclusion as appropriate, of a disarmament, demobilization and reintegration"
            " component in the mandates of United Nations peacekeeping operations;",
            "notes",
        ),
        ("Decides to keep these matters under review;", "notes"),
        ("Decides to review the measures described in paragraph 2 in twelve months;", "notes"),
        # What the Council decides for someone else stays a decision, whatever it later considers.
        ("Decides that the Mission shall consider the situation of children in all its tasks;", "decides"),
        ("Decides to extend the mandate of the Mission until 31 March 2025;", "decides"),
    ],
)
def test_a_decision_to_consider_later_is_a_statement(text: str, verb_class: str) -> None:
    use = governing_verb(text)
    assert use is not None and use.verb_class == VerbClass(verb_class)


@pytest.mark.parametrize(
    ("text", "later"),
    [
        # S/RES/2467 (2019) OP 15: a clause with its own statement verb takes that verb's force, not the call
        # the paragraph opens with.
        (
            "15. Urges Member States to strengthen access to justice for victims, acknowledges the inclusion of"
            " these crimes in the Rome Statute, and reiterates its intention to fight impunity;\n",
            [("acknowledges", VerbClass.notes), ("reiterates", VerbClass.notes)],
        ),
        (
            "2. Requests the Secretary-General to provide assistance in this field and recognizes the important"
            " supporting role of civil society;\n",
            [("recognizes", VerbClass.notes)],
        ),
        # "calls for", as "calls upon": a call of its own after a statement (S/RES/2140 (2014) OP 7).
        (
            "7. Expresses its concern that children continue to be recruited by armed groups, and calls for"
            " continued national efforts to end and prevent the recruitment and use of children;\n",
            [("calls for", VerbClass.calls)],
        ),
        # An aside between the verb and its object: the clause is still the verb's.
        (
            "8. Calls upon all States to adopt appropriate measures, and notes, in this context, that inquiries"
            " may be useful;\n",
            [("notes", VerbClass.notes)],
        ),
        # What the Council states to be authorized, it decides (S/RES/1863 (2009) OP 2).
        (
            "2. Decides to renew the authorization of the mission; and underlines, in particular, that the"
            " mission is authorized to take all necessary measures to provide security for key infrastructure;\n",
            [("underlines", VerbClass.decides)],
        ),
    ],
)
def test_a_clause_with_its_own_verb_takes_that_verbs_force(
    text: str, later: list[tuple[str, VerbClass]]
) -> None:
    (paragraph,) = read_string(text).operative
    assert [(u.verb, u.verb_class) for u in paragraph.verbs[1:]] == later
