"""Words around a finding that change what it says: a negation ('shall no longer'), a condition ('unless'),
a hedge ('as appropriate')."""

from __future__ import annotations

import re

from mandatekit.read.model import Paragraph

_NEGATION = re.compile(
    r"\b(?:not(?!\s+(?:only|least|limited|later|exceeding|less|more))|no\s+longer|never|cannot|"
    r"ceases?\s+to|discontinu\w*|nor)\b|n't\b",
    re.IGNORECASE,
)
_NEGATION_IDIOMS = re.compile(r"whether\s+or\s+not|if\s+not|but\s+not\s+limited", re.IGNORECASE)
_CONDITIONAL = re.compile(
    r"\b(?:unless|except\s+(?:where|when|if)|where\s+there\s+(?:are|is)|"
    r"(?:that|which|who)\s+(?:do|does|did|have|has|are|is)\s+not)\b",
    re.IGNORECASE,
)
# The same, for ASCII text lowercased: case ignored by lowercasing first, three times faster. In ASCII text
# that is exactly what ignoring case does (the other characters that match 'i' or 's' are not ASCII).
_NEGATION_LOWER = re.compile(_NEGATION.pattern)
_NEGATION_IDIOMS_LOWER = re.compile(_NEGATION_IDIOMS.pattern)
_CONDITIONAL_LOWER = re.compile(_CONDITIONAL.pattern)
assert all(
    p.pattern == p.pattern.lower() for p in (_NEGATION_LOWER, _NEGATION_IDIOMS_LOWER, _CONDITIONAL_LOWER)
)
STANDARD_POC_HEDGE = "within its capabilities and areas of deployment"
# How a hedge that is no shortfall ends, as reported: a remark beside a verdict, never the reason for one.
NOT_A_GAP = "standard protection-of-civilians language, not a gap"
HEDGES = [
    STANDARD_POC_HEDGE,
    "as appropriate",
    "where appropriate",
    "when appropriate",
    "where possible",
    "when possible",
    "to the extent possible",
    "as feasible",
    "where feasible",
    "within existing resources",
    "bearing in mind",
    "in consultation with the host authorities",
    "in consultation with the government",
    "with the consent of",
    "upon request of the",
    "at the request of the",
    "subject to the availability",
]
_HEDGE_RE = re.compile("|".join(re.escape(h).replace(r"\ ", r"\s+") for h in HEDGES), re.IGNORECASE)
# The same, searched in lowercased text: ten times faster than ignoring case. Lowercasing a character keeps
# its length and gives what ignoring case compares, except for the few characters named here (a dotted
# capital I lowercases to two characters; a dotless i or a long s matches 'i' or 's' when case is ignored).
_HEDGE_LOWER_RE = re.compile("|".join(re.escape(h).replace(r"\ ", r"\s+") for h in HEDGES))
_NOT_PLAIN_LOWER = "\u0130\u0131\u017f"
# A hedge that names someone ("at the request of the", "with the consent of") is quoted with whom it names,
# up to the next punctuation and at most this many words: "at the request of the Congolese authorities", not a
# fragment ending in "of the".
_WHOSE_WORDS = 6


# Words that make what follows a consideration attached to the task, not the task itself: "Authorizes the
# Mission to support the regional force ..., with due consideration for the safety and security of UN
# personnel" asks for the support, and only minds the safety. Their reach ends at the next comma, semicolon
# or colon: "..., bearing in mind X, to ensure Y" still asks for Y.
_QUALIFIER = re.compile(
    r"\b(?:with\s+(?:due|full)\s+(?:consideration|regard)\s+(?:for|to|of)|bearing\s+in\s+mind|"
    r"mindful\s+of|without\s+prejudice\s+to)\b[^,;:]*",
    re.IGNORECASE,
)


def qualifier_spans(text: str) -> list[tuple[int, int, str]]:
    """Where qualifying phrases stand in `text` (start, end, their opening words): the words inside one are
    something the task minds, not something it asks."""
    return [(m.start(), m.end(), " ".join(m.group().split()[:4])) for m in _QUALIFIER.finditer(text)]


def _blanked(match: re.Match[str]) -> str:
    return " " * len(match.group())


