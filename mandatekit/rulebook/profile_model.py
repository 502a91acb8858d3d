"""The schema of a profile: the mission a rulebook is applied to, the values that fill a rule's {placeholders},
where each comes from, and the facts a suggestion's variants depend on (docs/profiles.md). Unknown keys are
rejected, as in a rule file (rulebook/model.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from mandatekit.factories import empty_list
from mandatekit.rulebook.patterns import PATTERN_PLACEHOLDERS, Terms


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# What a variant of a suggestion may depend on: a value the profile sets (`led_by`: a mission the Council
# authorises but another organisation leads, the African Union's), a fact the profile states with the
# Council's words for it (`facts:`, docs/profiles.md), what the UN presence is (`un_presence`: an observer
# mission, a political mission, or none) and a value that says none (`other_forces: none`: no_other_forces).
Kind = Literal[
    "led_by",
    "host_forces_abuses",
    "police_component",
    "observer_mission",
    "political_mission",
    "no_un_mission",
    "no_other_forces",
]
FACTS = ("host_forces_abuses", "police_component")
# What the UN presence the draft mandates is: a peacekeeping operation (or a force the Council authorises and
# another organisation leads: `led_by`), with uniformed personnel that can protect civilians by force; an
# observer mission (UNTSO, UNMOGIP, MINURSO, UNDOF, UNFICYP), a peacekeeping operation too, with military
# observers or a buffer-zone force, whose mandate is to observe a ceasefire or keep a buffer zone and not to
# protect civilians: asked to protect them, it would become another kind of mission (its mandate, strength and
# rules of engagement), so its suggestions ask what it can do (observe and report, its freedom of movement, the
# parties' duty to protect) and say that a protection task would change its nature. A kind, not a fact:
# a fact is what the Council's texts say, with the passage that says it, and no passage says a mandate lacks
# a task; and like the other kinds it excludes the rest (an observer mission is never a political one). A
# political or special political mission (UNAMA, UNAMI, UNSMIL), civilian, which monitors, reports and uses its
# good offices; or none (a sanctions regime, a thematic text), where the asks go to the Council's members, the
# Member States, the parties and the Secretary-General.
UnPresence = Literal["peacekeeping", "observer", "political", "none"]
PRESENCE_KINDS: dict[str, UnPresence] = {
    "observer_mission": "observer",
    "political_mission": "political",
    "no_un_mission": "none",
}


# The placeholders every rule may use, and the words that stand in for each when a profile leaves it empty or
# no mission could be told from the draft: general terms that read well in any suggestion.
GENERIC_VALUES: dict[str, str] = {
    "mission": "the Mission",
    "host_state": "the host State",
    "host_authorities": "the host State authorities",
    "national_forces": "the national defence and security forces",
    "peace_agreement": "the peace agreements and the political process",
    "courts": "the relevant accountability mechanisms",
    "armed_groups": "armed groups",
    # A country's own instruments and the kinds of operation its mission is mandated to conduct: another
    # mission's ("the National Security Policy", DDR with repatriation, joint operations) never stand in.
    "security_strategy": "national security sector reform priorities",
    "ddr_process": "disarmament, demobilization and reintegration",
    "operations_with_forces": "conducted in support of",
    # Forces outside UN command besides the national ones: "bilateral partners" only where a mission has
    # them (MINUSCA); elsewhere words that read right whoever they are.
    "other_forces": "any other forces or security personnel",
}
# Values only a mission another organisation leads has, used only in the variants for it (`when: [led_by]`):
# who leads it (the African Union) and the UN office that supports it (UNSOS). General terms, for a text shown
# out of its variant (`rules list`): never filled into another mission's suggestion.
LEAD_VALUES: dict[str, str] = {
    "led_by": "the organisation leading the mission",
    "un_support": "the United Nations support office",
}
# A value that says the thing is absent from the host country: `other_forces: none`, no foreign or bilateral
# forces operate there. It fills a suggestion with the general terms; a rule's variant `when: [no_other_forces]`
# says what then.
NONE = "none"
MAY_BE_NONE = ("other_forces",)
# ... and where no UN mission is mandated (`un_presence: none`): the UN system does what a mission would ("any
# support provided by the United Nations system to ..."), unless the profile names someone.
NO_MISSION_VALUES: dict[str, str] = {"mission": "the United Nations system"}
# ... and where the host is a territory or an area no State governs alone (the Abyei Area, Kosovo, Western
# Sahara): "the host State authorities" would name a State the Council does not.
TERRITORY_VALUES: dict[str, str] = {
    "host_state": "the area of operations",
    "host_authorities": "the relevant authorities",
    "national_forces": "the security forces",
    "security_strategy": "security sector reform priorities",
}


def _plain(text: str) -> str:
    """Text as compared with a quoted passage: one space, straight quotes, lower case."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.replace("\u2011", "-").split()).lower()


