"""What `?` shows at a question: its own help, how it is typed, its choices, the NSOB model.

More than the step's text, at every question: the template's help for the question, how
its kind of answer is written (a date, a flag, tags, ...), the numbered choices, for a
list's first question how a whole entry fits on one line, and for the NSOB quadrants the
2×2 figure with the quadrants that may be chosen together.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from evaltool.i18n import t
from evaltool.wizard.prompter import visible
from evaltool.wizard.questions import answer_type
from evaltool.wizard.state import EarlierFollowUp
from evaltool.wizard.template import Part, Question

if TYPE_CHECKING:
    from evaltool.wizard.grammar import Grammar

_MARK_HELP = {"#": "wizard.help_mark_tags", "!": "wizard.help_mark_flag",
              "@": "wizard.help_mark_at", "^": "wizard.help_mark_earlier",
              ":": "wizard.help_mark_colon"}


def _name(question: Question) -> str:
    """A question's label without what it says about Enter: `Naam (mag leeg blijven)` →
    `Naam`."""
    return re.sub(r"\s*\([^()]*\)$", "", str(question.label)) or str(question.label)


class Guide:
    """Help texts for the questions a grammar reads."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar

    def help_lines(self, question: Question, part: Part | None = None, *,
                   lead: bool = False) -> list[str]:
        """What `?` shows for one question: its own help, how to type it, its choices."""
        lines = [str(question.help)] if question.help else []
        lines += answer_type(question).help_lines(self, question)
        if not question.required and not lead:
            lines.append(t("wizard.help_empty"))
        if lead and part is not None:
            lines += self.line_help(part)
        return lines

    def line_help(self, part: Part) -> list[str]:
        """How an entry of this list is typed on one line, and that a paste works."""
        lines = []
        positional = [_name(q) for q in part.questions[1:] if q.mark == ";"]
        if positional:
            lines.append(t("wizard.help_semicolons", first=_name(part.questions[0]),
                           rest="; ".join(positional)))
        marked = [q for q in part.questions[1:] if q.mark and q.mark != ";"]
        for question in marked:
            lines.append(t(_MARK_HELP[question.mark or ""], label=_name(question)))
        if marked:
            lines.append(t("wizard.help_complete"))
        if part.example:
            lines.append(t("wizard.help_example", example=str(part.example)))
        if answer_type(part.questions[0]).multiline or positional:
            lines.append(t("wizard.help_paste"))
        return lines

    def nsob_figure(self) -> list[str]:
        """The NSOB model as a 2×2 figure from the vocabulary, and which quadrants are
        neighbours (may be chosen together)."""
        vocabulary = self.grammar.vocabulary
        keys = list(vocabulary.quadrants)
        cells = {(q.steering, q.focus): f"{keys.index(k) + 1} {vocabulary.label('quadrants', k)}"
                 for k, q in vocabulary.quadrants.items()}
        columns = list(vocabulary.axes.steering)
        rows = list(vocabulary.axes.focus)
        heads = [str(vocabulary.axes.focus[row].label) for row in rows]
        first = max(len(head) for head in heads) + 2
        width = max(max(len(cell) for cell in cells.values()),
                    *(len(str(vocabulary.axes.steering[c].label)) for c in columns)) + 2
        lines = [" " * first + "".join(str(vocabulary.axes.steering[c].label).ljust(width)
                                       for c in columns).rstrip()]
        for row, head in zip(rows, heads, strict=True):
            lines.append(head.ljust(first) + "".join(cells.get((c, row), "").ljust(width)
                                                     for c in columns).rstrip())
        pairs = list(itertools.combinations(keys, 2))
        near = [f"{vocabulary.short_label('quadrants', a)}–{vocabulary.short_label('quadrants', b)}"
                for a, b in pairs if vocabulary.adjacent(a, b)]
        far = [f"{vocabulary.short_label('quadrants', a)}–{vocabulary.short_label('quadrants', b)}"
               for a, b in pairs if not vocabulary.adjacent(a, b)]
        lines.append(t("wizard.help_neighbours", near=", ".join(near), far=", ".join(far)))
        return lines

    def earlier_lines(self) -> list[str]:
        return [f"{n}. {_when(item)}: {visible(item.question, one_line=True, limit=100)}"
                for n, item in enumerate(self.grammar.earlier(), 1)]


def _when(item: EarlierFollowUp) -> str:
    if item.session_number:
        return t("wizard.meeting_number", number=item.session_number, date=item.date)
    return item.date