def first_negation(clause: str) -> tuple[int, str] | None:
    """The first negation in `clause` (idioms such as 'whether or not' aside): where it ends and its words
    as `clause` has them; None if there is none. A hit is negated when the first negation of its clause
    ends before it: found once per clause, not once per hit (a clause of thousands of hits would otherwise
    search itself thousands of times). Idioms are blanked, not removed, so offsets stay those of `clause`."""
    if clause.isascii():  # lowercased, the words are found in a third of the time (see `_LOWER`)
        m = _NEGATION_LOWER.search(_NEGATION_IDIOMS_LOWER.sub(_blanked, clause.lower()))
    else:
        m = _NEGATION.search(_NEGATION_IDIOMS.sub(_blanked, clause))
    return None if m is None else (m.end(), clause[m.start() : m.end()])


def is_conditional(clause: str) -> bool:
    """ "shall not provide support ... unless / to units that do not comply": a condition, not a negation."""
    if clause.isascii():
        return _CONDITIONAL_LOWER.search(clause.lower()) is not None
    return _CONDITIONAL.search(clause) is not None


# A coordinated infinitive opens a task of its own: "and to report", "and, in consultation with the
# authorities, to update the plan" (an aside between the 'and' and the 'to'). A 'to' before a determiner is a
# preposition ('and to the forces').
_TASK = re.compile(
    r"\b(?:and|or)\b\s*(?:,[^,;:]{1,150},\s*)?to\s+(?!(?:the|a|an|its|their|his|her|all|any|this|these|that|"
    r"those|such|each|every|both|other|which|whom)\b)[a-z]+"
)


def hedge_reach(text: str, start: int, end: int) -> tuple[int, int]:
    """The words a hedge at [start, end) qualifies, within its clause between semicolons. A hedge that closes a
    coordinated task ("..., and, in consultation with ..., to update the logistical support plan as
    appropriate, in full compliance with the HRDDP": after a word, before a comma) qualifies that task alone,
    from its 'and' to the hedge; the paragraph's other tasks, and what follows the hedge, are unhedged. A hedge
    that opens a coordinated task ("and, where possible, to report") or stands inside one in any other way ("and
    to investigate and as appropriate prosecute") qualifies that task, up to the next one. A hedge before the
    first coordinated task, or in a clause of one task, governs the whole clause."""
    a = text.rfind(";", 0, start) + 1
    b = text.find(";", end)
    b = len(text) if b < 0 else b
    tasks = list(_TASK.finditer(text, a, b))
    mine = None
    for i, m in enumerate(tasks):
        if m.start() <= start:
            mine = i
    if mine is None:
        return a, b
    opening = tasks[mine]
    task_end = tasks[mine + 1].start() if mine + 1 < len(tasks) else b
    closes = (
        start >= opening.end()
        and text[start - 1 : start].isspace()
        and text[start - 2 : start - 1].isalnum()
        and (end >= b or text[end : end + 1] in ",:")
    )
    return opening.start(), end if closes else task_end


def hedges_in(para: Paragraph, text: str) -> list[str]:
    """The hedges of a paragraph, as reported; `text` is its text as matched (`for_matching`)."""
    return [words for words, *_ in hedge_spans(para, text)]


def hedge_spans(para: Paragraph, text: str) -> list[tuple[str, int, int, int, int]]:
    """The hedges of a paragraph, as reported, each with the reach of the words it qualifies (`hedge_reach`)
    and its clause between semicolons (a hedge of another clause is reported with that clause named)."""
    lower = text.lower()
    if len(lower) == len(text) and not any(c in text for c in _NOT_PLAIN_LOWER):
        matches = _HEDGE_LOWER_RE.finditer(lower)
    else:
        matches = _HEDGE_RE.finditer(text)
    found = []
    for m in matches:
        words = " ".join(para.text[m.start() : m.end()].split())
        if words.lower().endswith((" of", " the")):  # whose request or consent: quoted with its words
            whose = re.split(r"[,;:()]", para.text[m.end() :], maxsplit=1)[0].split()[:_WHOSE_WORDS]
            words = " ".join([words, *whose])
        clause = _own_clause(para.text, m.start(), m.end())
        a = para.text.rfind(";", 0, m.start()) + 1
        b = para.text.find(";", m.end())
        ra, rb = hedge_reach(para.text, m.start(), m.end())
        # A paragraph of several asks ("Encourages support to Regional Forces, as appropriate, expresses its
        # intention ..., and further stresses ... coordination"): a hedge qualifies the ask its verb opens, up to
        # the next verb, not the others (trial 13: OP 20's hedges were laid on its coordination clause).
        ra = max([ra, *(u.start for u in para.verbs if u.start <= m.start())])
        rb = min([rb, *(u.start for u in para.verbs if u.start >= m.end())])
        reach = (ra, rb, a, len(para.text) if b < 0 else b)
        if words.lower() == STANDARD_POC_HEDGE:
            found.append((f"'{words}' ({para.ref}): {NOT_A_GAP}", *reach))
        elif clause is not None:
            found.append((f"'{words}' ({para.ref}) qualifies the commitment only in its clause “{clause}”, "
                          "not the rest of the paragraph", *reach))  # fmt: skip
        else:
            found.append((f"'{words}' ({para.ref}) qualifies the commitment", *reach))
    return found


