"""A mission's tasks in the mandate's own task lists: which lists the draft has ("Decides that the mandate
of MINUSCA shall include the following tasks:", grouped under sub-headings such as "Protection of
civilians:" or category headings typed among the items), which one a task belongs in (the one whose
sub-heading names the rule's subject, else the one holding its evidence), and the suggestion in task form
("Requests MINUSCA to monitor ..." → "(vii) To monitor ...")."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from mandatekit.compare import DiffPiece
from mandatekit.judge import Finding
from mandatekit.read.model import Document, Kind, Paragraph
from mandatekit.read.structure_labels import LATIN
from mandatekit.render.placing import (
    Placement,
    Relatedness,
    content_words,
    descends,
    last_descendant,
    top_of,
)

_TASK = re.compile(r"^To\s", re.IGNORECASE)
_MISSION_VERB = re.compile(
    r"^(?:Requests|Authorizes|Authorises|Mandates)\s+(?P<who>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+"
    r"(?:to\s+)(?P<rest>.+)$|^Decides\s+that\s+(?P<who2>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+"
    r"shall\s+(?:continue\s+to\s+)?(?P<rest2>(?!include\b)\w.+)$",
    re.DOTALL,
)


_TASKS_LEAD = re.compile(r"\btasks?\b|\bfollowing\b", re.IGNORECASE)


def is_task_item(p: Paragraph) -> bool:
    return p.kind is Kind.operative and p.parent is not None and bool(_TASK.match(p.text))


def _is_category(p: Paragraph) -> bool:
    """A typed category heading among a list's items ('(i) Protection of civilians'): no verb of its own,
    short, no clause ending."""
    own_verb = p.verb_class is not None and not p.verb_inherited
    text = p.text.rstrip()
    return not own_verb and (
        text.endswith(":") or (len(text.split()) <= 12 and not text.endswith((";", ".")))
    )


def _task_lists(document: Document) -> dict[int, list[Paragraph]]:
    """Lead-in index → its task items, in order: the items of a mandate's task list ('To protect ...', or
    'Conduct ...' under a lead-in that says 'tasks'), grouped under their sub-heading where there is one —
    a sub-paragraph of its own, or a category heading typed among the items ('(i) Protection of civilians'
    before '(a) Prevent ...': a label of another style than the items it heads)."""
    parents = {p.parent for p in document.paragraphs if p.parent is not None}
    siblings: dict[int, list[Paragraph]] = {}
    for p in document.paragraphs:
        if p.kind is Kind.operative and p.parent is not None and p.label:
            siblings.setdefault(p.parent, []).append(p)
    heads: set[int] = set()
    for items in siblings.values():
        for a, b in pairwise(items):
            # A category heading ('(ii) Disarmament ...') numbers the items after it ('OP 34(ii)(h)'), which
            # are not its children; a letter '(i)' after '(h)' followed by '(j)' heads nothing.
            if (
                _style(a.label) == "roman"
                and _style(b.label) == "letter"
                and not is_task_item(a)
                and b.number[:-1] == a.number
            ):
                heads.add(a.index)
    lists: dict[int, list[Paragraph]] = {}
    category: dict[int, int] = {}  # parent → the category heading its items now fall under
    for p in document.paragraphs:
        if p.kind is not Kind.operative or p.parent is None or p.index in parents or not p.label:
            continue
        if not (is_task_item(p) or _TASKS_LEAD.search(top_of(document, p).text.split(":")[0])):
            continue
        if p.index in heads or (_is_category(p) and not is_task_item(p)):
            category[p.parent] = p.index
            continue
        lists.setdefault(category.get(p.parent, p.parent), []).append(p)
    return lists


def _style(label: str | None) -> str:
    core = (label or "").strip().strip("().")
    if core.isdigit():
        return "number"
    if core in _ROMAN_LABELS and (len(core) > 1 or core == "i"):
        return "roman"
    return "letter" if core.isalpha() else ""


def typed_insertion_label(label: str, nth: int, taken: frozenset[str] = frozenset()) -> str:
    """The number of the `nth` (0-based) paragraph inserted after one that other paragraphs of its list
    follow, as negotiators number it so that nothing after it moves: '(g)' → '(g bis)', '(g ter)'; '3.' →
    '3 bis.' (the suffix inside the number's own punctuation, as the reader reads it back:
    read/structure_labels.py). After a paragraph that has a suffix already, the next suffix: '22 bis.' →
    '22 ter.', never '22 bis bis.'; a suffix the list already uses (`taken`, labels as the draft shows
    them) is skipped. The memo, the redline and the text re-judged all say it."""
    core = label.strip()
    boxed = core.startswith("(") and core.endswith(")")
    inner = core[1:-1] if boxed else core.rstrip(".")
    base, _, suffix = inner.partition(" ")
    start = LATIN.index(suffix) + 1 if suffix in LATIN else 0
    used = {" ".join(t.strip().strip("().").split()) for t in taken}
    free = [s for s in LATIN[start:] if f"{base} {s}" not in used] or LATIN[-1:]
    chosen = free[min(nth, len(free) - 1)]
    return f"({base} {chosen})" if boxed else f"{base} {chosen}."


def insertion_label(document: Document, like: Paragraph, nth: int) -> str | None:
    """The number the `nth` (0-based) new paragraph placed after `like` (and its sub-paragraphs) takes: the
    next number of the list where `like` is its last item ('(g)' → '(h)', as Word numbers it: nothing follows
    to move), else `typed_insertion_label` ('(g bis)', '8 bis.'): a new paragraph never renumbers the
    draft's own. None where `like` has no number."""
    if like.kind is not Kind.operative or not like.label:
        return None
    siblings = [q for q in document.paragraphs if q.kind is Kind.operative and q.label and q.parent == like.parent
                and len(q.number) == len(like.number)]  # fmt: skip
    taken = frozenset(q.label for q in siblings if q.label)
    if any(q.index > like.index for q in siblings):
        return typed_insertion_label(like.label, nth, taken)
    roman = any(_style(q.label) == "roman" and len((q.label or "").strip("().")) > 1 for q in siblings) or (
        bool(siblings) and (siblings[0].label or "").strip("().") == "i"
    )
    number: str | None = like.label
    for _ in range(nth + 1):
        number = _label_after(number, roman) or None
    return number or typed_insertion_label(like.label, nth, taken)


