"""Invisible and look-alike characters (class 1): a format character inside "not" or "Diligence", a
Cyrillic or fullwidth letter, brackets that look square. Each draft gets the verdicts its plain text gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.harness import invoke, text_draft

PLAIN = """The Security Council,

Recalling its previous resolutions,

1. Decides to extend the mandate of the Mission until 15 November 2027;

2. Decides that the Mission shall not protect civilians irrespective of the source of the threat as a priority task;

3. Requests the Mission to ensure that any support provided to non-United Nations security forces is provided in strict compliance with the Human Rights Due Diligence Policy;

4. Decides that the mandate of the Mission shall include [the protection of civilians under threat of physical violence, as its top priority];

5. Decides to remain actively seized of the matter.
"""

# Characters Unicode shows as nothing: LRM, RLM, ALM, bidi embedding/override/isolates, invisible
# operators, the combining grapheme joiner, variation selectors, a tag character, a Hangul filler.
INVISIBLES = ["\u200e", "\u200f", "\u061c", "\u202a", "\u202d", "\u2066", "\u2068", "\u2069", "\u2062",
              "\u2064", "\u034f", "\ufe0f", "\U000e0041", "\U000e0100", "\u180e", "\u3164"]  # fmt: skip


def _findings(tmp_path: Path, name: str, text: str) -> list[dict]:
    draft = text_draft(tmp_path, name, text)
    result = invoke("check", draft, "--format", "json", inputs=[draft])
    assert result.exit_code == 0, result.stderr
    findings = json.loads(result.stdout)["findings"]
    return [{k: v for k, v in f.items() if k != "draft"} for f in findings]


def _verdicts(findings: list[dict]) -> dict[str, str]:
    return {f["rule"]: f["verdict"] for f in findings}


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    return _findings(tmp_path_factory.mktemp("plain"), "plain.txt", PLAIN)


def test_the_words_tampered_with_change_verdicts(tmp_path: Path, plain: list[dict]) -> None:
    """Without 'not', 'Diligence' and the brackets the verdicts differ: the tests below can fail."""
    other = PLAIN.replace("shall not protect", "shall protect").replace("Diligence", "Dili gence")
    other = other.replace("[", "").replace("]", "")
    changed = {
        r for r, v in _verdicts(_findings(tmp_path, "other.txt", other)).items() if _verdicts(plain)[r] != v
    }
    assert {"poc-priority", "hrddp-support"} <= changed, changed


@pytest.mark.parametrize("mark", INVISIBLES, ids=[f"U+{ord(c):04X}" for c in INVISIBLES])
def test_an_invisible_character_inside_a_key_word(tmp_path: Path, plain: list[dict], mark: str) -> None:
    text = PLAIN.replace("shall not", f"shall n{mark}ot").replace("Diligence", f"Dili{mark}gence")
    text = text.replace("Human Rights", f"Human{mark} Rights")
    assert _findings(tmp_path, "draft.txt", text) == plain


@pytest.mark.parametrize(
    "word",
    ["n\u043et", "\u0578ot", "\uff4e\uff4f\uff54", "\U0001d427\U0001d428\U0001d42d", "n\u03bft"],
    ids=["cyrillic-o", "armenian-n-is-not-folded", "fullwidth", "math-bold", "greek-omicron"],
)
def test_a_look_alike_letter_in_not(tmp_path: Path, plain: list[dict], word: str) -> None:
    text = PLAIN.replace("shall not", f"shall {word}")
    findings = _findings(tmp_path, "draft.txt", text)
    if word.startswith("\u0578"):  # a letter that merely resembles: not folded, so 'not' is not there
        assert _verdicts(findings) != _verdicts(plain)
    else:
        assert findings == plain


def test_cyrillic_letters_in_diligence_and_the_verb(tmp_path: Path, plain: list[dict]) -> None:
    text = PLAIN.replace("Diligence", "D\u0456l\u0456g\u0435n\u0441\u0435").replace(
        "3. Requests", "3. R\u0435qu\u0435sts"
    )
    assert _findings(tmp_path, "draft.txt", text) == plain


@pytest.mark.parametrize(
    "pair",
    [
        "\uff3b\uff3d",
        "\u27e6\u27e7",
        "\u301a\u301b",
        "\u3010\u3011",
        "\u3014\u3015",
        "\u2045\u2046",
        "\ufe5d\ufe5e",
    ],
    ids=["fullwidth", "math-white", "white-corner", "lenticular", "tortoise", "quill", "small-tortoise"],
)
def test_brackets_that_look_square_hold_unagreed_text(tmp_path: Path, plain: list[dict], pair: str) -> None:
    text = PLAIN.replace("[", pair[0]).replace("]", pair[1])
    assert _findings(tmp_path, "draft.txt", text) == plain


def test_the_parse_of_a_look_alike_draft_is_the_plain_one(tmp_path: Path) -> None:
    hostile = PLAIN.replace("3. Requests", "3. \uff32equests").replace("[", "\u27e6").replace("]", "\u27e7")
    outputs = []
    for name, text in (("plain.txt", PLAIN), ("hostile.txt", hostile)):
        draft = text_draft(tmp_path, name, text)
        result = invoke("parse", draft, "--format", "json", inputs=[draft])
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        outputs.append([(p["ref"], p["verb"], p["brackets"], p["text"]) for p in data["paragraphs"]])
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    ("plain_word", "compatible"),
    [
        ("Diligence", "Di\u2113igence"),
        ("strict compliance", "\ufb06rict compliance"),
        ("shall not", "\u017fhall not"),
    ],
    ids=["script-small-l", "st-ligature", "long-s"],
)
def test_a_letter_in_a_compatibility_form(
    tmp_path: Path, plain: list[dict], plain_word: str, compatible: str
) -> None:
    """A letter Unicode keeps in another form (NFKC: script 'ℓ', the ligature 'ﬆ', the long s) is that letter."""
    assert _findings(tmp_path, "draft.txt", PLAIN.replace(plain_word, compatible)) == plain


def test_the_kelvin_sign_is_the_letter_k() -> None:
    """The Kelvin sign is the capital K in a compatibility form: the text as read holds the letter, so every
    search (a Latin-1 program, a UTF-8 one, the index of words) and every quote sees 'K', not a sign that
    only some of them fold to it."""
    from mandatekit.read import read_string

    draft = "The Security Council,\n\nRecalling its resolutions,\n\n1. Ac\u212anowledges the role of peace\u212aeeping;\n"
    op = read_string(draft).by_ref("OP 1")
    assert op is not None and op.text == "AcKnowledges the role of peaceKeeping;"
    assert op.verb == "AcKnowledges" and op.verb_class is not None and op.verb_class.value == "notes"
