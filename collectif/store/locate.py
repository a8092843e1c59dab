"""Turn a path inside a YAML document (keys and indexes) into a 1-based line and column."""

from __future__ import annotations

from typing import NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from collectif.model.finding import Path
from collectif.store import yaml_fast


class Position(NamedTuple):
    line: int
    column: int


FIRST_LINE = Position(1, 1)


def _position(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _step(node: Node, key: str | int, on_key: bool) -> Node | None:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == str(key):
                return key_node if on_key else value_node
        return None
    if isinstance(node, SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        child: Node = node.value[key]
        return child
    return None


def find(root: Node | None, path: Path, on_key: bool = False) -> Position:
    """Where `path` is in the document; the nearest enclosing node if it is not all there.

    `on_key` points at the last key itself rather than its value (for unknown keys).
    """
    if root is None:
        return FIRST_LINE
    node = root
    for index, key in enumerate(path):
        last = index == len(path) - 1
        child = _step(node, key, on_key and last)
        if child is None:
            break
        node = child
    return _position(node)


def locator(data: bytes) -> Node | None:
    """The node tree of a file that parsed once already; None if it cannot be composed."""
    try:
        return yaml_fast.compose(data)
    except yaml.YAMLError:
        return None
