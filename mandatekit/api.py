"""The Python API: the same stages the command line wires together.

>>> import mandatekit
>>> report = mandatekit.check("draft.docx")         # the mission is told from the draft
>>> report.mission.profile, report.mission.reason
>>> [f.rule for f in report.findings if f.verdict == "missing"]
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mandatekit import __version__
from mandatekit.config import Config, load_config
from mandatekit.errors import MandatekitError, nearest
from mandatekit.rulebook import (
    DEFAULT_PROFILE,
    Profile,
    Rule,
    Rulebook,
    load_profiles,
    load_rulebook,
    load_sources,
)

if TYPE_CHECKING:  # imported where used: `rules list`, `rules show` ... load rules but judge no draft
    from mandatekit.compare import Comparison
    from mandatekit.judge import Finding, Report
    from mandatekit.missions import MissionInfo
    from mandatekit.read import Document


@dataclass
class Setup:
    """A loaded rulebook and the mission profiles: built once, used for many drafts. Each draft gets the
    profile of the mission it names (mandatekit.missions), unless one was chosen (`chosen`)."""

    rulebook: Rulebook
    profile: Profile  # the chosen profile, or the generic one: what rule examples are run with
    sources: dict[str, str]
    profiles: dict[str, Profile] = field(default_factory=dict)
    chosen: str | None = None  # how `profile` was chosen ('by --profile'); None: detect per draft
    register: list[dict[str, Any]] = field(default_factory=list)  # the source registers' entries
    _effective: dict[str, Profile] = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        return f"mandatekit {__version__}, {len(self.rulebook.rules)} rules"

    def check_language(self, document: Document, rules: list[Rule]) -> None:
        """Refuse a draft in a language no rule is written in: its verdicts would mean nothing."""
        from mandatekit.language import NAMES, detect_language

        language = detect_language(document)
        if language is None or any(rule.language == language for rule in rules):
            return
        have = sorted({NAMES.get(r.language, r.language) for r in rules})
        raise MandatekitError(
            document.path or "draft",
            f"the draft is in {NAMES.get(language, language)}, and the rules are in {' and '.join(have)} only: "
            f"its verdicts would mean nothing. Check an {have[0] if have else 'English'} version, or add rules "
            f"with language: {language} (docs/writing-rules.md)",
        )

    def mission_of(self, document: Document) -> tuple[Profile, MissionInfo]:
        """The profile this draft's suggestions are filled from, and why."""
        from mandatekit.missions import chosen, detect

        if self.chosen:
            return self.profile, chosen(document, self.profile, self.chosen, self.profiles)
        return detect(document, self.profiles)

    def judge(self, document: Document, only: list[str] | None = None) -> Report:
        rules = self.rulebook.rules
        if only:
            unknown = sorted(set(only) - {r.id for r in rules})
            dropped = [u for u in unknown if u in self.rulebook.left_out]
            if dropped:
                # the rule exists: say why it is not there, not that its id is misspelt
                why = "; ".join(f"{u} was left out: {self.rulebook.left_out[u]}" for u in dropped)
                raise MandatekitError(None, f"--only: {why}")
            if unknown:
                close = nearest(unknown[0], {r.id for r in rules}) if len(unknown) == 1 else ""
                hint = f" ({close})" if close else ""
                raise MandatekitError(None, f"--only: no rule with id {', '.join(unknown)}{hint}")
            rules = [r for r in rules if r.id in only]
        self.check_language(document, rules)
        profile, info = self.mission_of(document)
        return self._judged(document, rules, self._effective_profile(profile), info)

    def judge_versions(self, document: Document) -> tuple[Report, Versions]:
        """`document` judged, and a judge for versions of it (its suggested fixes accepted, render/accepted.py):
        its language checked and its mission told once, from `document`, as every version shares them."""
        rules = self.rulebook.rules
        self.check_language(document, rules)
        profile, info = self.mission_of(document)
        filled = self._effective_profile(profile)
        return self._judged(document, rules, filled, info), Versions(self, rules, filled, info)

    def judge_rule(self, document: Document, rule_id: str) -> Finding | None:
        """The finding `judge(document)` gives for one rule (None for no such rule), judging that rule alone:
        a rule's finding is made from the draft and the rule, whatever other rules are judged beside it."""
        rules = self.rulebook.rules
        self.check_language(document, rules)
        chosen = [r for r in rules if r.id == rule_id]
        if not chosen:
            return None
        profile, info = self.mission_of(document)
        return self._judged(document, chosen, self._effective_profile(profile), info).findings[0]

    def _effective_profile(self, profile: Profile) -> Profile:
        from mandatekit.missions import effective

        key = profile.model_dump_json()
        if key not in self._effective:
            self._effective[key] = effective(profile)
        return self._effective[key]

    def rule_versions(self, document: Document) -> Callable[[Document, str], Finding]:
        """A judge of one rule on versions of `document` (compare blanks the paragraphs a finding cites, to
        find the others that meet it), with the mission and profile told once, from `document`."""
        profile, info = self.mission_of(document)
        filled = self._effective_profile(profile)
        by_id = {r.id: r for r in self.rulebook.rules}

        def one(version: Document, rule_id: str) -> Finding:
            return self._judged(version, [by_id[rule_id]], filled, info.model_copy()).findings[0]

        return one

    def _judged(self, document: Document, rules: list[Rule], filled: Profile, info: MissionInfo) -> Report:
        from mandatekit.judge import judge_document

        report = judge_document(document, rules, filled, self.sources, self.label)
        report.mission = info
        return with_sources_placed(report, {s["id"]: s.get("made_for") for s in self.register})


