"""The verdict of each rule on a draft: met, partial or missing, with the evidence and the reasons.

A rule is met only where all the elements of one of its conditions stand together in operative text, under
a governing verb at least as strong as the rule asks, not in square brackets and not negated. Anything less
is partial, with the reason said, and so is the recommendation's subject addressed at all (a preambular
recall, a weak verb, an ask of others); nothing at all is missing. A false "met" is the worst error this tool can
make, so every doubt goes to partial."""

from __future__ import annotations

import re

from mandatekit.judge import messages
from mandatekit.judge.best_words import best_hit
from mandatekit.judge.candidates import Candidate, candidates
from mandatekit.judge.cues import hedge_next_to
from mandatekit.judge.forces import forces_setting
from mandatekit.judge.hits import Hit, find_hits
from mandatekit.judge.narrowed import narrowed_hits
from mandatekit.judge.partial_sets import partial_set
from mandatekit.judge.prepared import Prepared
from mandatekit.judge.quoted import hedges_of, in_insertion, quote
from mandatekit.judge.renewal import renewal_by_reference
from mandatekit.judge.report import DocumentInfo, Finding, Passage, Report, SourceRef, Summary
from mandatekit.judge.standing import others_asked
from mandatekit.judge.un_bodies import un_bodies
from mandatekit.read.model import Document, Kind, VerbClass
from mandatekit.rulebook import Profile, Rule, Verdict
from mandatekit.rulebook.model import SUBJECT, Scope
from mandatekit.rulebook.patterns import Terms, expand_placeholders, expand_regex_placeholders, pattern_set
from mandatekit.rulebook.profiles import profile_terms

# The verbs whose addressee is said ('Requests all parties to', 'Calls upon the authorities to'): asked of
# others than the UN, what they need is said of those others.
_ASKS_OTHERS = (VerbClass.requests, VerbClass.calls)


