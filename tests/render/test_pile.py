"""No pile of new paragraphs after one paragraph (trial 12, F10: OP 7 bis ... OP 7 decies): past MAX_PILE,
the next new paragraph goes beside the next paragraph its words point to."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from mandatekit.api import setup
from mandatekit.read import read_string
from mandatekit.render import insertion
from mandatekit.render.placement import place

DRAFT = """The Security Council,

Recalling its resolutions on Libya,

1. Decides to extend until 31 October 2024 the mandate of UNSMIL, as an integrated special political mission;

2. Requests UNSMIL, through the good offices of the Special Representative, to support the political process and the security dialogue;

3. Requests the Secretary-General to ensure that any support provided by UNSMIL to Libyan security institutions is consistent with the Human Rights Due Diligence Policy on United Nations Support to non-United Nations Security Forces;

4. Calls upon all parties to refrain from any actions that could undermine the ceasefire;

5. Requests UNSMIL to continue to monitor and report on violations and abuses of human rights;

6. Encourages the Libyan authorities to hold accountable those responsible for violations of international humanitarian law;

7. Calls upon all parties to allow and facilitate humanitarian access to all people in need;

8. Calls upon the Libyan authorities to ensure the safety of United Nations personnel;

9. Requests the Secretary-General to report to the Security Council on the implementation of this resolution every 60 days;

10. Decides to remain actively seized of the matter.
"""


def _piles() -> Counter[str]:
    s = setup()
    document = read_string(DRAFT)
    fixes = place(s.judge(document), document, s.judge)
    return Counter(
        m.group(1)
        for f in fixes.values()
        if f.action == "insert" and (m := re.match(r"Insert after (OP \d+)", f.where))
    )


def test_no_pile_exceeds_a_few() -> None:
    piles = _piles()
    assert sum(piles.values()) > 2 * insertion.MAX_PILE  # enough new paragraphs to pile up
    # OP 1, the mandate paragraph, takes the mandate's own tasks as a group (render/mandate.py); a new
    # paragraph introducing a subject takes those that follow it up (one group here)
    others = [n for op, n in piles.items() if op != "OP 1"]
    assert max(others) <= insertion.MAX_PILE + 1
    assert sum(n > insertion.MAX_PILE for n in others) <= 1


def test_without_the_limit_they_would_pile(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(insertion, "MAX_PILE", 99)
    assert max(n for op, n in _piles().items() if op != "OP 1") > 4