class Versions:
    """The judge of versions of one draft (its fixes accepted), its language and mission told once. Called, it
    judges a version whole; `ranks` judges only the rules asked (render/verifier.py: those a fix can change)."""

    def __init__(self, setup: Setup, rules: list[Rule], filled: Profile, info: MissionInfo) -> None:
        from mandatekit.rulebook.profiles import profile_terms

        self.setup, self.rules, self.filled, self.info = setup, rules, filled, info
        self.terms = profile_terms(filled)

    def __call__(self, document: Document) -> Report:
        return self.setup._judged(document, self.rules, self.filled, self.info.model_copy())

    def ranks(self, document: Document, rule_ids: list[str]) -> dict[str, int]:
        """Rule id → the rank of its verdict on `document` (0 met, 1 partial, 2 missing), as `self(document)`
        gives it, for these rules only."""
        from mandatekit.judge import Prepared, judge_rule

        wanted = set(rule_ids)
        chosen = [r for r in self.rules if r.id in wanted]
        if not chosen:
            return {}
        prepared = Prepared(document)
        sources = self.setup.sources
        return {r.id: judge_rule(prepared, r, self.filled, sources, self.terms).verdict.rank for r in chosen}

    def finding(self, document: Document, rule_id: str) -> Finding | None:
        """The finding `self(document)` gives for one rule (None for no such rule), judging that rule alone."""
        from mandatekit.judge import Prepared, judge_rule

        rule = next((r for r in self.rules if r.id == rule_id), None)
        if rule is None:
            return None
        return judge_rule(Prepared(document), rule, self.filled, self.setup.sources, self.terms)


def with_sources_placed(report: Report, made_for: dict[str, str | None]) -> Report:
    """Each finding's sources marked with the mission they were made for; a quote made for another mission
    than the draft's moves to the report's sources annex, so that no finding puts another country's words
    into this draft."""
    from mandatekit.judge.report import AnnexQuote, AnnexSource

    mission = report.mission.mission if report.mission else None
    annex: dict[str, AnnexSource] = {}
    for finding in report.findings:
        for source in finding.sources:
            source.made_for = made_for.get(source.id)
            if (
                source.made_for
                and source.quote is not None
                and (mission or "").lower() != source.made_for.lower()
            ):
                entry = annex.setdefault(
                    source.id,
                    AnnexSource(id=source.id, title=source.title, made_for=source.made_for, quotes=[]),
                )
                entry.quotes.append(AnnexQuote(rule=finding.rule, title=finding.title, quote=source.quote))
                source.quote = None
    report.sources_annex = list(annex.values())
    return report


