"""Where a collective's files live: the one place that knows the layout of DESIGN.md §2.

Pure functions of paths (no file is read here), so that the store (which reads the files),
the checks (which name the file a member would edit) and the commands all share one
knowledge of the layout. A new kind of file is one edit of `KINDS` below.
"""

from __future__ import annotations

import difflib
import functools
import re
from datetime import date
from enum import Enum
from typing import NamedTuple

from collectif.model.message import Message, msg
from collectif.model.types import ID_PATTERN, MONTH_PATTERN

CONFIG_FILE = "collectif.yaml"
_ID = re.compile(ID_PATTERN)
_MONTH = re.compile(MONTH_PATTERN)
_MEETING = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(-[a-z0-9][a-z0-9-]{0,51})?")


class Kind(Enum):
    CONFIG = "config"
    MEMBER = "member"
    ROLE = "role"
    PROJECT = "project"
    CONTRIBUTION = "contribution"
    MEETING = "meeting"
    DISTRIBUTION = "distribution"
    CONTACT = "contact"


class Folder(NamedTuple):
    """A data folder: the kind of its files, its name, the subject prefix, an example path."""

    kind: Kind
    name: str
    subject: str
    example: str


# The data folders, in the order the work tree is read and files are listed.
FOLDERS: tuple[Folder, ...] = (
    Folder(Kind.MEMBER, "members", "member", "members/<member>.yaml"),
    Folder(Kind.ROLE, "roles", "role", "roles/<role>.yaml"),
    Folder(Kind.PROJECT, "projects", "project", "projects/<project>.yaml"),
    Folder(Kind.CONTRIBUTION, "contributions", "member", "contributions/<member>/<YYYY-MM>.yaml"),
    Folder(Kind.MEETING, "meetings", "meeting", "meetings/<YYYY-MM-DD>[-slug].yaml"),
    Folder(Kind.DISTRIBUTION, "distributions", "distribution", "distributions/<id>.yaml"),
    Folder(Kind.CONTACT, "contacts", "contact", "contacts/<contact>.yaml"),
)
DATA_DIRS: tuple[str, ...] = tuple(folder.name for folder in FOLDERS)
_BY_NAME = {folder.name: folder for folder in FOLDERS}
_BY_KIND = {folder.kind: folder for folder in FOLDERS}
# A folder a member made for data under another name: its French name, or a misspelling.
_FRENCH_NAMES = {
    "membres": "members",
    "rôles": "roles",
    "projets": "projects",
    "réunions": "meetings",
    "reunions": "meetings",
    "répartitions": "distributions",
    "repartitions": "distributions",
}


class FileId(NamedTuple):
    """What a path says: the kind of file, its id (the member for contributions), its month."""

    kind: Kind
    id: str
    month: str = ""

    @property
    def subject(self) -> str:
        if self.kind is Kind.CONFIG:
            return "collective"
        return f"{_BY_KIND[self.kind].subject}:{self.id}"


# Paths of the files ----------------------------------------------------------------------------


def member_file(member: str) -> str:
    return f"members/{member}.yaml"


def role_file(role: str) -> str:
    return f"roles/{role}.yaml"


def project_file(project: str) -> str:
    return f"projects/{project}.yaml"


def contact_file(contact: str) -> str:
    return f"contacts/{contact}.yaml"


def contribution_file(member: str, month: str) -> str:
    return f"contributions/{member}/{month}.yaml"


def contributions_folder(member: str) -> str:
    return f"contributions/{member}/"


def meeting_file(meeting: str) -> str:
    return f"meetings/{meeting}.yaml"


def meeting_day(meeting: str) -> date | None:
    """The day a meeting's file name gives (`2026-12-10-pleniere` is 2026-12-10), if any."""
    if not _MEETING.fullmatch(meeting):
        return None
    try:
        return date.fromisoformat(meeting[:10])
    except ValueError:
        return None


def distribution_file(distribution: str) -> str:
    return f"distributions/{distribution}.yaml"


def paths_of(subject: str) -> list[str] | None:
    """The files and folders that hold a subject; None if `subject` is not one."""
    if subject == "collective":
        return [CONFIG_FILE]
    prefix, _, ident = subject.partition(":")
    if not _ID.fullmatch(ident):
        return None
    if prefix == "member":
        return [member_file(ident), contributions_folder(ident)]
    if prefix == "role":
        return [role_file(ident)]
    if prefix == "project":
        return [project_file(ident)]
    if prefix == "meeting":
        return [meeting_file(ident)]
    if prefix == "distribution":
        return [distribution_file(ident)]
    if prefix == "contact":
        return [contact_file(ident)]
    return None