def _label_after(previous: str | None, roman: bool) -> str:
    """The label that follows `previous` in its own style: '(g)' → '(h)', '(vii)' → '(viii)', '3.' → '4.'."""
    core = (previous or "").strip().strip("().")
    if core.isdigit():
        return f"{int(core) + 1}."
    if roman and core in _ROMAN_LABELS:
        return f"({_ROMAN_LABELS[_ROMAN_LABELS.index(core) + 1]})" if core != _ROMAN_LABELS[-1] else ""
    if core.isalpha() and core.islower():
        return f"({core[:-1]}{chr(ord(core[-1]) + 1)})" if core[-1] != "z" else f"({core}a)"
    return ""


_ROMAN_LABELS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
                 "xvi", "xvii", "xviii", "xix", "xx"]  # fmt: skip


def _mission_names(document: Document) -> set[str]:
    """What the draft calls the mission whose tasks it lists: the names its task lists' lead-ins give."""
    names = {"the Mission"}
    for lead in _task_lists(document):
        top = top_of(document, document.paragraphs[lead])
        names |= set(re.findall(r"\b[A-Z]{4,}\b", top.text))
    return names


def task_form(text: str, document: Document, infinitive: bool = True) -> str | None:
    """'Requests MINUSCA to monitor ...' as an item of the mission's task list: 'To monitor ...'; None where
    the suggestion asks something of someone else (the Secretary-General, the host authorities)."""
    m = _MISSION_VERB.match(" ".join(text.split()))
    if m is None:
        return None
    who, rest = (m.group("who"), m.group("rest")) if m.group("who") else (m.group("who2"), m.group("rest2"))
    if who not in _mission_names(document):
        return None
    return "To " + rest if infinitive else rest[:1].upper() + rest[1:]


