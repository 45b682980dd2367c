"""The written forms of answers: pure text functions, no vocabulary, no session.

Dates the Dutch way (`22-04-2021`, `22 april 2021`), lists by commas, paragraphs (a line
ended by `\\` goes on), what a paste is, yes and no in any language evaltool speaks, a
participant by number, id, function or name; and `Invalid`, the refusal of an answer,
with a message in the user's language.
"""

from __future__ import annotations

import re
from typing import Any

from evaltool.i18n import yes_or_no
from evaltool.i18n.folding import fold
from evaltool.session.vocabulary import Vocabulary


def is_yes(value: object) -> bool:
    """A yes in the user's language (or any evaltool speaks), or `true`/`1`."""
    return yes_or_no(str(value)) is True


def is_no(value: object) -> bool:
    """A no in the user's language (or any evaltool speaks), or `false`/`0`."""
    return yes_or_no(str(value)) is False


_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2,
    "maart": 3, "march": 3, "mrt": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "augustus": 8,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}


class Invalid(Exception):
    """An answer that breaks a rule; the text says which, in the user's language."""


def iso_date(raw: str) -> str | None:
    """`22-04-2021`, `22/4/21`, `22.4.2021`, `22 april 2021` or `2021-04-22` → `2021-04-22`.

    None when the text is no date at all. A day that does not exist (`30-02-2021`) comes
    back as `2021-02-30`, so that the session's own check names it as the person wrote it."""
    text = raw.strip().lower()
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        year, month, day = (int(part) for part in match.groups())
    elif match := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})", text):
        day, month, year = (int(part) for part in match.groups())
    elif match := re.fullmatch(r"(\d{1,2})\.?\s+([a-z]+)\.?,?\s+(\d{4}|\d{2})", text):
        day, year = int(match.group(1)), int(match.group(3))
        if match.group(2) not in _MONTHS:
            return None
        month = _MONTHS[match.group(2)]
    else:
        return None
    if year < 100:
        year += 2000
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def numbered(vocabulary: Vocabulary, category: str, joint: str = " · ") -> str:
    """The choices of a category as they are offered: `1 adviseur · 2 projectleider ...`."""
    return joint.join(f"{n} {vocabulary.label(category, key)}"
                      for n, key in enumerate(vocabulary.entries(category), 1))


def split_list(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(",") if part.strip()]


def typed_lines(raw: str) -> list[str]:
    """The lines of an answer: a line ended by `\\` and a pasted line both end one."""
    return re.split(r"\\\n|\n", raw)


def paragraphs(raw: str) -> str:
    """A typed answer as text: a line ended by `\\` goes on on the next line."""
    return raw.replace("\\\n", "\n")


def pasted(raw: str) -> list[str]:
    """The lines of a paste (several lines arrived at once); one line when it was typed."""
    return [line for line in re.split(r"(?<!\\)\n", raw) if line.strip()] or [raw]


def as_typed(text: str) -> str:
    """Text with line breaks as they are typed: each line but the last ends in `\\`."""
    return text.replace("\n", "\\\n")


def participant(raw: str, people: dict[str, Any]) -> str | None:
    """A participant by number, id, function or name."""
    order = list(people)
    text = raw.strip()
    if text.isdigit() and 1 <= int(text) <= len(order):
        return order[int(text) - 1]
    if text in people:
        return text
    wanted = fold(text)
    for pid, person in people.items():
        if wanted and wanted in (fold(person.get("function") or ""),
                                 fold(person.get("name") or "")):
            return pid
    return None


def in_sentence(label: str) -> str:
    """A name within a sentence: `Aandachtspunten` → `aandachtspunten`; `SDG's` stays."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def person_label(pid: str, person: dict[str, Any]) -> str:
    """`Function (Name)`, or the function, as lists of participants show them."""
    name = person.get("name")
    function = person.get("function") or pid
    return f"{function} ({name})" if name else str(function)
