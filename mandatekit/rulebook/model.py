"""The schema of a rule file (a profile's is in rulebook/profile_model.py). Unknown keys are rejected: a
misspelt key is an error, not a silently ignored setting. `mandatekit rules schema` exports this as JSON Schema for editors."""

from __future__ import annotations

import string
from enum import StrEnum
from functools import cached_property
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from mandatekit.factories import empty_dict, empty_list
from mandatekit.read.model import VerbClass
from mandatekit.rulebook.patterns import ACRONYM, PatternError, phrase_to_regex

# The profile half of the schema, and what a rule shares with it (re-exported: `from mandatekit.rulebook.model
# import Profile` keeps working).
from mandatekit.rulebook.profile_model import FACTS as FACTS
from mandatekit.rulebook.profile_model import GENERIC_VALUES as GENERIC_VALUES
from mandatekit.rulebook.profile_model import LEAD_VALUES as LEAD_VALUES
from mandatekit.rulebook.profile_model import MAY_BE_NONE as MAY_BE_NONE
from mandatekit.rulebook.profile_model import NONE as NONE
from mandatekit.rulebook.profile_model import TERRITORY_VALUES as TERRITORY_VALUES
from mandatekit.rulebook.profile_model import Kind as Kind
from mandatekit.rulebook.profile_model import PatternPlaceholder as PatternPlaceholder
from mandatekit.rulebook.profile_model import PatternWord as PatternWord
from mandatekit.rulebook.profile_model import Profile as Profile
from mandatekit.rulebook.profile_model import Strict as Strict
from mandatekit.rulebook.profile_model import ValueSource as ValueSource
from mandatekit.rulebook.profile_model import pattern_terms as pattern_terms


class Severity(StrEnum):
    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"

    @property
    def rank(self) -> int:
        return {"critical": 0, "high": 1, "medium": 2, "low": 3}[self.value]


class Verdict(StrEnum):
    met = "met"
    partial = "partial"
    missing = "missing"

    @property
    def rank(self) -> int:
        return {"met": 0, "partial": 1, "missing": 2}[self.value]


class Scope(StrEnum):
    operative = "operative"  # met only in operative text (the preamble can give partial)
    preambular = "preambular"  # a rule about preambular language
    any = "any"  # met wherever it stands


class Source(Strict):
    id: str = Field(description="Id of a source document in seeds/ (e.g. poc-impartiality-2021)")
    quote: str = Field(description="The words of the source this rule encodes, quoted exactly")


# The cases of a partial finding (the JSON's `partial_case`), in the order a finding names the first that
# applies: found only in the preamble; only in a heading over the tasks; under a verb too weak for the rule, or
# asked of others than those who can meet it; the words or their verb in square brackets or a pending tracked
# change; only a consideration of another task; a hedge beside the condition; the text says the opposite; asked
# only for a narrower subject; some of what meeting the rule asks not in the draft; the subject touched on,
# nothing of what meeting it asks. judge/messages.py says each in words for the writer.
PartialCase = Literal[
    "preamble",
    "heading",
    "weak_verb",
    "bracketed",
    "qualified",
    "hedged",
    "negated",
    "narrowed",
    "elements",
    "subject",
]


class Messages(Strict):
    met: str = Field(description="Told to the drafter when the draft meets the recommendation")
    partial: str = Field(description="Told when the draft goes part of the way")
    missing: str = Field(description="Told when the draft has none of it")
    partial_cases: dict[PartialCase, str] = Field(
        default_factory=dict,
        description="Told instead of `partial` in one case of partial (trial 14: 'women protection advisers "
        "are only acknowledged, not deployed' for weak_verb): preamble (found only in the preamble), heading "
        "(only in a heading over tasks), weak_verb (under a verb too weak, or asked of others), bracketed (in "
        "square brackets or a pending change), qualified, hedged, negated, narrowed (only for a narrower "
        "subject), elements (some of what meeting the rule asks is missing), subject (the subject touched on, "
        "nothing asked). Where a case has none, `partial` is told with the case said after it in the tool's "
        "words",
    )

    def texts(self) -> list[str]:
        """Every message template: the three verdicts' and each case's."""
        return [self.met, self.partial, self.missing, *self.partial_cases.values()]


# What the judge reads in a draft by its structure rather than by a rule's words (judge/forces.py): a rule
# names it under `reads`, beside or instead of phrases.
Reading = Literal["forces outside UN command"]


