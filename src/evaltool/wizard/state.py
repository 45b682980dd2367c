"""What the wizard keeps while it runs (a draft holds just this), and what it knows of the route."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from evaltool.i18n.folding import fold


@dataclass
class WizardState:
    """Everything needed to continue: what a draft holds."""

    template: str
    position: int = 0
    data: dict[str, Any] = field(default_factory=dict)
    answers: list[tuple[str, str]] = field(default_factory=list)
    reviewing: bool = False
    """The current step was opened from the review: go back there when it is done."""
    held: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Answers of a step left with `<` before it was done: given again when it is back."""
    left: list[str] = field(default_factory=list)
    """Likely names of people asked about in the steps done and left as they are: not
    asked about again (`evaltool.wizard.mentions`)."""

    def is_empty(self) -> bool:
        """Nothing typed yet: such a draft is not worth keeping."""
        return not (self.data or self.answers or any(self.held.values()))


@dataclass(frozen=True)
class EarlierFollowUp:
    """An open follow-up of an earlier session, as shown at the start of a new one."""

    ref: str
    session_id: str
    date: str
    learning_route: str | None
    question: str
    owner: str | None
    session_number: int | None = None


@dataclass(frozen=True)
class EarlierSession:
    """What a new session takes over from an earlier one: its place in the route and the
    side each organisation was on."""

    id: str
    date: str
    learning_route: str | None
    session_number: int | None
    sides: tuple[tuple[str, str], ...] = ()
    """(organisation, affiliation) of its participants."""


@dataclass(frozen=True)
class Route:
    """The sessions in the folder, as far as the wizard needs them."""

    sessions: tuple[EarlierSession, ...] = ()
    follow_ups: tuple[EarlierFollowUp, ...] = ()

    def open_for(self, data: dict[str, Any]) -> list[EarlierFollowUp]:
        """The open follow-ups of earlier sessions of the learning route of the session
        `data`."""
        casus = data.get("casus") or {}
        route = fold(casus.get("learning_route") or "")
        date = str(casus.get("date") or "9999-12-31")
        own = data.get("id")
        return [item for item in self.follow_ups
                if fold(item.learning_route or "") == route and item.date <= date
                and item.session_id != own]

    def next_meeting(self, data: dict[str, Any]) -> str | None:
        """The number after the last meeting of this learning route before the session
        `data` (1 for the first)."""
        casus = data.get("casus") or {}
        route = fold(casus.get("learning_route") or "")
        if not route:
            return None
        date = str(casus.get("date") or "9999-12-31")
        earlier = [s for s in self.sessions if fold(s.learning_route or "") == route
                   and s.date <= date and s.id != data.get("id")]
        numbers = [s.session_number for s in earlier if s.session_number]
        return str(max(numbers, default=len(earlier)) + 1)
