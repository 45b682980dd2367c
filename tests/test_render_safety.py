"""Hostile text in a session is shown literally and safely, in every format."""

from __future__ import annotations

import copy
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Invoke, set_everywhere
from evaltool.i18n import escaping as safe
from evaltool.report.contract import SessionSummary
from evaltool.report.render import html, markdown, text
from evaltool.report.render import json as json_render
from evaltool.report.summary import summarize_session
from evaltool.session.store import load_session
from evaltool.session.vocabulary import load_vocabulary
from inputs import ROUTE_FILES, edit_file

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
    items = "".join(
        f"  hostile-{n}:\n    kind: success_factor\n    text: {json.dumps(value)}\n"
        for n, value in enumerate(FILE_SAFE))
    return edit_file(shutil.copyfile(example, target),
                     ("findings:\n", "findings:\n" + items),  # first: items 0-3 of their group
                     ("function: Subsidieadviseur", f"function: {json.dumps(MARKUP)}"),
                     ("title: Casus Cornelis Musius", f"title: {json.dumps(HTML_TAGS)}"))


@pytest.fixture
def hostile(example: Path, tmp_path: Path) -> Path:
    return _hostile_session(example, tmp_path / "hostile.yaml")


def _summary_with_escapes(example: Path) -> SessionSummary:
    """A summary whose texts hold ESC and C1 (a session file cannot hold them)."""
    summary = summarize_session(load_session(example), load_vocabulary(), language="en")
    summary = copy.deepcopy(summary)
    group = summary["findings"][0]
    for n, value in enumerate(ALL):
        group["items"].append({"id": f"h{n}", "text": value, "by": None, "tags": [],
                               "confidential": False})
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
    edit_file(shutil.copyfile(example, session),
              ("text: Eigenaarschap.", 'text: "Eigen\\e[31maarschap."'))
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


# --- every free-text field, found by walking the model --------------------------------------

ESCAPE_MARK = "\ue000"  # stands for ESC sequences, which a session file cannot hold
PAYLOADS = [
    # For text: several lines, block markup of Markdown, HTML, rich markup, bidi.
    ("# kop\n- lijst\n```\n<x-evil onload=alert(1)>\n[link=https://evil.example]k[/link]"
     f" {ESCAPE_MARK} \u202erechts"),
    # For a line: one line of the same.
    ("<script>alert(1)</script><img src=x onerror=alert(2)> **vet** [red]r[/red] "
     f"[l](javascript:alert(3)) <https://evil.example> |a| &amp; {ESCAPE_MARK}\u2066"),
    # For a tag: no spaces, no brackets.
    f"<x-evil>**vet**`code`<script>{ESCAPE_MARK}",
]


def _leaf_fields(model: type, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], bool]]:
    """Every field of the model that holds text (or a list of texts), at any depth:
    (path, is_list). Whether a person may type anything there is asked of the model
    itself, by validating (see `_free_text`)."""
    import typing

    from pydantic import BaseModel

    found = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        inner = [a for a in _flatten(annotation) if isinstance(a, type)]
        models = [a for a in inner if issubclass(a, BaseModel)]
        if models:
            for sub in models:
                found += _leaf_fields(sub, (*path, name))
        elif str in inner:
            found.append(((*path, name), typing.get_origin(annotation) is list))
    return found


def _flatten(annotation: object) -> list[object]:
    import typing

    args = typing.get_args(annotation)
    return [annotation, *(a for arg in args for a in _flatten(arg))]


def _free_text(data: dict, payload_order: list[str]
               ) -> tuple[dict, dict, list[tuple[str, ...]]]:
    """`data` with a hostile payload in every field that accepts one, the same with
    harmless text there (a report of the same shape), and those fields."""
    from pydantic import ValidationError

    from evaltool.session.models import Session

    hostile, harmless = copy.deepcopy(data), copy.deepcopy(data)
    free = []
    for path, is_list in _leaf_fields(Session):
        for payload in payload_order:
            trial = copy.deepcopy(hostile)
            value = [payload] if is_list else payload
            set_everywhere(trial, path, lambda value=value: copy.deepcopy(value))
            try:
                Session.model_validate(trial)
            except ValidationError:
                continue
            hostile = trial
            free.append(path)
            plain = ["gewoon"] if is_list else "Gewone tekst"
            set_everywhere(harmless, path, lambda plain=plain: copy.deepcopy(plain))
            break
    return hostile, harmless, free


