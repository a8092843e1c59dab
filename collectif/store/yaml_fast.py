"""Parse YAML with libyaml (the fastest safe parser) but YAML 1.2 values, exactly as ruamel.yaml.

`off`, `no`, `yes` stay strings, `010` is ten, `1:30` is a string, and numbers with a fraction or
an exponent become exact `Decimal`s, never binary floats. No tag can build an object: only the
core tags are known. Aliases are allowed, but a document whose aliases expand past a limit is
refused before anything walks it.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml: same values, slower
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str | bytes) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


MAX_EXPANDED_NODES = 100_000
# Lists and mappings nested deeper than this are refused before anything walks them: a
# collective's files need five levels, and Python code that follows a tree recurses.
MAX_DEPTH = 100
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class Resolver12(yaml.resolver.BaseResolver):
    """The implicit resolvers of ruamel.yaml for YAML 1.2, copied regex for regex."""


_RESOLVERS: list[tuple[str, str, str]] = [
    (_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (
        _FLOAT,
        r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
        "-+0123456789.",
    ),
    (
        _INT,
        r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""",
        "-+0123456789",
    ),
    (_MERGE, r"^(?:<<)$", "<"),
    (_NULL, r"^(?: ~ |null|Null|NULL | )$", "~nN"),
    (
        _TIMESTAMP,
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        "0123456789",
    ),
]
Resolver12.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in _RESOLVERS:
    Resolver12.add_implicit_resolver(_tag, re.compile(_regexp, re.X), list(_first))
# The empty plain scalar is null, as in every YAML version.
Resolver12.add_implicit_resolver(_NULL, re.compile(r"^$"), [""])
_RESOLVER = Resolver12()
NULL_TAG = _NULL


def implicit_tag(value: str) -> str:
    """The tag of a plain scalar, exactly as the loaders here resolve it."""
    tag = _RESOLVER.resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return str(tag)


def _int_value(text: str) -> int:
    text = text.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    if digits.startswith("0b"):
        return sign * int(digits[2:], 2)
    if digits.startswith("0x"):
        return sign * int(digits[2:], 16)
    if digits.startswith("0o"):
        return sign * int(digits[2:], 8)
    return sign * int(digits)


def _float_value(text: str) -> Decimal:
    text = text.replace("_", "")
    lowered = text.lower()
    if lowered.endswith(".inf"):
        return Decimal("-Infinity") if lowered.startswith("-") else Decimal("Infinity")
    if lowered == ".nan":
        return Decimal("NaN")
    if text.endswith(".") or ".e" in lowered:
        text = text.replace(".", ".0", 1)
    return Decimal(text)


_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")


