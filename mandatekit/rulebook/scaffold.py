"""The files `mandatekit rules new` writes, and how a file still holding their placeholders is recognised.

Every value a rule's writer must choose is written as "FILL IN: " followed by a worked example of the right
shape (a title, a phrase, an example text that the phrases do meet). The example teaches what goes there;
the mark makes the placeholder impossible to miss: a rule or source register holding one is refused when it
is loaded (by `rules validate`, `rules test` and `check --rules` alike), naming the file, the line and what
to fill in. Without the marks the scaffold is a valid rule whose examples pass (tests/rulebook), so a writer
who has replaced every placeholder is left with their own rule's problems only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

MARK = "FILL IN:"

# What each placeholder stands for, by the name of its field (the last name of its path), for the message.
RULE_WHAT = {
    "title": "the title: one line the drafter reads in the scorecard",
    "theme": "the theme the rule is grouped under in the scorecard",
    "recommendation": "the recommendation: what the draft should do, in the drafter's words",
    "quote": "the source's words, quoted exactly",
    "met": "what the drafter is told when the draft meets the rule",
    "partial": "what the drafter is told when the draft goes part of the way",
    "missing": "what the drafter is told when the draft has none of it",
    "label": "what this idea is, in plain words",
    "phrases": "the words a draft says this idea with",
    "suggestion": "the operative language to propose",
    "text": "an example draft text giving this example's verdict",
}
REGISTER_WHAT = {
    "title": "the document's title",
    "quote": "the document's words, quoted exactly",
    "kind": "what the document is",
    "author": "who wrote the document",
    "date": "the document's date",
    "made_for": "the mission the document's recommendations were made for (or delete the line)",
    "where": "where in the document the words stand (or delete the line)",
}

RULE_SKELETON = """\
# yaml-language-server: $schema=rule.schema.json
# A mandatekit rule (rule.schema.json beside it, from `mandatekit rules schema`, lets editors check it).
# Header first (who, what, how bad, why), then the check, then the proof. Guide: docs/writing-rules.md.
# Every "FILL IN: ..." is a worked example of what goes there: replace it with your rule's own words (the
# rule is refused while one is left). Check it with: mandatekit rules validate --rules {folder}
id: {rule_id}
title: "FILL IN: Civilians are protected irrespective of the source of the threat"   # read in the scorecard
severity: medium            # critical / high / medium / low
theme: "FILL IN: Protection of civilians"
recommendation: >-
  FILL IN: Ask the mission to protect civilians irrespective of the source of the threat.
sources:
  - id: our-brief-2026                 # an id from _sources.yaml in this folder (or seeds/sources.yaml)
    quote: "FILL IN: The mission should protect civilians irrespective of the source of the threat."
message:
  met: "FILL IN: The mission is asked to protect civilians irrespective of the source of the threat."
  partial: "FILL IN: Civilians are protected, but not irrespective of the source of the threat."
  missing: "FILL IN: The draft does not ask the mission to protect civilians."

scope: operative            # met only in operative paragraphs (the preamble can give partial)
min_verb: requests          # decides / requests / calls / encourages / notes
elements:                   # the ideas the text must contain; name them as you like
  protect:
    label: "FILL IN: protecting civilians"
    phrases:                # words match their inflections: protect = protects, protection ...
      - "FILL IN: protect ... civilians"
  impartial:
    label: "FILL IN: whatever the source of the threat"
    phrases:                # ( | ) offers alternatives; ... allows words between
      - "FILL IN: (irrespective|regardless) of the source"
met: [protect, impartial]       # all of these together in one clause (one verb's part of a paragraph)
partial:                        # element sets that alone make it partial
  - [impartial]
subject:                        # the recommendation's subject: addressed at all (a preamble, a weak verb,
  label: "FILL IN: the protection of civilians"   # an ask of others), it alone makes it partial; never one
  phrases:                                        # common word
    - "FILL IN: protection of civilians"
exclude: []                     # none yet. Text inside which a match does not count looks like this
# (uncomment it in place of `exclude: []`, and give the near miss an example below):
# exclude:
#   - why: "FILL IN: the host State's own responsibility is not the mission's task"   # required
#     elements: [protect]       # the elements it neutralizes; leave it out for all of them
#     within: match             # match: a match inside these words; paragraph: the whole paragraph
#     phrases:                  # or regex: [...], as for an element
#       - "FILL IN: primary responsibility ... protect civilians"

# {{mission}}, {{host_state}}, {{national_forces}} ... are filled from the draft's mission profile: never write
# a country's names in a rule.
suggestion: >-
  FILL IN: Requests {{mission}} to protect civilians under threat of physical violence, irrespective of the
  source of the threat;