# What a path is ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)  # asked for each path of a large repository's index
def meant_folder(name: str) -> str | None:
    """The data folder a top-level folder of another name was most likely meant to be
    (`member`, `membres`, `projets`), or None for a data folder or a folder of something else."""
    if name in _BY_NAME or name.startswith("."):
        return None
    lower = name.lower()
    if lower in _FRENCH_NAMES:
        return _FRENCH_NAMES[lower]
    close = difflib.get_close_matches(lower, DATA_DIRS, n=1, cutoff=0.85)
    return close[0] if close else None


def _top_folder(name: str) -> str | None:
    """The data folder that a top-level folder's files are listed as part of."""
    return name if name in _BY_NAME else meant_folder(name)


def is_collective_file(path: str) -> bool:
    """A file the collective's readers list: collectif.yaml, a visible file in a data folder, or
    one in a folder that looks meant to be a data folder (so that it is reported, not ignored)."""
    if path == CONFIG_FILE:
        return True
    parts = path.split("/")
    return (
        len(parts) > 1
        and _top_folder(parts[0]) is not None
        and not any(p.startswith(".") for p in parts)
    )


def walk_order(path: str) -> tuple[object, ...]:
    """The order of the work tree reader: collectif.yaml, then each folder top-down, files first;
    a misnamed folder after the one it was meant to be."""
    if path == CONFIG_FILE:
        return (-1,)
    parts = path.split("/")
    folder = _top_folder(parts[0]) or parts[0]
    index = DATA_DIRS.index(folder) if folder in _BY_NAME else len(DATA_DIRS)
    return (
        index,
        parts[0] != folder,
        parts[0],
        *((1, part) for part in parts[1:-1]),
        (0, parts[-1]),
    )


def subject_of_path(path: str) -> str:
    """The subject whose file this is, even for a path that is not where it should be."""
    parts = path.split("/")
    folder = _BY_NAME.get(parts[0])
    if len(parts) >= 2 and folder is not None:
        return f"{folder.subject}:{parts[1].removesuffix('.yaml')}"
    return "collective"


def classify(path: str) -> FileId | Message:
    """The file's kind and id from its path, or why the path is not a collective's file."""
    if path == CONFIG_FILE:
        return FileId(Kind.CONFIG, "")
    parts = path.split("/")
    folder = _BY_NAME.get(parts[0])
    if folder is None:
        meant = meant_folder(parts[0]) if len(parts) > 1 else None
        if meant is not None:
            return msg(
                "`{folder}/` is not a folder collectif reads: did you mean `{meant}/`? Move the "
                "file to `{moved}`",
                folder=parts[0],
                meant=meant,
                moved="/".join((meant, *parts[1:])),
            )
        return _misplaced(path, CONFIG_FILE)
    depth = 3 if folder.kind is Kind.CONTRIBUTION else 2
    if len(parts) != depth or not parts[-1].endswith(".yaml"):
        return _misplaced(path, folder.example)
    stem = parts[-1][: -len(".yaml")]
    if folder.kind is Kind.MEETING and meeting_day(stem) is None:
        return msg(
            "`{name}` is not a meeting's file name: name it after the meeting's day, "
            "YYYY-MM-DD.yaml or YYYY-MM-DD-slug.yaml, e.g. 2026-12-10-pleniere.yaml",
            name=stem,
        )
    if folder.kind is not Kind.CONTRIBUTION:
        return _named(FileId(folder.kind, stem))
    if not _MONTH.fullmatch(stem):
        return msg(
            "`{name}` is not a month: name the file YYYY-MM.yaml, e.g. 2026-03.yaml", name=stem
        )
    return _named(FileId(Kind.CONTRIBUTION, parts[1], stem))


def _misplaced(path: str, example: str) -> Message:
    return msg(
        "`{path}` is not where collectif looks for data: expected `{example}`",
        path=path,
        example=example,
    )


def _named(file_id: FileId) -> FileId | Message:
    if _ID.fullmatch(file_id.id):
        return file_id
    if _ID.fullmatch(file_id.id.lower()):
        return msg(
            "`{name}` is not a valid id: ids are lowercase; rename the file to `{lower}`",
            name=file_id.id,
            lower=file_id.id.lower(),
        )
    return msg(
        "`{name}` is not a valid id: use lowercase letters, digits and dashes, starting with a "
        "letter or a digit, at most 63 characters, and rename the file",
        name=file_id.id,
    )