class Patterns(Strict):
    phrases: list[str] = Field(default_factory=empty_list, description="Phrases in the rule phrase language")
    regex: list[str] = Field(
        default_factory=empty_list, description="RE2 regular expressions, case-insensitive"
    )
    reads: Reading | None = Field(
        None,
        description="Also what the judge reads in the draft by its structure, not by these words: 'forces "
        "outside UN command' (a force, mission, operation or coalition the draft names that is not the "
        "mission itself, a United Nations body, the host State's own forces or an armed group)",
    )

    @model_validator(mode="after")
    def _some_pattern(self) -> Patterns:
        if not self.phrases and not self.regex and not self.reads:
            raise ValueError("give at least one entry under 'phrases' or 'regex', or 'reads'")
        return self


class Element(Patterns):
    """One idea the text must contain."""

    label: str = Field(description="What this element is, in the drafter's words")
    topic: bool = Field(
        False,
        description="What the paragraph is about rather than what it asks: it may stand under any verb of the "
        "paragraph ('Condemns the violations of the SOFA and requests ... to report on them'); the verb that "
        "counts is the one governing the condition's other elements; a 'not' before it does not negate",
    )
    allow_negation: bool = Field(
        False,
        description="Negative wording is part of this idea ('does not cause harm to civilians'): a 'not' "
        "before it does not make the finding negated",
    )
    condition: bool = Field(
        False,
        description="A condition the task must meet ('in strict compliance with the HRDDP'): a hedge right "
        "beside it ('and, as appropriate, in strict compliance with ...') makes it optional, no condition, so "
        "the finding is partial. A hedge on a task ('to facilitate, as appropriate, dialogue') still asks it",
    )
    needs_condition: bool = Field(
        False,
        description="Words that must carry the rule's condition wherever they stand (support given to a force's "
        "operations): an operative paragraph with them and no `condition` element, in it, the paragraph it "
        "hangs from or those under it, is named in a reason whatever the verdict (another paragraph may meet "
        "the rule). Used in no way to meet the rule",
    )
    in_preamble: bool = Field(
        True,
        description="false: words in preambular paragraphs do not count for this element (atrocity crimes the "
        "preamble condemns or wants prosecuted are the setting, not a mention of their prevention; in operative "
        "text they are)",
    )
    in_headings: bool = Field(
        True,
        description="false: words in a heading over an OP's tasks ('(ii) Impartial support to the political "
        "process') do not count for this element: use it for how a task is done (impartially), which a label "
        "the tasks are filed under cannot promise; the task must say it",
    )


class Subject(Patterns):
    """The recommendation's subject: words that show a draft addresses it at all, distinct from what meeting
    it asks. Found anywhere (a preambular recall, a weak verb, an ask of the parties, of Member States or of a
    panel of experts) without a met condition or a partial set, it makes the rule partial."""

    label: str = Field(description="The subject in the drafter's words ('children and armed conflict')")


SUBJECT = "subject"  # the name under which the subject's words are searched, beside the elements


class Exclusion(Patterns):
    """Text that neutralizes a match inside it (standing boilerplate, false friends)."""

    elements: list[str] | None = Field(None, description="Elements it neutralizes; all when left out")
    within: Literal["match", "clause", "paragraph"] = Field(
        "match",
        description="match: a match of an element inside this text does not count; clause: no match in the "
        "clause holding this text counts (the part of a paragraph one verb governs: '...; recommends further "
        "that troop-contributing countries train their contingents' rules out that clause, not the one before); "
        "paragraph: no match in a paragraph holding this text counts (context such as 'sexual exploitation and "
        "abuse' by UN personnel)",
    )
    why: str = Field(description="Why a match inside this text does not count")


class Narrowing(Patterns):
    """Words that narrow what an element's words ask to a narrower subject than the recommendation's: vetting
    only of those suspected of sexual violence, monitoring only of violations against children. Where every
    match of the element in its clause is narrowed so, the words meet the rule only for that subject: partial,
    with the reason said, unless another clause asks for the general thing."""

    label: str = Field(description="The narrower subject, as the reason says it: 'only for {label}'")
    elements: list[str] = Field(min_length=1, description="The elements whose words it narrows")


class Condition(Strict):
    """One way to meet the rule: all these elements together."""

    all: list[str] = Field(min_length=1)
    min_verb: VerbClass | None = Field(None, description="Overrides the rule's min_verb for this condition")
    cited_first: bool = Field(
        False,
        description="Where the draft meets the rule this way, cite these words before those of any other way, "
        "whatever their verbs: the recommendation said whole ('any support ... in strict compliance with the "
        "HRDDP') before a task that carries it as a detail",
    )