# How many words may stand between a hedge and the words it qualifies for it to qualify them directly: "and,
# as appropriate, in strict compliance with the HRDDP" (one, 'in'). Further away, it qualifies the task or
# clause it stands in (`hedge_reach`), a remark beside the verdict.
_NEXT_TO_WORDS = 2
_OPENS = re.compile(r"(?:[,(:]|\b(?:and|or))\s*$", re.IGNORECASE)


def hedge_next_to(text: str, start: int, end: int) -> str | None:
    """The hedge that stands right beside the words at [start, end) of `text` and so qualifies those very
    words: before them after a comma or an 'and' ("and, as appropriate, in strict compliance with the HRDDP"),
    or after them closing the phrase ("in compliance with the HRDDP, as appropriate;"). A hedge that closes the
    task before it ("to update the plan as appropriate, in full compliance with the HRDDP": after a word)
    qualifies that task, not what follows (`hedge_reach`). Only punctuation and at most `_NEXT_TO_WORDS` words
    between, within one clause; the standard protection-of-civilians hedge is no shortfall. None if none."""
    for h_start, h_end in _hedge_runs(text, max(0, start - 200), min(len(text), end + 200)):
        if h_start < end and start < h_end:
            continue
        before = h_end <= start
        between = text[h_end:start] if before else text[end:h_start]
        if ";" in between or len(re.findall(r"[A-Za-z]+", between)) > _NEXT_TO_WORDS:
            continue
        if before and not _OPENS.search(text[max(0, h_start - 20) : h_start]):
            continue  # it closes the words before it
        if not before and text[h_end : h_end + 1] not in ("", ",", ";", ".", ")"):
            continue  # it opens what follows it
        return " ".join(text[h_start:h_end].split())
    return None


# Hedges joined by a comma, 'and' or 'or' ("as appropriate and where feasible"): one hedge, read whole.
_JOINS_HEDGES = re.compile(r"[\s,]*(?:\b(?:and|or)\b)?[\s,]*")


def _hedge_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The hedges in text[start:end], those side by side as one run ("as appropriate and where feasible"):
    a condition followed by two hedges is as hedged as one followed by one (trial 15 F3). The standard
    protection-of-civilians hedge is no shortfall and joins none."""
    runs: list[tuple[int, int]] = []
    for m in _HEDGE_RE.finditer(text, start, end):
        if m.group().lower() == STANDARD_POC_HEDGE:
            continue
        if runs and _JOINS_HEDGES.fullmatch(text, runs[-1][1], m.start()):
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append((m.start(), m.end()))
    return runs


_CLAUSE_WORDS = 20  # words of a hedged clause quoted, at most (the rest is "…"): enough to tell it apart


def _own_clause(text: str, start: int, end: int) -> str | None:
    """The clause (between semicolons) a hedge stands in, quoted, when the paragraph has other clauses the
    hedge does not govern: in "To report publicly on abuses; and, where possible, to report on the chains
    of command" the public reporting is unhedged. None when the hedge's clause is the whole paragraph."""
    a = text.rfind(";", 0, start) + 1
    b = text.find(";", end)
    b = len(text) if b < 0 else b
    if len((text[:a] + text[b:]).strip(" ;:.,").split()) < 3:
        return None
    words = re.sub(r"^(?:and|or|but)\b[\s,]*", "", text[a:b].strip(" ,.:")).split()
    if len(words) <= _CLAUSE_WORDS:
        return " ".join(words)
    return " ".join(words[:_CLAUSE_WORDS]) + " …"
