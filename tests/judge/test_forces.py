"""Forces outside UN command read by what they are (mandatekit/judge/forces.py): a force, mission, operation
or coalition the draft names, not the mission itself, a UN body, the host's own forces or an armed group."""

from __future__ import annotations

import pytest

from mandatekit.judge import Prepared, judge_rule
from mandatekit.judge.forces import Setting, forces_outside_un_command, forces_setting
from mandatekit.read import read_string
from mandatekit.rulebook import load_profiles, load_rulebook
from mandatekit.rulebook.profiles import profile_terms

PROFILES = load_profiles()


def named(text: str, setting: Setting) -> list[str]:
    """The forces outside UN command named in one paragraph of text."""
    return [text[s:e] for _, s, e in forces_outside_un_command({0: text}, setting)]


def under(profile_id: str) -> Setting:
    profile = PROFILES[profile_id]
    return forces_setting(profile, profile_terms(profile))


SOMALIA = (
    "Welcoming the relationship between UNSOM and the African Union Mission in Somalia (AMISOM), and "
    "requests UNSOM to coordinate with AMISOM;"
)


def test_a_regional_mission_is_outside_un_command_beside_a_un_mission_and_is_the_mission_under_its_own():
    assert named(SOMALIA, under("unsom")) == ["African Union Mission in Somalia (AMISOM)", "AMISOM"]
    # The same words in a draft of AMISOM's own mandate: the mission itself.
    assert named(SOMALIA, under("amisom")) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A capitalised name ending in Mission, with a word before it in lower case.
        (
            "to coordinate with the non-combat Resolute Support Mission agreed upon",
            ["Resolute Support Mission"],
        ),
        ("the crucial role of the G5 Sahel Joint Force in the region", ["G5 Sahel Joint Force"]),
        ("Welcomes the support provided by Operation Barkhane;", ["Operation Barkhane"]),
        ("the deployment of a NATO-led mission", ["NATO-led mission"]),
        ("the French forces operating in the country", ["French forces"]),
        # The acronym the text defines, found alone later, and a name with a lower-case head and its acronym.
        (
            "the ECOWAS Mission in Guinea-Bissau (ECOMIB); encourages an extension of ECOMIB’s mandate",
            ["ECOWAS Mission in Guinea-Bissau (ECOMIB)", "ECOMIB"],
        ),
        (
            "the Multinational Security Support (MSS) mission",
            ["Multinational Security Support (MSS) mission"],
        ),
        # Another State's army named by its own country is a foreign force in the host's territory.
        ("the presence of the Kenya Defence Forces", ["Kenya Defence Forces"]),
    ],
)
def test_forces_named_by_what_they_are(text: str, found: list[str]) -> None:
    assert named(text, under("minusca")) == found


@pytest.mark.parametrize(
    "text",
    [
        # The mission itself, by its acronym, its full name, a short name, or a unit of it.
        "Requests MINUSCA's Force to protect civilians;",
        "the United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic",
        "Decides that the Stabilization Mission shall",
        # United Nations bodies and missions that are no force by their kind.
        "to coordinate with the United Nations Mission in South Sudan (UNMISS)",
        "the Human Rights Due Diligence Policy on United Nations Support to non-United Nations Security Forces",
        "the Security Council Mission to the region and the Technical Assessment Mission",
        "the Status of Forces Agreement and the Department of Peace Operations",
        # The host State's own forces.
        "Calls upon the Central African Armed Forces (FACA) and Government forces to",
        "the Internal Security Forces and the National Defence Forces",
        # Armed groups, by the words of their names.
        "the Allied Democratic Forces (ADF) and the Democratic Forces for the Liberation of Rwanda",
        # A working group, and a force's head word modifying another noun.
        "the Financial Action Task Force and African Union force generation efforts",
    ],
)
def test_near_misses_are_not_forces_outside_un_command(text: str) -> None:
    assert named(text, under("minusca")) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Known only by an acronym no definition explains, spoken of as a force: deployed, withdrawn, sending
        # contingents; or by a name ending in "Group" (a private military company).
        ("Welcomes the deployment of EACRF in the eastern provinces;", ["EACRF"]),
        ("Condemns the attacks against SAMIDRC contingents and notes SAMIDRC's drawdown;", ["SAMIDRC"] * 2),
        ("Condemns the deployment of the Wagner Group in the country;", ["Wagner Group"]),
        # A mission the text defines only by its head word, owned by the body named before it.
        (
            "Commending the Economic Community of West African States (ECOWAS) for the activities of its "
            "Mission (ECOMIB); recognizes the important role of ECOMIB in securing the institutions",
            ["ECOMIB", "ECOMIB"],
        ),
    ],
)
def test_a_force_known_only_by_its_acronym_or_name_is_read_by_what_is_said_of_it(
    text: str, found: list[str]
) -> None:
    assert named(text, under("monusco")) == found


