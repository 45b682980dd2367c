"""What a kind of part is: the one place the wizard, the template and the review ask it.

A kind owns how its part is asked (`ask`), how what it holds is typed in again
(`turns`: the guided path, question by question, each answer at its prompt), how it is
shown in the review
(`review`) and what it still needs before a session may be final (`missing`). The rest
are traits with a default: where its answers go, which keys of an answers file it reads,
whether a template must name its entries, whether it only shows with earlier follow-ups.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard
    from evaltool.wizard.template import Part, Question, Step

Turn = tuple[str, str]
"""A prompt, and what a person types at it."""
AnswerTurns = Callable[["Question", dict[str, Any], "str | None"], list[Turn]]
"""What is typed for one question of an entry: (the question, the entry, its id) → turns
(none for a question that is not asked)."""


class PartKind:
    """A kind of part of a step (`kind:` in a template)."""

    needs_label: ClassVar[bool] = False
    """A part of this kind names its entries (`label:`, for the questions and the review)."""
    only_with_earlier: ClassVar[bool] = False
    """Shown only when earlier sessions of the learning route left follow-ups open."""

    def target(self, part: Part) -> str:
        """Where its questions' answers go (`casus`, `participants.roles`)."""
        return part.target

    def answer_names(self, part: Part) -> list[str]:
        """The top-level keys of an answers file it reads."""
        return [part.name]

    def ask(self, wizard: Wizard, part: Part, work: dict[str, Any]) -> None:
        """Ask the part, changing the step's data `work`."""
        raise NotImplementedError

    def turns(self, part: Part, data: dict[str, Any], answer: AnswerTurns) -> list[Turn]:
        """What is typed to enter what the session `data` holds for this part, question
        by question in a session started from scratch, each at its prompt; `answer` gives
        the turns of one answer."""
        raise NotImplementedError

    def review(self, wizard: Wizard, step: Step, part: Part, data: dict[str, Any]) -> list[str]:
        """What it holds in the session `data`, as plain lines of the review."""
        raise NotImplementedError

    def missing(self, part: Part, data: dict[str, Any]) -> list[str]:
        """What it still needs before the session may be final."""
        return []

    def count(self, part: Part, data: dict[str, Any]) -> int | None:
        """How many entries it holds; None when it holds no list."""
        return None