class Variant(Strict):
    """The suggestion for one kind of mission: the rule's own is written for a UN peacekeeping operation whose
    host's forces the Council has named among the perpetrators; a mission another organisation leads, a
    political mission, a text with no mission, a host whose forces the Council's texts do not name, or a host
    country where the profile says no other forces operate, needs other actors or plainer words. The verdict
    never changes (the draft says what it says); the suggestion does, and a variant may also set the finding's
    severity and a note saying why the recommendation reads otherwise for this kind of mission."""

    when: list[Kind] = Field(
        default_factory=list,
        description="All of these hold for the draft's profile (a value set, a fact stated, the kind of UN "
        "presence, a value that says none)",
    )
    unless: list[Kind] = Field(default_factory=list, description="... and none of these")
    suggestion: str = Field(description="Operative language to propose there, in place of the rule's")
    severity: Severity | None = Field(
        None,
        description="The finding's severity there, in place of the rule's (a gap that matters only if forces "
        "come: low)",
    )
    note: str | None = Field(
        None,
        description="Said after the verdict's message, and in the memo's 'why': what this kind of mission "
        "changes in what the recommendation asks",
    )

    @model_validator(mode="after")
    def _says_when(self) -> Variant:
        if not self.when and not self.unless:
            raise ValueError("a variant says when it applies: 'when', 'unless' or both")
        return self

    def applies(self, profile: Profile) -> bool:
        return all(profile.holds(k) for k in self.when) and not any(profile.holds(k) for k in self.unless)


class Example(Strict):
    verdict: Verdict
    text: str = Field(description="A short draft text; numbered paragraphs ('1. Decides ...') are operative")
    note: str | None = None