def _parts(value: str) -> list[str]:
    """'the A (X) and B (Y)' → ['the A (X)', 'B (Y)']: a value naming two bodies is sourced part by part."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(value):
        depth += value[i] == "("
        depth -= value[i] == ")"
        if depth == 0 and value.startswith(" and ", i):
            parts.append(value[start:i])
            start = i = i + 5
            continue
        i += 1
    return [*parts, value[start:]]


PatternPlaceholder = Literal[
    "mission", "national_forces", "nationality", "armed_groups", "courts", "peace_agreement"
]  # patterns.PATTERN_PLACEHOLDERS
assert set(get_args(PatternPlaceholder)) == set(PATTERN_PLACEHOLDERS)
# A word of a placeholder is a phrase of plain words (FACA, Al-Shabaab, Da'esh, Special Criminal Court): no
# group, gap or wildcard, which would change what the rule's own phrase means.
PatternWord = Annotated[str, StringConstraints(pattern=r"^[\w'.-]+( [\w'.-]+)*$", max_length=120)]


def pattern_terms(profiles: Iterable[Profile]) -> Terms:
    """Placeholder name → the words of all these profiles for it (the mission's acronym for {mission}),
    sorted: what a rule's {placeholder} matches."""
    words: dict[str, set[str]] = {}
    for profile in profiles:
        if profile.mission:
            words.setdefault("mission", set()).add(profile.mission)
        for name, found in profile.pattern_words.items():
            words.setdefault(name, set()).update(found)
    # Longest first: where one word begins another (APPR, APPR-RCA), the match is the whole name.
    return tuple(
        (name, tuple(sorted(found, key=lambda w: (-len(w), w)))) for name, found in sorted(words.items())
    )


class ValueSource(Strict):
    """Where a profile value comes from: the resolution, and its words that hold the value."""

    resolution: str = Field(description="The resolution the value is taken from, e.g. S/RES/2677 (2023)")
    passage: str = Field(description="The resolution's words holding the value, quoted exactly")


class Profile(Strict):
    """The mission a rulebook is applied to: fills {mission}, {host_state} ... in suggestions, and tells a
    draft of this mission from others (`mission`, `names`, `country`). Schema: docs/profiles.md."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    mission: str | None = Field(
        None, description="The mission's acronym as the Council writes it (UNMISS); found in a draft"
    )
    names: list[str] = Field(
        default_factory=empty_list,
        description="Other names of the mission found in a draft: its full name, a former acronym",
    )
    country: str | None = Field(None, description="The host country or territory as the Council names it")
    country_names: list[str] = Field(
        default_factory=empty_list, description="Other spellings of the country found in a draft (DRC)"
    )
    territory: bool = Field(
        False,
        description="The host is a territory or an area no State governs alone (the Abyei Area, Kosovo): its "
        "empty values say 'the relevant authorities', 'the security forces', never 'the host State'",
    )
    established: str | None = Field(
        None,
        pattern=r"^S/RES/\d+ \(\d{4}\)$",
        description="The resolution that established the mission (S/RES/2100 (2013)): a text that names no "
        "mission and is older than it is never taken to be about it",
    )
    closed: int | None = Field(
        None, description="The last year the mission served: a later text that names no mission is not its"
    )
    area: list[str] = Field(
        default_factory=empty_list,
        description="Where the mandate covers a part of the host country only (UNIFIL: southern Lebanon; "
        "UNMHA: Hodeidah), the names of that part: a text that names the country but none of these is about "
        "the country's wider situation, never taken to be the mission's. Matched in any case. Not for an "
        "observer mission, which a text that names no mission is never taken to be",
    )
    un_presence: UnPresence = Field(
        "peacekeeping",
        description="What the UN presence is: peacekeeping (a peacekeeping operation, or a force the Council "
        "authorises and another organisation leads, with led_by), observer (a peacekeeping operation that observes a "
        "ceasefire or keeps a buffer zone, with no mandate to protect civilians: UNTSO, UNDOF; asked to protect "
        "them, it would change its nature), political (a political or special political "
        "mission, civilian: it monitors, reports and uses its good offices; it protects no one by force), none "
        "(no mission: a sanctions regime, a thematic text; the asks go to the Council, the Member States and "
        "the parties). Suggestions fit it (a rule's variants `when: [observer_mission]`, `[political_mission]`, "
        "`[no_un_mission]`)",
    )
    language: str = Field("en", pattern=r"^[a-z]{2}$", description="Language of the values (ISO 639-1)")
    values: dict[str, str] = Field(
        description="Placeholder name → text, e.g. mission: UNMISS. An empty value is filled with general "
        "terms (the host State, armed groups ...); other_forces: none says no foreign or bilateral forces operate "
        "in the host country"
    )
    value_sources: dict[str, ValueSource] = Field(
        default_factory=dict,
        description="Placeholder name → the resolution and passage its value is taken from",
    )
    facts: dict[Literal["host_forces_abuses", "police_component"], ValueSource] = Field(
        default_factory=dict,
        description="What the Council's own texts say of this mission, each with the passage that says it: "
        "host_forces_abuses (they name violations or abuses by the host's own forces), police_component (the "
        "mission has police). Unstated, a suggestion says it in general terms",
    )
    pattern_words: dict[PatternPlaceholder, list[PatternWord]] = Field(
        default_factory=dict,
        description="Placeholder name → the words a rule's phrases match for it in a draft: national_forces: "
        "[FACA, FSI]. The mission's acronym is a word of {mission} already. Judging matches the words of "
        "every bundled profile and of the draft's own",
    )

    @model_validator(mode="after")
    def _sourced(self) -> Profile:
        for name, source in self.value_sources.items():
            if name not in self.values:
                raise ValueError(f"value_sources.{name}: no value '{name}' under 'values'")
            value = self.values[name]
            if self.says_none(name):
                continue  # an absence: no passage holds it
            passage = _plain(source.passage)
            # The mission may be sourced by its full name (older resolutions spell it out, never the acronym).
            spellings = [value, *self.names] if name == "mission" else [value]
            if value and not any(
                all(_plain(p).removeprefix("the ") in passage for p in _parts(spelling))
                for spelling in spellings
            ):
                raise ValueError(
                    f"values.{name}: '{value}' is not in the passage quoted from {source.resolution} "
                    f"under value_sources.{name}"
                )
        return self

    @field_validator("closed", mode="before")
    @classmethod
    def _closed_is_a_year(cls, closed: object) -> object:
        # `established` is a resolution, `closed` a year: say so where one is written for the other.
        if isinstance(closed, str) and not closed.strip().isdigit():
            raise ValueError(
                f"'{closed}' is not a year: give the last year the mission served (closed: 2020)"
            )
        return closed

    @model_validator(mode="after")
    def _area_only_where_read(self) -> Profile:
        # An observer mission is never the one of a text that names no mission (missions._by_country): an
        # area given it would never be read, and would look as if it decided something.
        if self.area and self.un_presence == "observer":
            raise ValueError(
                "area: an observer mission is never taken from a text that names no mission; remove it"
            )
        return self

    @field_validator("values")
    @classmethod
    def _none_only_where_meant(cls, values: dict[str, str]) -> dict[str, str]:
        for name, value in values.items():
            if value.strip().casefold() == NONE and name not in MAY_BE_NONE:
                raise ValueError(
                    f"values.{name}: '{value}' says none, which only {', '.join(MAY_BE_NONE)} may say "
                    "(leave a value empty for general terms)"
                )
        return values

    def holds(self, kind: str) -> bool:
        """A variant's condition: a fact this profile states, the kind of UN presence it is, a value it says
        none of (no_other_forces), or a value it sets (led_by)."""
        if kind in FACTS:
            return kind in self.facts
        if kind in PRESENCE_KINDS:
            return self.un_presence == PRESENCE_KINDS[kind]
        if kind.startswith("no_") and kind[3:] in MAY_BE_NONE:
            return self.says_none(kind[3:])
        return bool(self.values.get(kind, "").strip())

    def says_none(self, name: str) -> bool:
        """The profile says this is absent from the host country (`other_forces: none`)."""
        return name in MAY_BE_NONE and self.values.get(name, "").strip().casefold() == NONE

    def text_values(self) -> dict[str, str]:
        """The values as they fill a text: one that says none, in general terms (no forces are invented)."""
        return {k: GENERIC_VALUES[k] if self.says_none(k) else v for k, v in self.values.items()}

    def filled_values(self) -> dict[str, str]:
        """The values with general terms where this profile leaves one empty or has none."""
        out = dict(GENERIC_VALUES)
        if self.territory:
            out.update(TERRITORY_VALUES)
        if self.un_presence == "none":
            out.update(NO_MISSION_VALUES)
        if self.holds("led_by"):
            out.update(LEAD_VALUES)  # un_support in general terms where the profile names no office
        out.update({k: v for k, v in self.values.items() if v.strip()})
        return out

    @property
    def label(self) -> str:
        """How outputs name it: 'UNMISS (South Sudan)'."""
        return self.name
