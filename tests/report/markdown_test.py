"""The markdown report: verdict, counts, tables, escaping, languages, a size that always fits."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from collectif.model.finding import Placed, Severity, Status
from collectif.model.message import msg
from collectif.report.markdown import (
    MARKER,
    MAX_CHARS,
    MIN_ROWS,
    escape_cell,
    render_markdown,
    shares,
)
from tests.report.samples import BASE, finding, many, result, review

NBSP = "\u00a0"


def _section(text: str, title: str) -> str:
    """The lines from the heading that starts with `title` to the next heading or fold."""
    start = text.index(title)
    end = min(
        (i for i in (text.find("\n### ", start + 1), text.find("\n<details>", start + 1)) if i > 0),
        default=len(text),
    )
    return text[start:end]


def _cells(row: str) -> list[str]:
    """A table row's cells, split on the pipes that are not escaped."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]]


def _finding_rows(text: str) -> list[str]:
    """The rows of the findings tables (five cells), not those of the counts by check."""
    rows = [line for line in text.splitlines() if line.startswith(("| ❌", "| ⚠️"))]
    return [row for row in rows if len(_cells(row)) == 5]


def test_a_review_starts_with_its_verdict_then_the_counts() -> None:
    text = render_markdown(review())
    lines = text.splitlines()
    assert lines[0] == MARKER
    assert lines[1] == "## ❌ 1 new error"
    assert "Changes in aaaaaaaaaa against bbbbbbbbbb, as of 2026-11-01." in text
    assert "| New | 1 | 1 |" in text
    assert "| Fixed | 1 | 0 |" in text
    assert "| Already there | 1 | 1 |" in text


def test_new_findings_are_listed_with_check_subject_place_and_message() -> None:
    new = _section(render_markdown(review()), "### Introduced by this change (2)")
    rows = [line for line in new.splitlines() if line.startswith("| ❌") or line.startswith("| ⚠️")]
    assert len(rows) == 2
    assert _cells(rows[0]) == [
        "❌",
        "cotraitance (Q3 2026)",
        "project:trésorerie-2026",
        "projects/trésorerie-2026.yaml:21",
        "Léo received €270.00 more",
    ]
    assert _cells(rows[1])[0] == "⚠️"


def test_fixed_findings_have_their_section_and_old_ones_are_folded() -> None:
    text = render_markdown(review())
    fixed = _section(text, "### Fixed by this change (1)")
    assert "roles/accueil.yaml:8" in fixed and "yan" in fixed
    folded = text[text.index("<details>") : text.index("</details>")]
    assert "<summary>Already there before this change, not caused by it (2)</summary>" in folded
    assert "roles/tresorerie.yaml:5" in folded and "members/léo.yaml:1" in folded
    assert "projects/trésorerie-2026.yaml" not in folded


def test_no_new_error_is_a_green_verdict_even_with_old_errors_and_new_warnings() -> None:
    findings = [
        finding(status=Status.EXISTING),
        finding(subject="role:accueil", severity=Severity.WARNING, status=Status.NEW),
    ]
    text = render_markdown(result(findings, base=BASE))
    assert "## ✅ No new error · 1 new warning" in text
    assert "| Already there | 1 | 0 |" in text


def test_a_change_without_any_finding() -> None:
    text = render_markdown(result([], base=BASE))
    assert "## ✅ No new error" in text
    assert "###" not in text and "<details>" not in text


def test_without_statuses_every_finding_is_the_current_state() -> None:
    findings = [finding(), finding(subject="role:accueil", severity=Severity.WARNING, line=2)]
    text = render_markdown(result(findings))
    assert "## ❌ 1 error" in text
    assert "State of the work tree as of 2026-11-01." in text
    assert "### Findings (2)" in text
    assert "<details>" not in text and "| New |" not in text
    assert [_cells(row)[0] for row in _finding_rows(text)] == ["❌", "⚠️"]


def test_nothing_found_without_statuses() -> None:
    assert "## ✅ No error" in render_markdown(result([]))
    warned = render_markdown(result([finding(severity=Severity.WARNING)]))
    assert "## ✅ No error · 1 warning" in warned


def test_cells_escape_pipes_backticks_html_and_line_breaks() -> None:
    assert escape_cell("a | b") == r"a \| b"
    assert escape_cell("`zoe`") == "`zoe`"  # a code span, as GitHub shows it
    assert escape_cell("a ` b") == r"a \` b"  # a backtick alone is literal
    assert escape_cell("`a|b` c_d") == r"`a\|b` c\_d"
    assert escape_cell("`<img src=x>`") == r"\`&lt;img src=x&gt;\`"  # never HTML, even as code
    assert escape_cell("<script>alert(1)</script> & co") == (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    )
    assert escape_cell("one\r\ntwo") == "one<br>two"
    assert escape_cell(r"a\b *c* _d_ [e](f) ~g~") == r"a\\b \*c\* \_d\_ \[e\](f) \~g\~"


