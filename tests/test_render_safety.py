"""Hostile text in a session is shown literally and safely, in every format."""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Invoke
from evaltool.render import html, markdown, safe, text
from evaltool.render import json as json_render
from evaltool.store import load_session
from evaltool.summary import summarize_session
from evaltool.vocabulary import load_vocabulary

MARKUP = "[red]rood[/red] [/bold] [link=https://evil.example]klik[/link] :smile:"
HTML_TAGS = "<script>alert(1)</script><img src=x onerror=alert(2)> & <b>vet</b>"
MARKDOWN = "# kop\n- lijst\n[link](javascript:alert(3)) ![img](http://evil.example/x.png) |a|"
INVISIBLE = "rechts\u202eslinks \u2066iso\u2069 zero\u200bwidth\u200d \u200fmark"
ESCAPES = ("\ufeffbom \x1b[31mrood\x1b[0m \x1b]8;;http://evil.example\x07link\x1b]8;;\x07"
           " \x9bc\x85 \x07")
FILE_SAFE = [MARKUP, HTML_TAGS, MARKDOWN, INVISIBLE]  # what a session file may hold
ALL = [*FILE_SAFE, ESCAPES]                            # ESC and C1 only reach us otherwise
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _hostile_session(example: Path, target: Path) -> Path:
    text_ = example.read_text(encoding="utf-8")
    items = "".join(
        f"  hostile-{n}:\n    kind: success_factor\n    text: {json.dumps(value)}\n"
        for n, value in enumerate(FILE_SAFE))
    text_ = text_.replace("findings:\n", "findings:\n" + items, 1)
    text_ = text_.replace("function: Subsidieadviseur", f"function: {json.dumps(MARKUP)}")
    text_ = text_.replace("title: Casus Cornelis Musius", f"title: {json.dumps(HTML_TAGS)}")
    target.write_text(text_, encoding="utf-8")
    return target


@pytest.fixture
def hostile(example: Path, tmp_path: Path) -> Path:
    return _hostile_session(example, tmp_path / "hostile.yaml")


def _summary_with_escapes(example: Path) -> dict:
    """A summary whose texts hold ESC and C1 (a session file cannot hold them)."""
    summary = summarize_session(load_session(example), load_vocabulary(), language="en")
    summary = copy.deepcopy(summary)
    group = summary["findings"][0]
    for n, value in enumerate(ALL):
        group["items"].append({"id": f"h{n}", "text": value, "by": None, "tags": []})
    summary["participants"][0]["label"] = ESCAPES
    summary["session"]["title"] = ESCAPES + HTML_TAGS
    return summary


def test_terminal_output_shows_markup_as_typed(cli: Invoke, hostile: Path) -> None:
    result = cli("summarize", "--width", "200", hostile)
    assert result.exit_code == 0, result.output
    for line in MARKUP.split():
        assert line in result.stdout
    assert HTML_TAGS in result.stdout  # the title, literally
    assert "\x1b" not in result.stdout
    assert "rechts⟨U+202E⟩slinks ⟨U+2066⟩iso⟨U+2069⟩ zero⟨U+200B⟩width⟨U+200D⟩" in result.stdout
    assert not RAW.search(result.stdout)


def test_terminal_with_colour_never_passes_escapes_or_links(example: Path) -> None:
    import io

    stream = io.StringIO()
    console = text.console_for(stream, width=120, color=True)
    console.print(text.render(_summary_with_escapes(example), 120))
    output = stream.getvalue()
    # Rich's own colour codes are there, but nothing from the text: no OSC 8 link, no
    # cursor movement, no bell, no C1 control.
    assert "\x1b]8" not in output
    assert "\x07" not in output and "\x85" not in output and "\x9b" not in output
    assert "⟨U+001B⟩[31mrood⟨U+001B⟩[0m" in output
    assert "[link=https://evil.example]klik[/link]" in output
    assert not re.search("\x1b(?!\\[[0-9;]*m)", output)  # only SGR sequences, from rich


@pytest.mark.parametrize("render", [markdown.render, html.render, json_render.render,
                                    lambda s: text.render_to_string(s, 80),
                                    lambda s: text.render_to_string(s, 40)],
                         ids=["markdown", "html", "json", "text80", "text40"])
def test_no_raw_control_character_in_any_format(example: Path, render) -> None:
    output = render(_summary_with_escapes(example))
    assert not RAW.search(output)


def test_markdown_escapes_markup_and_html(example: Path) -> None:
    output = markdown.render(_summary_with_escapes(example))
    assert "<script" not in output and "<img" not in output and "<b>" not in output
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output
    assert "\\[link\\](javascript:alert(3))" in output
    assert "!\\[img\\](http://evil.example/x.png) \\|a\\|" in output
    # A user's "# kop" does not become a heading, nor "- lijst" a list item.
    assert not re.search(r"^#+ kop", output, re.M)
    assert "- \\# kop - lijst" in output  # one list item, its text on one line


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs


def test_html_escapes_everything_and_loads_nothing(example: Path) -> None:
    output = html.render(_summary_with_escapes(example))
    parser = _Elements()
    parser.feed(output)
    assert "script" not in parser.tags and "img" not in parser.tags and "b" not in parser.tags
    assert not any(name.startswith("on") for name, _ in parser.attributes)
    assert not any(name in ("src", "href", "action", "srcset") for name, _ in parser.attributes)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output
    assert "url(" not in output and "@import" not in output
    assert not any(value and "http" in value for name, value in parser.attributes
                   if name != "http-equiv")
    csp = [value for name, value in parser.attributes if name == "content"
           and value and "default-src" in value]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                   "base-uri 'none'; form-action 'none'"]


def test_json_keeps_the_exact_text_but_escapes_what_steers_a_terminal(example: Path) -> None:
    summary = _summary_with_escapes(example)
    output = json_render.render(summary)
    assert json.loads(output) == summary
    assert "\\u202e" in output and "\\u001b" in output and "\\u0085" in output
    assert "coöperatieve" in output  # ordinary non-ASCII stays readable


def test_hostile_session_file_in_every_format(cli: Invoke, hostile: Path) -> None:
    for output_format in ("markdown", "html", "json", "text"):
        result = cli("summarize", "-f", output_format, hostile)
        assert result.exit_code == 0, result.output
        assert not RAW.search(result.stdout), output_format
        if output_format in ("markdown", "html"):
            assert "<script>" not in result.stdout
            assert "&lt;script&gt;" in result.stdout
        elif output_format == "json":
            data = json.loads(result.stdout)
            assert data["session"]["title"] == HTML_TAGS
            assert data["findings"][0]["items"][3]["text"] == INVISIBLE
        else:
            assert HTML_TAGS in result.stdout


def test_escape_characters_in_a_file_are_refused_with_their_place(cli: Invoke, example: Path,
                                                                   tmp_path: Path) -> None:
    session = tmp_path / "escape.yaml"
    session.write_text(example.read_text(encoding="utf-8").replace(
        "text: Eigenaarschap.", 'text: "Eigen\\e[31maarschap."'), encoding="utf-8")
    result = cli("summarize", session)
    assert result.exit_code == 1
    assert re.search(rf"^error: {re.escape(str(session))}:\d+:\d+: .*U\+001B", result.stderr,
                     re.M), result.stderr
    assert "\x1b" not in result.output


@given(st.text())
def test_clean_never_lets_an_invisible_or_control_character_through(value: str) -> None:
    import unicodedata

    cleaned = safe.clean(value)
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")
                   and ch not in "\n" for ch in cleaned)


@given(st.text())
def test_html_text_never_contains_markup(value: str) -> None:
    escaped = safe.html_text(value)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped
