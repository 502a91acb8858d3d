"""Which mission a draft is about, told from its own words, and the profile that fills its suggestions.

A draft names its mission: in its title, in "extends the mandate of UNMISS", "UNSOM's mandate", "decides
to establish ... (MINUSCA)", and every time it names the mission at all. The mission whose mandate the
draft sets wins over one it only mentions (a resolution on UNAMID may name UNMISS once); without a mandate
phrase, the mission named most. A draft that names no mission gets the mission of the country it is about,
when one mission served it then and its mandate covers that country (_by_country). Otherwise the generic
profile: "the Mission", "the host State" — never another country's names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from mandatekit.rulebook.model import GENERIC_VALUES, Profile

if TYPE_CHECKING:
    from mandatekit.read import Document

GENERIC_ID = "generic"
# Where no profile fits: what the reader can do (the web page says it in its own words: views.mission_line).
CHOOSE_PROFILE = " Choose one with --profile."
# ... and where it names neither mission nor country, which kind of text it may be: the generic profile speaks
# to a peacekeeping operation; a sanctions or thematic text, or a political mission, has its own.
OTHER_KINDS = (
    " A text that mandates no mission (sanctions, thematic): profile no-mission; a political mission: "
    "generic-political."
)

GENERIC = Profile(
    id=GENERIC_ID,
    name="Generic (no mission named)",
    values=dict(GENERIC_VALUES),
)


class MissionInfo(BaseModel):
    """The mission a report's suggestions were written for, and how it was chosen."""

    profile: str = Field(description="Id of the profile used (generic: no mission could be told)")
    mission: str | None = Field(None, description="The mission's acronym, e.g. UNMISS (none when generic)")
    country: str | None = Field(None, description="The host country, e.g. South Sudan")
    how: Literal["detected", "chosen", "generic"] = Field(
        description="detected: from the draft; chosen: --profile or the config file; generic: none told"
    )
    reason: str = Field(description="Why this profile, in one sentence")
    warning: str | None = Field(None, description="Set when the chosen profile's mission is not in the draft")
    led_by: str | None = Field(
        None,
        description="Who leads a mission the Council authorises but does not run (the African Union): its "
        "suggestions address it and the UN support (docs/profiles.md)",
    )
    un_presence: str = Field(
        "peacekeeping",
        description="What the UN presence is: peacekeeping, observer (a ceasefire observation or buffer-zone "
        "mission with no protection of civilians mandate), political (a political mission: no protection by "
        "force) or none (no mission: a sanctions or thematic text); the suggestions fit it (docs/profiles.md)",
    )

    @property
    def line(self) -> str:
        """The line every output opens with."""
        name = f"{self.mission} ({self.country})" if self.mission and self.country else self.mission
        if self.how == "generic":
            head = "Profile: generic (no mission named: suggestions say 'the Mission', 'the host State')"
        else:
            head = f"Profile: {name or self.profile}"
        return f"{head}{PRESENCE_SAID.get(self.un_presence, '')}. {self.reason}"


# What the profile line adds for a UN presence other than peacekeeping: the language proposed reads otherwise.
PRESENCE_SAID = {
    "observer": ", an observer mission (suggestions: observing and reporting, freedom of movement; a protection "
    "task would change its nature)",
    "political": ", a political mission (suggestions: monitoring, reporting, good offices; no protection by force)",
    "none": " (no UN mission: the asks go to the parties, the Member States and the Secretary-General)",
}


def _names(profile: Profile) -> list[str]:
    return [n for n in [profile.mission, *profile.names] if n]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _first_chars(words: Iterable[str]) -> str:
    """A lookahead for the characters the words begin with. Put first in a pattern, it lets the regex engine
    skip every other position of the text at once instead of trying each alternative there: the same
    matches, found some ten times faster on a long resolution (one linear scan, hundreds of names)."""
    firsts = {r"\s" if w[0].isspace() else re.escape(w[0]) for w in words}
    return f"(?=[{''.join(sorted(firsts))}])"


def _pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    words = [w for w in words if w]
    if not words:
        return None
    return re.compile(rf"{_first_chars(words)}(?<![\w-])(?:{_alternation(words)})(?![\w-])")


@lru_cache(maxsize=8)
def _mandate_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Phrases that set this mission's mandate rather than mention it."""
    alt = _alternation(names)
    starts = _first_chars([*names, "mandate", "establish", "deploy", "authorise"])  # case-blind: IGNORECASE
    return re.compile(
        rf"{starts}(?:mandate\s+of\s+(?:the\s+)?(?:{alt})(?![\w-])"
        rf"|(?<![\w-])(?:{alt})\s*(?:\([A-Z-]+\)\s*)?['’]s?\s+(?:mandate|tasks)"
        rf"|(?:establish|deploy|deployment\s+of|authori[sz]\w*\s+[^.;]{{0,80}}?maintain)[^.;]{{0,160}}?"
        rf"(?<![\w-])(?:{alt})(?![\w-]))",
        re.IGNORECASE,
    )


