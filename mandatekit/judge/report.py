"""What judging a draft produces: findings with their evidence, and the report the renderers read.

`check --format json` prints a `Report`: its fields are a stable contract (docs/json.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from mandatekit.factories import empty_list
from mandatekit.missions import MissionInfo
from mandatekit.rulebook import Severity, Verdict


class Evidence(BaseModel):
    element: str
    label: str = Field(description="The element in the drafter's words")
    ref: str = Field(description="Paragraph reference, e.g. 'OP 35(a)(i)'")
    part: str | None = Field(
        None, description="Which bullet of the paragraph the words stand in ('third bullet'), if a bullet"
    )
    text: str = Field(description="The words found, as the draft has them")
    start: int = Field(description="Offset of the words in the paragraph text")
    end: int
    paragraph: int = Field(description="Index of the paragraph in the document")
    context: str = Field(description="The clause around the words")


class SourceRef(BaseModel):
    id: str
    quote: str | None = Field(
        description="The source's words; none when they speak of another mission (then in sources_annex)"
    )
    title: str | None = None
    made_for: str | None = Field(None, description="The mission the source's recommendation was made for")

    @property
    def cited(self) -> str:
        """How a finding cites it: quoted, or — made for another mission — named in general terms."""
        if self.quote is None:
            # The title in quotes: it often names a mission itself ("...: MINUSCA's mandate renewal").
            name = f"“{self.title}”" if self.title else self.id
            return f"recommended for {self.made_for}'s renewal by {name}; here in general terms"
        return f"{self.title or self.id}: “{self.quote}”"


class AnnexQuote(BaseModel):
    rule: str
    title: str = Field(description="The recommendation's title")
    quote: str


class AnnexSource(BaseModel):
    """A source made for another mission: its quotes, kept out of the findings, stand here."""

    id: str
    title: str | None = None
    made_for: str
    quotes: list[AnnexQuote]


class AppliedDecision(BaseModel):
    """A drafter's decision on a finding (see decisions.py), shown beside the tool's verdict."""

    decision: Literal["accepted", "not-applicable", "met", "partial", "missing"]
    why: str
    by: str
    date: str
    source: str = Field(description="The decisions file it comes from")
    decided_on: str | None = Field(
        None, description="Taken on another file, an earlier revision of this draft: that file's name"
    )
    matched_by: str | None = Field(
        None, description="How that file was told a revision of this draft ('same symbol S/2026/900')"
    )
    stale: str | None = Field(None, description="Why it needs another look, if it does")

    @property
    def effective(self) -> Verdict | None:
        """The verdict the drafting team stands by (accepted or not applicable count as met); none if stale."""
        if self.stale:
            return None
        return Verdict.met if self.decision in ("accepted", "not-applicable") else Verdict(self.decision)

    @property
    def origin(self) -> str:
        """Where it was taken, when not on this draft: 'taken on rev1.docx (same symbol S/2026/900)'; else ''."""
        if not self.decided_on:
            return ""
        return f"taken on {self.decided_on}" + (f" ({self.matched_by})" if self.matched_by else "")


class Fix(BaseModel):
    """Where a finding's suggestion goes in the draft and what it proposes: the fix the memo, web page and
    redline show (render/placement.py), so that every output proposes the same one."""

    action: Literal["replace", "insert", "add", "agree", "reject", "covered"] = Field(
        description="replace (or amend) a paragraph, insert or add a new one, agree brackets, reject a "
        "pending change, or covered by another gap's fix"
    )
    where: str = Field(
        description="'Insert after OP 5 as OP 5 bis', 'Replace OP 6', 'Amend OP 5', 'Agree the bracketed "
        "text in OP 11'"
    )
    paragraph: str | None = Field(
        None, description="The paragraph replaced or amended, or the one a new paragraph follows ('OP 5')"
    )
    text: str = Field(
        description="The language to put in the draft (for replace: the whole paragraph as it would read); "
        "'' where the fix proposes no words of its own (see note)"
    )
    note: str = Field("", description="What agreeing, rejecting or another gap's fix would do, in words")


class Passage(BaseModel):
    """The draft's own words in one paragraph: the support a paragraph gives without the rule's condition
    (trial 15 F2), a hedge on the condition (trial 13)."""

    ref: str = Field(description="The paragraph, as the Council cites it: 'OP 3', 'OP 2(b)'")
    words: str = Field(description="The draft's own words, as they stand in it")


class Finding(BaseModel):
    rule: str
    title: str
    severity: Severity
    theme: str
    verdict: Verdict
    message: str
    partial_case: str | None = Field(
        None,
        description="Which case of partial a partial finding is (judge/messages.py CASES): preamble, heading, "
        "weak_verb, bracketed, qualified, hedged, negated, narrowed, elements or subject; also said in words "
        "in message. None unless partial",
    )
    reasons: list[str] = Field(default_factory=empty_list)
    hedges: list[str] = Field(default_factory=empty_list)
    evidence: list[Evidence] = Field(default_factory=empty_list)
    recommendation: str
    suggestion: str
    note: str = Field(
        "",
        description="What the draft's kind of mission changes in what the rule asks (a political mission, no "
        "mission, no other forces in the host country): its variant's note, also said at the end of message",
    )
    sources: list[SourceRef]
    hedged_conditions: list[Passage] = Field(
        default_factory=list,
        description="Hedges on the rule's condition in paragraphs the verdict does not rest on ('as "
        "appropriate' beside 'in strict compliance with the HRDDP'; also said in hedges): the memo asks to delete them",
    )
    unconditioned: list[Passage] = Field(
        default_factory=list,
        description="The paragraphs giving support the rule's condition must cover without it, whatever the "
        "verdict (also said in words in reasons); render amends them with condition_words",
    )
    condition_label: str = Field("", description="The condition they lack, as the rule names it; '' if none")
    condition_words: str = Field(
        "",
        description="The draft's own words for that condition, to add to each ('in strict compliance with the "
        "Human Rights Due Diligence Policy'); '' where the draft has none or nothing lacks it",
    )
    decision: AppliedDecision | None = Field(None, description="The drafting team's decision, if recorded")
    fix: Fix | None = Field(
        None,
        description="Where the suggestion goes, as every output proposes it; none where it is not placed",
    )
    # Where the draft speaks of what the rule is about (its topic elements and subject found, whatever the
    # verdict): where a new paragraph for it belongs (render/placement.py). Not part of the report's JSON.
    subject_at: list[int] = Field(default_factory=list, exclude=True)

    @property
    def refs(self) -> list[str]:
        return list(dict.fromkeys(e.ref for e in self.evidence))

    @property
    def cited(self) -> list[str]:
        """`refs` as a reader is told them: a paragraph whose evidence all stands in its bullets names them
        ('OP 9, third bullet'; trial 15 F11: five bullets share a ref), each once; the ref alone otherwise."""
        out = []
        for ref in self.refs:
            parts = [e.part for e in self.evidence if e.ref == ref]
            named = [x for x in dict.fromkeys(parts) if x]
            out.append(f"{ref}, {' and '.join(named)}" if named and len(named) == len(set(parts)) else ref)
        return out


class DocumentInfo(BaseModel):
    path: str | None
    symbol: str | None
    title: str | None
    date: str | None = None
    format: str
    paragraphs: int = Field(description="Number of preambular and operative paragraphs")


class Summary(BaseModel):
    met: int = 0
    partial: int = 0
    missing: int = 0


class Report(BaseModel):
    """Everything the renderers need about one draft: the stable JSON contract of `check --format json`."""

    mission: MissionInfo | None = Field(None, description="The mission profile used, and why")
    document: DocumentInfo
    profile: str | None = None
    rulebook: str = Field("", description="mandatekit version and number of rules applied")
    findings: list[Finding]
    summary: Summary
    sources_annex: list[AnnexSource] = Field(
        default_factory=empty_list,
        description="Sources made for another mission than the draft's, with the quotes the findings omit",
    )
    warnings: list[str] = Field(default_factory=empty_list)
    renewal: str | None = Field(
        None,
        description="Set where the draft renews a mission's mandate by reference and sets no task of its own: "
        "the tasks set earlier go on, but only this text is judged (judge/renewal.py)",
    )

    @property
    def written_for(self) -> str | None:
        """Where the recommendations were made for another mission than the draft's (their quotes stand in the
        annex): a sentence saying that the language proposed is that mission's, put in this one's names, to be
        read against this mission's situation before it goes out (trial 10: UNIFIL's memo proposed to monitor
        the Lebanese Armed Forces as perpetrators, and tasks UNIFIL does not have)."""
        made_for = list(dict.fromkeys(s.made_for for s in self.sources_annex))
        if not made_for:
            return None
        whose = " and ".join(f"{m}'s" for m in made_for)
        mission = self.mission.mission if self.mission and self.mission.mission else None
        names = f"{mission}'s names" if mission else "general terms"
        return (
            f"Recommended for {whose} renewal, the language proposed was written for it: it is put in {names}, "
            "and addressed as the profile's kind of mission needs (who leads it; a peacekeeping operation, a "
            "political mission or none; the host's forces named only where the Council's texts name their "
            "abuses), but it may give this mission tasks it does not have: "
            "read each suggestion against its situation before it goes out."
        )
