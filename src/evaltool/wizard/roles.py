"""Someone's roles on one line, in order, and the notes to them: a notation and its reading.

`(financierder), adviseur*, co-creator, begeleider besluitvorming intern @gedurende het
proces`: roles by number, key, label or alias, separated by commas; `*` marks the usual
role (also played now), `(...)` a usual role not played in this casus; an orientation
after a role (`intern`) when it is not the default one; `@phase` for that role and the
ones after it (`@` alone ends it); `anders: name` for a role of one's own. The notes are
one answer: `1: ...` for role 1, each on its own line. What is shown reads back the same.
"""

from __future__ import annotations

import re
from typing import Any

from evaltool.i18n import t
from evaltool.session.vocabulary import Vocabulary
from evaltool.wizard.forms import Invalid, as_typed, is_no, is_yes, numbered, typed_lines
from evaltool.wizard.prompter import visible


class Roles:
    """The roles notation, read and shown with the words of one vocabulary."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    def numbered(self) -> str:
        return numbered(self.vocabulary, "roles")

    def read(self, raw: str, orientation: str) -> list[dict[str, str]]:
        """`(1), adviseur*, 11 intern @gedurende het proces` → role entries, in order.

        `*` marks the usual role; `(...)` a usual role not played in this casus; an
        orientation after the role (`intern`) overrides `orientation`; `@phase` holds for
        that role and the ones after it, until another `@` (`@` alone: no phase)."""
        found = []
        phase: str | None = None
        for item in (item.strip() for item in raw.split(",")):
            if not item:
                continue
            if "@" in item:
                item, _, given = item.partition("@")
                phase = given.strip() or None
            text, usual, played = _role_marks(item.strip())
            key, label, facing = self._role(text)
            entry = {"role": key, "orientation": facing or orientation}
            if label:
                entry["label"] = label
            if usual:
                entry["usual"] = "true"
            if not played:
                entry["played"] = "false"
            if phase:
                entry["phase"] = phase
            found.append(entry)
        return found

    def _role(self, text: str) -> tuple[str, str | None, str | None]:
        """The role, its own name (for `anders: ...`) and an orientation, from one item.

        A role's own name may end in any word, so there the orientation is looked for
        first; a role of the list is taken whole first (no label ends in `intern`)."""
        whole = self._role_only(text)
        if whole is not None and ":" not in text:
            return (*whole, None)
        words = text.split()
        for count in range(1, min(3, len(words) - 1) + 1):
            facing = self.vocabulary.resolve("orientations", " ".join(words[-count:]))
            head = self._role_only(" ".join(words[:-count]))
            if facing and head:
                return (*head, facing)
        if whole is not None:
            return (*whole, None)
        name = text.partition(":")[0].strip()
        if self.vocabulary.resolve("roles", name) == "other":
            raise Invalid(t("wizard.other_needs_name", other=visible(name, limit=40)))
        key = self.vocabulary.suggest("roles", name)
        if key:
            raise Invalid(t("wizard.not_a_role_suggest", value=visible(text, limit=40),
                            suggestion=self.vocabulary.label("roles", key)))
        raise Invalid(t("wizard.not_a_role", value=visible(text, limit=40),
                        other=self.vocabulary.label("roles", "other")))

    def _role_only(self, text: str) -> tuple[str, str | None] | None:
        head, colon, label = text.partition(":")
        keys = list(self.vocabulary.roles)
        name = head.strip()
        key = keys[int(name) - 1] if name.isdigit() and 1 <= int(name) <= len(keys) \
            else self.vocabulary.resolve("roles", name)
        if key is None:
            return None
        if colon:
            if key != "other" or not label.strip():
                return None
            return key, label.strip()
        return (key, None) if key != "other" else None  # `anders` needs its own name

    def show(self, roles: list[dict[str, Any]], orientation: str) -> str | None:
        """Roles as they are typed on one line; None when the line cannot say them all
        (a name with a comma, say): then they are kept as they are, never re-read."""
        items = []
        phase = None
        for role in roles:
            text = self.vocabulary.label("roles", str(role.get("role")))
            if role.get("label"):
                text = f"{text}: {role['label']}"
            if role.get("orientation") != orientation or self._ends_in_orientation(text):
                text += " " + self.vocabulary.label("orientations", str(role.get("orientation")))
            usual = is_yes(role.get("usual", "false"))
            played = is_yes(role.get("played", "true"))
            text = f"({text})" if usual and not played else f"{text}*" if usual else text
            if role.get("phase") != phase:
                phase = role.get("phase")
                text += f" @{phase}" if phase else " @"
            items.append(text)
        line = ", ".join(items)
        try:
            again = self.read(line, orientation)
        except Invalid:
            return None
        wanted = [{k: str(v) for k, v in role.items() if k != "note"} for role in roles]
        return line if [_normal(r) for r in again] == [_normal(r) for r in wanted] else None

    def _ends_in_orientation(self, text: str) -> bool:
        words = text.split()
        return any(self.vocabulary.resolve("orientations", " ".join(words[-n:]))
                   for n in range(1, min(3, len(words)) + 1))

    def read_notes(self, raw: str, count: int) -> dict[int, str]:
        """`1: ...` lines → the note of each role by its number; with one role the number
        may be left out. A line without a number goes on with the note before it."""
        notes: dict[int, str] = {}
        current: int | None = None
        for line in typed_lines(raw):
            match = re.match(r"\s*(\d+)\s*:\s*(.*)$", line, re.S)
            if match:
                current = int(match.group(1))
                if not 1 <= current <= count:
                    raise Invalid(t("wizard.no_such_role_number", number=current, count=count))
                if current in notes:
                    raise Invalid(t("wizard.role_note_twice", number=current))
                notes[current] = match.group(2).strip()
            elif not line.strip():
                continue
            elif current is None and count == 1:
                current = 1
                notes[1] = line.strip()
            elif current is None:
                raise Invalid(t("wizard.role_note_number", count=count))
            else:
                notes[current] = (notes[current] + "\n" + line.strip()).strip()
        return {number: note for number, note in notes.items() if note}

    def show_notes(self, roles: list[dict[str, Any]]) -> str:
        return "\\\n".join(f"{number}: {as_typed(str(role['note']))}"
                           for number, role in enumerate(roles, 1) if role.get("note"))

    def help(self) -> list[str]:
        return [t("wizard.help_roles"), t("wizard.help_roles_example"),
                t("wizard.choices") + " " + self.numbered()]


def _role_marks(text: str) -> tuple[str, bool, bool]:
    """`(financierder)` → usual, not played; `adviseur*` → usual (and played)."""
    usual, played = False, True
    while True:
        if text.endswith("*"):
            text, usual = text[:-1].strip(), True
        elif text.startswith("(") and text.endswith(")"):
            text, usual, played = text[1:-1].strip(), True, False
        else:
            return text, usual, played


def _normal(role: dict[str, Any]) -> dict[str, str]:
    """A role without the values it has by default (`usual: false`, `played: true`)."""
    shown = {k: str(v) for k, v in role.items() if v is not None}
    if is_no(shown.get("usual", "false")):
        shown.pop("usual", None)
    if is_yes(shown.get("played", "true")):
        shown.pop("played", None)
    return shown
