"""The HTML report in a real headless browser (Debian's chromium): it renders, the NSOB map
shows every participant, it prints on A4, and the page fetches nothing.

In CI (`CI` set) a missing chromium is a failure: `.ci/run` installs it. Elsewhere the
tests are skipped without it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import Invoke

ROUTE = Path(__file__).resolve().parent / "fixtures" / "route"
# Chromium talks to these by itself (time, updates, accounts) whatever page it shows.
BROWSER_OWN_HOSTS = ("google.com", "googleapis.com", "gstatic.com", "gvt1.com")


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; .ci/run installs Debian's chromium package")
    pytest.skip("chromium is not installed (this test fails instead when CI is set)")


def _browse(page: Path, tmp_path: Path, *actions: str) -> tuple[str, list[str]]:
    """Open `page`, do `actions`; return stdout and every http(s)/ws URL in the net log."""
    netlog = tmp_path / f"{page.stem}.netlog.json"
    command = [
        _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
        f"--log-net-log={netlog}", "--hide-scrollbars", *actions, page.resolve().as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr[-2000:]
    urls = re.findall(r"(?:https?|wss?|ftp)://[^\s\"'\\<>;,)]+",
                      netlog.read_text(errors="replace"))
    return result.stdout, urls


def _foreign(urls: list[str]) -> list[str]:
    def host(url: str) -> str:
        return url.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0]

    return [u for u in urls
            if not any(host(u) == h or host(u).endswith("." + h) for h in BROWSER_OWN_HOSTS)]


class _Map(HTMLParser):
    """Collects the participants drawn in the SVG map, with their visible labels."""

    def __init__(self) -> None:
        super().__init__()
        self.in_svg = 0
        self.participants: dict[str, str] = {}
        self.current: str | None = None
        self.in_label = False
        self.quadrants: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append(tag)
        if tag == "svg" and "nsob-map" in (attributes.get("class") or ""):
            self.in_svg += 1
        if not self.in_svg:
            return
        if tag == "g" and attributes.get("class") == "participant":
            self.current = attributes.get("data-participant")
            self.participants[self.current or ""] = ""
        if tag == "g" and attributes.get("class") == "quadrant":
            self.quadrants.append(attributes.get("data-quadrant") or "")
        if tag == "text" and attributes.get("class") == "label":
            self.in_label = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg" and self.in_svg:
            self.in_svg -= 1
        if tag == "text":
            self.in_label = False

    def handle_data(self, data: str) -> None:
        if self.in_label and self.current is not None:
            self.participants[self.current] += data


def _png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) pixels of an 8-bit, non-interlaced PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat = 8, b""
    width = height = channels = 0
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = row[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                row[x] = (row[x] + left) & 255
            elif kind == 2:
                row[x] = (row[x] + up) & 255
            elif kind == 3:
                row[x] = (row[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                row[x] = (row[x] + (left if pa <= pb and pa <= pc else up if pb <= pc
                                    else corner)) & 255
        rows.append(bytes(row))
        previous = row
    return width, height, [bytes(r) for r in rows] if channels == 3 else [
        b"".join(r[i:i + 3] for i in range(0, len(r), 4)) for r in rows]


@pytest.fixture(scope="module")
def example_page(tmp_path_factory: pytest.TempPathFactory, example: Path) -> Path:
    from typer.testing import CliRunner

    from evaltool.cli import build_app
    from evaltool.i18n import set_language

    set_language("en")
    page = tmp_path_factory.mktemp("html") / "report.html"
    result = CliRunner().invoke(build_app(), ["summarize", "-f", "html", "-o", str(page),
                                              str(example)])
    assert result.exit_code == 0, result.output
    return page


@pytest.fixture(scope="module")
def example() -> Path:
    return Path(__file__).resolve().parents[1] / "sessions" / \
        "2021-01-28-casus-cornelis-musius.yaml"


def test_the_map_shows_every_participant_in_the_browser(example_page: Path,
                                                        tmp_path: Path) -> None:
    dom, urls = _browse(example_page, tmp_path, "--dump-dom")
    drawn = _Map()
    drawn.feed(dom)
    assert drawn.quadrants == ["performing_government", "networking_government",
                               "lawful_government", "responsive_government"]
    assert drawn.participants == {
        "projectleider-ohv": "Projectleider Onderwijshuisvesting",
        "programmeur-ohv": "Programmeur Onderwijshuisvesting",
        "beleidsadviseur-energie": "Beleidsadviseur Energie",
        "subsidieadviseur": "Subsidieadviseur",
        "partner-po": "Partner in Publiek Ondernemen",
        "toehoorder": "Partner in Publiek Ondernemen (toehoorder)",
        "projectleider-school": "Projectleider vanuit de school",
    }
    assert "<h1>Evaluation meeting 1: Casus Cornelis Musius</h1>" in dom
    assert _foreign(urls) == []


def test_the_page_renders_with_the_map_drawn(example_page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    _browse(example_page, tmp_path, f"--screenshot={shot}", "--window-size=1000,2600")
    width, height, rows = _png_pixels(shot)
    assert (width, height) == (1000, 2600)
    blue = bytes.fromhex("1f6f8b")  # the fill of city-facing markers in the map

    def near(pixel: bytes, colour: bytes) -> bool:
        return all(abs(a - b) <= 12 for a, b in zip(pixel, colour, strict=True))

    markers = sum(1 for row in rows for x in range(0, len(row), 3)
                  if near(row[x:x + 3], blue))
    # One solid marker (radius 9) covers ~250 pixels; the legend has one. The example has
    # one city-facing participant and four half-filled ones: far more than the legend.
    assert markers > 700, markers
    dark = sum(1 for row in rows[:200] for x in range(0, len(row), 3) if row[x] < 100)
    assert dark > 2000  # the heading and first paragraph are drawn


def test_it_prints_on_a4(example_page: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    _browse(example_page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    content = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", content)
    assert boxes, "no pages"
    for width, height in boxes:
        # A4 is 595 × 842 points.
        assert abs(float(width) - 595) < 2 and abs(float(height) - 842) < 2
    assert 2 <= len(boxes) <= 8


def test_hostile_text_stays_text_and_nothing_is_fetched(cli: Invoke, example: Path,
                                                        tmp_path: Path) -> None:
    session = tmp_path / "hostile.yaml"
    payload = ('<img src="http://evil.example/pixel.png"><script>document.title="hit"'
               '</script><link rel=stylesheet href="https://evil.example/s.css">'
               '<iframe src="//evil.example/f"></iframe>')
    session.write_text(example.read_text(encoding="utf-8").replace(
        "text: Eigenaarschap.", f"text: {json.dumps(payload)}"), encoding="utf-8")
    page = tmp_path / "hostile.html"
    assert cli("summarize", "-f", "html", "-o", page, session).exit_code == 0
    dom, urls = _browse(page, tmp_path, "--dump-dom")
    parsed = _Map()
    parsed.feed(dom)
    assert not {"img", "script", "iframe", "link"} & set(parsed.tags)
    assert "&lt;script&gt;document.title" in dom
    assert not [u for u in urls if "evil.example" in u]
    assert _foreign(urls) == []


def test_the_net_log_would_see_a_fetch(tmp_path: Path) -> None:
    """The control: a page that does refer outside is caught by the same check."""
    page = tmp_path / "leaky.html"
    page.write_text('<!DOCTYPE html><p>x</p><img src="http://evil.example/pixel.png">',
                    encoding="utf-8")
    _, urls = _browse(page, tmp_path, "--dump-dom")
    assert "http://evil.example/pixel.png" in _foreign(urls)


def test_the_route_overview_renders(cli: Invoke, tmp_path: Path) -> None:
    page = tmp_path / "route.html"
    assert cli("--lang", "nl", "summarize", "-f", "html", "-o", page, ROUTE).exit_code == 0
    dom, urls = _browse(page, tmp_path, "--dump-dom")
    assert "<h1>Leerroute Excellent Faciliteren: overzicht</h1>" in dom
    assert dom.count("<tr>") >= 3 + 3 + 1
    assert dom.count('<g class="spread"') == 3  # one small NSOB figure per session
    assert _foreign(urls) == []
