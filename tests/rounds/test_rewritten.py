"""A paragraph rewritten where it stood is paired with its earlier self, not called deleted: the comparison
shows the weaker words that replaced the old ones (mandatekit/pairing.py)."""

from __future__ import annotations

from mandatekit.compare import Comparison
from mandatekit.pairing import Pairing
from mandatekit.read import read_string
from tests.rounds.test_compare import BASE, change, diff, renumber

SOFA_REWRITTEN = (
    "4. Encourages the authorities to continue their cooperation with the Mission, including with regard to the "
    "Status of Forces Agreement, and to take measures, as they deem necessary, to facilitate its work;"
)


def sofa(c: Comparison):  # type: ignore[no-untyped-def]
    return change(c, "sofa-compliance")


def test_a_paragraph_rewritten_in_place_is_shown_as_a_change_not_a_deletion() -> None:
    c = diff(BASE, [*BASE[:3], SOFA_REWRITTEN, BASE[4]])
    ch = sofa(c)
    [d] = [d for d in ch.diffs if d.old_ref == "OP 4"]
    assert d.new_ref == "OP 4" and d.rewritten and d.changed
    text = d.as_text()
    assert "[-Calls upon-] {+Encourages+}" in text and "{+" in text and "as they deem necessary" in text
    kinds = {loss.kind for loss in ch.losses}
    assert "deleted" not in kinds and "weakened" in kinds
    sentences = " ".join(loss.sentence for loss in ch.losses)
    assert "“Calls upon” became “Encourages”" in sentences and "“as they deem necessary”" in sentences


def test_paired_by_place_despite_renumbering() -> None:
    # Two paragraphs inserted above it: the old OP 4 is now OP 6, rewritten.
    inserted = ["Welcomes the efforts of regional partners;", "Notes the holding of a national census;"]
    new = renumber([BASE[0], *(f"0. {t}" for t in inserted), BASE[1], BASE[2], SOFA_REWRITTEN, BASE[4]])
    [d] = [d for d in sofa(diff(BASE, new)).diffs if d.old_ref == "OP 4"]
    assert (d.new_ref, d.rewritten) == ("OP 6", True)


def test_a_paragraph_on_another_subject_in_its_place_is_no_rewrite() -> None:
    other = "4. Welcomes the holding of the national census in 2026;"
    ch = sofa(diff(BASE, [*BASE[:3], other, BASE[4]]))
    [d] = [d for d in ch.diffs if d.old_ref == "OP 4"]
    assert d.new_ref is None and not d.rewritten
    assert ch.losses[0].kind == "deleted"


def test_two_rewrites_side_by_side_each_pair_with_their_own_subject() -> None:
    # The HRDDP and PoC paragraphs both rewritten, and their order swapped: each pairs by its subject.
    poc = "2. Encourages the Mission, as appropriate, to support the authorities in protecting civilians;"
    hrddp = (
        "3. Invites the Mission to take into account the Human Rights Due Diligence Policy when it works "
        "with national defence forces;"
    )
    old = read_string("The Security Council,\n\n" + "\n\n".join(BASE))
    new = read_string("The Security Council,\n\n" + "\n\n".join([BASE[0], poc, hrddp, *BASE[3:]]))
    ops = lambda d: [p for p in d.paragraphs if p.ref and p.ref.startswith("OP")]  # noqa: E731
    pairing = Pairing(ops(old), ops(new))
    hrddp_pair, _ = pairing.counterpart(old.by_ref("OP 2"))  # type: ignore[arg-type]
    poc_pair, _ = pairing.counterpart(old.by_ref("OP 3"))  # type: ignore[arg-type]
    assert hrddp_pair is not None and hrddp_pair.paragraph.ref == "OP 3" and hrddp_pair.by == "place"
    assert poc_pair is not None and poc_pair.paragraph.ref == "OP 2" and poc_pair.by == "place"


def test_an_unchanged_draft_pairs_every_paragraph_with_itself() -> None:
    doc = read_string("The Security Council,\n\n" + "\n\n".join(BASE))
    ops = [p for p in doc.paragraphs if p.ref]
    pairing = Pairing(ops, ops)
    for p in ops:
        pair, score = pairing.counterpart(p)
        assert pair is not None and pair.paragraph.index == p.index and score == 1.0


# A longer draft, where the mission and the authorities are named in most paragraphs.
LONG = [
    "1. Decides to renew the mandate of the Mission until 15 November 2027;",
    "2. Calls upon the authorities to cooperate fully with the Mission in the capital;",
    "3. Urges the authorities to support the Mission in the elections;",
    "4. Calls upon the authorities to respect the Status of Forces Agreement;",
    "5. Requests the Secretary-General to report violations of the Status of Forces Agreement monthly;",
    "6. Encourages the authorities and the Mission to strengthen the justice sector;",
    "7. Requests the Mission to support the authorities in disarmament;",
    "8. Decides to remain actively seized of the matter.",
]


def _pair(old_ops: list[str], new_ops: list[str], ref: str):  # type: ignore[no-untyped-def]
    old = read_string("The Security Council,\n\n" + "\n\n".join(old_ops))
    new = read_string("The Security Council,\n\n" + "\n\n".join(new_ops))
    ops = lambda d: [p for p in d.paragraphs if p.ref and p.ref.startswith("OP")]  # noqa: E731
    pair, _ = Pairing(ops(old), ops(new)).counterpart(old.by_ref(ref))  # type: ignore[arg-type]
    return pair


def test_words_every_paragraph_has_do_not_make_a_rewrite() -> None:
    # OP 4 deleted, and a paragraph on another subject put in its place: they share only 'the authorities'
    # and 'the Mission', which most paragraphs name.
    other = "4. Welcomes the efforts of the authorities and the Mission to hold local elections;"
    assert _pair(LONG, [*LONG[:3], other, *LONG[4:]], "OP 4") is None


def test_the_same_verb_and_addressee_in_the_same_place_is_a_rewrite() -> None:
    # No subject word left in common, but the paragraph alone there still asks the Secretary-General.
    softer = "5. Requests the Secretary-General to include, as appropriate, information on cooperation in his reports;"
    pair = _pair(LONG, [*LONG[:4], softer, *LONG[5:]], "OP 5")
    assert pair is not None and pair.paragraph.ref == "OP 5" and pair.by == "place"