@pytest.mark.parametrize(
    "text",
    [
        # The same acronyms with nothing said of them as of a force.
        "Welcomes the efforts of EACRF and SAMIDRC in the region;",
        # Withdrawal, presence, operations and personnel are said of armed groups, agencies and offices too.
        "Expresses concern at the presence of ISIL and at ISIL operations and OHCHR personnel;",
        "Demands the withdrawal of the M23 and of ADF from the occupied areas;",
        # UN missions by their English or French initials, and the mission itself.
        "Welcomes the deployment of BINUH and the drawdown of UNAMID and of MONUSCO;",
        # A host's forces by the acronym a profile gives them, and an armed group of the profile.
        "Welcomes the deployment of FARDC troops and of FACA contingents;",
        # An acronym the text defines for an organisation, and groups that are bodies.
        "the Intergovernmental Authority on Development (IGAD) and the deployment of IGAD monitors",
        "Welcomes the deployment of the Working Group and the Contact Group;",
    ],
)
def test_near_misses_of_a_bare_acronym_are_not_forces(text: str) -> None:
    assert named(text, under("monusco")) == []


def test_a_state_force_supporting_an_armed_group_is_a_party_not_a_force_beside_the_mission():
    text = (
        "Condemns the offensive of the 23 March Movement (M23) with the support of the Rwanda Defence Forces "
        "(RDF), and calls on the RDF to cease support to the M23;"
    )
    assert named(text, under("monusco")) == []
    # The same army named in another role stays a force outside UN command.
    assert named("Welcomes the withdrawal of the Rwanda Defence Forces;", under("monusco")) == [
        "Rwanda Defence Forces"
    ]


def test_a_regional_mission_named_with_its_organisation_s_acronym_is_read_with_its_own_acronym():
    # The organisation's acronym between its name and the head, the force's after the place it serves: the
    # force's acronym names it wherever it stands, and the place's words ("Democratic Republic") make no armed group.
    text = (
        "Welcoming the Southern African Development Community (SADC) Mission in the Democratic Republic of "
        "Congo (SAMIDRC), and calls on the troop-contributing countries of SAMIDRC to ensure the highest "
        "standards of conduct for their contingents"
    )
    found = named(text, under("monusco"))
    assert found[0].startswith("Southern African Development Community (SADC) Mission in the Democratic")
    assert found[-1] == "SAMIDRC"
    # Near miss: the host's country defined by its own name is no force.
    assert named("the Democratic Republic of the Congo (DRC) and the DRC authorities", under("monusco")) == []


def test_with_no_mission_told_a_states_army_by_its_nationality_is_taken_for_the_hosts():
    assert named("Calls upon the Gambian Armed Forces to", Setting()) == []
    assert named("Calls upon the G5 Sahel Joint Force to", Setting()) == ["G5 Sahel Joint Force"]


def test_bilateral_forces_reads_named_forces_partial_and_their_conduct_met():
    rule = {r.id: r for r in load_rulebook().rules}["bilateral-forces"]
    profile = PROFILES["unsom"]

    def verdict(text: str) -> str:
        return judge_rule(Prepared(read_string(text)), rule, profile).verdict.value

    amisom = "Welcoming the African Union Mission in Somalia (AMISOM),\n\n"
    # Coordination with the force: named, nothing asked of its conduct (the coders' partial).
    assert verdict(f"{amisom}4. Requests UNSOM to coordinate its activities with AMISOM;") == "partial"
    assert (
        verdict(
            f"{amisom}4. Calls upon AMISOM to act in full compliance with international humanitarian law;"
        )
        == "met"
    )
    # The mission's own conduct is not a force outside UN command's.
    assert (
        verdict("4. Calls upon UNSOM to act in full compliance with international humanitarian law;")
        == "missing"
    )


@pytest.mark.parametrize(
    "text",
    [
        # Trial 15 F1: the host's own army by its formal name: the host's name, whose forces they are (the
        # people's) and what they do. Never "bilaterally deployed".
        "to provide logistical support to the South Sudan People’s Defence Forces and the Necessary Unified Forces",
        "support to the South Sudan People's Defence Forces (SSPDF) in the transitional security arrangements",
        # the Government's forces named generically, by the host's government
        "violations committed by the Government of South Sudan forces and armed groups",
        "support to the South Sudanese national defence forces",
    ],
)
def test_the_hosts_own_forces_by_their_formal_name_are_never_outside_un_command(text: str) -> None:
    assert named(text, under("unmiss")) == []


def test_a_named_force_defined_with_the_acronym_a_profile_gives_the_hosts_forces_is_the_hosts():
    # The acronym the profile gives the host's forces names them, whatever their long name's words.
    assert named("the Guardians Forces (SSPDF) deployed in Juba", under("unmiss")) == []


@pytest.mark.parametrize(
    "text",
    [
        # near misses: another State's army with the same words, by its own country's name
        "the deployment of the Uganda People’s Defence Forces in South Sudan",
        "the Sudanese Armed Forces and the Rapid Support Forces",
    ],
)
def test_another_states_people_s_defence_forces_stay_outside_un_command_in_the_hosts_draft(text: str) -> None:
    assert named(text, under("unmiss")) != []


@pytest.mark.parametrize(
    "text",
    [
        "support to the Government of South Sudan Forces",
        "support to the Armed Forces of the Democratic Republic of the Congo",
    ],
)
def test_with_no_host_told_a_governments_or_states_forces_named_after_it_are_the_hosts(text: str) -> None:
    # F1: "forces of the Government of X" read as the host's where the host is unknown (the generic profile).
    assert named(text, under("generic")) == []
    # near miss: a force of an organisation by its formal name stays outside
    assert named("the European Union Naval Force deployed off the coast", under("generic")) != []