def defects(
    rule: Rule, min_verb: VerbClass, chosen: list[Hit], prepared: Prepared, un: re.Pattern[str]
) -> list[str]:
    """What keeps elements found together from meeting the rule: preamble, weak verb, brackets, negation
    (`un`: the UN's own bodies, whom a request tasks: judge/un_bodies.py)."""
    paragraphs = prepared.paragraphs
    found = []
    preamble = [h for h in chosen if paragraphs[h.para].kind is Kind.preambular]
    if preamble and rule.scope is Scope.operative:
        found.append(
            messages.preamble_only(", ".join(dict.fromkeys(paragraphs[h.para].ref or "" for h in preamble)))
        )
    # A heading between an OP and its tasks ('(ii) Support to the political process', '(c) Good offices:')
    # files the tasks under a label: its words inherit the OP's verb but ask nothing. What is asked must
    # stand in a task (the heading's words may complete it); found only in headings, it is the theme named.
    asked_words = [h for h in chosen if not rule.elements[h.element].topic] or chosen
    if all(paragraphs[h.para].kind is Kind.operative and prepared.is_title(h.para) for h in asked_words):
        found.append(
            messages.title_only(", ".join(dict.fromkeys(paragraphs[h.para].ref or "" for h in asked_words)))
        )
    # A topic element names what the paragraph is about; the verb must govern what is asked.
    operative = [
        h for h in chosen if paragraphs[h.para].kind is Kind.operative and not rule.elements[h.element].topic
    ]
    weakest = None
    for h in operative:
        verb_class, verb = prepared.force_at(h.para, h.start)
        # A later clause that takes up these words and holds others found with them asks them with its force.
        lent = prepared.taken_up(h, operative)
        borrowed = bool(lent and lent.verb_class.strength > (verb_class.strength if verb_class else 0))
        if lent and borrowed:
            verb_class, verb = lent.verb_class, lent.verb
        # 'Requests' mandates the Secretary-General or a mission (resolution anatomy); addressed to the parties
        # or the authorities it asks of them what a call does. The Council demands of parties: a request to
        # them is as weak as 'Calls upon' where the rule needs more of them ('Requests all parties to allow
        # ... access' is no more than 'Calls upon all parties to allow ... access').
        # A borrowed verb asks of its own clause's addressee ('..., urges the Government to resume the dialogue,
        # and requests the Mission's support in this regard'), not of whom the words' own clause names.
        whom = others_asked(h, prepared, un) if verb_class in _ASKS_OTHERS and not borrowed else None
        if verb_class is VerbClass.requests and whom:
            verb_class = VerbClass.calls
        if weakest is None or (verb_class.strength if verb_class else 0) < weakest[0]:
            weakest = (verb_class.strength if verb_class else 0, verb_class, verb, h, whom)
    if weakest and weakest[0] < min_verb.strength and rule.scope is not Scope.preambular:
        _, verb_class, verb, h, whom = weakest
        # Who can meet the rule says what is needed: of the parties the Council demands, where their duty is
        # the ask (min_verb 'calls'); where it asks a task of the UN, the mission must be tasked.
        duty_of_others = rule.min_verb.strength <= VerbClass.calls.strength
        whom = _the(whom) if whom else None
        found.append(
            messages.too_weak(paragraphs[h.para].ref, verb_class, verb, min_verb, whom, duty_of_others)
        )
    in_brackets = [
        (h, use) for h in operative if (use := prepared.verb_use_at(h.para, h.start)) and use.bracketed
    ]
    if in_brackets:
        h, use = in_brackets[0]
        found.append(messages.verb_in_brackets(use.verb, paragraphs[h.para].ref))
    bracketed = [h for h in chosen if h.bracketed]
    if bracketed:
        found.append(messages.unagreed_reason(rule, bracketed, paragraphs, "bracketed"))
    # Only what is asked can be negated: a topic ("do not recruit children") or an idea worded in the
    # negative ("does not cause harm") stays what it is.
    askable = [
        h
        for h in chosen
        if not rule.elements[h.element].topic and not rule.elements[h.element].allow_negation
    ]
    # What is asked cannot be a mere consideration of the task ("with due consideration for the safety ...").
    asked = [h for h in chosen if not rule.elements[h.element].topic]
    qualified = [(h, words) for h in asked if (words := prepared.qualifier(h))]
    if qualified:
        h, words = qualified[0]
        found.append(messages.qualified(paragraphs[h.para].ref, words))
    # A hedge right beside a condition makes it optional ("and, as appropriate, in strict compliance with the
    # HRDDP"): no condition. A hedge on a task, or elsewhere in the clause, stays a remark (`hedges_of`):
    # coders read "to facilitate, as appropriate, political dialogue" as the task asked.
    hedged = [
        (h, words)
        for h in asked
        if rule.elements[h.element].condition
        and (words := hedge_next_to(paragraphs[h.para].text, h.start, h.end))
    ]
    if hedged:
        h, words = hedged[0]
        found.append(messages.hedged(paragraphs[h.para].ref, words))
    negated = [(h, words) for h in askable if (words := prepared.negation(h))]
    if negated:
        h, words = negated[0]
        found.append(messages.negated(paragraphs[h.para].ref, words))
    return found


def bracketed_between(chosen: list[Hit], hits: dict[str, list[Hit]]) -> list[Hit]:
    """Words of the condition's own ideas in square brackets between the words that meet it in one paragraph:
    "Demands that all parties allow and facilitate [full, safe, rapid and unhindered access][access, as
    appropriate,] for the timely delivery of aid" meets the rule by 'allow' and 'delivery of aid' outside the
    brackets, but what joins them, and says what is allowed, is the unagreed text. A bracket holding no word
    of those ideas ('[immediately]') leaves the agreed words as they are."""
    names = {h.element for h in chosen if not h.bracketed}
    found: list[Hit] = []
    for para in dict.fromkeys(h.para for h in chosen):
        here = [h for h in chosen if h.para == para and not h.bracketed]
        if len(here) < 2:
            continue
        first, last = min(h.end for h in here), max(h.start for h in here)
        found += [
            b
            for name in names
            for b in hits.get(name, ())
            if b.para == para and b.bracketed and first <= b.start and b.end <= last
        ]
    return found


