"""Real Security Council resolutions as the UN publishes them (tests/read/real/, UN documents), and annexes.

An annex (a sanctions list, a procedure, an agreement) follows the resolution's last operative paragraph; its
numbered paragraphs are the annex's own ('Annex I, para 3'), never operative text, and never judged."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from mandatekit import check
from mandatekit.read import Kind, read, read_string
from tests.builders import DraftBuilder

REAL = Path(__file__).parent / "real"


def top_level(path: Path) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (p.ref, p.verb, p.verb_class.value if p.verb_class else None)
        for p in read(path).operative
        if p.parent is None
    ]


def refs_are_unique(paragraphs: list) -> bool:  # type: ignore[type-arg]
    numbered = Counter(p.ref for p in paragraphs if p.ref and not (p.parent is not None and not p.label))
    return all(n == 1 for n in numbered.values())


def test_1730_annex_without_the_word_annex_after_seized() -> None:
    """S/RES/1730 (2006): three OPs, then the de-listing procedure numbered 1-8 again."""
    doc = read(REAL / "S_RES_1730(2006).txt")
    assert top_level(REAL / "S_RES_1730(2006).txt") == [
        ("OP 1", "Adopts", "decides"),
        ("OP 2", "Directs", "decides"),
        ("OP 3", "Decides", "decides"),
    ]
    annex = [p.ref for p in doc.annexes if p.ref]
    assert annex[:6] == [f"Annex, para {n}" for n in range(1, 7)]
    assert "Annex, para 6(b)" in annex and "Annex, para 8(a)" in annex
    assert all(p.verb is None and p.annex == "Annex" for p in doc.annexes)
    assert refs_are_unique(doc.paragraphs)


def test_2048_sanctions_list_is_an_annex() -> None:
    """S/RES/2048 (2012): 13 OPs, then an annex listing five officers, numbered 1-5."""
    doc = read(REAL / "S_RES_2048(2012).txt")
    ops = top_level(REAL / "S_RES_2048(2012).txt")
    assert [r for r, _, _ in ops] == [f"OP {n}" for n in range(1, 14)]
    assert ops[7] == ("OP 8", "Strongly encourages", "encourages")
    assert ops[-1] == ("OP 13", "Decides", "decides")
    names = {p.ref: p.text for p in doc.annexes if p.ref}
    assert list(names)[:5] == [f"Annex, para {n}" for n in range(1, 6)]
    assert names["Annex, para 1"].startswith("General António INJAI")
    assert doc.by_ref("OP 9(c)") is not None and doc.by_ref("OP 9(c)").verb == "Decides"  # type: ignore[union-attr]


def test_1701_operative_paragraphs_opened_by_a_clause() -> None:
    """S/RES/1701 (2006): OP 2 'Upon full cessation of hostilities, calls upon', OP 12 'Acting in support of
    a request ..., authorizes UNIFIL'. The UN's annotation gives their first word ('Upon', 'Acting'), which
    is not a verb: the governing verb is the first finite one."""
    ops = {ref: (verb, cls) for ref, verb, cls in top_level(REAL / "S_RES_1701(2006).txt")}
    assert len(ops) == 19
    assert ops["OP 2"] == ("calls upon", "calls")
    assert ops["OP 12"] == ("authorizes", "decides")
    assert ops["OP 5"] == ("Also reiterates", "notes")
    assert ops["OP 11"] == ("Decides", "decides")
    assert ops["OP 15"] == ("Decides", "decides")


def test_2721_takes_positive_note() -> None:
    assert top_level(REAL / "S_RES_2721(2023).txt") == [
        ("OP 1", "Stresses", "notes"),
        ("OP 2", "Takes positive note", "notes"),
        ("OP 3", "Encourages", "encourages"),
        ("OP 4", "Requests", "requests"),
        ("OP 5", "Welcomes", "encourages"),
        ("OP 6", "Requests", "requests"),
        ("OP 7", "Decides", "decides"),
    ]


ANNEXED = """Resolution 9999 (2030)

The Security Council,

Recalling its previous resolutions,

1. Decides that all Member States shall freeze the funds of the individuals listed in Annex I;

2. Requests the Secretary-General to report on the measures in Annex II;

3. Decides to remain actively seized of the matter.

Annex I

Travel ban and assets freeze

1. Decides Dr Example, Head of the Liaison Office. Requests for delisting go to the Committee.

2. Demands Someone Else, Minister of Defence.

Annex II

The Committee shall:

1. Request the Secretary-General to protect civilians under threat of physical violence;

(a) Decides to deploy forces to protect civilians;