class Rule(Strict):
    # Header, read first (like a Semgrep rule): who, what, how bad, why.
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Lower-case id, e.g. hrddp-support")
    title: str
    severity: Severity
    theme: str
    recommendation: str = Field(description="What the draft should do, in the drafter's words")
    sources: list[Source] = Field(min_length=1)
    message: Messages
    # The check.
    scope: Scope = Scope.operative
    min_verb: VerbClass = Field(VerbClass.requests, description="Weakest governing verb that counts as met")
    together: Literal["clause", "paragraph", "document"] = Field(
        "clause",
        description="clause: the elements of a condition must stand in one clause, the part of a paragraph one "
        "verb governs ('Requests ..., notes with concern ..., and requests ...' has three), with the clause of "
        "each lead-in above it that governs it; paragraph: anywhere in one paragraph (with the paragraphs above "
        "it and its own sub-paragraphs); document: anywhere in the text in scope",
    )
    elements: dict[str, Element] = Field(min_length=1)
    met: list[Condition] = Field(min_length=1, description="Ways to meet the rule; a plain list is one way")
    partial: list[list[str]] = Field(
        default_factory=empty_list,
        description="Element sets that, found without a met condition, make it partial",
    )
    subject: Subject | None = Field(
        None,
        description="The recommendation's subject: found anywhere, under any verb, asked of anyone, without a "
        "met condition or a partial set, it makes the rule partial, and the reason says how the draft touches "
        "on it. A subject, never a word: specific on its own",
    )
    acronyms: dict[str, str] = Field(
        default_factory=empty_dict,
        description="What the acronyms of the rule's phrases stand for, each as a phrase (ICC: International "
        "Criminal Court). A text that spells an acronym out as other words ('the Interregional Coordination "
        "Centre (ICC)') means something else by it: there its matches of the acronym do not count",
    )
    exclude: list[Exclusion] = Field(default_factory=empty_list)
    narrowed: list[Narrowing] = Field(
        default_factory=empty_list,
        description="Narrower subjects that make words meeting the rule partial: a narrowing found within the "
        "element's words, or beside them in the same clause with no list between ('vetting ... to exclude "
        "those suspected of sexual violence'; not '..., including sexual violence')",
    )
    # What to propose, and the proof that the rule works.
    suggestion: str = Field(
        description="Operative language to propose; {mission}, {host_state} ... from the profile"
    )
    variants: list[Variant] = Field(
        default_factory=empty_list,
        description="The suggestion for other kinds of mission (led by another organisation, a political "
        "mission, no mission, a host whose forces the Council has not named among the perpetrators, no other "
        "forces in the host country): the first that applies replaces it, and may set the severity and a note",
    )
    examples: list[Example] = Field(min_length=1)
    language: str = Field(
        "en",
        pattern=r"^[a-z]{2}$",
        description="Language of the rule's phrases (ISO 639-1): a draft in another language is not judged "
        "against it",
    )

    @model_validator(mode="before")
    @classmethod
    def _where_none_is_a_variant(cls, data: Any) -> Any:
        """`where_none: {value: other_forces, ...}` (the older way of saying it, in rule files written before
        variants could set a severity and a note) is read as the first variant, `when: [no_other_forces]`."""
        if isinstance(data, dict) and isinstance(none := data.get("where_none"), dict):
            data = {k: v for k, v in data.items() if k != "where_none"}
            value = none.get("value")
            kind = f"no_{value}" if isinstance(value, str) else value
            variant = {"when": [kind], **{k: v for k, v in none.items() if k != "value"}}
            data["variants"] = [variant, *(data.get("variants") or [])]
        return data

    @field_validator("met", mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return [{"all": value}]
        return value

    @field_validator("partial", mode="before")
    @classmethod
    def _partial_shorthand(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [[v] if isinstance(v, str) else v for v in value]
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        known = set(self.elements)
        if self.subject is not None:
            if SUBJECT in known:
                raise ValueError(
                    f"an element is named '{SUBJECT}', the name of the rule's subject: name it otherwise"
                )
            known.add(SUBJECT)
        used = [("met", n) for c in self.met for n in c.all] + [
            ("partial", n) for s in self.partial for n in s
        ]
        used += [("exclude", n) for x in self.exclude for n in x.elements or []]
        used += [("narrowed", n) for x in self.narrowed for n in x.elements]
        for where, name in used:
            if where not in ("exclude", "narrowed") and name == SUBJECT and self.subject is not None:
                raise ValueError(
                    f"{where} names the subject: the subject is partial on its own, never part of a set"
                )
            if name not in known:
                # the names allowed there: the subject stands in no met or partial set
                allowed = known if where in ("exclude", "narrowed") else set(self.elements)
                raise ValueError(
                    f"{where} names element '{name}', which is not under 'elements' "
                    f"(known: {', '.join(sorted(allowed))})"
                )
        for condition in self.met:
            if all(self.elements[n].topic for n in condition.all):
                raise ValueError(
                    f"met condition {condition.all} has only topic elements: one must be what is asked"
                )
        # {led_by} and {un_support} exist only for a mission another organisation leads: elsewhere they would
        # stand unfilled in a UN mission's text.
        lead_only = [self.suggestion, *self.message.texts()]
        lead_only += [
            t for v in self.variants if "led_by" not in v.when for t in (v.suggestion, v.note or "")
        ]
        for text in lead_only:
            for _, name, _, _ in string.Formatter().parse(text):
                if name in ("led_by", "un_support"):
                    raise ValueError(
                        f"{{{name}}} stands in a text for any mission: it may stand only in a variant "
                        "'when: [led_by]'"
                    )
        for acronym, words in self.acronyms.items():
            if not ACRONYM.fullmatch(acronym):
                raise ValueError(f"acronyms: '{acronym}' is not an acronym (capital letters, at least two)")
            try:
                phrase_to_regex(words)
            except PatternError as exc:
                raise ValueError(f"acronyms: {acronym}: {exc}") from exc
        if not any(e.verdict is Verdict.met for e in self.examples):
            raise ValueError(
                "needs an example whose verdict is 'met': a rule that can never be met is broken"
            )
        return self

    @cached_property
    def searched(self) -> dict[str, Element]:
        """What the judge searches a draft for: the elements, and the subject (as a topic) under SUBJECT."""
        if self.subject is None:
            return self.elements
        subject = Element(
            label=self.subject.label,
            phrases=self.subject.phrases,
            regex=self.subject.regex,
            reads=self.subject.reads,
            topic=True,
        )
        return {**self.elements, SUBJECT: subject}

    @property
    def ways_to_meet(self) -> list[Condition]:
        """The conditions that decide whether the rule is met: a way cited first that only adds elements to
        another way (the crimes beside the accountability) is a preference among citations, not a way of its
        own; what a partial finding lacks is said of these."""
        return [c for c in self.met if not (c.cited_first and any(set(o.all) < set(c.all) for o in self.met))]

    @property
    def cited_first_ways(self) -> list[Condition]:
        """The ways cited first that only add elements to another way (see `ways_to_meet`)."""
        return [c for c in self.met if c not in self.ways_to_meet]

    def variant_for(self, profile: Profile | None) -> Variant | None:
        """The variant for this profile's kind of mission: the first that applies, if any."""
        if profile is not None:
            for variant in self.variants:
                if variant.applies(profile):
                    return variant
        return None

    def suggestion_for(self, profile: Profile | None) -> str:
        """The suggestion for this profile's kind of mission: the first variant that applies, or the rule's."""
        variant = self.variant_for(profile)
        return self.suggestion if variant is None else variant.suggestion

    def severity_for(self, profile: Profile | None) -> Severity:
        """The finding's severity for this profile: its variant's, where it sets one, or the rule's."""
        variant = self.variant_for(profile)
        return self.severity if variant is None or variant.severity is None else variant.severity

    def note_for(self, profile: Profile | None) -> str:
        """What this profile's kind of mission changes in what the rule asks ('' where nothing)."""
        variant = self.variant_for(profile)
        return "" if variant is None or variant.note is None else variant.note.strip()

    def placeholders(self) -> set[str]:
        texts = [self.suggestion, *self.message.texts()]
        texts += [t for v in self.variants for t in (v.suggestion, v.note or "")]
        return {name for t in texts for _, name, _, _ in string.Formatter().parse(t) if name}
