"""The reader of a draft's references to its own paragraphs (read/references.py): ranges, lists and
sub-paragraphs read; another text's paragraphs never."""

from __future__ import annotations

from mandatekit.read.references import MAX_RANGE, references


def named(text: str) -> list[tuple[tuple[str, ...], ...]]:
    return [r.numbers for r in references(text)]


def test_a_range_names_every_paragraph_in_it() -> None:
    text = "to report on the implementation of this resolution, in particular paragraphs 2 through 12, in 30 days"
    [ref] = references(text)
    assert ref.numbers == tuple((str(n),) for n in range(2, 13))
    assert text[ref.start : ref.end] == "paragraphs 2 through 12"
    assert named("paragraphs 2 to 5 above") == [(("2",), ("3",), ("4",), ("5",))]
    assert named("paragraphs 2-4 and 7") == [(("2",), ("3",), ("4",), ("7",))]


def test_lists_and_sub_paragraphs() -> None:
    assert named("in accordance with paragraphs 4 and 5,") == [(("4",), ("5",))]
    assert named("paragraphs 4, 6 and 9 below") == [(("4",), ("6",), ("9",))]
    assert named("as described in paragraph 30 (a) and (b) of this resolution") == [
        (("30", "a"), ("30", "b"))
    ]
    assert named("the tasks set out in paragraph 29 above") == [(("29",),)]
    assert named("the measures imposed by operative paragraph 3") == [(("3",),)]


def test_other_texts_paragraphs_are_not_this_drafts() -> None:
    assert named("as requested in paragraph 8 of resolution 2127 (2013)") == []
    assert named("paragraphs 4 and 5 of its resolution 2127 (2013)") == []
    assert named("paragraph 3 of the Secretary-General's report") == []
    assert named("paragraph 2 of Annex I") == []
    assert named("the criteria set out in paragraph 10 in the annex") == []
    assert named("preambular paragraph 5") == []
    # Another text named before the paragraphs, and a list typed on without its comma before "of the report".
    assert named("the joint activities set out in the Special Report in paragraphs 51\u201355;") == []
    assert (
        named("as outlined in paragraphs 10, 17, 18, 19 20, 21 and 32, of the Secretary-General's report")
        == []
    )
    # The draft itself named: its own paragraphs.
    assert named("paragraph 8 of this resolution") == [(("8",),)]
    assert named("paragraph 8 of the present resolution") == [(("8",),)]


def test_a_range_too_long_to_mean_it_is_read_as_its_ends() -> None:
    assert named(f"paragraphs 1 to {MAX_RANGE + 2}") == [(("1",), (str(MAX_RANGE + 2),))]


def test_no_reference_without_a_paragraph_number() -> None:
    assert named("Decides that the measures in this paragraph shall apply") == []
    assert named("the paragraphs above") == []