class _Index:
    """Every name of every profile in one pattern: a draft is scanned once, however many profiles."""

    def __init__(self, profiles: list[Profile]) -> None:
        self.profiles = profiles
        self.by_name: dict[str, list[int]] = {}
        self.by_country: dict[str, list[int]] = {}
        for i, p in enumerate(profiles):
            for name in dict.fromkeys(map(_key, _names(p))):  # a name listed twice counts once
                self.by_name.setdefault(name, []).append(i)
            for name in dict.fromkeys(_key(n) for n in (p.country, *p.country_names) if n):
                self.by_country.setdefault(name, []).append(i)
        self.names = _pattern([n for p in profiles for n in _names(p)])
        self.countries = _pattern([n for p in profiles for n in (p.country, *p.country_names) if n])

    def count(
        self, pattern: re.Pattern[str] | None, index: dict[str, list[int]], text: str
    ) -> dict[int, int]:
        counts: dict[int, int] = {}
        if pattern is None:
            return counts
        for match in pattern.finditer(text):
            for i in index.get(_key(match.group(0)), ()):
                counts[i] = counts.get(i, 0) + 1
        return counts


def _key(name: str) -> str:
    return " ".join(name.split())


_INDEXES: dict[tuple[str, ...], _Index] = {}


def _index(profiles: dict[str, Profile]) -> _Index:
    candidates = [p for p in profiles.values() if p.mission and p.id != GENERIC_ID]
    key = tuple(p.model_dump_json() for p in candidates)
    if key not in _INDEXES:
        if len(_INDEXES) >= 8:
            _INDEXES.clear()
        _INDEXES[key] = _Index(candidates)
    return _INDEXES[key]


def draft_text(document: Document) -> tuple[str, str]:
    """(title, whole text) of a draft."""
    title = " ".join(x for x in (document.front.title, document.front.symbol) if x)
    return title, "\n".join(p.text for p in document.paragraphs)


def mentions(profile: Profile, text: str) -> int:
    pattern = _pattern(_names(profile))
    return len(pattern.findall(text)) if pattern else 0


def detect(document: Document, profiles: dict[str, Profile]) -> tuple[Profile, MissionInfo]:
    """The profile of the mission this draft is about, and why."""
    title, text = draft_text(document)
    index = _index(profiles)
    counts = index.count(index.names, index.by_name, text + "\n" + title)
    in_title = index.count(index.names, index.by_name, title)
    scored = []
    for i, count in counts.items():
        profile = index.profiles[i]
        sets = len(_mandate_pattern(tuple(_names(profile))).findall(text))
        scored.append((i in in_title, sets, count, profile))
    if scored:
        in_title_, sets, count, profile = max(scored, key=lambda s: (s[0], s[1] > 0, s[2], s[1]))
        how_found = []
        if in_title_:
            how_found.append("its title names it")
        if sets:
            how_found.append(f"it sets the mandate of {profile.mission}")
        times = "once" if count == 1 else f"{count} times"
        how_found.append(f"it names {profile.mission} {times}")
        others = sorted((s for s in scored if s[3] is not profile), key=lambda s: -s[2])
        reason = "Detected from the draft: " + ", ".join(how_found)
        if others:
            reason += " (also named: " + ", ".join(f"{s[3].mission} {s[2]}x" for s in others[:3]) + ")"
        return profile, _info(profile, "detected", reason + ".")
    return _by_country(document, title, text, index)