def judge_rule(
    prepared: Prepared,
    rule: Rule,
    profile: Profile | None = None,
    sources: dict[str, str] | None = None,
    terms: Terms | None = None,
) -> Finding:
    """The finding of one rule on one prepared document. A {placeholder} of its phrases matches the words of
    the profile and of every bundled profile (`profile_terms`), unless `terms` says which."""
    paragraphs = prepared.paragraphs
    terms = profile_terms(profile) if terms is None else terms
    setting = forces_setting(profile, terms)
    un = un_bodies(setting.own)
    hits = find_hits(prepared, rule, terms, setting)
    narrow = narrowed_hits(prepared, rule, hits, terms, setting) if rule.narrowed else {}

    def judged(rule: Rule, min_verb: VerbClass, chosen: list[Hit], prepared: Prepared) -> list[str]:
        found = defects(rule, min_verb, chosen, prepared, un)
        if between := bracketed_between(chosen, hits):
            found.append(messages.bracketed_between(paragraphs[between[0].para].ref, between, paragraphs))
        # Words that meet the rule only for a narrower subject (judge/narrowed.py) meet a part of it.
        if limited := [h for h in chosen if h in narrow]:
            h = limited[0]
            found.append(messages.narrowed(paragraphs[h.para].ref, narrow[h], rule.elements[h.element].label))
        return found

    ranked = sorted(candidates(prepared, rule, hits, judged, un), key=Candidate.rank)
    reasons: list[str] = []
    chosen: list[Hit] = []
    if ranked and not ranked[0].defects:
        verdict, chosen = Verdict.met, ranked[0].hits
    elif ranked:
        verdict, chosen, reasons = Verdict.partial, ranked[0].hits, ranked[0].defects
    else:
        verdict = Verdict.missing
        for names in rule.partial:
            found = partial_set(prepared, names, hits, rule.together, [c.all for c in rule.ways_to_meet])
            if found:
                verdict, chosen = Verdict.partial, found
                break
        if verdict is Verdict.partial:
            reasons = [
                messages.what_is_missing(
                    rule,
                    hits,
                    chosen,
                    paragraphs,
                    lambda h: prepared.verb_at(h.para, h.start)[1],
                    lambda h: _amended_first(h, prepared),
                )
            ]
            if bracketed := [h for h in chosen if h.bracketed]:
                reasons.append(messages.unagreed_reason(rule, bracketed, paragraphs, "bracketed"))
        elif hits.get(SUBJECT):
            # The subject addressed at all: a recall in the preamble, a weak verb, an ask of others.
            verdict, chosen = Verdict.partial, [best_hit(hits[SUBJECT], prepared)]
            reasons = [messages.subject_only(rule, chosen[0], paragraphs, prepared.verb_at)]
            if chosen[0].bracketed:
                reasons.append(messages.unagreed_reason(rule, chosen, paragraphs, "bracketed"))
    met = verdict is Verdict.met
    hedges = hedges_of(chosen, prepared) if chosen else []
    hedged_conditions = _conditions_hedged_elsewhere(rule, ranked, chosen, prepared)
    hedges += [messages.hedged(p.ref, p.words) for p in hedged_conditions]
    made = prepared.borrowed.made
    for b in dict.fromkeys(made[key] for h in chosen if (key := (h.para, h.start, h.end)) in made):
        reasons.append(messages.read_with(paragraphs[b.para].ref, b.written, b.refs))
    condition_label = condition_words = ""
    if uncovered := _unconditioned(rule, hits, prepared, un):
        condition_label = next(e.label for e in rule.elements.values() if e.condition)
        condition_words = _condition_words(rule, hits, chosen, prepared)
        reasons.append(messages.unconditioned(uncovered, condition_label, condition_words))
    if pending := [h for h in chosen if in_insertion(paragraphs[h.para], h.start, h.end)]:
        reasons.append(messages.unagreed_reason(rule, pending, paragraphs, "pending"))
    sources = sources or {}
    filled = messages.filled_with(profile)
    # The variant for this kind of mission (AU-led, political, no host-force abuses, no other forces there):
    # the verdict stands (the draft says what it says); the suggestion, and any severity and note, are its.
    message = filled(getattr(rule.message, verdict.value)) + (
        _asked_of(rule, chosen, prepared, un) if met else ""
    )
    # Which case of partial it is, said after the rule's message in words for the writer (trial 14 F8): the
    # first reason that knows its case (the order `defects` finds them in: preamble, heading, verb, ...).
    # A rule may say a case in its own words (message.partial_cases), told in place of its partial message.
    case = next((r for r in reasons if isinstance(r, messages.Reason)), None)
    if verdict is Verdict.partial and case is not None:
        own = rule.message.partial_cases.get(case.case)
        message = filled(own) if own else f"{message} {case.plain}"
    note = filled(rule.note_for(profile))
    if note:
        message = f"{message} {note}"
    severity, suggestion = rule.severity_for(profile), rule.suggestion_for(profile)
    return Finding(
        rule=rule.id,
        title=rule.title,
        severity=severity,
        theme=rule.theme,
        verdict=verdict,
        message=message,
        partial_case=case.case if verdict is Verdict.partial and case is not None else None,
        reasons=[str(r) for r in reasons],
        hedges=hedges,
        evidence=quote(chosen, rule, prepared),
        recommendation=filled(rule.recommendation),
        suggestion=filled(suggestion.strip()),
        note=note,
        sources=[SourceRef(id=s.id, quote=s.quote, title=sources.get(s.id)) for s in rule.sources],
        hedged_conditions=hedged_conditions,
        unconditioned=[Passage(ref=ref, words=words) for ref, words in uncovered],
        condition_label=condition_label,
        condition_words=condition_words,
        subject_at=_subject_at(hits, rule),
    )