class Constructor12(yaml.constructor.BaseConstructor):
    """Builds plain data only: dicts, lists, str, int, Decimal, bool, None, date."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        self._flatten_merges(node)
        mapping: dict[Hashable, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable) or isinstance(key, list | dict):
                raise ConstructorError(None, None, "unhashable key", key_node.start_mark)
            if key in mapping:
                raise ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def _flatten_merges(self, node: MappingNode) -> None:
        merged: list[tuple[Node, Node]] = []
        own: list[tuple[Node, Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE:
                own.append((key_node, value_node))
                continue
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for source in sources:
                if not isinstance(source, MappingNode):
                    raise ConstructorError(None, None, "merge of a non-mapping", source.start_mark)
                self._flatten_merges(source)
                merged.extend(source.value)
        if merged:
            own_keys = {k.value for k, _ in own if isinstance(k, ScalarNode)}
            kept: dict[Any, tuple[Node, Node]] = {}
            for pair in merged:
                if pair[0].value not in own_keys:
                    kept.setdefault(pair[0].value, pair)
            node.value = list(kept.values()) + own


def _construct_map(loader: Constructor12, node: MappingNode) -> Any:
    data: dict[Hashable, Any] = {}
    yield data
    data.update(loader.construct_mapping(node))


def _construct_seq(loader: Constructor12, node: SequenceNode) -> Any:
    data: list[Any] = []
    yield data
    data.extend(loader.construct_object(child) for child in node.value)


def _scalar(node: Node) -> str:
    if not isinstance(node, ScalarNode):
        raise ConstructorError(None, None, "expected a scalar", node.start_mark)
    return str(node.value)


def _construct_timestamp(loader: Constructor12, node: ScalarNode) -> date | datetime:
    text = _scalar(node)
    match = _DATE.match(text)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        return datetime.fromisoformat(text.replace("t", "T").replace(" ", "T", 1))
    except ValueError:
        raise ConstructorError(None, None, f"impossible date {text}", node.start_mark) from None


def _construct_bool(loader: Constructor12, node: ScalarNode) -> bool:
    text = _scalar(node).lower()
    if text not in ("true", "false"):
        raise ConstructorError(None, None, f"not a boolean: {text}", node.start_mark)
    return text == "true"


def _construct_int(loader: Constructor12, node: ScalarNode) -> int:
    try:
        return _int_value(_scalar(node))
    except ValueError:
        raise ConstructorError(None, None, "not an integer", node.start_mark) from None


def _construct_float(loader: Constructor12, node: ScalarNode) -> Decimal:
    try:
        return _float_value(_scalar(node))
    except ArithmeticError:
        raise ConstructorError(None, None, "not a number", node.start_mark) from None


def _construct_unknown(loader: Constructor12, node: Node) -> Any:
    raise ConstructorError(None, None, f"tag {node.tag} is not allowed", node.start_mark)


_CONSTRUCTORS: dict[str | None, Any] = {
    _NULL: lambda loader, node: None,
    _STR: lambda loader, node: _scalar(node),
    _BOOL: _construct_bool,
    _INT: _construct_int,
    _FLOAT: _construct_float,
    _TIMESTAMP: _construct_timestamp,
    _MAP: _construct_map,
    _SEQ: _construct_seq,
    None: _construct_unknown,
}
Constructor12.yaml_constructors = {}
for _tag_name, _constructor in _CONSTRUCTORS.items():
    Constructor12.add_constructor(_tag_name, _constructor)


class Loader12(_Parser, Constructor12, Resolver12):
    def __init__(self, stream: str | bytes) -> None:
        _Parser.__init__(self, stream)
        Constructor12.__init__(self)
        Resolver12.__init__(self)


class NodeLoader(_Parser, Resolver12):
    """Composes nodes only: positions of every key and value, for locating problems."""

    def __init__(self, stream: str | bytes) -> None:
        _Parser.__init__(self, stream)
        Resolver12.__init__(self)


PLAIN = "?"  # the tag of a plain scalar whose type is left undecided


class PlainNodeLoader(_Parser):
    """Composes nodes, leaving the type of plain scalars undecided: their tag is `PLAIN`.

    Half the work of `NodeLoader`, for a reader that resolves only the scalars it needs.
    Every other tag is what `NodeLoader` gives: a quoted scalar is text, an explicit tag
    stays. The decision is yaml's BaseResolver's: implicit resolvers for plain scalars only.
    """

    def descend_resolver(self, *args: Any) -> None:
        pass

    def ascend_resolver(self, *args: Any) -> None:
        pass

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP


class AliasBomb(Exception):
    """A document whose aliases expand into too many nodes."""

    def __init__(self, mark: yaml.Mark | None) -> None:
        super().__init__("aliases expand too much")
        self.mark = mark


class TooDeep(yaml.MarkedYAMLError):
    """A document whose lists and mappings nest deeper than `MAX_DEPTH`."""

    def __init__(self, mark: yaml.Mark | None) -> None:
        super().__init__(problem=f"nested deeper than {MAX_DEPTH} levels", problem_mark=mark)


# How deep a text can nest is bounded by its brackets (flow style) plus the indentation and
# indicators that start its lines (block style: at least one more column every level or
# two): a text with few of both cannot be deep, and needs no walk.
_DEEP_LINE = re.compile(rb"^[ \t?:-]{%d}" % (MAX_DEPTH // 2 - 4), re.MULTILINE)


def _may_be_deep(data: bytes) -> bool:
    brackets = data.count(b"[") + data.count(b"{")
    return brackets > MAX_DEPTH // 2 or _DEEP_LINE.search(data) is not None


def too_deep(root: Node, limit: int = MAX_DEPTH) -> Node | None:
    """The first collection nested deeper than `limit`, found without recursion."""
    deepest: dict[int, int] = {}  # aliases share nodes: each is walked again only deeper
    stack: list[tuple[Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return node
        if deepest.get(id(node), 0) >= depth:
            continue
        deepest[id(node)] = depth
        if isinstance(node, MappingNode):
            children = [child for pair in node.value for child in pair]
        elif isinstance(node, SequenceNode):
            children = list(node.value)
        else:
            continue
        stack.extend((child, depth + 1) for child in children if not isinstance(child, ScalarNode))
    return None


def expanded_size(root: Node, limit: int = MAX_EXPANDED_NODES) -> int:
    """How many nodes the document has once every alias is expanded, counted without expanding."""
    sizes: dict[int, int] = {}

    def size(node: Node) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        sizes[id(node)] = 1  # a cycle counts once; recursive aliases are refused by libyaml
        total = 1
        if isinstance(node, MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        elif isinstance(node, SequenceNode):
            total += sum(size(child) for child in node.value)
        total = min(total, limit + 1)
        sizes[id(node)] = total
        return total

    return size(root)


def load(data: bytes) -> Any:
    """Parse one YAML document into plain data; raises yaml.YAMLError (TooDeep among them) or
    AliasBomb."""
    loader = Loader12(data)
    try:
        # Aliases nest a tree inside another without brackets or indentation: walk them too.
        aliases = b"*" in data
        deep = aliases or _may_be_deep(data)
        if not (aliases or deep):
            return loader.get_single_data()
        node = loader.get_single_node()
        if node is None:
            return None
        nested = too_deep(node) if deep else None
        if nested is not None:
            raise TooDeep(nested.start_mark)
        if aliases and expanded_size(node) > MAX_EXPANDED_NODES:
            raise AliasBomb(node.start_mark)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _single_node(loader: NodeLoader | PlainNodeLoader) -> Node | None:
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def compose_plain(data: bytes) -> Node | None:
    """The node tree of one document, plain scalars untyped; raises yaml.YAMLError."""
    return _single_node(PlainNodeLoader(data))


def compose(data: bytes) -> Node | None:
    """The node tree of one document, with positions; raises yaml.YAMLError."""
    return _single_node(NodeLoader(data))