2. Report to the Council every 90 days.
"""


def test_annex_in_text_is_its_own_part_never_operative() -> None:
    doc = read_string(ANNEXED)
    assert [p.ref for p in doc.operative] == ["OP 1", "OP 2", "OP 3"]
    annex = [(p.ref, p.annex) for p in doc.annexes if p.ref]
    assert annex == [
        ("Annex I, para 1", "Annex I"),
        ("Annex I, para 2", "Annex I"),
        ("Annex II, para 1", "Annex II"),
        ("Annex II, para 1(a)", "Annex II"),
        ("Annex II, para 2", "Annex II"),
    ]
    assert all(p.kind is Kind.annex and p.verb is None for p in doc.annexes)
    assert refs_are_unique(doc.paragraphs)


def test_annex_text_is_not_judged_as_a_mandate(tmp_path: Path) -> None:
    """The annex says 'protect civilians' and 'Decides to deploy forces to protect civilians'; the resolution
    does not: no finding may cite the annex."""
    path = tmp_path / "annexed.txt"
    path.write_text(ANNEXED, encoding="utf-8")
    report = check(path)
    assert not any(e.ref.startswith("Annex") for f in report.findings for e in f.evidence)
    poc = next(f for f in report.findings if f.rule == "poc-priority")
    assert poc.verdict.value == "missing"
    # The same words as an OP of the resolution are found: the annex was the only reason they were not.
    as_op = ANNEXED.replace(
        "3. Decides to remain",
        "3. Requests the Mission to protect civilians under threat "
        "of physical violence as a priority;\n\n4. Decides to remain",
    )
    path.write_text(as_op, encoding="utf-8")
    poc = next(f for f in check(path).findings if f.rule == "poc-priority")
    assert poc.verdict.value != "missing"


def test_annex_numbering_that_starts_again_gets_parts() -> None:
    doc = read_string(
        "The Security Council,\n\n1. Decides to adopt the annexed agreement;\n\n"
        "2. Decides to remain seized of the matter.\n\nAnnex A: Agreement\n\n1. The parties agree.\n\n"
        "2. The parties commit.\n\n1. Iran will keep its enrichment capacity.\n\n2. Iran will not build.\n"
    )
    assert [p.ref for p in doc.annexes if p.ref] == [
        "Annex A, para 1",
        "Annex A, para 2",
        "Annex A, part 2, para 1",
        "Annex A, part 2, para 2",
    ]


def test_a_second_annex_under_the_same_name_goes_on_in_parts() -> None:
    """S/RES/2231 (2015): an 'Attachment' in Annex A and another in Annex B, neither numbered: the second's
    paragraphs are 'Attachment, part 2, para 1', never 'Attachment, para 1 (2)', a reference to no paragraph."""
    doc = read_string(
        "The Security Council,\n\n1. Endorses the plan in annex A;\n\n2. Decides to remain seized of the matter."
        "\n\nAnnex A\n\n1. The parties agree.\n\nAttachment\n\n1. The EU commits to terminate measures.\n\n"
        "Annex B\n\n1. All States shall comply.\n\nAttachment\n\n1. AGHA-JANI, Dawood\n\n2. ALAI, Amir Moayyed\n"
    )
    assert [p.ref for p in doc.annexes if p.ref] == [
        "Annex A, para 1",
        "Attachment, para 1",
        "Annex B, para 1",
        "Attachment, part 2, para 1",
        "Attachment, part 2, para 2",
    ]


def test_annex_in_word(tmp_path: Path) -> None:
    draft = (
        DraftBuilder()
        .front("Draft resolution", "The Security Council,")
        .pp("Recalling", "its previous resolutions,")
        .op(
            "Decides", "that all Member States shall freeze the funds of the individuals listed in the annex;"
        )
        .op("Requests", "the Secretary-General to report;")
        .op("Decides", "to remain actively seized of the matter.")
        .heading("Annex")
        .front("1. Requests the Mission to protect civilians under threat of physical violence;")
        .front("(a) Decides on a second item of the list;")
        .front("2. Authorizes a third item;")
    )
    doc = read(draft.save(tmp_path / "annexed.docx"))
    assert [p.ref for p in doc.operative] == ["OP 1", "OP 2", "OP 3"]
    assert [p.ref for p in doc.annexes if p.ref] == ["Annex, para 1", "Annex, para 1(a)", "Annex, para 2"]
    assert refs_are_unique(doc.paragraphs)


def test_word_numbering_continued_into_the_annex(tmp_path: Path) -> None:
    """An annex whose items Word numbers in the resolution's own list (4., 5. after OP 3): annex all the same."""
    draft = (
        DraftBuilder()
        .front("The Security Council,")
        .op("Decides", "to renew the measures;")
        .op("Decides", "to remain actively seized of the matter.")
        .front("Annex I")
        .op("Requests", "the Mission to protect civilians;")
        .op("Decides", "to deploy forces;")
    )
    doc = read(draft.save(tmp_path / "continued.docx"))
    assert [p.ref for p in doc.operative] == ["OP 1", "OP 2"]
    assert [p.ref for p in doc.annexes if p.ref] == ["Annex I, para 3", "Annex I, para 4"]


