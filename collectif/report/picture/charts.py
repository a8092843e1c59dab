"""The report's charts, drawn by pygal as static SVG: no script, no web font, no URL to load.

Imported only by the HTML face: `check` and the other faces never pay for pygal. Colours are
the Okabe–Ito palette, which readers with any common colour blindness can tell apart, and a
kind of time or client keeps its colour from one chart to the next.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import pygal  # type: ignore[import-untyped]
from pygal.style import Style  # type: ignore[import-untyped]

from collectif.report.safe import printable

# Okabe & Ito (2008), "Color Universal Design"
BLUE, ORANGE, GREEN, PINK = "#0072B2", "#E69F00", "#009E73", "#CC79A7"
SKY, VERMILLION, YELLOW, BLACK, GREY = "#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999"
KIND_COLOURS = {
    "support": BLUE,
    "meeting": ORANGE,
    "prospecting": GREEN,
    "training": PINK,
    "coaching": SKY,
    "facilitation": VERMILLION,
    "reflection": YELLOW,
    "project": GREY,
}
CLIENT_COLOURS = {"ess": GREEN, "big_account": BLUE, "public": ORANGE, "other": GREY}
FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
_NUMBER = itertools.count(1)
# every text pygal writes, as its Style names them (`label_` for `label_font_family`...)
_TEXTS = (
    "",
    "label_",
    "major_label_",
    "value_",
    "value_label_",
    "tooltip_",
    "title_",
    "legend_",
    "no_data_",
)

Series = Sequence[tuple[str, Sequence[float | None], str]]  # title, values, colour


def _style(colours: Sequence[str]) -> Style:
    return Style(
        background="transparent",
        plot_background="#ffffff",
        foreground="#222222",
        foreground_strong="#000000",
        foreground_subtle="#dddddd",
        colors=tuple(colours),
        **{f"{text}font_family": FONTS for text in _TEXTS},
        label_font_size=13,
        major_label_font_size=13,
        legend_font_size=14,
        title_font_size=16,
        opacity="1",
        opacity_hover="1",
        transition="none",
    )


def _quiet(root: Any) -> Any:
    """No script and no comment: pygal writes its configuration for its tooltips as a script
    even without them, and its URLs and the day it drew the chart as comments."""
    for parent in [root, *root.iter()]:
        for node in list(parent):
            if not isinstance(node.tag, str) or node.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(node)
    return root


def draw(
    kind: Callable[..., Any],
    title: str,
    labels: Sequence[str],
    series: Series,
    formatter: Callable[[float], str],
    height: int = 420,
    **options: Any,
) -> str:
    """One chart as an SVG element to put in the page."""
    chart = kind(
        js=[],
        disable_xml_declaration=True,
        style=_style([colour for _, _, colour in series]),
        title=printable(title),
        width=900,
        height=height + 30 * legend_rows(len(series)),
        # pygal lays a bottom legend out in ceil(sqrt(n)) columns; given columns, it leaves
        # room for too few rows
        legend_at_bottom=True,
        truncate_label=-1,
        truncate_legend=-1,
        value_formatter=formatter,
        print_values=False,
        show_y_guides=True,
        margin=12,
        **options,
    )
    chart.uuid = f"{next(_NUMBER)}"  # the page's ids, the same every time
    chart.add_xml_filter(_quiet)
    chart.x_labels = [printable(label) for label in labels]
    for name, values, _ in series:
        chart.add(printable(name), list(values))
    svg: str = chart.render(is_unicode=True)
    return svg


def floats(values: Sequence[Decimal | None]) -> list[float | None]:
    return [None if value is None else float(value) for value in values]


def counts(most: float) -> list[int]:
    """Whole-number axis labels up to `most`, at most about ten of them."""
    step = max(1, int(most) // 10 + (1 if int(most) % 10 else 0))
    return list(range(0, int(most) + step, step))


def steps(most: float, count: int = 5) -> list[float]:
    """About `count` round axis labels from 0 to past `most` (1, 2 or 5 times a power of ten)."""
    if most <= 0:
        return [0.0]
    rough = most / count
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    return [step * i for i in range(int(most // step) + 2)]


def legend_rows(series: int) -> int:
    columns = math.ceil(math.sqrt(series)) or 1
    return (series + columns - 1) // columns


CHARTS: dict[str, Callable[..., Any]] = {
    "bar": pygal.Bar,
    "stacked": pygal.StackedBar,
    "horizontal": pygal.HorizontalBar,
    "horizontal-stacked": pygal.HorizontalStackedBar,
    "line": pygal.Line,
}