def _theme_words(theme: str) -> list[str]:
    return [w[:5] for w in content_words(theme)]


def _on_theme(lead: Paragraph, theme: str) -> bool:
    """A sub-heading on the rule's subject: 'Protection of civilians:' for a PoC task (not a whole mandate's
    lead-in that happens to name it)."""
    if lead.parent is None and len(lead.text.split(":")[0].split()) > 15:
        return False
    wanted = _theme_words(theme)
    have = {w[:5] for w in content_words(lead.text.split(":")[0])}
    return bool(wanted) and all(w in have for w in wanted)


def task_item(
    document: Document, f: Finding, text: str, related: Relatedness, added: dict[tuple[int, int], int]
) -> Placement | None:
    """A mission task as a new item of its task list: in the group whose sub-heading names the rule's
    subject ('Protection of civilians:'), after its last item; where no group does, in the task list that
    holds the rule's evidence: where that list is in groups, in the group whose items the task relates to
    most (a DDR task under '(c) Supporting the implementation of the Agreement:', not under '(d) Monitoring
    ... human rights:'), never beside the group headings as one of them; else at the list's end. Numbered by
    `insertion_label`; `added` counts the new paragraphs already placed after each (paragraph, like it), so
    a second one takes the next number."""
    lists = _task_lists(document)
    if not lists:
        return None
    query = set(content_words(f"{f.title} {f.theme} {f.recommendation} {f.suggestion}"))
    evidence = {e.paragraph for e in f.evidence}
    on_theme = [lead for lead in lists if _on_theme(document.paragraphs[lead], f.theme)]
    if on_theme:
        # The narrowest list on the subject: a sub-heading ('Protection of civilians:') before the whole mandate.
        best = max(on_theme, key=lambda lead: (document.paragraphs[lead].parent is not None or lead not in {q.parent for q in lists[lead]},
                                               max(related.score(q.index, query) for q in lists[lead])))  # fmt: skip
        items = lists[best]
        lead_ref = document.paragraphs[best].ref or "the task list"
    else:
        whole: dict[int, list[Paragraph]] = {}  # the task list of each lead-in, all its groups together
        for lead, group in lists.items():
            whole.setdefault(top_of(document, document.paragraphs[lead]).index, []).extend(group)
        holding = [top for top, group in whole.items() if evidence & {q.index for q in group}]
        if not holding:
            return None
        top = max(holding, key=lambda t: (max(related.score(q.index, query) for q in whole[t]), -t))
        items = sorted(whole[top], key=lambda q: q.index)
        lead_ref = document.paragraphs[top].ref or "the task list"
        # A list in groups under sub-headings ('(c) Supporting the implementation of the Agreement:'): a task
        # on none of their subjects goes in the group whose items it relates to most on average (a long item
        # with bullets does not outweigh a group), else at the end of the last group's items: never beside
        # the headings as one of them ('(e) To support DDR' after '(d) Monitoring ...:'; trial 15, F6).
        groups = [
            lead for lead in lists if lead != top and top_of(document, document.paragraphs[lead]).index == top
        ]
        if groups:

            def mean(lead: int) -> float:
                return sum(related.score(q.index, query) for q in lists[lead]) / len(lists[lead])

            best_group = max(groups, key=lambda lead: (mean(lead), lead))
            if mean(best_group) <= 0:
                best_group = max(groups)
            items = lists[best_group]
            lead_ref = document.paragraphs[best_group].ref or lead_ref
    infinitive = sum(is_task_item(q) for q in items) * 2 >= len(items)
    task = task_form(text, document, infinitive)
    if task is None:
        return None
    last = items[-1]
    after = last_descendant(document, last)
    number = insertion_label(document, last, added.get((after.index, last.index), 0)) or ""
    where = f"Add to {lead_ref} as item {number}".rstrip()
    return Placement(f.rule, "insert", where, task, [DiffPiece(op="insert", text=task)], after.index,
                     like=last.index, number=number or None)  # fmt: skip


