"""Rendering a semantic diff (`evaltool.git.semdiff`) as text, coloured text, Markdown or JSON.

Every change becomes a line of styled segments first (`describe`); the formats only
decide how a style looks. Text that users wrote is made safe on the way out: control
and bidirectional-override characters are shown as escapes, never sent to the
terminal; nothing is ever parsed as markup.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from evaltool.git.semdiff import MODELS, Change, word_diff
from evaltool.i18n import t
from evaltool.report.render.safe import reveal
from evaltool.session.fields import vocabulary_category

if TYPE_CHECKING:
    from evaltool.session.vocabulary import Vocabulary

Segment = tuple[str, str]
"""(style, text); styles: text, id, old, new, delete, insert, skip, confidential."""


def safe(text: str) -> str:
    """`text` with every character that could steer a terminal shown as an escape."""
    return reveal(text, lambda codepoint: f"\\u{codepoint:04x}")


class Describer:
    """Turns changes into sentences with the vocabulary's labels in the current language."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    # --- values -----------------------------------------------------------------------

    def value(self, change: Change, field: str | None, value: Any) -> str:
        if value is None or value == []:
            return t("git.none")
        if isinstance(value, bool):
            return t("git.yes") if value else t("git.no")
        if field == "status" and change.section == "session":
            return t("git." + f"status_{value}") if value in ("draft", "final") else str(value)
        category = vocabulary_category(MODELS[change.section], field) if field else None
        if category is not None and isinstance(value, str):
            return self.vocabulary.label(category, value)
        if field == "quadrants":
            return self.position(value)
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        return str(value)

    def position(self, quadrants: list[str]) -> str:
        labels = [self.vocabulary.short_label("quadrants", key) for key in quadrants]
        if len(labels) == 2:
            return t("git.border", first=labels[0], second=labels[1])
        return labels[0]

    def role(self, role: dict[str, Any]) -> str:
        label = role.get("label") or self.vocabulary.label("roles", role["role"])
        details = [self.vocabulary.label("orientations", role["orientation"])]
        if role.get("usual"):
            details.append(t("git.usual"))
        if not role.get("played", True):
            details.append(t("git.not_played"))
        if role.get("phase"):
            details.append(role["phase"])
        return f"{label} ({', '.join(details)})"

    def sdg(self, sdg: dict[str, Any]) -> str:
        return f"{sdg['goal']} {self.vocabulary.sdg_label(sdg['goal'])}"

    def summary(self, change: Change, entry: dict[str, Any]) -> str:
        if change.section == "participant":
            return str(entry.get("function", ""))
        if change.section == "finding":
            return str(entry.get("text", ""))
        if change.section == "follow_up":
            return str(entry.get("question", ""))
        if change.section == "person":
            return str(entry.get("label", ""))
        return ""

    # --- sentences --------------------------------------------------------------------

    def subject(self, change: Change) -> list[Segment]:
        section = change.section
        if section == "sdg":
            goal = int(change.id or 0)
            return fill(t("git.subject_sdg"), goal=str(goal),
                        label=self.vocabulary.sdg_label(goal))
        if section == "role":
            return fill(t("git.subject_role"), id=change.id,
                        role=self.vocabulary.label("roles", change.item or ""))
        if section == "finding":
            kind = self.vocabulary.label("finding_kinds", change.context or "")
            return fill(t("git.subject_finding"), kind=kind, id=change.id)
        return fill(t("git." + f"subject_{section}"), id=change.id)

    def describe(self, change: Change) -> list[list[Segment]]:
        """The change as one line of segments, and for long texts a second with the words;
        a change to something confidential starts with a mark saying so."""
        lines = self._describe(change)
        if change.confidential:
            lines[0] = [("confidential", t("git.confidential_mark")), ("text", " "), *lines[0]]
        return lines

    def _describe(self, change: Change) -> list[list[Segment]]:
        subject = self.subject(change)
        field = t("git." + f"field_{change.field}") if change.field else ""
        if change.section == "sdg" and change.field is None:
            key = "git." + f"sdg_{change.action}"
            value = change.new if change.action == "added" else change.old
            return [fill(t(key), **{_slot(change): self.sdg(value)})]
        if change.section == "role" and change.field is None:
            value = change.new if change.action == "added" else change.old
            return [fill(t("git." + f"role_{change.action}"), id=change.id,
                         **{_slot(change): self.role(value)})]
        if change.field == "tags":
            values = change.new if change.action == "added" else change.old
            return [fill(t("git." + f"tags_{change.action}"), subject=subject,
                         **{_slot(change): ", ".join(values)})]
        if change.field is None:  # a whole participant, finding or follow-up
            entry = change.new if change.action == "added" else change.old
            return [fill(t("git." + f"{change.action}"), subject=subject,
                         **{_slot(change): self.summary(change, entry)})]
        if change.section == "position" and change.field == "quadrants":
            return [fill(t("git.position_changed"), subject=subject,
                         old=self.value(change, "quadrants", change.old),
                         new=self.value(change, "quadrants", change.new))]
        if change.long:
            return [fill(t("git.changed_long"), subject=subject, field=field),
                    [("text", "    ")] + [(_WORD_STYLES[op], text) for op, text in
                                          word_diff(change.old, change.new)]]
        if change.old is None:
            return [fill(t("git.set"), subject=subject, field=field,
                         new=self.value(change, change.field, change.new))]
        if change.new is None:
            return [fill(t("git.cleared"), subject=subject, field=field,
                         old=self.value(change, change.field, change.old))]
        return [fill(t("git.changed"), subject=subject, field=field,
                     old=self.value(change, change.field, change.old),
                     new=self.value(change, change.field, change.new))]