def _conditions_hedged_elsewhere(
    rule: Rule, ranked: list[Candidate], chosen: list[Hit], prepared: Prepared
) -> list[Passage]:
    """A condition hedged in another paragraph than the one the verdict rests on: "..., and, as appropriate, in
    strict compliance with the HRDDP" in the support paragraph while a task elsewhere keeps its condition whole.
    The verdict stands on that task; the reader must still be told that this paragraph's condition is optional."""
    paragraphs = prepared.paragraphs
    found: dict[tuple[str, str], None] = {}
    for c in ranked:
        for h in c.hits:
            if h in chosen or not rule.elements[h.element].condition:
                continue
            if words := hedge_next_to(paragraphs[h.para].text, h.start, h.end):
                found[(paragraphs[h.para].ref or "", words)] = None
    return [Passage(ref=ref, words=words) for ref, words in found]


# Support reported on, evaluated or considered ("to report ... on possible logistical support the UN can
# provide", "an evaluation ... of the logistical support provided to the defence forces") is not
# support given: nothing to condition yet.
_CONSIDERED = re.compile(r"\b(?:report\w*|consider\w*|assess\w*|evaluat\w*|options?|possible|possibility|modalities|review)\b",
                         re.IGNORECASE)  # fmt: skip


def _given_by_the_un(h: Hit, prepared: Prepared, un: re.Pattern[str]) -> bool:
    """Support the Council decides or requests of the UN: the HRDDP binds the UN's support, not that States
    are called upon to give ('Renews its call upon States ... by providing logistical support')."""
    verb_class = prepared.verb_at(h.para, h.start)[0]
    if verb_class not in (VerbClass.decides, VerbClass.requests):
        return False
    return verb_class is VerbClass.decides or not others_asked(h, prepared, un)


