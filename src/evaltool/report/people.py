"""How a report shows the people of a session: by their function, with a letter when two
share one. A leaf that the summary and publication mode (which puts these labels where
names were written) both use."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any


def person_labels(participants: Mapping[str, Any], *, names: bool = False) -> dict[str, str]:
    """How each participant is shown: by function, with a letter when two share one.

    With `names`, a participant who has a name is shown as "Name (function)".
    """
    counts = Counter(p.function for p in participants.values())
    seen: Counter[str] = Counter()
    labels = {}
    for participant_id, participant in participants.items():
        label = participant.function
        if counts[participant.function] > 1:
            seen[participant.function] += 1
            label = f"{label} {_letter(seen[participant.function])}"
        if names and participant.name:
            label = f"{participant.name} ({label})"
        labels[participant_id] = label
    return labels


def _letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
