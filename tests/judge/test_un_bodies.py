"""The UN's own bodies, one definition for the judge (whom a verb asks) and the renderer (whom a fix's stronger
verb suits): judge/un_bodies.py. The mission's own names come from the profile, never from a list in code."""

from __future__ import annotations

from mandatekit.judge import Prepared, judge_rule
from mandatekit.judge.un_bodies import un_bodies
from mandatekit.read import read_string
from mandatekit.render.addressee import council_tasks
from mandatekit.rulebook import load_profiles, load_rulebook

ACCESS = "full, safe and unhindered humanitarian access to all people in need"
RULE = {r.id: r for r in load_rulebook().rules}["humanitarian-access"]
PROFILES = load_profiles()


def verdict(text: str, profile: str | None = None) -> str:
    chosen = PROFILES[profile] if profile else None
    return judge_rule(Prepared(read_string(text)), RULE, chosen).verdict.value


def test_the_missions_own_name_is_the_uns_by_its_profile() -> None:
    # 'Requests' tasks the mission whatever letters its acronym has, because the profile names it: with no
    # profile telling whose acronym 'BINUH' is, the request reads as asked of the parties named after it.
    text = f"8. Requests BINUH, through its advocacy with all parties, to facilitate {ACCESS};"
    assert verdict(text, "binuh") == "met"
    assert verdict(text) == "partial"
    # The profile's full name too, in any spacing.
    assert un_bodies(["Bureau intégré des Nations Unies en Haïti"]).match(
        "Bureau  intégré des Nations Unies en Haïti"
    )
    assert un_bodies(["BINUH"]).search("the parties and BINUH").start() == 16
    assert (
        un_bodies().search("BINUH and FARDC") is None
    )  # near miss: an acronym is not the UN's for being one


def test_the_uns_bodies_the_judge_and_the_renderer_both_know() -> None:
    # A coordinator, the Council's committees, the human rights office: the UN, asked first, is tasked.
    assert verdict(f"8. Requests the Special Coordinator, with all parties, to facilitate {ACCESS};") == "met"
    assert verdict(f"8. Requests the Committee and Member States to facilitate {ACCESS};") == "met"
    # Near miss: United Nations Member States are States, not the UN.
    assert verdict(
        f"8. Requests all United Nations Member States and the parties to facilitate {ACCESS};"
    ) == ("partial")
    # The renderer's answer is the same: the UN by its own name or prefix, not its Member States.
    assert council_tasks("the UN country team")
    assert council_tasks("MINUSTAH")
    assert council_tasks("the mission")
    assert not council_tasks("all United Nations Member States")
    assert not council_tasks("the Libyan authorities", "UNSMIL")