def _with_escapes(value: object) -> object:
    """Summary data with the stand-in replaced by real terminal escapes (ESC, OSC 8, BEL)."""
    if isinstance(value, str):
        return value.replace(ESCAPE_MARK, "\x1b[31m\x1b]8;;https://evil.example\x07x\x1b]8;;\x07")
    if isinstance(value, list):
        return [_with_escapes(v) for v in value]
    if isinstance(value, dict):
        return {k: _with_escapes(v) for k, v in value.items()}
    return value


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}


def _parsed(html_text: str) -> _Tags:
    parser = _Tags()
    parser.feed(html_text)
    return parser


def _markdown_html(text_: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text_)


def _check_every_format(summary: dict, clean_summary: dict) -> None:
    from evaltool.report.render.formats import Format, report_writer

    outputs = {fmt: report_writer(fmt)(summary, 100) for fmt in Format}
    clean = {fmt: report_writer(fmt)(clean_summary, 100) for fmt in Format}
    for fmt, output in outputs.items():
        assert not RAW.search(output), fmt
    # HTML: no element or attribute that the clean report does not have.
    hostile_html, clean_html = _parsed(outputs[Format.HTML]), _parsed(clean[Format.HTML])
    assert hostile_html.tags <= clean_html.tags | {"br"}, hostile_html.tags - clean_html.tags
    assert hostile_html.attributes <= clean_html.attributes
    assert "&lt;script&gt;" in outputs[Format.HTML]
    # Markdown, as a CommonMark reader shows it: no element the clean report has not, no
    # link, image or raw HTML, and no heading or code block made by the text.
    rendered, clean_rendered = (_markdown_html(outputs[Format.MARKDOWN]),
                                _markdown_html(clean[Format.MARKDOWN]))
    tags = _parsed(rendered).tags
    assert tags <= _parsed(clean_rendered).tags | {"br"}, tags - _parsed(clean_rendered).tags
    assert not {"a", "img", "script", "x-evil"} & tags
    for marker in ("<h1", "<h2", "<h3", "<pre"):
        assert rendered.count(marker) == clean_rendered.count(marker), marker
    # Text: rich markup printed as typed, never styled or linked.
    for markup in ("[red]r[/red]", "[link=https://evil.example]k[/link]"):
        if markup in json.dumps(summary, ensure_ascii=False):
            assert markup in outputs[Format.TEXT], markup
    assert json.loads(outputs[Format.JSON])


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(PAYLOADS))
def test_hostile_text_in_every_free_text_field_is_safe_in_every_format(
        payload_order: list[str]) -> None:
    from evaltool.report.summary import digest, route_summary
    from evaltool.session.models import Session

    vocabulary = load_vocabulary()
    example = Path(__file__).resolve().parents[1] / "sessions" / \
        "2021-01-28-casus-cornelis-musius.yaml"
    data = load_session(example).model_dump(mode="json", exclude_none=True)
    hostile, harmless, free = _free_text(data, payload_order)
    # The walk found the free text: the casus, people, findings, follow-ups, notes.
    assert {("casus", "title"), ("participants", "function"), ("participants", "name"),
            ("participants", "roles", "label"), ("participants", "position", "note"),
            ("findings", "text"), ("findings", "tags"), ("follow_ups", "owner"),
            ("follow_ups", "note"), ("notes",)} <= set(free)
    assert ("participants", "attendance") not in free and ("findings", "by") not in free
    session = Session.model_validate(hostile)
    for names in (False, True):
        summary = summarize_session(session, vocabulary, language="nl", names=names)
        clean = summarize_session(Session.model_validate(harmless), vocabulary,
                                  language="nl", names=names)
        for s in (summary, clean):
            s["masthead"], s["internal"] = ["<b>Kop</b>"], {"notice": "intern"}
        _check_every_format(_with_escapes(summary), clean)
    # The learning-route overview of three hostile sessions.
    digests, clean_digests = [], []
    for path in ROUTE_FILES:
        route_data = load_session(path).model_dump(mode="json", exclude_none=True)
        route_hostile, route_harmless, _ = _free_text(route_data, payload_order)
        digests.append(digest(Session.model_validate(route_hostile)))
        clean_digests.append(digest(Session.model_validate(route_harmless)))
    overview = route_summary(digests, vocabulary, language="en")
    clean_overview = route_summary(clean_digests, vocabulary, language="en")
    _check_every_format(_with_escapes(overview), clean_overview)