examples:                   # tests: run by `mandatekit rules test`; one 'met' example is required
  - verdict: met
    text: "FILL IN: 1. Requests the Mission to protect civilians irrespective of the source of the threat;"
  - verdict: partial
    text: "FILL IN: Stressing that civilians must be protected irrespective of the source of the threat,"
  - verdict: missing
    text: "FILL IN: 1. Decides to renew the mandate of the Mission;"
"""

REGISTER_SKELETON = """\
# Source documents of the rules in this folder: rules cite these ids under `sources:`.
# Every "FILL IN: ..." is an example of what goes there: replace it (the register is refused while one is
# left). Checked with the rules: mandatekit rules validate --rules {folder}
sources:
  - id: our-brief-2026                # lower-case id, cited by rules as sources: - id: our-brief-2026
    title: "FILL IN: Civilians first: what the next mandate should say"
    kind: "FILL IN: Advocacy brief on the renewal of the mission's mandate"
    author: "FILL IN: The organisation or person"
    date: "FILL IN: 2026-01"
    made_for: "FILL IN: UNMISS"        # the mission its recommendations were made for
    recommendations:
      - id: {rule_id_caps}               # the rule's id in capitals
        quote: "FILL IN: The mission should protect civilians irrespective of the source of the threat."
        where: "FILL IN: Section 3"
"""


def _scalars(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(path, node) of every scalar value in a YAML node tree, in the order of the file."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*path, str(key.value)))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _scalars(item, (*path, str(i)))
    elif isinstance(node, yaml.ScalarNode):
        yield path, node


def unfilled(path: Path, node: Any, what: dict[str, str]) -> str | None:
    """One line naming the first placeholder the scaffold left in this file, what to fill in (`what`: by
    field name, RULE_WHAT or REGISTER_WHAT), and where the others are; None when there is none."""
    found = [
        (loc, scalar)
        for loc, scalar in _scalars(node)
        if isinstance(scalar.value, str) and MARK in scalar.value
    ]
    if not found:
        return None
    loc, first = found[0]
    name = next((part for part in reversed(loc) if not part.isdigit()), "")
    shown = " ".join(first.value.split())
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    at = "".join(f"[{part}]" if part.isdigit() else f".{part}" for part in loc).lstrip(".")
    line = f"{path}:{first.start_mark.line + 1}: {at}: fill in {what.get(name, 'this value')} "
    line += f'(the scaffold\'s placeholder "{shown}" is still there)'
    if len(found) > 1:
        others = sorted({scalar.start_mark.line + 1 for _, scalar in found[1:]})
        line += f"; {len(found) - 1} more placeholder{'s' * (len(found) > 2)} on line"
        line += f"{'s' * (len(others) > 1)} {', '.join(map(str, others))}"
    return line


def with_register_entry(text: str, rule_id: str) -> tuple[str, str] | None:
    """The register `text` with a recommendation entry for `rule_id` (a FILL IN quote and place) under its
    last source, its comments and layout kept, and the id of that source; None when the register is not laid
    out as the scaffold writes it (block lists) and the caller must say how to add it by hand. Writes nothing:
    `rules new` writes it with the rule file, both or neither."""
    import yaml

    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return None
    sources = _value(root, "sources")
    if not isinstance(sources, yaml.SequenceNode) or sources.flow_style or not sources.value:
        return None
    last = sources.value[-1]
    source_id, recommendations = _value(last, "id"), _value(last, "recommendations")
    if not isinstance(source_id, yaml.ScalarNode) or not isinstance(recommendations, yaml.SequenceNode):
        return None
    if recommendations.flow_style or not recommendations.value:
        return None
    if any(isinstance(_value(r, "id"), yaml.ScalarNode) and str(_value(r, "id").value).lower() == rule_id
           for r in recommendations.value):  # fmt: skip
        return text, str(source_id.value)
    first = recommendations.value[0]
    indent = " " * first.start_mark.column  # the column of the entry's first key, after "- "
    entry = (
        f"{indent[:-2]}- id: {rule_id.upper()}\n"
        f'{indent}quote: "FILL IN: The exact words of the source that this rule encodes."\n'
        f'{indent}where: "FILL IN: Section 3"\n'
    )
    lines = text.splitlines(keepends=True)
    end = recommendations.value[-1].end_mark.line  # the line after the last entry's last value
    if end > len(lines) or (end == len(lines) and lines and not lines[-1].endswith("\n")):
        lines[-1:] = [lines[-1].rstrip("\n") + "\n"] if lines else []
        end = len(lines)
    # stop before trailing blank or comment lines: they belong to what follows
    while end > recommendations.value[-1].start_mark.line + 1 and lines[end - 1].strip()[:1] in ("", "#"):
        end -= 1
    lines.insert(end, entry)
    return "".join(lines), str(source_id.value)


def _value(node: Any, key: str) -> Any:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if getattr(k, "value", None) == key), None)