def test_an_op_after_seized_is_still_operative() -> None:
    doc = read_string(
        "The Security Council,\n\n1. Decides to remain seized of the matter;\n\n"
        "2. Requests the Secretary-General to report.\n"
    )
    assert [p.ref for p in doc.operative] == ["OP 1", "OP 2"]
    assert not doc.annexes


def test_numbers_typed_again_under_a_list_lead_in() -> None:
    """S/RES/2705 (2023) OP 3 announces a list whose items are printed '1.', '2.': items of OP 3."""
    doc = read_string(
        "The Security Council,\n\n1. Decides to extend the mandate;\n\n2. Requests the Mission to report;\n\n"
        "3. Encourages the Mission to support the Government in its efforts to:\n\n"
        "1. protect civilians in areas which are the focus of military operations;\n\n"
        "2. ensure timely support to all areas;\n\n"
        "4. Recalls its press statement;\n"
    )
    assert [p.ref for p in doc.operative if p.parent is None] == ["OP 1", "OP 2", "OP 3", "OP 4"]
    item = doc.by_ref("OP 3(1)")
    assert item is not None and item.verb == "Encourages" and item.verb_inherited


@pytest.mark.parametrize("name", sorted(p.name for p in REAL.glob("*.txt")))
def test_every_real_resolution_has_unique_refs_and_a_verb_per_op(name: str) -> None:
    doc = read(REAL / name)
    assert refs_are_unique(doc.paragraphs)
    assert all(p.verb for p in doc.operative if p.parent is None)


def test_a_two_megabyte_paragraph_reads_whole_and_right(tmp_path: Path) -> None:
    """Issue 10: one huge paragraph took minutes (per-verb bracket checks, string joins growing with every
    line). No timing here (benchmarks/huge_paragraph.py measures the scaling): it must finish, and be right."""
    clause = (
        "requests the Mission to protect civilians, [within its capabilities], and urges the parties to act; "
    )
    n = 2_000_000 // len(clause)
    path = tmp_path / "huge.txt"
    lines = "\n".join([clause] * n)  # wrapped lines of one paragraph
    path.write_text(
        f"The Security Council,\n\n1. Decides that the Mission {lines}\n\n2. Decides to remain seized.\n"
    )
    doc = read(path)
    op1 = doc.by_ref("OP 1")
    assert op1 is not None and [p.ref for p in doc.operative] == ["OP 1", "OP 2"]
    assert len(op1.text) > 1_900_000 and "\n" not in op1.text
    # 'Decides that the Mission requests' is one clause; each '; requests' and ', and urges' takes over.
    assert len(op1.verbs) == 2 * n
    assert [v.verb for v in op1.verbs[:3]] == ["Decides", "urges", "requests"]
    assert len(op1.brackets) == n and all(v.bracketed is False for v in op1.verbs)


def test_2592_items_under_a_first_item_typed_after_the_number() -> None:
    """S/RES/2592 (2021): '11. (a) Expresses concern ..., demands all parties' then '(i) to end ...' to '(iv)',
    '(b) calls upon ...': the paragraph's own text is its item (a), so the items under it are OP 11(a)(i) to
    (iv), as the UN cites them, and '(b)' is OP 11(b)."""
    doc = read(REAL / "S_RES_2592(2021).txt")
    under_11 = [p.ref for p in doc.operative if p.ref and p.ref.startswith("OP 11")]
    assert under_11 == [
        "OP 11",
        "OP 11(a)(i)",
        "OP 11(a)(ii)",
        "OP 11(a)(iii)",
        "OP 11(a)(iv)",
        "OP 11(b)",
        "OP 11(c)",
    ]
    item = doc.by_ref("OP 11(a)(ii)")
    assert item is not None and doc.paragraphs[item.parent].ref == "OP 11"  # type: ignore[index]
    assert item.text.startswith("to identify those responsible")
    assert [p.ref for p in doc.operative if p.ref and p.ref.startswith("OP 14")][:2] == ["OP 14", "OP 14(b)"]


