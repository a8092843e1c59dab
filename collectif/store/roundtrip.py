"""Edit a YAML file the way a person would: every comment, key order, quote and style kept.

ruamel.yaml's round trip keeps comments, key order, quoting and flow style. On top of it this
module keeps what ruamel alone would change: how nulls were written (`null`, `~` or nothing),
the file's indentation, CRLF line ends and a byte order mark. New values are plain data:
dates are written `2026-03-04`, decimals exactly as given (never through a float), and a new
key goes where the model puts it, with the comment lines that stood there staying in place.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, TypeGuard

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from collectif.model.files import Record, fields

_NULL_TAG = "tag:yaml.org,2002:null"
_BOM = b"\xef\xbb\xbf"


class Null:
    """A null as the file wrote it (`null`, `~` or nothing), so that it is written back alike."""

    __slots__ = ("text",)

    def __init__(self, text: str = "null") -> None:
        self.text = text

    def __bool__(self) -> bool:
        return False

    def __eq__(self, other: object) -> bool:
        return other is None or isinstance(other, Null)

    def __hash__(self) -> int:
        return hash(None)

    def __repr__(self) -> str:
        return f"Null({self.text!r})"


def is_null(value: Any) -> bool:
    return value is None or isinstance(value, Null)


def is_mapping(value: Any) -> TypeGuard[CommentedMap]:
    """A mapping of the document, that `set_value` can edit."""
    return isinstance(value, CommentedMap)


class _Constructor(RoundTripConstructor):
    def construct_null_as_written(self, node: ScalarNode) -> Null:
        return Null(str(node.value))


_Constructor.add_constructor(_NULL_TAG, _Constructor.construct_null_as_written)


class _Representer(RoundTripRepresenter):
    def ignore_aliases(self, data: Any) -> bool:
        """A value written twice (the same date for two holders) is written twice, never as
        an anchor and an alias, which nobody reading the file would expect."""
        if isinstance(data, date | Decimal | str | int):
            return True
        return bool(super().ignore_aliases(data))

    def represent_null_as_written(self, data: Null) -> Any:
        return self.represent_scalar(_NULL_TAG, data.text)

    def represent_exact_decimal(self, data: Decimal) -> Any:
        text = format(data, "f")
        kind = "float" if "." in text else "int"
        return self.represent_scalar(f"tag:yaml.org,2002:{kind}", text)


_Representer.add_representer(Null, _Representer.represent_null_as_written)
_Representer.add_representer(Decimal, _Representer.represent_exact_decimal)


class EditError(Exception):
    """The file cannot be edited safely: it does not parse, or is not a mapping or a list."""


@dataclass(frozen=True)
class Layout:
    """How a file is laid out, as ruamel's `indent()` and the bytes around the YAML say it."""

    mapping: int = 2
    sequence: int = 4
    offset: int = 2
    explicit_start: bool = False
    crlf: bool = False
    bom: bool = False


TOP_LEVEL_LIST = Layout(mapping=2, sequence=2, offset=0)

_DASH = re.compile(r"^(\s*)-(\s+)(\S)")
_KEY_OPENS = re.compile(r"^(\s*)(?:-\s+)?[^\s#'\"{\[][^#]*:\s*(#.*)?$")


