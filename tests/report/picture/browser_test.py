"""The HTML report in a real browser: Debian's headless Chromium, driven by its own
`--dump-dom`, `--screenshot` and `--print-to-pdf` modes (nothing more to install than the
browser). The page's Content-Security-Policy forbids every load but inline styles and data
images; Chromium logs any attempt, which the tests read. The screenshots and the PDF stay in
pytest's temporary folder as artefacts (`pytest --basetemp=DIR` to keep them where you like)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from collectif.commands.report import report

EXAMPLE = Path(__file__).resolve().parents[3] / "data" / "example"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
    # any name resolves to nothing: a request that slipped past the policy could not leave
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
CHARTS = 9  # the example's charts: findings, hours by kind, hare and tortoise, tenure,
# revenue by kind, ESS share, finders, prospecting, the fund's balance


def browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(
        "no Chromium on this machine (`apt-get install chromium`; `make test` installs it "
        "where apt-get can): the HTML report is not opened in a browser"
    )


def run(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [browser(), *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def complaints(log: str) -> list[str]:
    """What the page made the browser say: console messages, blocked loads, failed requests."""
    return [
        line
        for line in log.splitlines()
        if "CONSOLE" in line
        or "Content Security Policy" in line
        or "ERR_NAME_NOT_RESOLVED" in line
        or "net::" in line
    ]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "rapport.html"
    assert report(EXAMPLE, "2026-11-26", None, None, "html", out, "fr") == 0
    return out


def test_the_page_asks_for_nothing_outside_itself(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    assert "default-src 'none'" in html
    assert "<script" not in html and "@import" not in html and "url(" not in html
    loads = re.findall(r"""(?:src|href|xlink:href)\s*=\s*["']([^"']*)""", html)
    assert all(target.startswith("#") for target in loads), loads
    assert len(page.read_bytes()) < 3_000_000


def test_chromium_draws_the_charts_and_loads_nothing(page: Path, tmp_path: Path) -> None:
    done = run(page, tmp_path / "profile", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert dom.count('class="pygal-chart"') == CHARTS
    assert dom.count("<figure>") == CHARTS
    assert "Les données du graphique" in dom
    assert complaints(done.stderr) == []


def test_the_log_would_show_a_load(tmp_path: Path) -> None:
    """The check above can fail: a page that loads an image and a style sheet is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta '
        'http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src '
        '\'unsafe-inline\'; img-src data:"></head><body><img src="http://example.org/x.png">'
        '<link rel="stylesheet" href="https://example.org/a.css"></body></html>',
        encoding="utf-8",
    )
    done = run(bad, tmp_path / "profile", "--dump-dom")
    assert len(complaints(done.stderr)) >= 2


@pytest.mark.parametrize("width", [1280, 794])
def test_screenshots(page: Path, tmp_path: Path, width: int) -> None:
    shot = tmp_path / f"rapport-{width}.png"
    done = run(page, tmp_path / "profile", f"--window-size={width},2400", f"--screenshot={shot}")
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 50_000  # a page with charts, not a blank one
    assert complaints(done.stderr) == []


def test_it_prints_on_a_sane_number_of_a4_pages(page: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "rapport.pdf"
    done = run(page, tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert done.returncode == 0, done.stderr[-2000:]
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert 4 <= pages <= 20, pages
    # A4 is 595 x 842 points
    sizes = set(re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data))
    assert {(round(float(w)), round(float(h))) for w, h in sizes} == {(595, 842)}