def test_a_hostile_message_stays_in_its_cell() -> None:
    message = msg("{text}", text="x | y `z` <img src=x onerror=alert(1)>\n| forged | row |")
    text = render_markdown(result([finding(message=message, status=Status.NEW)], base=BASE))
    rows = [line for line in text.splitlines() if line.startswith("| ❌")]
    assert len(rows) == 1
    assert len(_cells(rows[0])) == 5
    assert "<img" not in text


def test_long_messages_are_cut_with_an_ellipsis() -> None:
    text = render_markdown(result(many(1, Status.NEW, message_chars=5_000), base=BASE))
    row = next(line for line in text.splitlines() if line.startswith("| ❌"))
    assert len(row) < 700 and _cells(row)[-1].endswith("…")


def test_french_review() -> None:
    text = render_markdown(review("fr"))
    assert "## ❌ 1 nouvelle erreur" in text
    assert "Changements d'aaaaaaaaaa par rapport à bbbbbbbbbb, au 2026-11-01." in text
    assert "| Nouveaux | 1 | 1 |" in text and "| Déjà présents | 1 | 1 |" in text
    assert "### Introduits par cette modification (2)" in text
    assert "| Vérification | Sujet | Emplacement | Message |" in text
    assert f"270,00{NBSP}€" in text and "Léo" in text
    assert "membre inconnu `yan`" in text
    assert "\\u" not in text


def test_french_without_statuses() -> None:
    text = render_markdown(result([finding(severity=Severity.WARNING)], lang="fr"))
    assert "## ✅ Aucune erreur · 1 avertissement" in text
    assert "État de la copie de travail au 2026-11-01." in text
    assert "### Problèmes relevés (1)" in text


def test_two_thousand_findings_fit_a_comment_and_say_what_is_left_out() -> None:
    findings = (
        many(700, Status.NEW)
        + [f._replace(subject=f.subject + "-old") for f in many(700, Status.EXISTING)]
        + [f._replace(subject=f.subject + "-fixed") for f in many(600, Status.FIXED)]
    )
    text = render_markdown(result(findings, base=BASE))
    assert len(text) <= MAX_CHARS
    assert "## ❌ 234 new errors" in text
    assert "### Introduced by this change (700)" in text
    assert "_… and 600 more, not shown here._" in text
    assert "_… and 575 more, not shown here._" in text
    assert "_… and 675 more, not shown here._" in text


def test_the_size_guard_cuts_rows_until_the_report_fits() -> None:
    # Escaping makes a capped message up to four times longer: `<` becomes `&lt;`.
    findings = [
        f._replace(message=msg("{text} {i}", text="<" * 2_000, i=i))
        for i, f in enumerate(many(2_000, Status.NEW))
    ]
    text = render_markdown(result(findings, base=BASE))
    assert len(text) <= MAX_CHARS
    shown = len(_finding_rows(text))
    assert 0 < shown < 100
    assert f"_… and {2_000 - shown} more, not shown here._" in text


def test_a_smaller_limit_shows_fewer_rows() -> None:
    findings = many(2_000, Status.NEW, message_chars=2_000)
    text = render_markdown(result(findings, base=BASE), max_chars=20_000)
    assert len(text) <= 20_000
    shown = len(_finding_rows(text))
    assert 0 < shown < 50


def test_a_tiny_limit_still_gives_the_verdict_and_the_counts() -> None:
    text = render_markdown(review(), max_chars=10)
    assert "## ❌ 1 new error" in text and "| New | 1 | 1 |" in text
    assert not _finding_rows(text)


def _irreplaceable_under_minimum(status: Status | None = None) -> list[Placed]:
    """1,000 `minimum` errors and 70 `irreplaceable` ones, as a big collective's first check."""
    minimum = [
        finding(
            "minimum",
            f"member:m{i:04}",
            f"members/m{i:04}.yaml",
            msg("{member} gave {hours} h", member=f"m{i:04}", hours=0),
            line=1,
            period="2026-10",
            status=status,
        )
        for i in range(1_000)
    ]
    irreplaceable = [
        finding(
            "irreplaceable",
            f"role:r{i:02}",
            f"roles/r{i:02}.yaml",
            msg("the role {role} has one holder", role=f"r{i:02}"),
            line=4,
            status=status,
        )
        for i in range(70)
    ]
    return minimum + irreplaceable


def _by_check(text: str) -> dict[str, list[str]]:
    """The table of counts by check: `❌ check` -> its other cells."""
    start = text.index("| Check | ")
    table = text[start : text.index("\n\n", start)].splitlines()[2:]
    return {f"{_cells(row)[0]} {_cells(row)[1]}": _cells(row)[2:] for row in table}


def _shown_by_check(text: str) -> dict[str, int]:
    shown: dict[str, int] = {}
    for row in _finding_rows(text):
        check = _cells(row)[1].split(" (")[0]
        shown[check] = shown.get(check, 0) + 1
    return shown


