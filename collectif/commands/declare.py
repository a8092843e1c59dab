"""One way to declare a command: what it takes and its help, written once; what runs it,
imported only when it runs.

    @command(app, "join", "collectif.commands.role.join:join", WriteOptions)
    def join_command(role_id: RoleId, since: Since = None) -> None:
        \"\"\"Become a holder of a role (a training in it ends the day before).\"\"\"

    def join(role_id: str, since: str | None, options: WriteOptions) -> int: ...

The decorated function only declares: its parameters are the command's arguments and options
(in that order in `--help`), its docstring the command's help. A shared record
(`options.WriteOptions`: `--as`, `--repo`, `--lang`; `options.CheckOptions`) given as `shared`
adds its options after the declared ones, each declared once in `parameters.FIELDS`; they
reach the implementation as one value, `options`. A parameter typed with a record does the
same where it stands: for a command whose own options come after the shared ones, or for a
command's own options that make one value (each field then typed with its declaration). The
implementation, `module:function`, is imported when the command runs, called with every value
by its name, and returns the exit code.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import typing
from collections.abc import Callable
from typing import Any, NamedTuple

import typer
from typer.models import ParameterInfo

from collectif.commands.parameters import FIELDS

Declaration = Callable[..., None]


class Declared(NamedTuple):
    """What a declared command runs: `module:function`, and the names it passes values by."""

    implementation: str
    names: tuple[str, ...]


# Each declared command's callback, as typer holds it, and what it runs.
DECLARED: dict[Declaration, Declared] = {}


def command(
    app: typer.Typer, name: str, implementation: str, shared: type | None = None
) -> Callable[[Declaration], Declaration]:
    """Register the decorated declaration on `app` as `name`, run by `implementation`, with the
    options of the `shared` record after its own."""

    def register(declared: Declaration) -> Declaration:
        signature = inspect.signature(declared, eval_str=True)
        if shared is not None:
            options = inspect.Parameter(
                "options", inspect.Parameter.KEYWORD_ONLY, annotation=shared
            )
            signature = signature.replace(parameters=[*signature.parameters.values(), options])
        records = {
            parameter.name: parameter.annotation
            for parameter in signature.parameters.values()
            if _is_record(parameter.annotation)
        }
        parameters = [
            spelled
            for parameter in signature.parameters.values()
            for spelled in _spelled(parameter)
        ]

        def run(**values: Any) -> None:
            for key, record in records.items():
                values[key] = _filled(record, values)
            module, _, function = implementation.partition(":")
            raise typer.Exit(getattr(importlib.import_module(module), function)(**values))

        run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        run.__annotations__ = {parameter.name: parameter.annotation for parameter in parameters}
        run.__name__, run.__qualname__ = declared.__name__, declared.__qualname__
        run.__module__, run.__doc__ = declared.__module__, declared.__doc__
        app.command(name)(run)
        DECLARED[run] = Declared(implementation, tuple(signature.parameters))
        return run

    return register


def _is_record(annotation: Any) -> bool:
    return isinstance(annotation, type) and dataclasses.is_dataclass(annotation)


def _spelled(parameter: inspect.Parameter) -> list[inspect.Parameter]:
    """The command line's parameters for one declared parameter: a record's are its fields."""
    keyword = inspect.Parameter.KEYWORD_ONLY  # typer passes every value by name
    record = parameter.annotation
    if not _is_record(record):
        return [parameter.replace(kind=keyword)]
    own = typing.get_type_hints(record, include_extras=True)
    return [
        inspect.Parameter(field.name, keyword, annotation=declared, default=default)
        for field in dataclasses.fields(record)
        for declared in [own[field.name] if _declared(own[field.name]) else FIELDS[field.name]]
        for default in [None if isinstance(field.default, tuple) else field.default]
    ]


def _declared(hint: Any) -> bool:
    """A field typed with its own typer declaration (a command's own record of options)."""
    return any(isinstance(info, ParameterInfo) for info in getattr(hint, "__metadata__", ()))


def _filled(record: Any, values: dict[str, Any]) -> Any:
    """The record from its fields' values, taken out of `values` (a repeated option's list, or
    None when it was not given, becomes a tuple)."""
    given = {}
    for field in dataclasses.fields(record):
        value = values.pop(field.name)
        given[field.name] = tuple(value or ()) if isinstance(field.default, tuple) else value
    return record(**given)