# S/RES/186 (1964) as the Council's volume for 1964 prints it: the French text beside the English, paragraph by
# paragraph (OP 1 and 2 in English, then in French, then OP 3 in English and in French).
BILINGUAL = (
    "186 (1964). Resolution of 4 March 1964\n\n186 (1964). Résolution du 4 mars 1964\n\nThe Security Council,\n\n"
    "Noting that the present situation with regard to Cyprus is likely to threaten international peace and "
    "security,\n\nLe Conseil de sécurité,\n\nNotant que la situation actuelle concernant Chypre est de nature à "
    "menacer la paix et la sécurité internationales,\n\n"
    "1. Calls upon all Member States, in conformity with their obligations under the Charter of the United "
    "Nations, to refrain from any action likely to worsen the situation in the sovereign Republic of Cyprus;\n\n"
    "2. Asks the Government of Cyprus to take all additional measures necessary to stop violence and bloodshed "
    "in Cyprus;\n\n"
    "1. Invite tous les Etats Membres, conformément à leurs obligations aux termes de la Charte des Nations "
    "Unies, à s’abstenir de toute action qui risquerait d’aggraver la situation;\n\n"
    "2. Demande au Gouvernement chypriote de prendre toutes les nouvelles mesures nécessaires pour arrêter les "
    "actes de violence et les effusions de sang à Chypre;\n\n"
    "3. Requests the Secretary-General to provide, from funds of the United Nations, for the remuneration and "
    "expenses of the mediator and his staff.\n\n"
    "3. Prie le Secrétaire général de pourvoir, sur les fonds de l’Organisation des Nations Unies, à la "
    "rémunération et aux dépenses du médiateur et de son personnel.\n"
)


def test_the_french_text_printed_beside_the_english_is_its_translation() -> None:
    doc = read_string(BILINGUAL)
    assert [p.ref for p in doc.paragraphs if p.ref] == ["PP 1", "OP 1", "OP 2", "OP 3"]  # never 'OP 1 (2)'
    assert doc.by_ref("OP 3").text.startswith("Requests the Secretary-General")  # type: ignore[union-attr]
    translated = [p.text[:12] for p in doc.paragraphs if p.kind is Kind.annex]
    assert translated == ["Le Conseil d", "Notant que l", "Invite tous ", "Demande au G", "Prie le Secr"]


def test_a_draft_quoting_a_french_paragraph_keeps_it() -> None:
    # One paragraph in French in an English draft (a quoted title, a name): not a text printed in two languages.
    text = BILINGUAL.split("1. Invite")[0] + "3. Welcomes the report entitled « La situation des droits de "
    text += "l’homme et la protection des civils dans le pays »;\n"
    doc = read_string(text)
    assert [p.ref for p in doc.operative] == ["OP 1", "OP 2", "OP 3"]
    assert doc.by_ref("PP 2") is not None  # 'Notant que ...' stays a paragraph of the text: no translation


def test_an_op_cut_at_the_page_foot_goes_on_after_the_french_page() -> None:
    # S/RES/186 (1964): the English OP 2 ends mid-sentence at the page's foot; its tail is printed after the
    # French page, glued to the French footnote's last line.
    text = BILINGUAL.split("3. Requests")[0].replace(
        "2. Asks the Government of Cyprus to take all additional measures necessary to stop violence and bloodshed "
        "in Cyprus;",
        "2. Recommends further that the Secretary-General designate, in agreement with the Government of Cyprus",
    )
    text += (
        "5 Traité de garantie [Nations Unies, Recueil des traités, vol. 382 (1960), no 5475]; Traité d’alliance "
        "entre le Royaume de Grèce et la République de Chypre [ibid., vol. 397 (1961), no 5712]. and the "
        "Governments of Greece, Turkey and the United Kingdom, a mediator, who shall use his best endeavours for "
        "the purpose of promoting a peaceful solution of the problem;\n"
    )
    doc = read_string(text)
    op2 = doc.by_ref("OP 2")
    assert op2 is not None and op2.text.endswith(
        "Government of Cyprus and the Governments of Greece, Turkey and "
        "the United Kingdom, a mediator, who shall use his best endeavours "
        "for the purpose of promoting a peaceful solution of the problem;"
    )
    footnote = next(p for p in doc.paragraphs if p.text.startswith("5 Traité"))
    assert footnote.kind is Kind.annex and footnote.text.endswith("no 5712].")


def test_an_op_closed_on_its_page_takes_no_english_from_the_french_page() -> None:
    # Near miss: OP 2 closes with ';', so an English phrase after a French sentence is not its tail.
    text = BILINGUAL.split("3. Requests")[0] + (
        "5 Traité de garantie [Nations Unies, Recueil des traités, vol. 382 (1960), no 5475]. and the "
        "Governments of Greece, Turkey and the United Kingdom of Great Britain and Northern Ireland;\n"
    )
    doc = read_string(text)
    assert doc.by_ref("OP 2").text.endswith("bloodshed in Cyprus;")  # type: ignore[union-attr]