def resolve_profile(wanted: str, profiles: dict[str, Profile]) -> Profile:
    """A profile by id or by its mission's acronym, in any case ('unmiss', 'UNMISS'), by a host country only
    one profile serves ('Lebanon'), or from a profile file (`--profile our-mission.yaml`)."""
    from mandatekit.missions import GENERIC, GENERIC_ID

    if wanted in profiles:
        return profiles[wanted]
    if wanted == GENERIC_ID:
        return GENERIC
    path = Path(wanted)
    if path.suffix.lower() in (".yaml", ".yml"):
        from mandatekit.rulebook import profile_from_file

        return profile_from_file(path)
    key = wanted.strip().casefold()
    by_name = [p for p in profiles.values() if key in (p.id.casefold(), (p.mission or "").casefold())]
    by_country = [
        p for p in profiles.values() if key in {n.casefold() for n in (p.country, *p.country_names) if n}
    ]
    for found in (by_name, by_country):
        if len(found) == 1:
            return found[0]
    if path.is_file():
        from mandatekit.rulebook import profile_from_file

        return profile_from_file(path)
    known = sorted({*profiles, GENERIC_ID})
    if len(by_country) > 1:
        hint = f" ({wanted} is served by several: {', '.join(sorted(p.id for p in by_country))})"
    else:
        close = nearest(key, known)
        hint = f" ({close})" if close else ""
    raise MandatekitError(
        None,
        f"unknown profile '{wanted}'{hint}; known: {', '.join(known)}. A profile file works too (--profile "
        'our-mission.yaml, schema in docs/profiles.md), or add a folder of them with profiles = ["our-profiles"] '
        "in mandatekit.toml. Without --profile, the mission is told from the draft.",
    )


def setup(
    rules: list[str | os.PathLike[str]] | None = None,
    profile: str | None = None,
    config: Config | None = None,
    builtin: bool = True,
    examples: bool = True,
    near: str | os.PathLike[str] | None = None,
) -> Setup:
    """Load rules (built-in + `rules` folders + config folders) and the profiles. `profile`: a profile id or
    file to use for every draft; without it (nor one in the config), each draft's mission is told from its
    text. `near`: a draft, whose folder is searched for the config file first. `examples`: run the
    examples of the rules not built in, and refuse the rulebook if one fails (the built-in ones are tested
    before release)."""
    from mandatekit.missions import GENERIC

    config = config if config is not None else load_config(near=Path(near) if near is not None else None)
    profiles = load_profiles(config.profiles)
    wanted = profile or config.profile
    by = ("by --profile" if profile else f"by the config file {config.path}") if wanted else None
    chosen_profile = resolve_profile(wanted, profiles) if wanted else GENERIC
    extra = [*config.rules, *(Path(r) for r in rules or [])]
    rulebook = load_rulebook(
        extra, builtin=builtin, disable=config.disable, profiles=profiles, registers=config.sources
    )
    if examples and extra:
        rulebook = _leave_out_failing(rulebook, profiles.get(DEFAULT_PROFILE, chosen_profile))
    from mandatekit.rulebook.register import register_files

    register = load_sources(register_files(extra, config.sources)).get("sources", [])
    sources = {s["id"]: s.get("title", s["id"]) for s in register}
    return Setup(rulebook, chosen_profile, sources, profiles, by, register)


