"""A text that names no mission is taken to be the mission's of the country it is about only when that country
is its subject (its title, "the situation in X", X's sovereignty, named at least three times; or the text sets a
mission's mandate and names no other country a profile knows), the mission
served it at the text's date (established before it, not yet closed), and its mandate covers the country, not a
ceasefire line (an observer mission) or a part of it (UNMHA's Hodeidah, UNIFIL's south of Lebanon). Otherwise
general terms, the country named where it is the subject: never another mission's names or kind."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest

import mandatekit.missions as missions
from mandatekit.api import setup
from mandatekit.read import read_string

SETUP = setup()


def _draft(*paragraphs: str, symbol: str = "") -> str:
    head = f"{symbol}\n\n" if symbol else ""
    body = "\n\n".join(f"{i}. {p}" for i, p in enumerate(paragraphs, 1))
    return f"{head}The Security Council,\n\n{body}\n"


LIBYA = (
    "Reaffirms its strong commitment to the sovereignty and territorial integrity of Libya;",
    "Calls upon all parties in Libya to cease hostilities;",
    "Urges Member States to support the Government of Libya;",
)


@pytest.mark.parametrize(
    ("text", "mission"),
    [
        (_draft(*LIBYA, symbol="S/RES/2214 (2015)"), "UNSMIL"),  # Libya, after UNSMIL was established
        (_draft(*LIBYA), "UNSMIL"),  # a draft: no date, so no date rules it out
        # a text on Yemen that names Hodeidah, where UNMHA's mandate lies
        (
            _draft(
                "Affirms the sovereignty of Yemen;",
                "Welcomes the ceasefire in Hodeidah in Yemen;",
                "Calls on all in Yemen ...;",
            ),
            "UNMHA",
        ),
    ],
)
def test_the_mission_of_the_country_the_text_is_about(text: str, mission: str) -> None:
    _, info = SETUP.mission_of(read_string(text))
    assert info.how == "detected" and info.mission == mission, info.reason


@pytest.mark.parametrize(
    ("text", "host", "why"),
    [
        # older than the mission: resolution 1970 (2011) on Libya came before UNSMIL's 2009 (2011)
        (_draft(*LIBYA, symbol="S/RES/1970 (2011)"), "Libya", "since S/RES/2009 (2011)"),
        # after the mission closed: MINUSMA's last year was 2023
        (
            _draft(
                "Reaffirms the sovereignty of Mali;",
                "Urges Mali ...;",
                "Calls on Mali ...;",
                symbol="S/RES/2800 (2025)",
            ),
            "Mali",
            "closed 2023",
        ),
        # UNDOF observes a line in the Golan: a text on Syria is not its
        (
            _draft(
                "Reaffirms the sovereignty of the Syrian Arab Republic;",
                "Demands that the Syrian Arab Republic ...;",
                "Calls on the Syrian Arab Republic ...;",
            ),
            "the Syrian Arab Republic",
            "observer mission",
        ),
        # UNMHA's mandate lies in Hodeidah: a text on Yemen's sanctions that never names it is not its
        (
            _draft(
                "Affirms the sovereignty of Yemen;",
                "Decides that the measures on Yemen ...;",
                "Calls on all in Yemen ...;",
                symbol="S/RES/2758 (2024)",
            ),
            "Yemen",
            "(Hodeidah)",
        ),
    ],
)
def test_no_mission_is_assumed_for_a_country_it_did_not_serve_as_a_whole(
    text: str, host: str, why: str
) -> None:
    profile, info = SETUP.mission_of(read_string(text))
    assert info.how == "generic" and info.mission is None and info.un_presence == "peacekeeping"
    assert profile.values["host_state"] == host and why in info.reason, info.reason


def test_a_country_named_in_passing_is_not_the_subject() -> None:
    text = _draft(
        "Condemns trafficking in persons in armed conflict, including in Libya;",
        "Calls upon Member States, among them Libya, to ...;",
    )
    profile, info = SETUP.mission_of(read_string(text))
    assert info.how == "generic" and info.country is None and "not as its subject" in info.reason
    assert profile.values["host_state"] == "the host State"


def test_the_title_says_the_subject() -> None:
    document = read_string(_draft("Calls on all parties ...;"))
    document.front.title = "The situation in Libya"
    _, info = SETUP.mission_of(document)
    assert info.mission == "UNSMIL"


def test_an_observer_mission_s_messages_stay_away_from_a_text_on_its_country() -> None:
    # a text on Cyprus' settlement that names no mission: not UNFICYP's, whose messages would say that a task
    # to protect civilians would change the nature of the force
    text = _draft(
        "Reaffirms its commitment to the sovereignty and independence of Cyprus;",
        "Calls on the leaders in Cyprus to resume negotiations;",
        "Decides that the protection of civilians in Cyprus ...;",
    )
    report = SETUP.judge(read_string(text))
    assert report.mission is not None and report.mission.un_presence == "peacekeeping"
    said = " ".join(f"{f.message} {f.suggestion} {f.note}" for f in report.findings)
    assert "UNFICYP" not in said and "nature" not in said


@pytest.mark.parametrize(
    ("paragraphs", "mission"),
    [
        # a zero draft that renews "the Mission" before its name is typed in, naming its country once
        (
            (
                "Recalls its previous resolutions on the Central African Republic;",
                "Decides to extend the mandate of the Mission until 15 November 2027;",
            ),
            "MINUSCA",
        ),
        # near miss: the same country named once in a text that sets no mandate
        (
            (
                "Recalls its previous resolutions on the Central African Republic;",
                "Decides to remain seized of the matter;",
            ),
            None,
        ),
        # near miss: the mandate renewed is a panel's, not a mission's
        (
            (
                "Recalls its resolutions concerning Libya;",
                "Decides to extend the mandate of the Panel of Experts until 15 May 2027;",
            ),
            None,
        ),
        # near miss: an envoy's mandate
        (("Decides to renew the mandate of the Special Envoy on Libya for one year;",), None),
        # near miss: a mandate text that names two countries says neither is where its mission serves
        (
            (
                "Recalls its resolutions on the Central African Republic and on Mali;",
                "Decides to extend the mandate of the Mission until 15 November 2027;",
            ),
            None,
        ),
    ],
)
def test_a_mandate_naming_one_country_is_its_mission_s(
    paragraphs: tuple[str, ...], mission: str | None
) -> None:
    _, info = SETUP.mission_of(read_string(_draft(*paragraphs)))
    assert info.mission == mission, info.reason


LEBANON = (
    "Reaffirms its strong support for the sovereignty and territorial integrity of Lebanon;",
    "Calls on all parties in Lebanon ...;",
    "Urges Lebanon ...;",
)


@pytest.mark.parametrize(
    "area", ["southern Lebanon", "Southern Lebanon", "SOUTH LEBANON", "the litani river"]
)
def test_a_mission_s_area_is_named_in_any_case(area: str) -> None:
    # UNIFIL's mandate lies in the south of Lebanon: a text that names it, however capitalised, is UNIFIL's
    _, info = SETUP.mission_of(read_string(_draft(*LEBANON, f"Welcomes the calm in {area};")))
    assert info.how == "detected" and info.mission == "UNIFIL", info.reason


def test_a_text_on_lebanon_that_names_no_part_of_it_is_not_unifil_s() -> None:
    # Near miss: a word of the area alone ("south", "Litani") is not the area
    _, info = SETUP.mission_of(read_string(_draft(*LEBANON, "Welcomes the calm in the south;")))
    assert info.how == "generic" and "(southern Lebanon)" in info.reason, info.reason


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # South Sudan the subject, Sudan named too: each name counts for its own country
        (
            _draft(
                "Reaffirms the sovereignty of the Republic of South Sudan;",
                "Calls on South Sudan and Sudan to ...;",
                "Urges South Sudan ...;",
            ),
            "South Sudan",
        ),
        # Sudan the subject, South Sudan named once
        (
            _draft(
                "Reaffirms the sovereignty of the Sudan;",
                "Calls on the Sudan and South Sudan to ...;",
                "Urges Sudan ...;",
                symbol="S/RES/2800 (2025)",
            ),
            "Sudan",
        ),
    ],
)
def test_sudan_and_south_sudan_are_told_apart(text: str, said: str) -> None:
    profile, info = SETUP.mission_of(read_string(text))
    assert said in (info.country or profile.country or "") or info.mission == "UNMISS", info.reason
    if said == "Sudan":
        assert info.mission != "UNMISS" and "South Sudan" not in (info.country or ""), info.reason


def test_the_country_s_own_name_stands_when_its_pattern_finds_none_of_what_was_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The pattern of every country and the one of this country disagreeing (overlapping names): no crash,
    # the profile's own name is said
    own = missions._pattern

    def blind(words: Iterable[str]) -> re.Pattern[str] | None:
        words = list(words)
        return re.compile("(?!)") if words == ["Libya"] else own(words)

    monkeypatch.setattr(missions, "_pattern", blind)
    _, info = SETUP.mission_of(read_string(_draft(*LIBYA)))
    assert info.mission == "UNSMIL" and "Libya" in info.reason, info.reason