# The Council says what a text is about: "the situation in Yemen", "its strong commitment to the sovereignty,
# unity, independence and territorial integrity of Iraq". A country named only in passing ("Libya", once, in a
# text on trafficking in persons) is not the text's subject, nor its mission the draft's.
_SUBJECT = (
    r"(?:(?:sovereignty|territorial\s+integrity|independence|unity)[^.;]{{0,120}}?\bof"
    r"|situation\s+(?:in|concerning|relating\s+to|between))\s+(?:the\s+)?(?:{names})(?![\w-])"
)
_SUBJECT_TIMES = 3  # ... and named as often as a text about it names it: a sovereignty clause is not enough
# A text that sets the mandate of a mission it does not name ("to extend the mandate of the Mission", a zero
# draft written before the name is typed in) is a mandate: where it names one country a profile knows and no
# other, that country is where the mission serves, however seldom the text names it. Only a mission's mandate:
# "to extend the mandate of the Panel of Experts ... concerning Libya" or "of the Special Envoy" is no mission's.
_SETS_A_MANDATE = re.compile(
    r"\b(?:extend|renew)\w*\s+(?:\w+\s+){0,3}?the\s+mandate\b"
    r"(?:\s+of\s+the\s+(?:Mission|Operation|Force|Office)\b|(?!\s+of\b))"
    r"|\bthe\s+mandate\s+of\s+the\s+(?:Mission|Operation|Force|Office)\s+shall\s+(?:include|be)\b",
    re.IGNORECASE,
)
_DATE = re.compile(r"(?:S/RES/|^)(\d{1,4})\s*\((\d{4})\)")
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def _dated(document: Document) -> tuple[int | None, int | None]:
    """(resolution number, year) of a text, from its symbol ("S/RES/1970 (2011)"), its heading ("47 (1948).
    Resolution of ...") or its date; a draft has a year at most."""
    front = document.front
    for said in (front.symbol, front.title):
        if said and (m := _DATE.search(said.strip())):
            return int(m.group(1)), int(m.group(2))
    year = _YEAR.search(" ".join(x for x in (front.date, front.symbol) if x))
    return None, int(year.group(1)) if year else None


def _served_then(profile: Profile, number: int | None, year: int | None) -> bool:
    """Whether the mission served when the text was adopted: a resolution older than the one that established
    it (1970 (2011) on Libya, before UNSMIL's 2009 (2011)), or a text of a year after it closed, is not its."""
    start = _DATE.search(profile.established or "")
    if start and ((number or 10**6) < int(start.group(1)) or (year or 10**4) < int(start.group(2))):
        return False
    return not (profile.closed and year is not None and year > profile.closed)


def _by_country(document: Document, title: str, text: str, index: _Index) -> tuple[Profile, MissionInfo]:
    """A draft that names no mission: the mission serving the country it is about, when one served it then,
    and its mandate covers the country, not a part of it (UNMHA's Hodeidah, UNIFIL's south of Lebanon) or
    a ceasefire line (an observer mission): a text on Yemen's sanctions, on Syria's chemical weapons or on the
    Cyprus settlement is not that mission's, and its kind's suggestions would read wrong."""
    whole = title + "\n" + text
    by_country: dict[str, list[Profile]] = {}
    counts_by_country: dict[str, int] = {}
    for i, n in index.count(index.countries, index.by_country, whole).items():
        profile = index.profiles[i]
        country = profile.country or ""
        by_country.setdefault(country, []).append(profile)
        counts_by_country[country] = max(counts_by_country.get(country, 0), n)
    if not by_country:
        reason = "The draft names no mission or host country known to a profile: general terms are used."
        return GENERIC, MissionInfo(
            profile=GENERIC_ID, how="generic", reason=reason + CHOOSE_PROFILE + OTHER_KINDS
        )
    country = max(counts_by_country, key=lambda c: counts_by_country[c])
    n = counts_by_country[country]
    names = [m for p in by_country[country] for m in (p.country, *p.country_names) if m]
    # the country as the draft names it: the profile's own name where the draft uses it (not an area's)
    found = Counter(_key(m.group(0)) for m in _pattern(names).finditer(whole))  # type: ignore[union-attr]
    # The per-country pattern finds what the one of every country found for this country; should an overlap
    # of names ever make it disagree (Sudan in "South Sudan"), the profile's own name stands.
    said = country if country in found or not found else found.most_common(1)[0][0]
    host = next(
        (h for p in by_country[country] if _key(h := p.values.get("host_state", "")).endswith(said)), said
    )
    subject = _pattern(names).search(title) if title else None  # type: ignore[union-attr]
    if not subject and n >= _SUBJECT_TIMES:
        subject = re.search(_SUBJECT.format(names=_alternation(names)), text, re.IGNORECASE)
    if not subject and len(counts_by_country) == 1:
        subject = _SETS_A_MANDATE.search(text)
    number, year = _dated(document)
    serving = [p for p in by_country[country] if _served_then(p, number, year)]
    if subject and len(serving) == 1 and serving[0].un_presence != "observer" and _covers(serving[0], whole):
        profile = serving[0]
        reason = (
            f"Detected from the draft: it names no mission but names {said} ({n}x), "
            f"which {profile.mission} serves."
        )
        return profile, _info(profile, "detected", reason)
    times = "once" if n == 1 else f"{n} times"
    if not serving:
        then = "; ".join(f"{p.mission} {_when(p)}" for p in by_country[country])
        why = f"names {said} ({times}), which no mission known to a profile served at its date ({then})"
    elif not subject:
        why = (
            f"names {said} ({times}) but not as its subject (a text about it says 'the situation in {said}' or "
            "its sovereignty, and names it at least three times, or sets a mission's mandate and names no "
            "other country a profile knows)"
        )
    elif len(serving) > 1:
        missions = ", ".join(sorted(p.mission or p.id for p in serving))
        why = f"is about {host} ({n}x), which several missions serve ({missions})"
    elif serving[0].un_presence == "observer":
        why = (
            f"is about {host} ({n}x), where {serving[0].mission} is an observer mission: a text on the country "
            "that never names it is not about it"
        )
    else:
        why = (
            f"is about {host} ({n}x) but not where {serving[0].mission}'s mandate lies ({serving[0].area[0]})"
        )
    reason = f"The draft names no mission; it {why}: general terms are used." + CHOOSE_PROFILE
    if not subject:
        return GENERIC, MissionInfo(profile=GENERIC_ID, how="generic", reason=reason + OTHER_KINDS)
    # The country's names and nationality words stay, and its missions' names: the judge tells by them the
    # host's own forces and a peace operation in the host country from forces outside UN command (forces.py)
    # as it did with the mission's profile; what is not kept is what the suggestions say: values and kind.
    own = [n for p in by_country[country] for n in _names(p)]
    spellings = list(
        dict.fromkeys(n for p in by_country[country] for n in (p.country, *p.country_names) if n)
    )
    nationality = [w for p in by_country[country] for w in p.pattern_words.get("nationality", [])]
    generic = GENERIC.model_copy(
        update={
            "values": {**GENERIC.values, "host_state": host},
            "country": said,
            "names": list(dict.fromkeys(own)),
            "country_names": [n for n in spellings if n != said],
            "pattern_words": {"nationality": nationality} if nationality else {},
        }
    )
    return generic, MissionInfo(profile=GENERIC_ID, country=said, how="generic", reason=reason + OTHER_KINDS)