def _condition_words(rule: Rule, hits: dict[str, list[Hit]], chosen: list[Hit], prepared: Prepared) -> str:
    """The draft's own words for the condition, to add where support is given without it ("in strict
    compliance with the HRDDP"): those the verdict rests on first (their hedge, if any, is not added), else
    the first in an operative paragraph; '' where the draft has none."""
    conditions = [n for n, e in rule.elements.items() if e.condition]
    found = [h for h in chosen if h.element in conditions]
    found += [
        h for n in conditions for h in hits.get(n, ()) if prepared.paragraphs[h.para].kind is Kind.operative
    ]
    for h in found:
        text = prepared.paragraphs[h.para].text
        words = _whole_name(text, h.start, h.end)
        return f"in {words}" if re.search(r"\bin\s+$", text[max(0, h.start - 5) : h.start]) else words
    return ""


# What may follow the words a condition phrase matched and still belong to the name they begin: "Human Rights
# Due Diligence" + " Policy", + " on United Nations support to non-United Nations security forces", then an
# acronym the draft defines for it (" (HRDDP)").
_NAME_GOES_ON = re.compile(r"\s+polic(?:y|ies)\b", re.IGNORECASE)
_NAME_TAIL = re.compile(
    r"\s+on\s+(?:the\s+)?(?:United\s+Nations|UN)\s+support\s+to\s+non-(?:United\s+Nations|UN)\s+security\s+forces\b",
    re.IGNORECASE,
)
_ACRONYM_DEFINED = re.compile(r"\s*\((?P<acronym>[A-Z]{2,})\)")


def _whole_name(text: str, start: int, end: int) -> str:
    """The words a condition phrase matched, taken to the end of the name they begin (review 12: "in strict
    compliance with the Human Rights Due Diligence" added to a paragraph dropped "Policy"). Where the draft
    defines an acronym for the name there, the acronym stands for it ("... with the HRDDP"): added to another
    paragraph, the name is not defined twice."""
    for more in (_NAME_GOES_ON, _NAME_TAIL):
        if m := more.match(text, end):
            end = m.end()
    words = text[start:end]
    if (m := _ACRONYM_DEFINED.match(text, end)) and (at := _spelt_out(words, m["acronym"])) is not None:
        return words[:at] + m["acronym"]
    return words


def _spelt_out(words: str, acronym: str) -> int | None:
    """Where in `words` the name `acronym` abbreviates begins ("Human Rights Due Diligence Policy ..." for
    HRDDP: a word for each letter, "and" between them allowed); None where no such name is there."""
    name = r"\s+(?:and\s+)?".join(rf"{re.escape(letter)}[\w-]*" for letter in acronym)
    m = re.search(rf"\b{name}", words, re.IGNORECASE)
    return m.start() if m else None


def _unconditioned(
    rule: Rule, hits: dict[str, list[Hit]], prepared: Prepared, un: re.Pattern[str]
) -> list[tuple[str, str]]:
    """The operative paragraphs that give what the condition must cover (a `needs_condition` element: support
    to a force's operations) with no condition element in them, the paragraphs they hang from, or those under
    them: "Decides that the Mission may provide logistical and operational support, including fuel, to
    operations conducted by the national forces" added beside the paragraph that conditions other support."""
    needs = [n for n, e in rule.elements.items() if e.needs_condition]
    conditions = [n for n, e in rule.elements.items() if e.condition]
    if not needs or not conditions:
        return []
    paragraphs = prepared.paragraphs
    conditioned = {h.para for n in conditions for h in hits.get(n, ())}

    def family(index: int) -> set[int]:
        up, p = {index}, paragraphs[index]
        while p.parent is not None:
            up.add(p.parent)
            p = paragraphs[p.parent]
        down = {q.index for q in paragraphs if q.parent in up and q.index not in up}
        return up | down

    found: dict[int, str] = {}
    for h in (
        h
        for n in needs
        for h in hits.get(n, ())
        if paragraphs[h.para].kind is Kind.operative
        and _given_by_the_un(h, prepared, un)
        and not family(h.para) & conditioned
        and not _CONSIDERED.search(
            paragraphs[h.para].text, paragraphs[h.para].text.rfind(";", 0, h.start) + 1, h.start
        )
    ):
        found.setdefault(h.para, paragraphs[h.para].text[h.start : h.end])
    return [(paragraphs[i].ref or "", words) for i, words in found.items()]


