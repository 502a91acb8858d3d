"""Warnings about rules that are valid but likely to give a false "met".

The commonest way a rule goes wrong on real text is a met condition that one generic word can satisfy:
`accountab*` meets "accountable for its use of resources", `support` and `forces` stand in half the
paragraphs of a mandate. A met condition must name *what* is asked (accountability *for crimes*, support
*to forces in compliance with* the HRDDP), so a condition whose every element can be met by one common
word is flagged. Acronyms (HRDDP, SOFA, DDR) are names, not common words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from mandatekit.rulebook.model import Profile, Rule
from mandatekit.rulebook.patterns import (
    _TOKEN,
    Terms,
    compile_patterns,
    expand_placeholders,
    expand_regex_placeholders,
)

_MAX_EXPANSIONS = 512  # phrases are short; past this the phrase is too rich to be one word anyway


@dataclass(frozen=True)
class RuleWarning:
    rule: str
    path: str  # dotted path in the rule file, for the line number ('met.0')
    message: str


def _expand(tokens: list[str], pos: int) -> tuple[list[list[str]], int]:
    """Word sequences a token list can match at this level (a '...' gap counts as a word), up to ')' or '|'."""
    seqs: list[list[str]] = [[]]
    while pos < len(tokens):
        tok = tokens[pos]
        if tok == "|" or tok.startswith(")"):
            break
        if tok == "(":
            alternatives: list[list[str]] = []
            pos += 1
            while True:
                alt, pos = _expand(tokens, pos)
                alternatives += alt
                if pos >= len(tokens) or tokens[pos] != "|":
                    break
                pos += 1
            if pos < len(tokens) and tokens[pos] == ")?":
                alternatives.append([])
            pos += 1
            seqs = list(islice((s + a for s in seqs for a in alternatives), _MAX_EXPANSIONS))
            continue
        seqs = [[*s, tok] for s in seqs]
        pos += 1
    return seqs, pos


def single_words(phrase: str) -> list[str]:
    """The one-word matches of a phrase: 'accountab*' → ['accountab*']; '(support|aid)' → both;
    'security sector reform' → []."""
    tokens = _TOKEN.findall(phrase.strip())
    try:
        seqs, _ = _expand(tokens, 0)
    except IndexError:
        return []
    return list(dict.fromkeys(s[0] for s in seqs if len(s) == 1 and s[0] != "..."))


def is_common(word: str) -> bool:
    """A word found in any paragraph: not an acronym (HRDDP, non-UN) nor a proper name."""
    bare = word.lstrip("=").rstrip("*")
    if any(len(part) >= 2 and part.isupper() for part in re.split(r"[-']", bare)):
        return False
    return not bare[:1].isupper()


def _sample(word: str) -> str:
    """A word of the text that the token matches: 'accountab*' → 'accountab', '=report' → 'report'."""
    return word.lstrip("=").rstrip("*")


# Verbs of a mandate's every other paragraph: as the action an element asks for, any one of them meets it
# in paragraphs that ask something else ("requests ... to continue to support ... coordination with women
# protection advisers"; "including" for `include`), whatever topic the condition also names.
# not `address`, `facilitate`, `monitor`: said of violations or access, they are the action asked
# fmt: off
GENERIC_VERBS = frozenset((
    "continue", "ensure", "include", "consider", "support", "help", "contribute", "encourage", "urge", "call",
    "request", "take", "make", "use", "undertake", "remain", "keep", "note", "welcome", "recognize",
    "recognise", "stress", "underline", "emphasize", "emphasise", "reaffirm", "express", "decide",
))
# fmt: on


def _generic(word: str) -> str | None:
    """The generic verb a one-word phrase matches ('includ*' → 'include'), or None."""
    sample = _sample(word).lower()
    if word.rstrip().endswith("*"):
        return next((v for v in sorted(GENERIC_VERBS) if v.startswith(sample)), None)
    return sample if sample in GENERIC_VERBS else None


def _lone_verbs(phrase: str, topics: list[Any]) -> list[str]:
    """The words that stand alone as a phrase's action: a one-word match, or the first word of a match
    whose rest, after a '...' gap, is only the condition's topic (`(continue|deploy) ... women protection
    advisers`, the advisers a topic: `continue` meets "continue to support ... coordination with women
    protection advisers"). `topics`: the compiled topic elements. A rest that names the action
    (`call ... (cease|end)`) leaves the verb a mere lead-in."""
    tokens = _TOKEN.findall(phrase.strip())
    try:
        seqs, _ = _expand(tokens, 0)
    except IndexError:
        return []
    out = []
    for seq in seqs:
        if not seq or seq[0] == "...":
            continue
        if len(seq) == 1:
            out.append(seq[0])
        elif seq[1] == "..." and len(seq) > 2 and "..." not in seq[2:]:
            rest = " ".join(_sample(w) for w in seq[2:]).encode()
            if any(prog.fullmatch(rest) is not None for prog in topics):
                out.append(seq[0])
    return list(dict.fromkeys(out))


def generic_verb_warnings(rule: Rule, terms: Terms = ()) -> list[RuleWarning]:
    """A warning for each met condition whose every asked (non-topic) element a generic verb alone can
    meet, even when the condition also names a specific topic: the topic is then met by any paragraph that
    mentions it while asking something else (trial 14: `continue` cited as the deployment of women
    protection advisers). An asked element of specific words beside it (`support` with `forces`) names
    what is asked, and is not flagged."""
    out = []
    for i, condition in enumerate(rule.met):
        asked = [n for n in condition.all if not rule.elements[n].topic]
        topics = [
            compile_patterns(
                expand_placeholders(tuple(rule.elements[n].phrases), terms),
                expand_regex_placeholders(rule.elements[n].regex, terms),
            )
            for n in condition.all
            if rule.elements[n].topic
        ]
        verbs: dict[str, list[str]] = {}
        for name in asked:
            words = expand_placeholders(tuple(rule.elements[name].phrases), terms)
            found = (v for p in words for w in _lone_verbs(p, topics) if (v := _generic(w)))
            verbs[name] = list(dict.fromkeys(found))
        if not asked or not all(verbs.values()):
            continue
        shown = "; ".join(f"'{n}' by {', '.join(repr(v) for v in verbs[n][:5])}" for n in asked)
        out.append(
            RuleWarning(
                rule.id,
                f"met.{i}",
                f"rule '{rule.id}': met condition {condition.all} asks nothing specific: each element it asks "
                f"for can be met by a generic verb alone ({shown}), which stands in paragraphs that ask "
                "something else: name the action (`deploy`, `appoint`) or join the verb to it (`continue to "
                "deploy`); `rules test -v` shows the words each example matched",
            )
        )
    return out