_WORD_STYLES = {"equal": "text", "delete": "delete", "insert": "insert", "skip": "skip"}


def _slot(change: Change) -> str:
    return "new" if change.action == "added" else "old"


def fill(template: str, **values: Any) -> list[Segment]:
    """A catalog text with its placeholders filled in as segments styled by their name."""
    segments: list[Segment] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            segments.append(("text", literal))
        if name is None:
            continue
        value = values[name]
        if isinstance(value, list):  # an already rendered part, such as a subject
            segments += value
        else:
            style = name if name in ("id", "old", "new") else "text"
            segments.append((style, str(value)))
    return segments


# --- formats -----------------------------------------------------------------------------

_ANSI = {"id": "\x1b[1m", "old": "\x1b[31m", "new": "\x1b[32m", "delete": "\x1b[31;9m",
         "insert": "\x1b[32;4m", "skip": "\x1b[2m", "heading": "\x1b[1m",
         "confidential": "\x1b[1;33m"}
_RESET = "\x1b[0m"
_PLAIN_MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def render_text(lines: Iterable[list[Segment]], *, color: bool) -> str:
    out = []
    for segments in lines:
        parts = []
        for style, text in segments:
            text = safe(text).replace("\n", "\n    ")
            if color and style in _ANSI and text:
                parts.append(f"{_ANSI[style]}{text}{_RESET}")
            elif style in _PLAIN_MARKS:
                before, after = _PLAIN_MARKS[style]
                parts.append(f"{before}{text}{after}")
            else:
                parts.append(text)
        out.append("".join(parts).rstrip())
    return "\n".join(out) + "\n" if out else ""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def markdown_escape(text: str) -> str:
    text = safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", "<br>")


def render_markdown(title: str, lines: Iterable[list[Segment]]) -> str:
    out = [f"#### {markdown_escape(title)}", ""]
    for segments in lines:
        parts = []
        for style, text in segments:
            if not text:
                continue
            if style == "id":  # ids are [a-z0-9-]: safe inside the template's backticks
                parts.append(text)
            elif style == "delete" and text.strip():
                parts.append(f"~~{markdown_escape(text)}~~")
            elif style in ("insert", "new", "confidential") and text.strip():
                parts.append(f"**{markdown_escape(text)}**")
            else:
                parts.append(markdown_escape(text) if style != "text" or "`" not in text
                             else _keep_backticks(text))
        line = "".join(parts)
        out.append(f"  > {line.strip()}" if segments and segments[0] == ("text", "    ")
                   else f"- {line}")
    return "\n".join(out) + "\n"


