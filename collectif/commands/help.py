"""`--help` in the reader's language: typer keeps its texts in English, translated just before
they are shown.

Only a run that prints help pays for this: the commands' own runs never walk the texts.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

from collectif import i18n
from collectif.model.message import N_


def _translate(text: str | None, lang: i18n.Lang) -> str | None:
    return i18n.gettext_(lang, inspect.cleandoc(text)) if text else text


# A word of rich's wrapping, where only breakable spaces end a word: French keeps a no-break space
# before `:` and `?`, and rich's own `\s` would start a line with « : ».
_WORD = re.compile(r"[ \t\n\r\f\v]*[^ \t\n\r\f\v]+[ \t\n\r\f\v]*")


def keep_no_break_spaces() -> None:
    """Have rich wrap help text at breakable spaces only. rich keeps its wrapping pattern in a
    private module: if that ever changes, help wraps as rich decides, nothing worse."""
    from rich import _wrap

    if isinstance(getattr(_wrap, "re_word", None), re.Pattern):
        _wrap.re_word = _WORD


def localize_command(command: Any, lang: i18n.Lang) -> None:
    """Ready a built command tree's help in place, in `lang`: each command, group and parameter.

    Every parameter that takes a value is shown by its metavar (`HOURS`, « HEURES » in French),
    a flag by its name alone: never the Python type typer would show (`<str>`, `<bool>`).
    Done on the built tree, made anew for this run, so the application itself keeps its English
    (inline `Annotated[..., typer.Option(help=...)]` declarations are evaluated anew when typer
    builds the command anyway).
    """
    for param in getattr(command, "params", ()):
        _shown_as_metavar(param, lang)
    _help_option_readied(command, lang)
    if lang != "en":
        keep_no_break_spaces()
        command.help = _translate(command.help, lang)
        command.short_help = _translate(getattr(command, "short_help", None), lang)
        for param in getattr(command, "params", ()):
            if getattr(param, "help", None):
                param.help = _translate(param.help, lang)
        _translated_usage(command, lang)
    for sub in getattr(command, "commands", {}).values():
        localize_command(sub, lang)


def _no_type(ctx: Any = None) -> None:
    """What the help shows of a parameter's type: nothing (the metavar says what to give)."""
    return None


def _shown_as_metavar(param: Any, lang: i18n.Lang) -> None:
    """A parameter as its help shows it: a flag by its name alone, an argument by its metavar
    (in the usage line and the list), an option by its name and metavar, in `lang`."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        param.display_type_rich = _no_type
        return
    if param.metavar:
        param.metavar = i18n.gettext_(lang, param.metavar)
    if getattr(param, "param_type_name", "") == "argument":
        param.display_type_rich = _no_type


def _help_option_readied(command: Any, lang: i18n.Lang) -> None:
    """`--help` itself is made when help is shown, with click's English text and a type."""
    made = command.get_help_option

    def readied(context: Any) -> Any:
        option = made(context)
        if option is not None:
            option.display_type_rich = _no_type
            if option.help:
                option.help = _translate(option.help, lang)
        return option

    command.get_help_option = readied


# What click writes in the usage line, and the same in the reader's language.
_USAGE = N_("Usage: ")
_USAGE_PIECES = {"COMMAND [ARGS]...": N_("COMMAND [ARGS]...")}


def _translated_usage(command: Any, lang: i18n.Lang) -> None:
    """The usage line (`Usage: collectif log [OPTIONS] …`), which click writes in English."""
    collect = command.collect_usage_pieces

    def format_usage(context: Any, formatter: Any) -> None:
        pieces = [
            i18n.gettext_(lang, _USAGE_PIECES[piece]) if piece in _USAGE_PIECES else piece
            for piece in collect(context)
        ]
        prefix = i18n.gettext_(lang, _USAGE)
        formatter.write_usage(context.command_path, " ".join(pieces), prefix=prefix)

    command.format_usage = format_usage
