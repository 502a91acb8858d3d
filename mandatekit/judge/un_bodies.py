"""The UN's own bodies: those the Council tasks (requests), as opposed to the parties, Member States or the
host authorities it calls upon or makes demands of. One definition for the judge (whom a verb asks,
judge/standing.py) and the renderer (whom a fix's stronger verb suits, render/addressee.py, which imports it
from here). The mission's own names come from the profile: nothing of any one mission is written here."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# The Secretariat and its offices and envoys, the mission by its kind, the Council's subsidiary bodies, the
# United Nations system ('UNICEF', 'the United Nations country team' but not 'United Nations Member States'),
# and what stands for the mission ('its mandate', 'peacekeeping operations'). Said in any case: 'the mission'.
_NAMES = (
    r"Secretary[-\s]+General|Special\s+(?:Representative|Envoy|Coordinator|Adviser)|Envoy|"
    r"(?:Deputy\s+)?Head\s+of\s+Mission|Mission|Force|Operation|Office|Secretariat|Committee|Panel|"
    r"Group\s+of\s+Experts|Peacebuilding\s+Commission|High\s+Commissioner|"
    r"United\s+Nations(?!\s+Member\s+States)|UN|mandate|peacekeep\w*"
)
# The UN's acronyms, capitals only, for a text whose profile names no mission (generic): the UN system's
# prefix in English and in French ('UNICEF', 'UNAMID'; 'MINUSTAH', 'MONUC': Mission des Nations Unies,
# Mission de l'Organisation des Nations Unies), and the human rights and humanitarian offices. Any other
# name of a mission ('BINUH') is the UN by its profile's names (`un_bodies`), not by a list kept here.
# (The corpus holds almost no text of a mission without a profile to measure the prefixes on; without them
# 'Requests MINUSTAH, with the parties, to facilitate ... access' would be asked of the parties.)
_ACRONYMS = r"(?-i:(?:UN|MINU|MONU)[A-Z]{2,}|OHCHR|OCHA)"


@lru_cache(maxsize=64)
def _compiled(own: tuple[str, ...]) -> re.Pattern[str]:
    names = "".join(r"\s+".join(re.escape(w) for w in n.split()) + "|" for n in own)
    return re.compile(rf"\b(?:{names}{_NAMES}|{_ACRONYMS})\b", re.IGNORECASE)


def un_bodies(own: Iterable[str] = ()) -> re.Pattern[str]:
    """A pattern of the UN's own bodies, the mission's own names among them (`own`: the profile's acronym and
    full names, longest first; 'BINUH', 'the United Nations Integrated Office in Haiti')."""
    names = sorted({n for n in own if n and n.strip()}, key=lambda n: (-len(n), n))
    return _compiled(tuple(names))
