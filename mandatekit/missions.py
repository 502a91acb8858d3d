"""Which mission a draft is about, told from its own words, and the profile that fills its suggestions.

A draft names its mission: in its title, in "extends the mandate of UNMISS", "UNSOM's mandate", "decides
to establish ... (MINUSCA)", and every time it names the mission at all. The mission whose mandate the
draft sets wins over one it only mentions (a resolution on UNAMID may name UNMISS once); without a mandate
phrase, the mission named most. A draft that names no mission but one host country gets that country's
profile when only one mission serves it. Otherwise the generic profile: "the Mission", "the host State" —
never another country's names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from mandatekit.rulebook.model import GENERIC_VALUES, Profile

if TYPE_CHECKING:
    from mandatekit.read import Document

GENERIC_ID = "generic"

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

    @property
    def line(self) -> str:
        """The line every output opens with."""
        name = f"{self.mission} ({self.country})" if self.mission and self.country else self.mission
        if self.how == "generic":
            head = "Profile: generic (no mission named: suggestions say 'the Mission', 'the host State')"
        else:
            head = f"Profile: {name or self.profile}"
        return f"{head}. {self.reason}"


def _names(profile: Profile) -> list[str]:
    return [n for n in [profile.mission, *profile.names] if n]


def _pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _mandate_pattern(profile: Profile) -> re.Pattern[str] | None:
    """Phrases that set this mission's mandate rather than mention it."""
    names = _names(profile)
    if not names:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(names, key=len, reverse=True))
    return re.compile(
        rf"(?:mandate\s+of\s+(?:the\s+)?(?:{alt})(?![\w-])"
        rf"|(?<![\w-])(?:{alt})\s*(?:\([A-Z-]+\)\s*)?['’]s?\s+(?:mandate|tasks)"
        rf"|(?:establish|deploy|deployment\s+of|authori[sz]\w*\s+[^.;]{{0,80}}?maintain)[^.;]{{0,160}}?"
        rf"(?<![\w-])(?:{alt})(?![\w-]))",
        re.IGNORECASE,
    )


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
    candidates = [p for p in profiles.values() if p.mission and p.id != GENERIC_ID]
    scored = []
    for profile in candidates:
        count = mentions(profile, text + "\n" + title)
        if not count:
            continue
        mandate = _mandate_pattern(profile)
        sets = len(mandate.findall(text)) if mandate else 0
        in_title = mentions(profile, title) > 0
        scored.append((in_title, sets, count, profile))
    if scored:
        in_title, sets, count, profile = max(scored, key=lambda s: (s[0], s[1] > 0, s[2], s[1]))
        how_found = []
        if in_title:
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
    # No mission named: the host country, when one mission serves it.
    by_country: dict[str, list[Profile]] = {}
    counts: dict[str, int] = {}
    for profile in candidates:
        if not profile.country:
            continue
        pattern = _pattern([profile.country, *profile.country_names])
        n = len(pattern.findall(title + "\n" + text)) if pattern else 0
        if n:
            by_country.setdefault(profile.country, []).append(profile)
            counts[profile.country] = max(counts.get(profile.country, 0), n)
    if by_country:
        country = max(counts, key=lambda c: counts[c])
        serving = by_country[country]
        if len(serving) == 1:
            profile = serving[0]
            reason = (
                f"Detected from the draft: it names no mission but names {country} "
                f"({counts[country]}x), which {profile.mission} serves."
            )
            return profile, _info(profile, "detected", reason)
        names = ", ".join(sorted(p.mission or p.id for p in serving))
        generic = GENERIC.model_copy(update={"values": {**GENERIC.values, "host_state": country}})
        reason = (
            f"The draft names no mission; it names {country}, which several missions serve ({names}): "
            "general terms are used. Choose one with --profile."
        )
        return generic, MissionInfo(profile=GENERIC_ID, country=country, how="generic", reason=reason)
    reason = "The draft names no mission or host country known to a profile: general terms are used."
    return GENERIC, MissionInfo(
        profile=GENERIC_ID, how="generic", reason=reason + " Choose one with --profile."
    )


def chosen(document: Document, profile: Profile, by: str) -> MissionInfo:
    """The info of a profile the user chose (`by`: '--profile', 'the config file'), with a warning when the
    draft never names its mission."""
    if profile.id == GENERIC_ID:
        return MissionInfo(profile=GENERIC_ID, how="generic", reason=f"The generic profile, chosen by {by}.")
    info = _info(profile, "chosen", f"Chosen by {by}.")
    title, text = draft_text(document)
    if profile.mission and not mentions(profile, title + "\n" + text):
        name = document.path or "the draft"
        info.warning = (
            f"{name}: profile '{profile.id}' was chosen, but the draft never names {profile.mission}"
        )
    return info


def _info(profile: Profile, how: Literal["detected", "chosen"], reason: str) -> MissionInfo:
    return MissionInfo(
        profile=profile.id, mission=profile.mission, country=profile.country, how=how, reason=reason
    )


def effective(profile: Profile) -> Profile:
    """The profile with general terms for the values it leaves empty."""
    return profile.model_copy(update={"values": profile.filled_values()})