def _leave_out_failing(rulebook: Rulebook, profile: Profile) -> Rulebook:
    """Leave out of the rulebook each user rule whose own examples do not give their expected verdicts, with
    one warning naming its file: the draft is checked with the rules that work, and a rule that misjudges its
    own examples could give a false "met". Which examples fail is `mandatekit rules test`'s to say (the
    built-in rules are tested before release)."""
    from mandatekit.errors import warn
    from mandatekit.judge.examples import run_examples
    from mandatekit.resources import data_dir

    builtin_dir = data_dir("rules").resolve()
    left_out: dict[str, str] = {}
    notices = list(rulebook.notices)
    for rule in rulebook.rules:
        path = rulebook.files[rule.id]
        if path.resolve().is_relative_to(builtin_dir):
            continue
        failed = sum(not result.passed for result in run_examples(rule, profile))
        if not failed:
            continue
        n = len(rule.examples)
        left_out[rule.id] = (
            f"{failed} of its {n} example{'s' * (n != 1)} {'gives' if failed == 1 else 'give'} another verdict "
            f"than the file expects (`mandatekit rules test --rules {path.parent}` shows which)"
        )
        # one line for the rule: the note that it replaces a built-in rule becomes part of it
        replaced = [n for n in notices if n.startswith(f"rule '{rule.id}' from ")]
        notices = [n for n in notices if n not in replaced]
        also = " (nor the built-in rule of that id, which it replaces)" if replaced else ""
        warn(path, f"rule '{rule.id}' left out{also}: {left_out[rule.id]}")
    if not left_out:
        return rulebook
    import dataclasses

    # a copy: the rulebook loaded may be shared (cached), and `rules test` must still see every rule
    kept = [r for r in rulebook.rules if r.id not in left_out]
    return dataclasses.replace(rulebook, rules=kept, notices=notices, left_out=left_out)


def load_rules(rules: list[str | os.PathLike[str]] | None = None) -> Rulebook:
    return setup(rules).rulebook


def check(
    draft: str | os.PathLike[str],
    rules: list[str | os.PathLike[str]] | None = None,
    profile: str | None = None,
    only: list[str] | None = None,
) -> Report:
    """Check a draft (a file path, or the text itself) and return the report."""
    from mandatekit.read import SUFFIXES, read, read_string

    if isinstance(draft, str) and ("\n" in draft or Path(draft).suffix.lower() not in SUFFIXES):
        document = read_string(draft)
    else:
        document = read(draft)
    return setup(rules, profile, near=document.path).judge(document, only)


def memo_context(
    report: Report,
    setup: Setup,
    document: Document | None = None,
    *,
    title: str | None = None,
    author: str | None = None,
    memo_to: str | None = None,
    extra: dict[str, Any] | None = None,
    place_fixes: bool = True,
    previous_round: tuple[Document, Report] | None = None,
    previous_comparison: Comparison | None = None,
    audience: str = "team",
) -> dict[str, Any]:
    """What the memo says about a judged draft (its decisions already applied): the values its templates
    fill in. The web page shows the same gaps, placements and suggestions. `extra`: more values, e.g.
    `previous` (the comparison with an earlier draft, `mandatekit compare -o`). `place_fixes=False`: all
    but where each suggestion goes (placing them judges the draft again with each fix: the dearest stage).
    `previous_round`: the earlier draft and its report: what this round deleted is proposed back in its own
    words (render/restore.py); `previous_comparison`: the two rounds compared already, not compared again.
    `audience`: 'team' (the sender's office: where each recommendation was written) or 'delegations' (readers
    outside it: `render.memo.context.addressed`)."""
    from mandatekit.render.memo import addressed, with_previous
    from mandatekit.render.memo import memo_context as build

    context = build(
        report,
        title=title,
        author=author,
        sources=setup.register,
        rules=setup.rulebook.rules,
        profile_name=(setup.profiles.get(report.profile) or setup.profile).name,
        document=document,
        memo_to=memo_to,
        judge=setup.judge,  # each fix re-judged in place (render/placement.py)
        place_fixes=place_fixes,
        previous_round=previous_round,
        previous_comparison=previous_comparison,
    )
    context.update(extra or {})
    if context.get("previous"):
        context = with_previous(context, context["previous"])
    return addressed(context, memo_to=memo_to, author=author, audience=audience)


def render_memo(context: dict[str, Any], fmt: str = "docx", template: Path | None = None) -> bytes | str:
    """The memo as `mandatekit memo` writes it: the bytes of a Word file (fmt 'docx'), or the text of a
    Markdown ('markdown') or HTML ('html') one."""
    from mandatekit.render.memo import render_memo_docx, render_memo_text

    if fmt == "docx":
        if template is not None and template.suffix.lower() != ".docx":
            raise MandatekitError(template, "a Word memo needs a .docx template")
        return render_memo_docx(context, template)
    return render_memo_text(context, fmt, template)