# Each character with a meaning in Markdown: how it is written anywhere in a line, and at
# the start of one (where `#`, `-`, `+`, `=` and `1.` start a heading, a list, ...).
MARKDOWN_CHARACTERS = [
    ("\\", "\\\\", "\\\\"), ("`", "\\`", "\\`"), ("*", "\\*", "\\*"), ("_", "\\_", "\\_"),
    ("[", "\\[", "\\["), ("]", "\\]", "\\]"), ("|", "\\|", "\\|"), ("~", "\\~", "\\~"),
    ("<", "&lt;", "&lt;"), (">", "&gt;", "&gt;"), ("&", "&amp;", "&amp;"),
    ("#", "#", "\\#"), ("-", "-", "\\-"), ("+", "+", "\\+"), ("=", "=", "\\="),
    ("1.", "1.", "1\\."), ("12)", "12)", "12\\)"),
    ("(", "(", "("), (")", ")", ")"), ("!", "!", "!"), (".", ".", "."), ("{", "{", "{"),
    ("\x1b", "⟨U+001B⟩", "⟨U+001B⟩"), ("\u202e", "⟨U+202E⟩", "⟨U+202E⟩"),
]


@pytest.mark.parametrize(("typed", "anywhere", "at_start"), MARKDOWN_CHARACTERS,
                         ids=[repr(typed) for typed, _, _ in MARKDOWN_CHARACTERS])
def test_reports_and_diffs_escape_markdown_by_one_rule(typed: str, anywhere: str,
                                                       at_start: str) -> None:
    from evaltool.git.diffrender import render_markdown

    assert safe.markdown(f"a {typed}") == f"a {anywhere}"
    assert safe.markdown(typed) == at_start
    assert safe.markdown(f"regel\n{typed}") == f"regel\\\n{at_start}"  # a line's start
    # A diff's words are pieces of a line: escaped alike, their spaces kept.
    assert safe.markdown_span(f"a {typed} ") == f"a {anywhere} "
    assert safe.markdown_span(typed) == at_start
    line = render_markdown("t", [[("text", "was: "), ("old", f"a {typed}")]]).splitlines()[2]
    assert line == f"- was: a {anywhere}"


def test_a_newline_in_markdown_breaks_a_paragraph_line_and_a_diff_line_goes_on() -> None:
    assert safe.markdown("een\n\n  twee  \n- drie") == "een\\\ntwee\\\n\\- drie"
    assert safe.markdown_span("een\n- twee ") == "een<br>\\- twee "


def test_every_person_sees_an_unsafe_character_the_same_way() -> None:
    """One rule (`textsafe`) and one look, in a report, a message, a prompt and a diff;
    only JSON writes its own lossless escape."""
    from evaltool.git.diffrender import safe as diff_safe
    from evaltool.i18n.textsafe import inline
    from evaltool.wizard.prompter import visible

    typed = "a\x1b[2J\u202eb\u2066"
    shown = "a⟨U+001B⟩[2J⟨U+202E⟩b⟨U+2066⟩"
    for show in (safe.clean, safe.one_line, inline, visible, diff_safe):
        assert show(typed) == shown, show
    assert json.loads(json_render.render({"x": typed})) == {"x": typed}  # type: ignore[arg-type]
    assert "\\u001b[2J\\u202eb\\u2066" in json_render.render({"x": typed})  # type: ignore[arg-type]
