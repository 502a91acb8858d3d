"""Which paragraph a met finding cites (issue 21): the one a careful coder cites among those that meet it.
The order among candidates never changes a verdict; each test shows the cited reference changes with the
principle and not without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mandatekit import check
from mandatekit.judge import Finding
from tests.judge.one_rule import finding

# --- the thing asked, not a report about it ---------------------------------------------------------------


def test_a_request_to_report_on_the_safety_of_personnel_gives_way_to_a_request_to_ensure_it() -> None:
    f = finding(
        "12. Continues to request the Secretary-General to report to the Security Council any actions that "
        "impede the safety, security and freedom of movement of United Nations personnel;\n\n"
        "13. Stresses that restrictions on freedom of movement present serious risks to the mission, and "
        "requests the Secretary-General, Member States and all parties to strengthen their efforts to take all "
        "appropriate measures to ensure the safety, security and freedom of movement of United Nations "
        "personnel;",
        "un-personnel-safety",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 13"]


def test_a_report_is_cited_where_it_is_all_the_draft_asks() -> None:
    f = finding(
        "12. Requests the Secretary-General to report to the Security Council any actions that impede the "
        "safety, security and freedom of movement of United Nations personnel;",
        "un-personnel-safety",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 12"]


def test_an_item_that_reports_under_a_request_gives_way_to_the_demand_itself() -> None:
    f = finding(
        "13. Urges States to conduct full and effective investigations and to prosecute those responsible for "
        "crimes against humanitarian personnel;\n\n"
        "16. Requests the Secretary-General to:\n\n"
        "(c) Continue to provide, as part of his regular reporting, information on actions taken to hold "
        "accountable those who commit such crimes;",
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 13"]


def test_what_the_reports_are_to_address_gives_way_to_the_duty_itself() -> None:
    # 'to address in all his situation reports ... actions taken to hold accountable those who commit such
    # acts' asks a report; the States' duty that the crimes do not remain unpunished is the thing asked.
    f = finding(
        "2. Urges States to ensure that crimes against humanitarian personnel do not remain unpunished;\n\n"
        "6. Requests the Secretary-General to address in all his country-specific situation reports the safety "
        "of humanitarian personnel, including actions taken to identify and hold accountable those who commit "
        "such crimes;",
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 2"]


def test_a_review_to_submit_is_a_report_and_the_mission_s_own_task_is_cited() -> None:
    f = finding(
        "3. Requests the Secretary-General to submit a strategic review of the Mission, in order to facilitate "
        "an effective political process;\n\n"
        "9. Calls upon all parties to refrain from violence, and requests the Mission to facilitate dialogue "
        "and reconciliation through its mediation and good offices;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 9"]


def test_where_the_report_is_what_the_rule_asks_the_reporting_request_is_cited_first() -> None:
    # Reporting on violations of the status-of-forces agreement is the recommendation itself.
    f = finding(
        "4. Requests the Secretary-General to report on violations of the Status of Forces Agreement;\n\n"
        "5. Demands that the authorities end all violations of the Status of Forces Agreement;",
        "sofa-reporting",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 4"]


# --- each element in words of its own ---------------------------------------------------------------------


GOOD_OFFICES = (
    "29. Decides that the mandate of the Mission shall include the following tasks:\n\n"
    "(a) Provide good offices, advice and support to the Government to promote human rights and to fight "
    "impunity;\n\n"
    "(b) Provide good offices and technical support with a view to furthering intercommunal reconciliation;"
)


def test_the_task_naming_the_process_beside_the_role_is_cited_before_good_offices_alone() -> None:
    # 'Good offices' is the role and the process at once; (b) names the process in words of its own.
    f = finding(GOOD_OFFICES, "peace-process")
    assert f.verdict == "met"
    assert f.refs == ["OP 29(b)"]
    assert {e.text for e in f.evidence} == {"support", "intercommunal reconciliation"}


def test_a_process_phrase_holding_a_role_word_stays_cited_where_the_role_has_words_of_its_own() -> None:
    # 'mediation and reconciliation processes at ... local levels' holds 'mediation', a role word, but the role
    # is 'assist': each element has words of its own, and (b) is about the process from its opening (2149 OP
    # 30(b)(iv), the coders'), not only through 'national dialogue' deep inside it.
    f = finding(
        "30. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) To help build the capacities of the national judicial system and to assist with national "
        "reconciliation efforts;\n\n"
        "(b) To assist the authorities in mediation and reconciliation processes at both the national and local "
        "levels, working with relevant regional and local bodies and religious leaders, including through "
        "inclusive national dialogue;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 30(b)"]


def test_good_offices_alone_still_meet_and_are_cited() -> None:
    f = finding(
        "29. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) Provide good offices to the Government;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 29(a)"]


# --- the task under a title, the core of the recommendation -----------------------------------------------


def test_a_title_announcing_its_tasks_with_a_colon_gives_way_to_the_task() -> None:
    f = finding(
        "3. Decides that the mandate of the Mission shall be as follows:\n\n"
        "(c) Supporting the implementation of the Agreement and the peace process:\n\n"
        "(i) To use good offices to support the peace process;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 3(c)(i)"]


def test_a_task_that_lists_its_own_items_after_a_colon_is_no_title() -> None:
    # '(c) To support the peace process, including by:' is a task: its words are cited with the item's.
    f = finding(
        "3. Decides that the mandate of the Mission shall be as follows:\n\n"
        "(c) To support the peace process, including by:\n\n"
        "(i) technical assistance to the parties;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert "OP 3(c)" in f.refs


def test_accountability_for_atrocity_crimes_is_cited_before_fighting_impunity_in_another_task() -> None:
    f = finding(
        "29. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(f) Work with the authorities to strengthen the judicial system in order to investigate and prosecute "
        "all those allegedly responsible for genocide, war crimes and crimes against humanity;\n\n"
        "(g) Provide advice to the Government to promote human rights and to fight impunity;",
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 29(f)"]


def test_fighting_impunity_alone_still_meets_accountability() -> None:
    f = finding(
        "29. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(g) Provide advice to the Government to promote human rights and to fight impunity;",
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 29(g)"]


def test_security_sector_reform_named_as_such_is_cited_before_the_reform_of_one_force() -> None:
    f = finding(
        "35. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) Provide advice to the Government on the reform of the police;\n\n"
        "(b) Provide good offices, advice and support to the Government to accelerate national ownership of "
        "security sector reform;",
        "ssr-support",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 35(b)"]


def test_what_is_missing_is_said_of_the_ways_that_meet_the_rule_not_of_a_way_cited_first() -> None:
    # The way cited first adds 'security sector reform named as such' to cite; it is never missing.
    f = finding(
        "4. Requests the Mission to provide advice and support to the Government in training the national police;",
        "ssr-support",
    )
    assert f.verdict == "partial"
    assert "not security sector reform or the national security strategy." in f.reasons[0]
    assert "named as such" not in f.reasons[0]


TYPED_HEADINGS = (
    "34. Decides that the mandate of the Mission shall include the following tasks:\n\n"
    "(i) Protection of civilians\n\n"
    "(a) Ensure effective protection of civilians under threat of physical violence;\n\n"
    "(ii) Disarmament, demobilisation and reintegration\n\n"
    "(b) Provide support to the disarmament, demobilisation and reintegration of combatants;"
)


def test_a_typed_heading_between_lettered_tasks_gives_way_to_the_task_it_files() -> None:
    # The reader files '(b)' under the heading '(ii)' by its label (OP 34(ii)(b)), not as its child.
    f = finding(TYPED_HEADINGS, "ddrr")
    assert f.verdict == "met"
    assert f.refs == ["OP 34(ii)(b)"]


def test_a_task_naming_the_theme_only_deep_inside_it_gives_way_to_the_next_that_opens_with_it() -> None:
    # The tasks under a title in the order it lists them, but '(a)' names DDR only after 300 characters on
    # other processes: a detail of that task, while '(b)' is about it (2717 OP 34(ii)(i), the coders' choice).
    f = finding(
        "34. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(ii) Disarmament, demobilisation and reintegration\n\n"
        "(a) Provide good offices, advice and assistance to the Government, in close cooperation with "
        "international and local partners, for the revitalisation and the implementation of the regional peace "
        "process, the implementation of the agreement signed in the capital, and for the implementation of the "
        "national community programme in accordance with the order of 5 July and for the DDR of combatants;\n\n"
        "(b) Provide support to the disarmament, demobilisation and reintegration of combatants;",
        "ddrr",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 34(ii)(b)"]


def test_the_first_task_under_a_title_stays_cited_where_both_name_the_theme_near_their_opening() -> None:
    f = finding(
        "34. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(ii) Disarmament, demobilisation and reintegration\n\n"
        "(a) Provide technical assistance and capacity building to the authorities, in partnership with other "
        "partners, for the DDR of combatants;\n\n"
        "(b) Provide support to the disarmament, demobilisation and reintegration of combatants;",
        "ddrr",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 34(ii)(a)"]


def test_a_heading_is_cited_where_no_task_under_it_says_it() -> None:
    f = finding(
        "34. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(ii) Disarmament, demobilisation and reintegration\n\n"
        "(b) Provide technical advice to the authorities on the management of weapons stockpiles;",
        "ddrr",
    )
    assert "OP 34(ii)" in f.refs


# --- what a report is to cover, the court that tries the crimes, the recommendation said whole ------------


def test_an_item_of_what_a_report_covers_gives_way_to_a_task() -> None:
    # '(viii) developments regarding ...' is what the report covers, not support the mission is asked to give.
    f = finding(
        "27. Requests the Mission to assist the parties in the peace process;\n\n"
        "56. Requests the Secretary-General to report to the Council every 90 days on the Mission, including:\n\n"
        "(viii) developments regarding the Mission's support for local conflict resolution mechanisms;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 27"]


def test_an_item_of_a_task_list_is_no_report_though_the_lead_in_says_include() -> None:
    # 'to include the following tasks' names no report: the item is a task, cited before the later request.
    f = finding(
        "3. Decides to include the following tasks in the mandate of the Mission:\n\n"
        "(a) To support local conflict resolution mechanisms;\n\n"
        "9. Requests the Mission to support the peace process;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 3(a)"]


def test_a_court_s_name_says_the_justice_and_the_crimes_it_tries_in_its_own_words() -> None:
    # The Special Criminal Court is accountability and the crimes it tries at once: no element stands in
    # for another, and its task is cited first (the first of the tasks that name both).
    f = finding(
        "37. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) To facilitate the functioning of the Special Criminal Court;\n\n"
        "(b) To support the authorities in bringing to justice those responsible for crimes, in cooperation "
        "with the International Criminal Court;",
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 37(a)"]


CHILD_TASKS = (
    "29. Decides that the mandate of the Mission shall include the following tasks:\n\n"
    "(k) Continue to collaborate with the Government to consolidate the gains of the action plan to prevent "
    "and end the recruitment and use of children;\n\n"
    "31. Requests the Mission to take fully into account child protection as a cross-cutting issue throughout "
    "its mandate in order to end and prevent violations and abuses against children;"
)


def test_child_protection_throughout_the_mandate_is_cited_before_one_action_plan() -> None:
    f = finding(CHILD_TASKS, "children")
    assert f.verdict == "met"
    assert f.refs == ["OP 31"]


def test_violations_against_children_monitored_and_reported_are_cited_before_a_demand() -> None:
    f = finding(
        "15. Demands that all armed groups end the recruitment and use of children;\n\n"
        "30. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(e) To monitor, help investigate and report on violations and abuses committed against children;",
        "children",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 30(e)"]


def test_child_protection_throughout_the_mandate_is_never_needed_to_meet_the_rule() -> None:
    f = finding(CHILD_TASKS.split("\n\n31.")[0], "children")
    assert f.verdict == "met"
    assert f.refs == ["OP 29(k)"]


def test_monitoring_of_something_else_is_not_the_recommendation_said_whole() -> None:
    # The monitoring and reporting on the military use of schools monitors no violation against children.
    f = finding(
        "1. Demands that all parties end the recruitment and use of children;\n\n"
        "6. Condemns the military use of schools, thus endangering children, and in this regard:\n\n"
        "(c) Calls upon United Nations country-level task forces to enhance the monitoring and reporting on the "
        "military use of schools;",
        "children",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 1"]


# A mission's list of priority tasks with protection of civilians first (the two tests below).
_PRIORITY_TASKS = (
    "29. Decides that the mandate of the Mission shall include the following priority tasks:\n\n"
    "(i) Protection of civilians\n\n"
    "(a) Take all necessary measures to ensure effective protection of civilians under threat of physical "
    "violence;"
)


def test_the_protection_task_in_the_priority_tasks_is_cited_before_a_strategic_priority_pointing_to_it() -> (
    None
):
    # The codebook's test is PoC "listed among the mission's priority tasks": a strategic priority that only
    # points back to that task ("as described in paragraph 29 (i)") is not what a coder cites. A blind coder
    # chose the task in all 5 such cases of round 5's corpus sample; the gold coders split (4 and 3).
    f = finding(
        "24. Decides that the strategic priorities of the Mission are to contribute to the following "
        "objectives:\n\n"
        "(a) Protection of civilians, as described in paragraph 29 (i) of this resolution;\n\n"
        + _PRIORITY_TASKS,
        "poc-priority",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 29", "OP 29(i)(a)"]


def test_a_list_of_priority_tasks_still_meets_poc_priority() -> None:
    f = finding(
        _PRIORITY_TASKS,
        "poc-priority",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 29", "OP 29(i)(a)"]


def test_tasks_listed_for_recommendations_on_a_future_mandate_give_way_to_what_is_asked_now() -> None:
    # The Secretary-General's recommendations on a mandate yet to be decided are a report about those tasks.
    f = finding(
        "6. Further requests the Secretary-General in this report to develop recommendations on the mandate "
        "of a United Nations peacekeeping operation, taking into account the following tasks:\n\n"
        "(d) To ensure the security and freedom of movement of United Nations personnel;\n\n"
        "15. Calls upon all parties to guarantee the safety, security and freedom of movement of United "
        "Nations personnel;",
        "un-personnel-safety",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 15"]


# --- a partial finding cites the place that holds the most of what meeting the rule asks ------------------


def test_a_partial_finding_cites_the_task_that_lacks_least_not_the_first_mention() -> None:
    # The words of the partial set (monitoring of violations) stand first in a task on returns; the monitoring
    # task itself also reports publicly and lacks only the actors covered: the paragraph a fix amends.
    f = finding(
        "3. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) To foster a secure environment for the return of displaced persons, including through monitoring "
        "of and promoting respect for human rights;\n\n"
        "(d) To monitor, investigate, verify and report publicly and regularly on abuses and violations of "
        "human rights;",
        "hr-monitoring",
    )
    assert f.verdict == "partial"
    assert f.refs == ["OP 3(d)"]


def test_among_places_equally_full_the_first_is_cited() -> None:
    # Near miss the other way: neither task reports publicly, so the first stays cited.
    f = finding(
        "3. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) To foster a secure environment for the return of displaced persons, including through monitoring "
        "of and promoting respect for human rights;\n\n"
        "(d) To monitor, investigate and report on abuses and violations of human rights;",
        "hr-monitoring",
    )
    assert f.verdict == "partial"
    assert f.refs == ["OP 3(a)"]


def test_public_words_in_another_clause_do_not_make_a_place_fuller() -> None:
    # The public words stand in a clause of their own ("stresses ... public"): not part of the monitoring task.
    f = finding(
        "3. Requests the Mission to monitor human rights violations in the camps;\n\n"
        "4. Requests the Mission to report on human rights violations, and stresses the importance of "
        "public information campaigns;",
        "hr-monitoring",
    )
    assert f.verdict == "partial"
    assert f.refs == ["OP 3"]


# --- a word of a name, the item's own words, the UN's own task (issue 21, round 9) ---------------------------

_GOLD = Path(__file__).parent


def _real(folder: str, name: str, rule: str) -> Finding:
    report = check(_GOLD / folder / f"{name}.txt", only=[rule])
    return report.findings[0]


def test_a_word_of_a_body_s_name_gives_way_to_the_task_said_in_its_own_words() -> None:
    # 'Promotion' in the name of a commission is no role the mission plays.
    f = finding(
        "4. Decides that the Mission shall work closely with the Commission for Follow-up, Promotion and "
        "Verification of the Implementation of the Final Agreement;\n\n"
        "5. Decides that the Mission shall verify implementation by the Government and the former guerrilla of "
        "sections 3.2 and 3.4 of the Final Agreement;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 5"]


def test_a_capitalised_word_opening_a_task_is_no_name() -> None:
    # Near miss: '(a) Support ...' opens its item; it is the task, cited before a later one as before.
    f = finding(
        "2. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) Support National Reconciliation efforts of the Government;\n\n"
        "7. Decides that the Mission shall support national reconciliation;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 2(a)"]


def test_the_item_is_cited_in_its_own_words_rather_than_the_lead_in_announcing_it() -> None:
    f = finding(
        "2. Requests the Office, including through the good offices and political support of the Special "
        "Representative, to focus on the following priorities:\n\n"
        "(a) Support an inclusive political dialogue and national reconciliation process;\n\n"
        "(b) Support the Government in strengthening democratic institutions;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 2(a)"]


def test_whom_a_lead_in_s_tasks_serve_gives_way_to_the_item_that_says_the_task() -> None:
    # 'in support of the people' says whom every priority serves: no role in the peace process of its own.
    f = finding(
        "5. Decides that the Mission will carry out its mandate in support of the people, with a particular "
        "focus on the priorities laid out below:\n\n"
        "(b) coordinate donors in relation to basic needs and facilitate development policy dialogue between "
        "all relevant stakeholders and the region;\n\n"
        "(c) provide good offices, including to facilitate dialogue between all relevant political actors and "
        "stakeholders;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 5(c)"]


def test_the_lead_in_stays_cited_for_what_only_it_says() -> None:
    # Near miss: the item says the role but not the process; the good offices are the lead-in's words.
    f = finding(
        "2. Requests the Office, through the good offices of the Special Representative, to focus on the "
        "following priorities:\n\n"
        "(a) Support the Government in strengthening democratic institutions;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 2"]


def test_a_lead_in_that_is_itself_the_task_stays_cited_before_an_item_detailing_it() -> None:
    # Near miss: 'shall be to support implementation of the Peace Agreement' is the lead-in's own ask, not the
    # means of its tasks; an item that names the agreement's parties is a detail of it.
    f = finding(
        "8. Decides that the mandate of the Mission shall be to support implementation of the Peace Agreement, "
        "including by performing the following tasks:\n\n"
        "(j) To assist the parties to the Peace Agreement in restructuring the police service;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 8"]


def test_the_un_s_own_task_is_cited_before_a_decision_binding_the_authorities() -> None:
    f = finding(
        "8. Decides that the transitional authorities shall develop a roadmap within the framework of an "
        "inclusive national dialogue, with the support of regional partners;\n\n"
        "12. Requests the Secretary-General to provide support to ongoing mediation efforts;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 12"]


def test_the_mission_protecting_personnel_is_cited_before_a_demand_that_the_parties_cease_attacks() -> None:
    f = finding(
        "34. Demands that all parties to the conflict immediately cease all attacks on civilians, "
        "peacekeepers and humanitarian personnel;\n\n"
        "48. Requests the Mission to take all necessary measures to protect United Nations personnel;",
        "un-personnel-safety",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 48"]


def test_where_nothing_meets_the_rule_whom_the_verb_binds_does_not_weigh() -> None:
    # Near miss: both calls fall short of a task; the one that asks the thing itself is cited, as before, not
    # the one whose addressee names no State.
    f = finding(
        "11. Calls for Member States to support disarmament, demobilization and reintegration of "
        "ex-combatants by United Nations peacekeeping operations where so mandated;\n\n"
        "12. Calls upon all those involved in the planning for disarmament, demobilization and reintegration "
        "to take into account the particular needs of women and children;",
        "ddrr",
    )
    assert f.verdict == "partial"
    assert f.refs == ["OP 11"]


def test_states_authorized_to_carry_out_a_mission_s_tasks_are_given_the_mandate_not_asked_a_duty() -> None:
    # An authorization confers the mandate on those it names (an African Union mission's troop contributors):
    # their task is cited before the parties' duty, as the UN's own task would be.
    f = finding(
        "3. Demands that all parties ensure the safety and security of United Nations personnel;\n\n"
        "9. Authorizes the Member States of the African Union to maintain the deployment of the Mission and to "
        "take all necessary measures to protect United Nations personnel;",
        "un-personnel-safety",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 9"]


def test_a_rule_met_by_a_call_on_the_parties_cites_the_strongest_ask_whoever_it_binds() -> None:
    # Near miss: access is the parties' duty; the rule is met by 'calls' language, so whom the verb binds does
    # not weigh and the demand is cited before the request, as before.
    f = finding(
        "3. Demands that all parties allow full, safe and unhindered humanitarian access;\n\n"
        "9. Requests the Mission to facilitate humanitarian access;",
        "humanitarian-access",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 3"]


_ACCESS_WHOLE = (
    "3. Demands that all parties comply with their obligations related to the respect and protection of "
    "humanitarian personnel;\n\n"
    "9. Urges all parties to allow and facilitate full, safe, rapid and unhindered humanitarian access to all "
    "civilians in need, and to promote the safety and freedom of movement of humanitarian personnel;"
)


def test_access_and_the_workers_safety_said_whole_are_cited_before_a_demand_to_protect_the_workers() -> None:
    # 2730: the coders cite OP 9, which asks the access and the workers' safety, not OP 3's stronger demand that
    # names only the workers' protection.
    f = finding(_ACCESS_WHOLE, "humanitarian-access")
    assert f.verdict == "met"
    assert f.refs == ["OP 9"]


def test_the_un_s_own_task_is_cited_before_a_demand_on_the_parties_said_whole() -> None:
    # Near miss: the Secretary-General asked to facilitate the delivery of assistance is the UN's own task, cited
    # by the force of its verb as before (2216 OP 12), not after the parties urged to do it all.
    f = finding(
        _ACCESS_WHOLE.split("\n\n")[1] + "\n\n12. Requests the Secretary-General to intensify his efforts in "
        "order to facilitate the delivery of humanitarian assistance;",
        "humanitarian-access",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 12"]


def test_relief_the_personnel_are_engaged_in_is_no_access() -> None:
    # 'personnel engaged in humanitarian relief activities' names the workers: OP 13 says nothing whole, and
    # the stronger demand is cited as before.
    f = finding(
        "3. Demands that all parties allow humanitarian personnel to reach civilians in need;\n\n"
        "13. Urges all parties to allow and ensure the safety of personnel engaged in humanitarian relief "
        "activities;",
        "humanitarian-access",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 3"]


@pytest.mark.parametrize(
    ("folder", "name", "rule", "cited"),
    [
        ("real8", "S_RES_2366(2017)", "peace-process", ["OP 2"]),  # not 'Promotion' in OP 4's commission
        ("real9", "S_RES_2203(2015)", "peace-process", ["OP 2(a)"]),  # not the lead-in OP 2
        ("real6", "S_RES_2626(2022)", "peace-process", ["OP 5(c)"]),  # not 5(b)'s development policy dialogue
        ("real6", "S_RES_2056(2012)", "peace-process", ["OP 12"]),  # not OP 8, binding the authorities
        ("real", "S_RES_2429(2018)", "un-personnel-safety", ["OP 48"]),  # not OP 34's demand on the parties
        ("real", "S_RES_2717(2023)", "ddrr", ["OP 34(ii)(i)"]),  # not (h), 'DDR' 350 characters in
        ("real5", "S_RES_2730(2024)", "humanitarian-access", ["OP 9"]),  # not OP 3, workers alone
        ("real", "S_RES_2149(2014)", "peace-process", ["OP 30(b)(iv)"]),  # not (f)(ii), in passing
        ("real8", "S_RES_2489(2019)", "accountability", ["OP 5(e)"]),  # not 5(f), a call on the Government
        ("real2", "S_RES_1990(2011)", "un-personnel-safety", ["OP 3(c)"]),  # security and freedom of movement
        ("real12", "S_RES_2481(2019)", "peace-process", ["OP 2(a)"]),  # not OP 2's purpose for all tasks
        ("real6", "S_RES_2736(2024)", "peace-process", ["OP 7"]),  # talks with the UN envoy's support
        ("real9", "S_RES_2203(2015)", "ssr-support", ["OP 2(b)"]),  # not (c), the donors' assistance
    ],
)
def test_the_coders_paragraph_is_cited_on_the_real_mandates(
    folder: str, name: str, rule: str, cited: list[str]
) -> None:
    f = _real(folder, name, rule)
    assert f.verdict == "met"
    assert f.refs == cited


# --- a report asked in a that-clause, the UN asked only to press others (issue 21, round 10) -----------------


def test_a_report_asked_in_a_that_clause_gives_way_to_the_task() -> None:
    f = finding(
        "15. Further requests that the Secretary-General includes updates on the Mission's support to the "
        "implementation of the ceasefire agreement in his regular reporting;\n\n"
        "16. Takes note of the proposals of the Secretary-General on the monitoring arrangements and, with the "
        "aim of implementing the agreement in full, requests that the Mission should provide support to the "
        "Joint Military Commission and the ceasefire monitoring mechanism;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 16"]


def test_a_that_clause_that_includes_tasks_is_no_report() -> None:
    # Near miss: 'shall include' names no report between the action and the words: the task stays cited first.
    f = finding(
        "15. Decides that UNSMIL shall include among its tasks support to the implementation of the ceasefire "
        "agreement;\n\n"
        "16. Requests the Mission to support the political process;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 15"]


_FOCAL_POINT = (
    "9. Requests that each United Nations peacekeeping mission designate, within the existing capacities and "
    "resources of the mission, a focal point for all issues related to "
    "the prevention and investigation of the killing of, and all acts of violence against United Nations "
    "personnel serving in peacekeeping operations;"
)


def test_the_un_asked_to_encourage_member_states_gives_way_to_the_mission_s_own_task() -> None:
    f = finding(
        "4. Requests the Secretary-General to continue to encourage efforts by Member States hosting "
        "peacekeeping operations to ensure accountability for the killing of, and all acts of violence against "
        "United Nations personnel;\n\n" + _FOCAL_POINT,
        "un-personnel-safety",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 9"]


def test_the_un_s_own_efforts_for_accountability_are_its_task() -> None:
    # Near miss: the Secretary-General's own efforts press no one: the first request stays cited.
    f = finding(
        "4. Requests the Secretary-General to continue his efforts to ensure accountability for the killing of, "
        "and all acts of violence against United Nations personnel;\n\n" + _FOCAL_POINT,
        "un-personnel-safety",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 4"]


_RELAYED = (
    "5. Decides that the Mission shall:\n\n"
    "(e) continue to cooperate with the Government in the protection and promotion of human rights, to monitor "
    "places of detention, to promote accountability, and advise stakeholders on judicial and non-judicial "
    "processes to address the legacy of large-scale human rights violations;\n\n"
)


def test_a_call_the_mission_is_to_make_on_the_government_gives_way_to_the_mission_s_own_task() -> None:
    # 2489 OP 5(f): the Government's duty, called for by the mission, is asked with a call's force; the coders
    # cite the mission's own task in 5(e), though its words stand deeper.
    f = finding(
        _RELAYED + "(f) support gender equality, call on the Government to ensure that perpetrators of such "
        "violence are held accountable;",
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 5(e)"]


def test_the_mission_s_own_task_to_hold_perpetrators_accountable_stays_cited() -> None:
    # Near miss: the mission itself asked to help hold them accountable, no one called on.
    f = finding(
        _RELAYED + "(f) support gender equality, and help ensure that perpetrators of such violence are held "
        "accountable;",
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 5(f)"]


_SAFETY_WHOLE = (
    "3. Authorizes the Mission to take the necessary actions to:\n\n"
    "(a) protect the Mission's personnel, facilities, installations, and equipment,\n\n"
    "(b) ensure the security and freedom of movement of United Nations personnel,"
)


def test_the_security_and_freedom_of_movement_of_personnel_said_whole_are_cited_first() -> None:
    # 1990 OP 3(c), the coders': the recommendation's safety, security and freedom of movement, said whole.
    f = finding(_SAFETY_WHOLE, "un-personnel-safety")
    assert f.verdict == "met"
    assert f.refs == ["OP 3(b)"]


def test_tasks_listed_for_recommendations_said_whole_give_way_to_the_duty_asked_now() -> None:
    # Near miss: the same words in tasks a report's recommendations are to take into account (1863 OP 6(d)) are
    # a report about them; the parties' duty asked now is cited (OP 15, the coders').
    f = finding(
        "6. Requests the Secretary-General to develop recommendations on the mandate of such an operation taking "
        "into account the following tasks:\n\n"
        "(d) To ensure the security and freedom of movement of United Nations personnel;\n\n"
        "15. Calls upon all parties to guarantee the safety and security of United Nations personnel;",
        "un-personnel-safety",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 15"]


_PRIORITIES = (
    "4. Requests the Office to focus, in particular, on the following priorities:\n\n"
    "(a) Supporting the Government and facilitating an inclusive political dialogue;"
)


def test_the_kind_of_mission_it_is_gives_way_to_the_task() -> None:
    # 'a good offices special political mission' says what the mission is, as a name would: no task asked.
    f = finding(
        "3. Decides that the Office should continue to operate as a streamlined good offices special political "
        "mission;\n\n" + _PRIORITIES,
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 4(a)"]


def test_good_offices_decided_as_a_task_stay_cited_first() -> None:
    # Near miss: the good offices are what the Office is to provide, under the stronger verb.
    f = finding(
        "3. Decides that the Office should continue to provide good offices;\n\n" + _PRIORITIES,
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 3"]


_NO_IMPUNITY = (
    "31. Urges Governments in the Region to develop and implement consistent policies for promoting defections "
    "and for reintegrating those who do defect, and to ensure that there is no impunity for those responsible "
    "for abuses and violations of international human rights law and violations of humanitarian law;"
)


def test_accountability_for_organized_crime_gives_way_to_accountability_for_violations() -> None:
    # Organized crime prosecuted is law enforcement against a criminal trade, not the accountability asked.
    f = finding(
        "7. Calls upon the countries of the Region to prevent, criminalize, investigate, prosecute and ensure "
        "accountability of those who engage in transnational organized crime;\n\n" + _NO_IMPUNITY,
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 31"]


def test_accountability_for_war_crimes_beside_organized_crime_stays_cited() -> None:
    # Near miss: the same clause asks those responsible for war crimes prosecuted: the first paragraph is cited.
    f = finding(
        "7. Calls upon the countries of the Region to prosecute those responsible for war crimes, and to ensure "
        "accountability of those who engage in transnational organized crime;\n\n" + _NO_IMPUNITY,
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 7"]


_ACCESS_TO_JUSTICE = (
    "15. Urges Member States to strengthen access to justice for victims of sexual violence in conflict and "
    "post-conflict situations, including through the prompt investigation and prosecution of perpetrators;"
)


def test_accountability_listed_in_commitments_to_be_made_gives_way_to_accountability_asked() -> None:
    # What the parties' commitments should include is a text yet to be written, though a demand: the call on
    # Member States to prosecute is the accountability asked.
    f = finding(
        "1. Reiterates its demand for the cessation of all acts of sexual violence and its call for these parties "
        "to make and implement specific time-bound commitments to combat sexual violence, which should include, "
        "inter alia, establishment of related enforcement procedures to ensure accountability for breaching "
        "these orders, and accountability for those responsible;\n\n" + _ACCESS_TO_JUSTICE,
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 15"]


def test_a_demand_for_justice_beside_the_commitments_stays_cited() -> None:
    # Near miss: a clause of its own, under its own verb, demands the perpetrators brought to justice.
    f = finding(
        "1. Calls upon all parties to make specific commitments to combat sexual violence, which should include "
        "codes of conduct prohibiting it, and demands that all parties bring to justice those responsible for "
        "sexual violence;\n\n" + _ACCESS_TO_JUSTICE,
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 1"]


def test_the_safety_of_peacekeeping_missions_is_no_kind_of_mission() -> None:
    # Near miss: words with a preposition in them ('safety of peacekeeping') say something of the missions.
    f = finding(
        "3. Requests the Secretary-General to ensure the safety of peacekeeping missions;\n\n"
        "9. Requests the Secretary-General to take all necessary measures to protect United Nations personnel;",
        "un-personnel-safety",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 3"]


def test_capitalised_words_of_a_force_s_name_give_way_to_the_words_said_as_what_they_mean() -> None:
    # 'Unified Forces' in 'the Necessary Unified Forces' names a force (here: those not integrated into it),
    # not the unification of the forces; the later task on security sector transformation says the idea.
    f = finding(
        "3. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) To support community violence reduction programmes for members of armed groups unwilling to be "
        "integrated into the Necessary Unified Forces;\n\n"
        "(b) To assist all parties in the peace process, including on security sector transformation;",
        "ssr-support",
    )
    assert f.verdict == "partial"
    assert f.refs == ["OP 3(b)"]


def test_the_same_words_said_as_what_they_mean_are_cited_where_they_stand_first() -> None:
    # Near miss: the unification of the forces in lower case is the idea, cited first as before.
    f = finding(
        "3. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) To support community violence reduction programmes and the graduation of the unified forces;\n\n"
        "(b) To assist all parties in the peace process, including on security sector transformation;",
        "ssr-support",
    )
    assert f.verdict == "partial"
    assert f.refs == ["OP 3(a)"]


def test_capitalised_words_after_an_owner_are_what_the_owner_does_not_a_name() -> None:
    # Near miss: 'Good Offices' after 'the Secretary-General's' is his good offices, said as what they mean.
    f = finding(
        "2. Commends the talks held under United Nations auspices;\n\n"
        "4. Calls on all concerned to negotiate within the framework of the Secretary-General's Good Offices;",
        "peace-process",
    )
    assert f.refs == ["OP 4"]


def test_the_council_s_own_support_or_responsibility_is_no_role_for_the_mission() -> None:
    # The Council reiterating its support, mindful of its own responsibility, or escalation 'leading to' a war
    # give the mission no role: the process named in OP 1 is cited. The mission's "support" of de-escalation in
    # OP 4 is one word beside no idea of the rule: not named as its role elsewhere (trial 15 F11).
    f = finding(
        "Aware of its responsibilities to help restore calm and secure a permanent ceasefire,\n\n"
        "Noting that escalation in breach of the cessation of hostilities risks leading to a wider conflict,\n\n"
        "1. Reiterates its strong support for full respect for the line and full cessation of hostilities;\n\n"
        "4. Encourages the Secretary-General to ensure that the Mission is ready to support de-escalation;",
        "peace-process",
    )
    assert f.verdict == "partial"
    assert [(e.ref, e.element) for e in f.evidence] == [("OP 1", "process")]
    assert f.reasons[0].endswith("(OP 1) but not a supporting role for the mission."), f.reasons[0]


# --- the ask opens at the paragraph's first asking verb ---------------------------------------------------


def test_a_demand_after_a_reaffirmation_of_the_law_is_weighed_from_the_demand() -> None:
    # The reaffirmation is the setting: the demand opens the ask, and its words stand near that opening.
    f = finding(
        "2. Reaffirms the obligations of the parties to the conflict under international humanitarian law "
        "regarding the provision of humanitarian assistance, demands that they allow and facilitate the safe "
        "and unhindered delivery of humanitarian assistance to the civilian population;\n\n"
        "7. Demands the immediate release of all detainees, as well as ensuring humanitarian access to address "
        "their medical needs;",
        "humanitarian-access",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 2"]


def test_a_paragraph_that_asks_from_its_first_verb_is_weighed_from_its_opening() -> None:
    # Near miss: the first verb already asks, so the later demand is deep in the paragraph's ask.
    f = finding(
        "2. Calls upon the parties to respect the obligations of international humanitarian law regarding the "
        "provision of humanitarian assistance to civilians, and demands that they allow and facilitate the safe "
        "and unhindered delivery of humanitarian assistance to the civilian population;\n\n"
        "7. Demands the immediate release of all detainees, as well as ensuring humanitarian access to address "
        "their medical needs;",
        "humanitarian-access",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 7"]


# --- the purpose a lead-in sets for all its tasks (issue 21, round 12) ----------------------------------------

_PURPOSE_TASKS = (
    "(a) to lead the Redeployment Coordination Committee, assisted by a secretariat staffed by United Nations "
    "personnel, to oversee the governorate-wide ceasefire, redeployment of forces, and mine action operations,\n\n"
    "(b) to work with the parties so that the security of the city is assured by local security forces, and\n\n"
    "(c) to facilitate and coordinate United Nations support to assist the parties to fully implement the "
    "Hodeidah Agreement;"
)


def test_the_purpose_a_lead_in_sets_for_all_its_tasks_gives_way_to_the_first_task_that_says_it() -> None:
    # 'to support the parties in implementing ... the Hodeidah Agreement' is what every task under the lead-in
    # serves, set apart by commas before whom it tasks: the tasks are what a coder cites (real12, 2481 OP 2(a)),
    # the first that says it all, not the extension whose words open nearer its start.
    f = finding(
        "1. Decides to extend the mandate of the Mission, to support the implementation of the Agreement on the "
        "City of Hodeidah;\n\n"
        "2. Decides further that, to support the parties in implementing their commitments in accordance with "
        "the Hodeidah Agreement, the Mission shall undertake the following mandate:\n\n" + _PURPOSE_TASKS,
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 2(a)"]


def test_support_to_the_agreement_decided_as_the_lead_in_s_own_ask_stays_cited() -> None:
    # Near miss: the same words as what the Mission shall do, no purpose set apart: the lead-in's own ask.
    f = finding(
        "2. Decides further that the Mission shall support the parties in implementing their commitments in "
        "accordance with the Hodeidah Agreement, including by undertaking the following tasks:\n\n"
        + _PURPOSE_TASKS,
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 2"]


# --- talks the parties are called to hold with the UN's support (issue 21, round 12) -------------------------

_RECOMMENDATIONS = (
    "2. Demands that all parties ensure the protection of civilians, and requests the Secretary-General to make "
    "further recommendations for the protection of civilians, building on the existing mediation and good "
    "offices mechanisms;\n\n"
)


def test_talks_with_the_un_envoy_s_support_are_cited_before_recommendations_naming_good_offices() -> None:
    # The parties called to end hostilities through dialogue with the UN envoy's support: the talks under the
    # UN's auspices, a duty of the parties, as the coders cited (real6, 2736 OP 7); the recommendations asked
    # are a report about the protection of civilians that names the good offices in passing.
    f = finding(
        _RECOMMENDATIONS + "7. Calls on the parties to seek an immediate cessation of hostilities through "
        "dialogue, with the continued support of the Secretary-General's Personal Envoy;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 7"]


def test_a_call_to_end_hostilities_naming_no_un_support_leaves_the_recommendations_cited() -> None:
    # Near miss: the same call without the UN's support named is the parties' own duty, which 'Calls on' does
    # not make the mission's task.
    f = finding(
        _RECOMMENDATIONS + "7. Calls on the parties to seek an immediate cessation of hostilities through "
        "dialogue;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 2"]


# --- the UN's own support before its help coordinating others' assistance (issue 21, round 12) ---------------


def test_advice_on_the_reform_is_cited_before_coordinating_international_assistance_for_it() -> None:
    # (c) asks the Office to help gather and align the donors' assistance, the reform one thing it serves;
    # (b) is the Office's own advice and support to the reform, as the coders cited (real9, 2203 OP 2(b)).
    f = finding(
        "2. Requests the Office to focus on the following priorities:\n\n"
        "(b) Provide strategic and technical advice and support to national authorities and relevant "
        "stakeholders, including in coordination with regional and other international partners, in implementing "
        "the national security sector reform and rule of law strategies;\n\n"
        "(c) Support the Government towards the mobilization, harmonization and coordination of international "
        "assistance, including for the implementation of the national security sector reform strategy;",
        "ssr-support",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 2(b)"]


def test_support_to_the_reform_itself_stays_cited_where_its_words_open_earlier() -> None:
    # Near miss: (c) supports the reform itself, no donors' assistance between: the words nearest the opening.
    f = finding(
        "2. Requests the Office to focus on the following priorities:\n\n"
        "(b) Provide strategic and technical advice and support to national authorities and relevant "
        "stakeholders, including in coordination with regional and other international partners, in implementing "
        "the national security sector reform and rule of law strategies;\n\n"
        "(c) Support the Government in the implementation of the national security sector reform strategy;",
        "ssr-support",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 2(c)"]
