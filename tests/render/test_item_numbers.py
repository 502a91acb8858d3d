"""The memo and the redline number a new item of a task list the same way (trial 7: the memo said 'item
(viii)', the redline typed '(vii) bis.'). A list Word numbers continues in Word's numbering, '(iii)'; a list
whose numbers are typed gets the negotiators' '(ii) bis', which renumbers nothing after it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from mandatekit.cli import main
from mandatekit.read import read
from tests.builders import DraftBuilder, Run
from tests.render.test_redline import W, redlined
from tests.rounds.test_redline_rounds import accept_all

TASKS = [
    ("(a) ", "Protection of civilians:"),
    ("(i) ", "To strengthen early warning to prevent atrocity crimes;"),
    ("(ii) ", "To support the establishment of local protection committees;"),
    ("(b) ", "To support the peace process and the ceasefire through its good offices;"),
]


def draft(typed: bool) -> DraftBuilder:
    b = DraftBuilder().front("The Security Council,")
    b.pp("Recalling", "its previous resolutions on the situation,")
    opening = [
        ("Decides", "to extend the mandate of the Mission until 15 November 2027;"),
        ("Decides", "that the mandate of the Mission shall include the following priority tasks:"),
    ]
    for n, (verb, rest) in enumerate(opening, start=1):
        if typed:
            b.runs(Run(f"{n}. "), Run(verb, "italic"), Run(" " + rest), level=None)
        else:
            b.op(verb, rest)
    for label, text in TASKS:
        level = 2 if label.startswith("(i") else 1
        if typed:
            b.runs(Run(label + text), level=None)
        else:
            b.sub(text, level=level)
    closing = ("Decides", "to remain actively seized of the matter.")
    if typed:
        b.runs(Run("3. "), Run(closing[0], "italic"), Run(" " + closing[1]), level=None)
    else:
        b.op(*closing)
    return b


@pytest.mark.parametrize(("typed", "first"), [(True, "(ii) bis"), (False, "(iii)")])
def test_memo_and_redline_say_the_same_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: bool, first: str
) -> None:
    path = draft(typed).save(tmp_path / "draft.docx")
    memo = tmp_path / "memo.md"
    result = CliRunner().invoke(main, ["memo", str(path), "-o", str(memo)])
    assert result.exit_code == 0, result.stderr
    # each new item the memo proposes: its number, and the first words of its text
    said = re.findall(r"Proposed: Add to OP 2\(a\) as item ([^*]+?)\.\*\*\n\n> (\S+ \S+ \S+ \S+)",
                      memo.read_text(encoding="utf-8"))  # fmt: skip
    assert len(said) >= 2 and said[0][0] == first
    accepted = tmp_path / "accepted.docx"
    accepted.write_bytes(accept_all(redlined(tmp_path, path, monkeypatch).read_bytes()))
    if typed:  # the number is typed text the redline wrote
        root = etree.fromstring(zipfile.ZipFile(accepted).read("word/document.xml"))
        texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p")]
        for number, words in said:
            assert any(t.startswith(f"{number}. {words}") for t in texts), (number, words, texts)
    else:  # Word numbers the new item: read as Word shows it
        labels = {p.text[:80]: p.label for p in read(accepted).paragraphs}
        for number, words in said:
            assert [label for text, label in labels.items() if text.startswith(words)] == [number]