def lint_rule(rule: Rule, terms: Terms = ()) -> list[RuleWarning]:
    """A warning for each met condition that one common word, alone, can meet: every element of the
    condition has a one-word phrase matching that same word. {placeholders} stand for the `terms`."""

    def phrases(name: str) -> tuple[str, ...]:
        return expand_placeholders(tuple(rule.elements[name].phrases), terms)

    out = []
    for i, condition in enumerate(rule.met):
        first, *others = condition.all
        words = [w for p in phrases(first) for w in single_words(p) if is_common(w)]
        compiled_others = [
            compile_patterns(phrases(n), expand_regex_placeholders(rule.elements[n].regex, terms))
            for n in others
        ]
        lone = [
            w
            for w in words
            if all(prog.fullmatch(_sample(w).encode()) is not None for prog in compiled_others)
        ]
        if lone:
            shown = ", ".join(f"'{w}'" for w in lone[:4])
            out.append(
                RuleWarning(
                    rule.id,
                    f"met.{i}",
                    f"rule '{rule.id}': met condition {condition.all} can be met by one common word "
                    f"({shown}): name what is asked, e.g. accountability *for crimes*, support *to forces*",
                )
            )
    return out + generic_verb_warnings(rule, terms)


def _named_things(profiles: Iterable[Profile]) -> dict[str, str]:
    """Words that belong to one country: its name, its mission's names, its national forces (and their
    acronyms) → what they are, from every profile."""
    out: dict[str, str] = {}
    for p in profiles:
        if not p.mission:  # the generic profile: general terms
            continue
        for name in [p.mission, *p.names]:
            if name:
                out[name] = f"the mission {p.mission}"
        for name in [p.country, *p.country_names]:
            if name:
                out[name] = f"the country {p.country}"
        for placeholder, words in p.pattern_words.items():
            for word in words:
                out[word] = f"a word profile {p.id} gives for {{{placeholder}}}"
        forces = p.values.get("national_forces", "")
        for part in [forces, *re.findall(r"\(([A-Z][A-Za-z-]+)\)", forces)]:
            bare = part.removeprefix("the ").strip()
            if bare:
                out[bare] = f"the national forces of {p.country or p.mission}"
    return out