# A suggestion that brings a task list of its own: "<lead clause>, and that the mandate of M shall include the
# following priority tasks: (a) Protection of civilians: to protect ...". Its lead-in up to the list, and the
# clause that announces the list ("and that ... the following ... tasks").
_OWN_LIST = re.compile(r"^(?P<head>.+?):\s*\(a\)\s+(?P<items>.+)$", re.DOTALL)
_ANNOUNCES_LIST = re.compile(r",?\s+and\s+(?:that\s+)?[^,;:]*\bfollowing\b[^,;:]*$", re.IGNORECASE)
_MANDATE_LEAD = re.compile(r"\bmandate\b|\btasks\b", re.IGNORECASE)
_NEXT_ITEM = re.compile(r"[;,]?\s+(?:and\s+)?\([b-z]\)\s+")


def _stems(text: str) -> set[str]:
    return {w[:5] for w in content_words(text)}


def list_lead(document: Document, f: Finding, text: str) -> Placement | None:
    """Where the suggestion sets up a task list of its own and the draft's task list already holds each of
    its tasks (a paragraph under the list's lead-in names it: '(a) Protection of civilians:', '(i) To protect
    civilians ...'), only what the draft lacks — the suggestion's lead clause ('Decides that the protection of
    civilians shall remain the top priority of UNMISS') — as a paragraph of its own just before that list: a
    second list would repeat the draft's own tasks."""
    m = _OWN_LIST.match(" ".join(text.split()))
    if m is None:
        return None
    lead = _ANNOUNCES_LIST.sub("", m.group("head"))
    if lead == m.group("head") or not lead.strip():
        return None  # the lead-in only announces the list: nothing to say apart from its tasks
    tasks = [item.split(":")[0] for item in _NEXT_ITEM.split(m.group("items"))]
    wanted = [_stems(task) for task in tasks if 0 < len(task.split()) <= 6]
    if not wanted or len(wanted) < len(tasks):
        return None  # tasks without a short name to look for: cannot tell whether the draft has them
    for head in sorted({top_of(document, document.paragraphs[i]).index for i in _task_lists(document)}):
        top = document.paragraphs[head]
        if not _MANDATE_LEAD.search(top.text.split(":")[0]):
            continue  # a list of demands on the parties, of reports ...: not the mission's mandate
        under = [
            q
            for q in document.paragraphs[head + 1 :]
            if q.kind is Kind.operative and descends(document, q, head)
        ]
        if not all(any(stems <= _stems(q.text) for q in under) for stems in wanted):
            continue
        sentence = lead.rstrip(" ,;") + ";"
        before = [p for p in document.paragraphs[:head] if p.kind is Kind.operative and p.parent is None]
        piece = [DiffPiece(op="insert", text=sentence)]
        if before:
            after = last_descendant(document, before[-1])
            return Placement(f.rule, "insert", f"Insert before {top.ref}", sentence, piece, after.index,
                             like=before[-1].index)  # fmt: skip
        after = last_descendant(document, top)
        return Placement(f.rule, "insert", f"Insert after {top.ref}", sentence, piece, after.index, like=head)
    return None


_AS_NUMBER = re.compile(r" as OP \S+(?: \w+)?(?=$| \(restoring)")


def numbered(document: Document, pl: Placement, added: dict[tuple[int, int], int]) -> Placement:
    """A new paragraph with the number it takes after the ones already placed there (tasks.insertion_label):
    never one that renumbers the draft's own paragraphs. A new operative paragraph's place says it, as the
    redline types it: 'Insert after OP 12 as OP 12 bis'."""
    if pl.like is None or pl.paragraph is None:
        return pl
    like = document.paragraphs[pl.like]
    number = insertion_label(document, like, added.get((pl.paragraph, pl.like), 0))
    where = _AS_NUMBER.sub("", pl.where)
    if number and like.parent is None and like.kind is Kind.operative:
        where = re.sub(r" \(after OP [^)]*\)$", "", where)
        # 'Insert after OP 7 as OP 7 bis (restoring the previous round's OP 8)': the number with the place
        head, restoring, tail = where.partition(" (restoring")
        where = f"{head} as OP {number.rstrip('.')}{restoring}{tail}"  # it says where
    return replace(pl, number=number, where=where)