def _asked_of(rule: Rule, chosen: list[Hit], prepared: Prepared, un: re.Pattern[str]) -> str:
    """Whom a met rule is asked of, where that is others than the UN: " It is asked of all parties (OP 4), not of
    the mission." A demand on the parties meets humanitarian access as a task of the mission does, but the
    drafter must not read it as the mission's mandate."""
    asked = [h for h in chosen if not rule.elements[h.element].topic] or chosen
    whom = [others_asked(h, prepared, un) for h in asked]
    if not whom or not all(whom):
        return ""
    return f" It is asked of {_the(whom[0] or '')} ({prepared.paragraphs[asked[0].para].ref}), not of the mission."


def _the(who: str) -> str:
    """Those asked, as a sentence names them: 'authorities' found after 'the Libyan' is 'the authorities'."""
    return who if re.match(r"(?:all|the|both|relevant|Member)\b|States\b", who) else "the " + who


def _amended_first(h: Hit, prepared: Prepared) -> tuple[int, int]:
    """Where words stand, in the order a drafter would amend it: operative text before the preamble, and in
    it the paragraph that asks most first ('requests ATMIS to prioritise three activities' before 'Urges the
    Government to prioritise early recovery' and 'priorities defined by the Government' in the preamble)."""
    verb_class = prepared.verb_at(h.para, h.start)[0]
    preamble = prepared.paragraphs[h.para].kind is not Kind.operative
    return int(preamble), -(verb_class.strength if verb_class and not preamble else 0)


def _subject_at(hits: dict[str, list[Hit]], rule: Rule) -> list[int]:
    """The paragraphs that speak of what the rule is about: one of its topics and another of its ideas found
    there, each said in a phrase (an idea the rule finds by single words, 'civilians' or 'operation', is
    found anywhere and places nothing)."""
    found: dict[int, set[str]] = {}
    for name, places in hits.items():
        element = rule.searched[name]
        if not element.regex and all(" " not in p.strip("() ") for p in element.phrases):
            continue  # single words ('civilians|violence|attacks', 'operation'): found anywhere, locate nothing
        for h in places:
            found.setdefault(h.para, set()).add(name)
    return sorted(
        para
        for para, names in found.items()
        if len(names) >= 2 and any(rule.searched[n].topic for n in names)
    )


def compile_programs(rules: list[Rule], profile: Profile | None = None) -> None:
    """Compile every program the rules search, now: in a process about to fork workers, which inherit them
    instead of each compiling the same programs again."""
    terms = profile_terms(profile)
    for rule in rules:
        for patterns in [*rule.searched.values(), *rule.exclude, *rule.narrowed]:
            phrases = expand_placeholders(tuple(patterns.phrases), terms)
            program = pattern_set(phrases, expand_regex_placeholders(patterns.regex, terms)).program()
            # RE2 compiles the reversed program, which finds where a match starts, at the first match:
            # in every worker, unless asked for here.
            program.reverseprogramsize  # noqa: B018


def judge_document(
    document: Document,
    rules: list[Rule],
    profile: Profile | None = None,
    sources: dict[str, str] | None = None,
    rulebook: str = "",
) -> Report:
    prepared = Prepared(document)
    terms = profile_terms(profile)
    findings = [judge_rule(prepared, rule, profile, sources, terms) for rule in rules]
    summary = Summary()
    for f in findings:
        setattr(summary, f.verdict.value, getattr(summary, f.verdict.value) + 1)
    info = DocumentInfo(
        path=document.path,
        symbol=document.front.symbol,
        title=document.front.title,
        date=document.front.date,
        format=document.format,
        paragraphs=len(prepared.judged),
    )
    return Report(
        document=info,
        profile=profile.id if profile else None,
        rulebook=rulebook,
        findings=findings,
        summary=summary,
        warnings=list(document.warnings),
        renewal=renewal_by_reference(document),
    )