def country_problems(rule: Rule, profiles: Iterable[Profile]) -> list[tuple[str, str]]:
    """(field, problem) for each country, mission or national force a rule's proposed words name outright:
    those belong in a profile, as {mission}, {host_state}, {national_forces} ..."""
    named = _named_things(profiles)
    if not named:
        return []
    pattern = _named_pattern(named)
    fields = [
        ("recommendation", rule.recommendation),
        ("suggestion", rule.suggestion),
        *((f"message.{k}", getattr(rule.message, k)) for k in ("met", "partial", "missing")),
        *((f"message.partial_cases.{k}", text) for k, text in rule.message.partial_cases.items()),
    ]
    fields += [(f"variants[{i}].suggestion", v.suggestion) for i, v in enumerate(rule.variants)]
    fields += [(f"variants[{i}].note", v.note) for i, v in enumerate(rule.variants) if v.note]
    out = []
    for field, text in fields:
        for found in dict.fromkeys(m.group(1) for m in pattern.finditer(text)):
            out.append(
                (
                    field,
                    f"names {named[found]} outright ('{found}'): use a profile value such as {{mission}}, "
                    "{host_state}, {national_forces}, {courts} or {peace_agreement}",
                )
            )
    return out


def _named_pattern(named: dict[str, str]) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w{-])("
        + "|".join(re.escape(n) for n in sorted(named, key=len, reverse=True))
        + r")(?![\w}-])"
    )


def pattern_country_problems(rule: Rule, profiles: Iterable[Profile]) -> list[tuple[str, str]]:
    """(field, problem) for each country, mission, national force, court or agreement a rule's phrases or
    regexes (what the judge matches) name outright: they match a profile's words through {mission},
    {national_forces}, {nationality}, {armed_groups}, {courts}, {peace_agreement} (docs/rules.md)."""
    named = _named_things(profiles)
    if not named:
        return []
    pattern = _named_pattern(named)
    parts = [(f"elements.{name}", element) for name, element in rule.elements.items()]
    parts += [("subject", rule.subject)] if rule.subject else []
    parts += [(f"exclude.{i}", exclusion) for i, exclusion in enumerate(rule.exclude)]
    parts += [(f"narrowed.{i}", narrowing) for i, narrowing in enumerate(rule.narrowed)]
    out = []
    for at, patterns in parts:
        for kind, items in (("phrases", patterns.phrases), ("regex", patterns.regex)):
            for i, item in enumerate(items):
                for found in dict.fromkeys(m.group(1) for m in pattern.finditer(item)):
                    out.append(
                        (
                            f"{at}.{kind}.{i}",
                            f"rule '{rule.id}' names {named[found]} outright ('{found}'): a pattern names it "
                            "by a placeholder such as {mission}, {national_forces} or {courts}, whose words "
                            "profiles give under pattern_words (docs/rules.md)",
                        )
                    )
    return out