def _keep_backticks(text: str) -> str:
    """Catalog text: its backticks mark ids; everything else is escaped."""
    return "`".join(markdown_escape(part) for part in text.split("`"))


def render_json(old: str, new: str, changes: list[Change],
                lines: list[list[list[Segment]]]) -> str:
    items = []
    for change, described in zip(changes, lines, strict=True):
        item = change.as_json()
        item["text"] = render_text(described, color=False).rstrip("\n")
        items.append(item)
    document = {"old": old, "new": new, "equal": not changes, "changes": items}
    return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"


def render_changes(changes: list[Change], vocabulary: Any, *, old: str, new: str,
                   output: str = "text", color: bool = False) -> str:
    """The whole diff in one of the formats: text, markdown or json."""
    describer = Describer(vocabulary)
    described = [describer.describe(change) for change in changes]
    if output == "json":
        return render_json(old, new, changes, described)
    flat = [line for lines in described for line in lines]
    if output == "markdown":
        if not changes:
            return f"#### {markdown_escape(t('git.md_title', path=new))}\n\n" \
                   f"{t('git.no_changes')}\n"
        return render_markdown(t("git.md_title", path=new), flat)
    return render_text(flat, color=color)


def render_facts(session: Any, vocabulary: Any) -> str:
    """A session as one line per fact, sorted by id, for `git log -p` (git's textconv).

    git then diffs these lines: a changed status shows as one line out, one line in,
    with labels in the reader's language; moving entries around changes nothing.
    """
    facts = _Facts(Describer(vocabulary))
    data = session.model_dump(mode="json")
    for name in ("id", "vocabulary", "status"):
        facts.add(Change("session", "changed", field=name), data[name])
    facts.casus(data["casus"])
    sections = (("participant", "participants"), ("finding", "findings"),
                ("follow_up", "follow_ups"))
    for section, key in sections:
        for ident in sorted(data[key]):
            facts.entry(section, ident, dict(data[key][ident]))
    for name in ("reflection", "next_session", "notes"):
        if data.get(name):
            facts.add(Change("session", "changed", field=name), data[name])
    return "\n".join(facts.lines) + "\n"


class _Facts:
    """The lines of `render_facts`, one per fact."""

    def __init__(self, describer: Describer) -> None:
        self.describer = describer
        self.lines: list[str] = []

    def add(self, change: Change, value: Any) -> None:
        """`subject: field: value`, in the reader's language."""
        subject = render_text([self.describer.subject(change)], color=False).rstrip("\n")
        field = t("git." + f"field_{change.field}")
        shown = self.describer.value(change, change.field, value)
        self.lines.append(render_text([[("text", f"{subject}: {field}: {shown}")]],
                                      color=False).rstrip("\n"))

    def casus(self, casus: dict[str, Any]) -> None:
        for name, value in casus.items():
            if name == "sdgs":
                for sdg in value:
                    change = Change("sdg", "changed", str(sdg["goal"]), "note")
                    if sdg.get("note"):
                        self.add(change, sdg["note"])
                    else:
                        self.lines.append(f"SDG {self.describer.sdg(sdg)}")
            elif value is not None:
                self.add(Change("casus", "changed", field=name), value)

    def entry(self, section: str, ident: str, entry: dict[str, Any]) -> None:
        """A participant, finding or follow-up: each field, and a participant's place in
        the NSOB model and roles."""
        roles = entry.pop("roles", [])
        position = entry.pop("position", None)
        for name, value in entry.items():
            if value is None or value == [] or (name == "confidential" and not value):
                continue
            self.add(Change(section, "changed", ident, name, context=entry.get("kind")), value)
        if position:
            self.add(Change("position", "changed", ident, "quadrants"), position["quadrants"])
            if position.get("note"):
                self.add(Change("position", "changed", ident, "note"), position["note"])
        for role in roles:
            self.lines.append(render_text([fill(t("git.fact_role"), id=ident,
                                                role=self.describer.role(role))],
                                          color=False).rstrip("\n"))
            if role.get("note"):
                self.add(Change("role", "changed", ident, "note", item=role["role"]),
                         role["note"])
