"""YAML as people write it: parsed once into data and a node tree (for line numbers), with aliases and deep
nests refused. Its own module so that PyYAML is imported only when a file is parsed, not when the rulebook
comes from the cache."""

from __future__ import annotations

from typing import Any

import yaml


def line_index(node: yaml.Node, prefix: str = "", out: dict[str, int] | None = None) -> dict[str, int]:
    """Dotted path ('elements.hrddp.phrases.2') -> 1-based line, from the YAML node tree."""
    out = {} if out is None else out
    out.setdefault(prefix, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = f"{prefix}.{key.value}" if prefix else str(key.value)
            out[path] = key.start_mark.line + 1
            line_index(value, path, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            line_index(item, f"{prefix}.{i}" if prefix else str(i), out)
    return out


MAX_YAML_DEPTH = 32  # rule files nest 4 deep; libyaml's composer crashes the process some thousands deep


class YamlRefused(yaml.MarkedYAMLError):
    """YAML that is valid but hostile: aliases (a few hundred bytes can expand to billions of nodes) or
    nesting deeper than any rule, profile or decisions file needs."""


def refuse_hostile_yaml(text: str) -> None:
    """Walk the parser's events (streaming, no tree built) and stop at the first alias or too deep a nest."""
    loader = _LOADER(text)
    try:
        depth = 0
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                raise YamlRefused(
                    problem="YAML aliases (*name) are not allowed here: write the value out in full",
                    problem_mark=event.start_mark,
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    raise YamlRefused(
                        problem=f"nested more than {MAX_YAML_DEPTH} levels deep",
                        problem_mark=event.start_mark,
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def refuse_duplicate_keys(node: yaml.Node | None) -> None:
    """A key written twice in one mapping: YAML keeps only the last, so a rule with two `exclude:` blocks
    would silently lose the first. Refuse it at the second, naming both lines."""
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[object, yaml.Node] = {}
            for key, value in current.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                if name is not None and name in seen:
                    raise YamlRefused(
                        problem=f"the key '{name}' is written twice in one mapping (first on line "
                        f"{seen[name].start_mark.line + 1}): YAML would keep only the last; merge them",
                        problem_mark=key.start_mark,
                    )
                if name is not None:
                    seen[name] = key
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def parse_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse once, keeping the node tree (for line numbers) and the data. libyaml's C parser when PyYAML
    has it: rule loading is most of the start-up time of every command."""
    refuse_hostile_yaml(text)
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        refuse_duplicate_keys(node)
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def where_it_starts(text: str, exc: yaml.YAMLError) -> tuple[int | None, str]:
    """(1-based line, what is wrong) of a YAML error, at the line where its writer's mistake is rather than
    where the parser gave up. A quote left open ('title: "Attacks on ...' with no closing quote) makes a
    quoted value run on over the lines below, and the parser stops lines later, at the next quote; PyYAML's
    problem_mark is that later line. So: a scanner error inside a value (the quote never closes) is placed
    at its context_mark, where the value opens; a parser error just after a quoted value that spans
    several lines is placed where that value opens. Otherwise, problem_mark as PyYAML gives it."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context", None) or ""
    context_mark = getattr(exc, "context_mark", None)
    if isinstance(exc, yaml.scanner.ScannerError) and context_mark and "quoted scalar" in context:
        return context_mark.line + 1, f"a quoted value opened here is never closed ({problem})"
    if mark is None:
        return None, problem
    if isinstance(exc, yaml.parser.ParserError):
        opened = _quoted_run_to(text, mark.line)
        if opened is not None:
            return opened + 1, (
                f"the quoted value opened here runs on to line {mark.line + 1}, where YAML stops ({problem}): "
                "is its closing quote missing?"
            )
    if isinstance(exc, (yaml.scanner.ScannerError, yaml.parser.ParserError)) and "tab" not in problem:
        # the parser names the line where it gave up, often the one after a key indented wrongly
        at = mark.line + 1
        where = f"on or just above line {at}" if at > 1 else "on line 1"
        return at, f"{problem} (check the indentation {where})"
    return mark.line + 1, problem


def _quoted_run_to(text: str, line: int) -> int | None:
    """The 0-based line where the last quoted value spanning several lines and ending on `line` opens, from
    the tokens up to there (the scanner, streaming: no tree is built)."""
    opened = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line > line:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.start_mark.line < token.end_mark.line == line
            ):
                opened = token.start_mark.line
    except yaml.YAMLError:
        pass
    return opened