def test_a_thousand_findings_of_one_check_do_not_hide_another() -> None:
    text = render_markdown(result(_irreplaceable_under_minimum()))
    assert text.index("| Check | Findings | Not shown |") < text.index("### Findings (1070)")
    shown = _shown_by_check(text)
    assert sum(shown.values()) == 100
    assert shown["irreplaceable"] >= MIN_ROWS
    assert shown["irreplaceable"] >= 100 * 70 // 1_070  # at least its share
    assert _by_check(text) == {
        "❌ minimum": ["1000", str(1_000 - shown["minimum"])],
        "❌ irreplaceable": ["70", str(70 - shown["irreplaceable"])],
    }
    assert "_… and 970 more, not shown here._" in text


def test_counts_by_check_in_a_review_errors_first() -> None:
    findings = [f._replace(status=Status.NEW) for f in _irreplaceable_under_minimum()[995:]]
    findings += [f._replace(status=Status.EXISTING) for f in many(40)]
    findings.append(finding("rotation", severity=Severity.WARNING, status=Status.FIXED))
    text = render_markdown(result(findings, base=BASE))
    assert "| Check | New | Fixed | Already there | Not shown |" in text
    assert list(_by_check(text).items()) == [
        ("❌ irreplaceable", ["70", "0", "0", "0"]),
        ("❌ minimum", ["5", "0", "0", "0"]),
        ("❌ references", ["0", "0", "14", "4"]),
        ("⚠️ references", ["0", "0", "26", "11"]),
        ("⚠️ rotation", ["0", "1", "0", "0"]),
    ]
    existing = text[text.index("<details>") :]
    assert len(_finding_rows(existing)) == 25
    assert "_… and 15 more, not shown here._" in existing


def test_a_few_findings_of_one_kind_need_no_counts_by_check() -> None:
    assert "| Check | Findings" not in render_markdown(result([finding(), finding(line=9)]))
    two = render_markdown(result([finding(), finding("minimum", line=9)]))
    assert "| Check | Findings |" in two and "Not shown" not in two


def test_with_little_room_every_check_still_has_a_row_or_its_count() -> None:
    checks = ["schema", "references", "irreplaceable", "minimum", "rotation", "overload"]
    findings = [
        f._replace(check=check, message=msg("{text}", text="x" * 300))
        for check in checks
        for f in many(50)
    ]
    text = render_markdown(result(findings), max_chars=8_000)
    assert len(text) <= 8_000
    counts = _by_check(text)
    assert len(counts) == 12
    shown = _shown_by_check(text)
    for total, hidden in counts.values():
        assert int(total) in (17, 33) and 0 <= int(hidden) <= int(total)
    assert set(shown) == set(checks)


def test_french_counts_by_check() -> None:
    text = render_markdown(result(_irreplaceable_under_minimum(), lang="fr"))
    assert "| Vérification | Problèmes relevés | Non affichés |" in text


def test_shares_give_everything_when_it_fits() -> None:
    assert shares([3, 2], 10) == [3, 2]
    assert shares([], 10) == []


def test_shares_keep_a_few_rows_each_then_go_by_size() -> None:
    assert shares([1_000, 70], 100) == [89, 11]
    assert shares([1_000, 70, 2], 100)[2] == 2
    assert shares([10, 10, 10, 10], 2) == [1, 1, 0, 0]
    assert shares([10, 10], 0) == [0, 0]


@given(st.lists(st.integers(1, 2_000), min_size=1, max_size=30), st.integers(0, 300))
def test_shares_fill_the_rows_fairly(sizes: list[int], rows: int) -> None:
    got = shares(sizes, rows)
    assert sum(got) == min(rows, sum(sizes))
    assert all(0 <= share <= size for share, size in zip(got, sizes, strict=True))
    if rows >= len(sizes):  # no group disappears, and none gets fewer than the floor
        floor = min(MIN_ROWS, rows // len(sizes))
        assert all(share >= min(size, floor) for share, size in zip(got, sizes, strict=True))


_PIECES = ["`", "``", "<", ">", "&", "|", "\\", "a", " ", "[", "]", "(", ")", "*", "_", "\n"]
_PIECES += ["<b>", "<img src=x onerror=alert(1)>", "&lt;", "<!--", "-->", "&#60;", "javascript:"]
_ALLOWED = {"table", "thead", "tbody", "tr", "th", "td", "br", "code", "em", "strong", "del"}


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
@example("`a|b` | c")
@example("``<b>`\\|` ` <img src=x onerror=alert(1)>")
def test_a_hostile_cell_stays_one_cell_and_never_becomes_html(text: str) -> None:
    """Read by a CommonMark renderer with GitHub's tables and raw HTML allowed, as a pull
    request is: whatever the text, the row keeps its two cells (the second one still `z`: a
    pipe in the text never starts a cell), and the only tags are those Markdown itself makes
    (a code span, emphasis), never one written in the text."""
    from markdown_it import MarkdownIt

    page = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    html = page.render(f"| a | b |\n|---|---|\n| {escape_cell(text)} | z |\n")
    assert html.count("<td") == 2 and "<td>z</td>" in html, html
    tags = {tag.lower() for tag in re.findall(r"</?([a-zA-Z!][^\s/>]*)", html)}
    assert tags <= _ALLOWED, html
