"""Whether words stand in a request for a report rather than in the thing asked (judge/candidates.py weighs it
when it chooses the evidence): a report to the Council about the words names what the report covers, not a task,
a demand or a decision on them. Never changes a verdict."""

from __future__ import annotations

import re

from mandatekit.judge.hits import Hit
from mandatekit.judge.prepared import Prepared

# A clause whose first action is a report (to the Council, the Secretary-General's reports, a review to
# submit): the words after it name what the report is about, not a task, a demand or a decision on it.
_REPORT_ACTION = re.compile(
    r"(?:(?:continue|continues)\s+to\s+|further\s+|also\s+|regularly\s+)?"
    r"(?:report|reports|brief|inform|submit|include|keep\s+the\s+(?:Security\s+)?Council"
    r"|provide\s+(?:the\s+(?:Security\s+)?Council|information|updates|regular\s+updates|briefings)"
    r"|provide\s+(?:a|an|regular|written|oral)\s+(?:\w+\s+)?(?:briefing|report|update|assessment)"
    r"|provide,?\s+as\s+part\s+of\s+(?:his|her|its)\s+(?:regular\s+)?report\w*"
    # The report named after the action that puts something in it: "to address in all his country-specific
    # situation reports, the issue of ...", "to cover in his reports".
    r"|(?:address|cover|reflect|highlight)\s+in\s+(?:[\w'’-]+\s+){0,4}?(?:reports?|briefings?)"
    # Recommendations or options asked for name what they are about: a mandate yet to be decided.
    r"|(?:develop|make|submit|present|provide|prepare)\s+(?:\w+\s+){0,2}(?:recommendations|options|proposals))\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[\s\u2013\u2014\u2022-]*")
_FIRST_ACTION = re.compile(r"\bto\s+(?!(?:request|ask)\b)")  # "continues to request the SG to report"
# Words that are themselves a report: where an element is found in them, the report is what the rule asks.
REPORTING_WORDS = re.compile(r"report|brief|inform|monitor|document|record", re.IGNORECASE)


def about_a_report(h: Hit, prepared: Prepared) -> bool:
    """The words stand in a clause that asks for a report: 'requests the Secretary-General to report ... any
    actions that impede ... the safety ... of personnel', an item 'Report swiftly to the Council when ...'
    under 'Requests the Secretary-General to:', or an item of what a report is to cover ('(viii) developments
    regarding the Mission's support for local conflict resolution' under 'Requests the Secretary-General to
    report to the Council every 90 days, including:')."""
    para = prepared.paragraphs[h.para]
    use = prepared.verb_use_at(h.para, h.start)
    if use is None or (para.verb_inherited and use is para.verbs[0]):
        # An item under a lead-in: its first words are its action ('(d) Report swiftly to the Council').
        if _REPORT_ACTION.match(para.text, len(para.text) - len(_BULLET.sub("", para.text, 1))):
            return True
        return _listed_for_a_report(h.para, prepared)
    return _report_asked(para.text, use.start + len(use.verb), h.start) is not None


# The same action asked in a that-clause of the UN's own ('Further requests that the Secretary-General includes
# updates on UNSMIL's support to ...', 'requests that the Special Representative report on ...'): its doer is
# named (capitalised, as the Secretary-General, an office or a mission is), then the action, in any person.
_THAT_ACTION = re.compile(
    r"\bthat\s+(?:the\s+|his\s+|her\s+|its\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,3}\s+"
    r"(?:(?:should|shall|will|also|further|continue\s+to|continues\s+to)\s+)*"
)
_THAT_REPORT_ACTION = re.compile(
    r"(?:report|reports|brief|briefs|inform|informs|submit|submits|include|includes|provide|provides)\b"
)


def _report_asked(text: str, start: int, end: int) -> re.Match[str] | None:
    """The report asked by the first action between `start` (after a verb) and `end`, if that action is one. In a
    that-clause ('requests that the Secretary-General includes updates on ...') the action is a report only where
    a report stands between it and the words (`_A_REPORT`): 'that the Mission shall include the following
    tasks' asks the tasks."""
    first = _FIRST_ACTION.search(text, start, end)
    that = _THAT_ACTION.search(text, start, first.start() if first else end)
    if that is not None:
        action = _THAT_REPORT_ACTION.match(text, that.end())
        return action if action and _A_REPORT.search(text, action.start(), end) else None
    return _REPORT_ACTION.match(text, first.end()) if first else None


# A report named in the clause that announces a list: 'to include in his reports', 'to report ..., including:'.
_A_REPORT = re.compile(
    r"\b(?:report|reports|reporting|brief|briefing|briefings|inform|update|updates|recommendations|options)\b",
    re.I,
)


def _listed_for_a_report(index: int, prepared: Prepared) -> bool:
    """The item stands in a list that a lead-in's clause announces as what a report covers (the clause's first
    action a report, and a report named in it: not 'to include the following tasks'), at any depth of
    items that inherit their verb."""
    para = prepared.paragraphs[index]
    while para.parent is not None and para.verb_inherited:
        lead = prepared.paragraphs[para.parent]
        starts = prepared.index(lead.index).clauses
        clause = prepared.list_clause(lead.index, para.index)
        start = starts[clause]
        end = starts[clause + 1] if clause + 1 < len(starts) else len(lead.text)
        use = prepared.verb_use_at(lead.index, start)
        if use is not None and not (lead.verb_inherited and use is lead.verbs[0]):
            asked = _report_asked(lead.text, use.start + len(use.verb), end)
            return bool(asked and _A_REPORT.search(lead.text, asked.start(), end))
        para = lead
    return False
