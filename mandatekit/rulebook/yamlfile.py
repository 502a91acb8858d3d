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
