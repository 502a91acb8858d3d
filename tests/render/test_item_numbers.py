"""The memo and the redline number a new item of a task list the same way (trial 7: the memo said 'item
(viii)', the redline typed '(vii) bis.'; round 9: '(g) bis.' in one place, '(g bis)' in another). One form:
an item added at the end of its list takes the next number, '(iii)' (Word numbers it so in a Word list;
nothing follows to move); one added between two items is '(g bis)', the suffix inside the number's
parentheses as '3 bis.' is inside its full stop, typed, so that nothing after it is renumbered. The reader
reads it back as that item ('OP 2(g bis)'), not as a second '(g)'."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mandatekit.cli import main
from mandatekit.read import read
from tests.builders import DraftBuilder, Run
from tests.render.test_redline import redlined
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


@pytest.mark.parametrize("typed", [True, False])
def test_memo_and_redline_say_the_same_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: bool
) -> None:
    path = draft(typed).save(tmp_path / "draft.docx")
    said = proposed_items(tmp_path, path)
    assert len(said) >= 2 and [n for n, _ in said[:2]] == ["(iii)", "(iv)"]
    read_back(tmp_path, path, said, monkeypatch)


def proposed_items(tmp_path: Path, path: Path) -> list[tuple[str, str]]:
    """Each new item the memo proposes: its number, and the first words of its text."""
    memo = tmp_path / "memo.md"
    result = CliRunner().invoke(main, ["memo", str(path), "-o", str(memo)])
    assert result.exit_code == 0, result.stderr
    return re.findall(r"Proposed: Add to OP 2\(a\) as item ([^*]+?)\.\*\*\n\n> (\S+ \S+ \S+ \S+)",
                      memo.read_text(encoding="utf-8"))  # fmt: skip


def read_back(
    tmp_path: Path, path: Path, said: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The redline accepted and read again: each new item stands with the number the memo gave it."""
    accepted = tmp_path / "accepted.docx"
    accepted.write_bytes(accept_all(redlined(tmp_path, path, monkeypatch).read_bytes()))
    paragraphs = read(accepted).paragraphs
    for number, words in said:
        labels = [p.label for p in paragraphs if p.text.startswith(words)]
        assert labels == [number], (number, words, labels)
    refs = [p.ref for p in paragraphs if p.label]
    assert len(refs) == len(set(refs))  # no item read as a second '(ii)'


def test_an_item_between_two_is_bis_in_memo_redline_and_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tasks under category headings lettered in one run ('(i) Protection of civilians' (a), (b); '(ii)
    Political support' (c)): a new PoC task after '(b)' is '(b bis)', typed, and '(c)' stays '(c)'."""
    b = DraftBuilder().front("The Security Council,")
    b.pp("Recalling", "its previous resolutions on the situation,")
    lines = [
        "1. Decides to extend the mandate of the Mission until 15 November 2027;",
        "2. Decides that the mandate of the Mission shall include the following priority tasks:",
        "(i) Protection of civilians",
        "(a) To strengthen early warning to prevent atrocity crimes;",
        "(b) To support the establishment of local protection committees;",
        "(ii) Political support",
        "(c) To support the peace process and the ceasefire through its good offices;",
        "3. Decides to remain actively seized of the matter.",
    ]
    for line in lines:
        b.runs(Run(line), level=None)
    path = b.save(tmp_path / "draft.docx")
    memo = tmp_path / "memo.md"
    assert CliRunner().invoke(main, ["memo", str(path), "-o", str(memo)]).exit_code == 0
    said = re.findall(r"Proposed: Add to OP 2\(i\) as item ([^*]+?)\.\*\*\n\n> (\S+ \S+ \S+ \S+)",
                      memo.read_text(encoding="utf-8"))  # fmt: skip
    assert [n for n, _ in said][:2] == ["(b bis)", "(b ter)"], said
    read_back(tmp_path, path, said, monkeypatch)
    refs = [p.ref for p in read(tmp_path / "accepted.docx").paragraphs if p.label]
    assert "OP 2(ii)(c)" in refs and "OP 2(i)(b bis)" in refs


def test_after_a_bis_paragraph_the_next_is_ter_never_bis_bis() -> None:
    """Trial 11, finding 10: the draft has '22 bis.'; a paragraph inserted after it is '22 ter.', the next
    '22 quater.' (never '22 bis bis.', '22 bis ter.'); a suffix the draft already uses is skipped."""
    from mandatekit.read import read_string
    from mandatekit.render.tasks import insertion_label

    ops = ["22. Encourages the African Union to fill vacancies;", "22 bis. Requests the African Union to report;",
           "23. Decides to remain seized of the matter."]  # fmt: skip
    doc = read_string("The Security Council,\n\n" + "\n\n".join(ops))
    bis = doc.by_ref("OP 22 bis")
    assert bis is not None
    assert [insertion_label(doc, bis, n) for n in (0, 1)] == ["22 ter.", "22 quater."]
    first = doc.by_ref("OP 22")
    assert first is not None and insertion_label(doc, first, 0) == "22 ter."  # never a second '22 bis.'
    items = read_string("The Security Council,\n\n1. Requests the Mission to:\n\n(a) monitor;\n\n(a bis) report;"
                        "\n\n(b) protect civilians;")  # fmt: skip
    a_bis = items.by_ref("OP 1(a bis)")
    assert a_bis is not None and insertion_label(items, a_bis, 0) == "(a ter)"
