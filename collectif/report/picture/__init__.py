"""`collectif report`: the picture the meeting looks at, one module per face.

Each face is a function of the `Picture` record (collectif.engine.picture) and a language; a
face never computes a figure, it only shows one. The HTML face alone imports the charting
library, and only when it is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from collectif.engine.picture.records import Picture
from collectif.i18n import Lang

# face -> module and function, imported only when that face is asked for
FACES: dict[str, tuple[str, str]] = {
    "text": ("collectif.report.picture.text", "render_text"),
    "markdown": ("collectif.report.picture.markdown", "render_markdown"),
    "json": ("collectif.report.picture.json_face", "render_json"),
    "html": ("collectif.report.picture.html", "render_html"),
}
NAMES: tuple[str, ...] = tuple(FACES)


def render(picture: Picture, face: str, lang: Lang, width: int = 100) -> str:
    """The picture in `face`; text is laid out for `width` columns, without colour."""
    module, function = FACES[face]
    renderer: Callable[..., str] = getattr(importlib.import_module(module), function)
    return renderer(picture, lang, width) if face == "text" else renderer(picture, lang)
