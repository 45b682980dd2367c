"""The HTML report in a real headless browser (Debian's chromium): it renders, the NSOB map
shows every participant, it prints on A4, and the page fetches nothing; axe-core finds no
WCAG 2.1 A/AA violation in the session report and the route overview, internal and
public; the internal copy opens with its banner; border markers sit on the border.

axe-core's axe.min.js comes from the test extra `axe-core-python` (PyPI, no further
dependencies); it is run through Chromium's DevTools pipe, so no driver is needed.

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
from inputs import ROUTE, write_session

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
    write_session(session, {"findings.eigenaarschap.text": payload}, source=example)
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


# --- in a real browser, through Chromium's DevTools pipe: axe-core, the banner, the map ------

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe_source() -> str:
    """axe-core's axe.min.js: from the test extra `axe-core-python` (which ships it), or
    from EVALTOOL_AXE_JS (for instance a newer one from npm's axe-core)."""
    from importlib.resources import files

    path = os.environ.get("EVALTOOL_AXE_JS")
    return (Path(path).read_text(encoding="utf-8") if path else
            files("axe_core_python").joinpath("axe.min.js").read_text(encoding="utf-8"))


class _DevTools:
    """Headless Chromium driven over --remote-debugging-pipe (file descriptors 3 and 4):
    the Chrome DevTools Protocol without a WebSocket client or a driver."""

    def __init__(self, tmp_path: Path) -> None:
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def descriptors() -> None:  # in the child: the pipe ends on 3 and 4
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        self.process = subprocess.Popen(
            [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-pipe", f"--user-data-dir={tmp_path / 'devtools-profile'}",
             "--window-size=1000,1400", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=descriptors, pass_fds=(3, 4))
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._next = 0
        self._buffer = b""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        # The page forbids scripts (its CSP); only the test's own axe-core runs in it.
        self.call("Page.setBypassCSP", session=True, enabled=True)

    def _message(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 16)
            assert chunk, "chromium closed the DevTools pipe"
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method: str, session: bool = False, **params: object) -> dict:
        self._next += 1
        request: dict = {"id": self._next, "method": method, "params": params}
        if session:
            request["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(request).encode() + b"\0")
        while True:
            message = self._message()
            if message.get("id") == self._next:
                assert "error" not in message, message
                return message["result"]

    def open(self, page: Path) -> None:
        self.call("Page.navigate", session=True, url=page.resolve().as_uri())
        while self._message().get("method") != "Page.loadEventFired":
            pass

    def evaluate(self, expression: str) -> object:
        result = self.call("Runtime.evaluate", session=True, expression=expression,
                           awaitPromise=True, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        os.close(self._to_browser)
        os.close(self._from_browser)


@pytest.fixture(scope="module")
def devtools(tmp_path_factory: pytest.TempPathFactory):
    browser = _DevTools(tmp_path_factory.mktemp("devtools"))
    yield browser
    browser.close()


def _report(cli: Invoke, tmp_path: Path, target: Path, *options: str) -> Path:
    page = tmp_path / f"{target.stem}{'-'.join(options)}.html"
    result = cli("--lang", "nl", "summarize", "-f", "html", "-o", page, *options, target)
    assert result.exit_code == 0, result.output
    return page


AXE_RUN = ("axe.run(document, {runOnly: {type: 'tag', values: " + json.dumps(WCAG_TAGS)
           + "}, resultTypes: ['violations']}).then(r => r.violations.map(v => ({id: v.id, "
           "impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))")


@pytest.mark.parametrize("target", ["session", "route"])
@pytest.mark.parametrize("public", [False, True], ids=["internal", "public"])
def test_axe_core_finds_no_wcag_21_aa_violation(cli: Invoke, example: Path, tmp_path: Path,
                                                devtools: _DevTools, target: str,
                                                public: bool) -> None:
    page = _report(cli, tmp_path, example if target == "session" else ROUTE,
                   *(["--public"] if public else []))
    devtools.open(page)
    devtools.evaluate(_axe_source() + ";0")
    assert devtools.evaluate("typeof axe.run") == "function"
    assert devtools.evaluate(AXE_RUN) == []
    banner = devtools.evaluate(
        "(() => { const first = document.querySelector('main').firstElementChild;"
        " const box = first.getBoundingClientRect();"
        " return {cls: first.className, text: first.innerText, top: box.top,"
        " height: box.height}; })()")
    robots = devtools.evaluate("document.querySelector('meta[name=robots]')?.content ?? null")
    if public:
        assert banner["cls"] != "internal" and robots is None
        assert devtools.evaluate("!!document.querySelector('footer.colophon')")
    else:  # the first thing on the page, visible, and search engines are told to keep out
        assert banner["cls"] == "internal" and banner["text"].startswith("INTERN")
        assert banner["top"] < 60 and banner["height"] > 20
        assert robots == "noindex, nofollow"


def test_axe_would_see_a_violation(devtools: _DevTools, tmp_path: Path) -> None:
    """The control: a page with an image without text and grey on grey is caught."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><main>'
                    '<img src="data:,"><p style="color:#aaa;background:#bbb">grijs</p>'
                    '</main></body></html>', encoding="utf-8")
    devtools.open(page)
    devtools.evaluate(_axe_source() + ";0")
    found = {v["id"] for v in devtools.evaluate(AXE_RUN)}
    assert {"image-alt", "color-contrast", "html-has-lang"} <= found


MARKERS = """(() => {
  const box = e => { const r = e.getBoundingClientRect();
                     return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  const quadrants = [...document.querySelectorAll('svg.nsob-map g.quadrant > rect')].map(box);
  return [...document.querySelectorAll('svg.nsob-map g.border')].map(g => ({
    side: g.dataset.border, band: box(g.querySelector('rect.border-band')), quadrants,
    markers: [...g.querySelectorAll('g.participant')].map(p => {
      const d = box(p.querySelector('circle.disc'));
      return {id: p.dataset.participant, x: (d.left + d.right) / 2, y: (d.top + d.bottom) / 2};
    })}));
})()"""


def test_border_markers_sit_on_the_border_not_in_a_quadrant(
        cli: Invoke, example: Path, tmp_path: Path, devtools: _DevTools) -> None:
    """Measured in the browser: on the vertical border (the example: performing and
    networking) and on the horizontal ones (the second meeting: lawful and performing on
    the left, networking and responsive on the right)."""
    seen = {}
    for target in (example, ROUTE / "2021-04-22-casus-groen-schoolplein.yaml"):
        devtools.open(_report(cli, tmp_path, target))
        for border in devtools.evaluate(MARKERS):
            seen[border["side"]] = border
            band = border["band"]
            for marker in border["markers"]:
                x, y = marker["x"], marker["y"]
                assert band["left"] <= x <= band["right"] and band["top"] <= y <= band["bottom"]
                # Not inside any quadrant: on their shared edge, or in the gap between them.
                for q in border["quadrants"]:
                    inside = q["left"] + 2 < x < q["right"] - 2 and q["top"] + 2 < y < q[
                        "bottom"] - 2
                    assert not inside, (border["side"], marker["id"], q)
    assert {"top", "left", "right"} <= set(seen)
    assert [m["id"] for m in seen["top"]["markers"]] == ["projectleider-ohv", "programmeur-ohv"]