def _content_lines(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", "%", "---", "...")):
            lines.append(line.rstrip())
    return lines


def _starts_explicitly(text: str) -> bool:
    """Whether the document opens with `---` (after any comments and directives)."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", "%")):
            return stripped.startswith("---")
    return False


def _key_column(line: str) -> int:
    """Where the key of a line starts: after its indentation and any `- `."""
    dash = _DASH.match(line)
    return dash.start(3) if dash else len(line) - len(line.lstrip(" "))


def guess_layout(text: str) -> Layout:
    """The indentation the file uses for nested mappings and lists (ruamel's defaults if none)."""
    mapping: int | None = None
    sequence: tuple[int, int] | None = None
    previous: str | None = None
    for line in _content_lines(text):
        indent = len(line) - len(line.lstrip(" "))
        dash = _DASH.match(line)
        opener = previous is not None and _KEY_OPENS.match(previous) is not None
        parent = _key_column(previous) if previous is not None and opener else None
        if dash and sequence is None and (parent is not None or previous is None):
            base = parent or 0
            sequence = (dash.start(3) - base, indent - base)
        elif not dash and mapping is None and parent is not None and indent > parent:
            mapping = indent - parent
        previous = line
    seq, offset = sequence or (4, 2)
    return Layout(mapping=mapping or 2, sequence=max(seq, offset + 2), offset=offset)


def _yaml(layout: Layout) -> YAML:
    yaml = YAML()  # a fresh instance per file: ruamel keeps state between documents
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line that a person wrote on one line
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    yaml.explicit_start = layout.explicit_start
    return yaml


class Document:
    """One file's data, loaded for editing, and the layout to write it back with."""

    def __init__(self, data: Any, layout: Layout, original: bytes | None = None) -> None:
        self.data = data
        self.layout = layout
        self.original = original

    def dump(self) -> bytes:
        """The file's new bytes."""
        buffer = io.StringIO()
        _yaml(self.layout).dump(self.data, buffer)
        text = buffer.getvalue()
        if self.layout.crlf:
            text = text.replace("\n", "\r\n")
        return (_BOM if self.layout.bom else b"") + text.encode("utf-8")


def load(raw: bytes) -> Document:
    """A file's bytes as an editable document; EditError if it is not a mapping or list."""
    bom = raw.startswith(_BOM)
    try:
        text = raw[len(_BOM) :].decode("utf-8") if bom else raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EditError(f"not UTF-8 text: {error}") from None
    guessed = guess_layout(text)
    layout = Layout(
        mapping=guessed.mapping,
        sequence=guessed.sequence,
        offset=guessed.offset,
        explicit_start=_starts_explicitly(text),
        crlf="\r\n" in text,
        bom=bom,
    )
    try:
        data = _yaml(layout).load(text.replace("\r\n", "\n"))
    except YAMLError as error:
        raise EditError(str(error)) from None
    if not isinstance(data, CommentedMap | CommentedSeq):
        raise EditError("not a mapping or a list")
    return Document(data, layout, raw)


def top_list(document: Document) -> CommentedSeq:
    """The document's top-level list (a contribution file's entries); EditError if none."""
    if not isinstance(document.data, CommentedSeq):
        raise EditError("not a list")
    return document.data


def new_mapping(pairs: Mapping[str, Any] | None = None) -> Document:
    """A new file holding a mapping (one key per line)."""
    return Document(mapping(pairs or {}, flow=False), Layout())


def new_list() -> Document:
    return Document(CommentedSeq(), TOP_LEVEL_LIST)


# Building values ----------------------------------------------------------------------------


def quoted(text: str) -> str:
    """A string written in double quotes, e.g. a version that looks like a date."""
    made: str = DoubleQuotedScalarString(text)
    return made


def mapping(pairs: Mapping[str, Any] | Iterable[tuple[str, Any]], flow: bool) -> CommentedMap:
    """A new mapping, `{a: 1, b: 2}` on one line (flow) or one key per line (block)."""
    made = CommentedMap(pairs)
    if flow:
        made.fa.set_flow_style()
    else:
        made.fa.set_block_style()
    return made


def block_list(items: Iterable[Any] = ()) -> CommentedSeq:
    made = CommentedSeq(items)
    made.fa.set_block_style()
    return made


def flow_list(items: Iterable[Any] = ()) -> CommentedSeq:
    made = CommentedSeq(items)
    made.fa.set_flow_style()
    return made


def key_order(record: type[Record]) -> tuple[str, ...]:
    """The keys of a record's file in the record's natural order."""
    return tuple(field.key for field in fields(record))


def _is_block(value: Any) -> bool:
    return isinstance(value, CommentedMap | CommentedSeq) and bool(value) and not _is_flow(value)


def _is_flow(value: Any) -> bool:
    return isinstance(value, CommentedMap | CommentedSeq) and value.fa.flow_style() is True


# Comments -----------------------------------------------------------------------------------
#
# ruamel attaches the comment lines that follow a value to that value (in `ca.items`), the end
# of line comment and the full lines below it in one token. When a key or item is added after
# it, the full lines belong below the new one, before whatever came next.


def _slot(container: CommentedMap | CommentedSeq, key: Any) -> tuple[dict[Any, Any], Any, int]:
    """Where the comment after `container[key]` lives, as (ca.items, key, position)."""
    value = container[key]
    if _is_block(value):
        last = next(reversed(value)) if isinstance(value, CommentedMap) else len(value) - 1
        return _slot(value, last)
    position = 2 if isinstance(container, CommentedMap) else 0
    return container.ca.items, key, position


def _take_end_lines(value: Any) -> str:
    """The comment lines ruamel keeps at the end of a block collection (and its last items)."""
    if not _is_block(value):
        return ""
    last = next(reversed(value)) if isinstance(value, CommentedMap) else len(value) - 1
    text = _take_end_lines(value[last])
    ends = getattr(value.ca, "end", None) or []
    for token in ends:
        text += " " * token.start_mark.column + str(token.value)
    if ends:
        value.ca.end = []
    return text


def _take_trailing_lines(container: CommentedMap | CommentedSeq, key: Any) -> str | None:
    """Remove and return the full comment lines after `container[key]` (its own line stays)."""
    items, slot_key, position = _slot(container, key)
    entry: list[Any] | None = items.get(slot_key)
    token = entry[position] if entry else None
    rest = ""
    if entry is not None and token is not None:
        own, newline, rest = str(token.value).partition("\n")
        if own:
            token.value = own + newline
        else:
            entry[position] = None
    rest += _take_end_lines(container[key])
    return rest or None


def _give_trailing_lines(container: CommentedMap | CommentedSeq, key: Any, lines: str) -> None:
    items, slot_key, position = _slot(container, key)
    entry = items.setdefault(slot_key, [None, None, None, None])
    token = CommentToken("\n" + lines, CommentMark(0), None)
    if entry[position] is None:
        entry[position] = token
    else:
        entry[position].value = str(entry[position].value) + lines


# Editing ------------------------------------------------------------------------------------


def set_value(target: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Set `key`, in place if it is there, else after the keys the model puts before it."""
    if key in target:
        target[key] = value
        return
    rank = order.index(key) if key in order else len(order)
    position = 0
    for index, existing in enumerate(target):
        if existing not in order or order.index(existing) < rank:
            position = index + 1
    before = list(target)[position - 1] if position else None
    lines = _take_trailing_lines(target, before) if before is not None else None
    target.insert(position, key, value)
    if lines:
        _give_trailing_lines(target, key, lines)


def set_item_value(
    parent: CommentedSeq, index: int, key: str, value: Any, order: Sequence[str]
) -> None:
    """`set_value` on the mapping `parent[index]`; when it is written on one line, the comment at
    the end of that line keeps its distance from it instead of being pushed against it."""
    item = parent[index]
    before = _flow_width(item)
    set_value(item, key, value, order)
    entry = parent.ca.items.get(index)
    token = entry[0] if entry else None
    if entry is None or token is None or before is None or not str(token.value).startswith("#"):
        return  # no comment at the end of the item's own line
    grown = (_flow_width(item) or before) - before
    entry[0] = CommentToken(str(token.value), CommentMark(max(0, token.column + grown)), None)


def _flow_width(value: Any) -> int | None:
    """How wide a mapping written on one line is, or None when it is not written so."""
    if not _is_flow(value):
        return None
    buffer = io.StringIO()
    _yaml(Layout()).dump(value, buffer)
    return len(buffer.getvalue().rstrip("\n"))


def append(target: CommentedSeq, item: Any) -> None:
    """Add `item` at the end of the list, after any comment lines that closed it."""
    lines = _take_trailing_lines(target, len(target) - 1) if target else None
    target.append(item)
    if lines:
        _give_trailing_lines(target, len(target) - 1, lines)


def item_style(target: Any, default_flow: bool) -> bool:
    """Whether a new mapping in this list should be written on one line, like its siblings."""
    if isinstance(target, CommentedSeq):
        for sibling in reversed(target):
            if isinstance(sibling, CommentedMap):
                return _is_flow(sibling)
    return default_flow


def add_item(
    target: CommentedMap, key: str, item: Mapping[str, Any], order: Sequence[str]
) -> CommentedMap:
    """Add a mapping to the list under `key` (made if missing or null), styled like its siblings.

    A new list has one item per line, each item on one line: `- {member: leo, since: ...}`.
    """
    current = target.get(key)
    if current is not None and not is_null(current) and not isinstance(current, CommentedSeq):
        raise EditError(f"`{key}` is not a list")
    made = mapping(item, flow=item_style(current, default_flow=True))
    if isinstance(current, CommentedSeq):
        append(current, made)
    else:
        set_value(target, key, block_list([made]), order)
    return made