def _covers(profile: Profile, text: str) -> bool:
    """A mission whose mandate covers a part of the country is the draft's only where the draft names it, in
    any case ("southern Lebanon", "Southern Lebanon")."""
    return not profile.area or bool(_area_pattern(tuple(profile.area)).search(text))


@lru_cache(maxsize=32)
def _area_pattern(area: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alternation(area)})(?![\w-])", re.IGNORECASE)


def _when(profile: Profile) -> str:
    since = f"since {profile.established}" if profile.established else ""
    return f"{since}, closed {profile.closed}" if profile.closed else since or "no date known"


def chosen(
    document: Document, profile: Profile, how: str, profiles: dict[str, Profile] | None = None
) -> MissionInfo:
    """The info of a profile the user chose (`how` completes "Chosen ...": 'by --profile', 'by the config file
    ...', 'in the profile menu'), with a warning when the draft never names its mission. With `profiles`, the
    warning names the mission the draft does name, and asks 'did you mean' when the chosen id is a near miss
    of its profile's ('unmis' for 'unmiss'): the suggestions are then filled with another mission's values,
    and the drafter must see which."""
    if profile.id == GENERIC_ID:
        return MissionInfo(profile=GENERIC_ID, how="generic", reason=f"The generic profile, chosen {how}.")
    info = _info(profile, "chosen", f"Chosen {how}.")
    title, text = draft_text(document)
    if profile.mission and not mentions(profile, title + "\n" + text):
        name = document.path or "the draft"
        where = f", {profile.country}" if profile.country else ""
        info.warning = (
            f"{name}: the suggestions are filled from profile '{profile.id}' ({profile.mission}{where}), "
            f"the one chosen, but the draft never names {profile.mission}"
        )
        named, named_info = detect(document, profiles or {})
        if named_info.how == "detected" and named.id != profile.id and named.mission:
            times = mentions(named, title + "\n" + text)
            said = "once" if times == 1 else f"{times} times"
            from mandatekit.errors import nearest

            near = nearest(profile.id, [named.id]) or nearest(profile.mission.casefold(), [named.id])
            ask = f"did you mean --profile {named.id}?" if near else f"its profile is '{named.id}'"
            info.warning += f"; it names {named.mission} {said}: {ask}"
    return info


def _info(profile: Profile, how: Literal["detected", "chosen"], reason: str) -> MissionInfo:
    return MissionInfo(
        profile=profile.id,
        mission=profile.mission,
        country=profile.country,
        how=how,
        reason=reason,
        led_by=profile.values.get("led_by", "").strip() or None,
        un_presence=profile.un_presence,
    )


def effective(profile: Profile) -> Profile:
    """The profile with general terms for the values it leaves empty."""
    return profile.model_copy(update={"values": profile.filled_values()})
