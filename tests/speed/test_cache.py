"""The cache of validated rulebooks: used when the rule files are unchanged, rebuilt whenever anything it
was made from changes, and never a reason to fail or to give another result."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import mandatekit
import mandatekit.rulebook as rulebook_module
from mandatekit.cli import main
from mandatekit.rulebook import Rulebook, load_rulebook
from mandatekit.rulebook.patterns import expand_placeholders, expand_regex_placeholders
from mandatekit.rulebook.profiles import bundled_terms
from tests.rulebook.test_bad_rules import good_rule, write


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MANDATEKIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("MANDATEKIT_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts full loads (parse and validate every file), as opposed to loads from the cache."""
    count: list[int] = []
    full = rulebook_module._load_rulebook

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        count.append(1)
        return full(*args, **kwargs)

    monkeypatch.setattr(rulebook_module, "_load_rulebook", counting)
    return count


def same(a: Rulebook, b: Rulebook) -> bool:
    return (a.rules, a.files, a.lines, a.notices) == (b.rules, b.files, b.lines, b.notices)


def entry(cache: Path) -> Path:
    (path,) = cache.glob("rulebook-*.json")
    return path


def test_second_load_comes_from_the_cache_and_is_the_same(cache: Path, builds: list[int]) -> None:
    first = load_rulebook()
    second = load_rulebook()
    assert len(builds) == 1 and same(first, second)
    assert entry(cache).stat().st_mode & 0o077 == 0 and cache.stat().st_mode & 0o077 == 0  # private


def test_an_edited_rule_file_invalidates_the_cache(tmp_path: Path, cache: Path, builds: list[int]) -> None:
    mine = tmp_path / "mine"
    path = write(mine, "own.yaml", good_rule(id="our-rule", title="First title"))
    assert load_rulebook([mine]).get("our-rule").title == "First title"  # type: ignore[union-attr]
    path.write_text(good_rule(id="our-rule", title="Second title"), encoding="utf-8")
    assert load_rulebook([mine]).get("our-rule").title == "Second title"  # type: ignore[union-attr]
    write(mine, "other.yaml", good_rule(id="another-rule"))
    assert load_rulebook([mine]).get("another-rule") is not None
    assert len(builds) == 3


def test_an_edit_that_breaks_a_rule_is_reported_not_hidden_by_the_cache(tmp_path: Path, cache: Path) -> None:
    mine = tmp_path / "mine"
    path = write(mine, "own.yaml", good_rule(id="our-rule"))
    load_rulebook([mine])
    path.write_text(good_rule(id="our-rule", severity="dreadful"), encoding="utf-8")
    with pytest.raises(mandatekit.errors.RuleError, match="severity"):
        load_rulebook([mine])


def test_another_version_rebuilds(cache: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    load_rulebook()
    monkeypatch.setattr(mandatekit, "__version__", "99.0.0")
    load_rulebook()
    load_rulebook()
    assert len(builds) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # truncated
        lambda text: "\x00\xff garbage",
        lambda text: "",
        # the right key and signature line, another value
        lambda text: (
            text.partition("\n")[0]
            + "\n"
            + json.dumps({"key": json.loads(text.partition("\n")[2])["key"], "value": {"rules": 3}})
        ),
        # the right key but a rule no fresh load would accept: validated, refused, rebuilt
        lambda text: text.replace('"severity":"critical"', '"severity":"apocalyptic"', 1),
    ],
)
def test_a_corrupt_entry_is_rebuilt(cache: Path, builds: list[int], damage) -> None:  # type: ignore[no-untyped-def]
    fresh = load_rulebook()
    path = entry(cache)
    text = path.read_text(encoding="utf-8")
    path.write_bytes(damage(text).encode("utf-8", "surrogateescape"))
    again = load_rulebook()
    assert same(fresh, again) and len(builds) == 2
    assert path.read_text(encoding="utf-8") == text  # rewritten whole
    load_rulebook()
    assert len(builds) == 2


def test_a_read_only_or_unusable_cache_folder_only_costs_time(
    tmp_path: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_rulebook()
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    monkeypatch.setenv("MANDATEKIT_CACHE_DIR", str(not_a_folder / "cache"))
    assert same(load_rulebook(), fresh)
    read_only = tmp_path / "read-only"
    read_only.mkdir(mode=0o500)
    monkeypatch.setenv("MANDATEKIT_CACHE_DIR", str(read_only))
    assert same(load_rulebook(), fresh)
    if os.geteuid() != 0:  # root writes anywhere
        assert not list(read_only.iterdir())


def test_a_folder_others_may_write_is_not_trusted(cache: Path, builds: list[int]) -> None:
    load_rulebook()
    cache.chmod(0o777)
    load_rulebook()
    load_rulebook()
    assert len(builds) == 3


def test_no_cache_option(
    cache: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MANDATEKIT_NO_CACHE", "0")  # restored after the test: --no-cache sets it
    draft = tmp_path / "d.txt"
    draft.write_text("The Security Council,\n\n1. Decides to remain actively seized of the matter.\n")
    result = CliRunner().invoke(main, ["--no-cache", "check", str(draft), "--format", "json"])
    assert result.exit_code == 0 and len(builds) == 1
    assert not cache.exists()


def test_pattern_sources_from_the_cache_are_the_ones_the_phrases_compile_to(cache: Path) -> None:
    from mandatekit.rulebook import patterns

    load_rulebook()
    patterns._known_sources.clear()
    cached = load_rulebook()  # from the cache: fills the known sources
    assert patterns._known_sources
    for rule in cached.rules:
        for p in [*rule.elements.values(), *rule.exclude]:
            # a {placeholder} in a regex, as in a phrase, is cached as the words it stands for
            key = (
                expand_placeholders(tuple(p.phrases), bundled_terms()),
                expand_regex_placeholders(p.regex, bundled_terms()),
            )
            assert patterns._known_sources[key] == patterns.combined_source(*key)
