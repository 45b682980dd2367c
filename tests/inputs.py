"""What tests give evaltool, built in one place: the learning route, the example session with
changes stated as data, text edits that fail when their anchor is missing, and answers
typed at the wizard's prompts.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from evaltool.session import store
from evaltool.session.models import session_data, validate_session

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "sessions" / "2021-01-28-casus-cornelis-musius.yaml"

ROUTE = REPO / "tests" / "fixtures" / "route"
"""A learning route of three meetings, in date order: Cornelis Musius (follow-ups fu-1 to
fu-4); Groen schoolplein (continues the first's fu-4, has its own fu-1); Zonnedaken scholen
(continues the first's fu-1 and the second's fu-1)."""
ROUTE_FILES = sorted(ROUTE.glob("*.yaml"))


def copy_route(folder: Path) -> Path:
    """The route's sessions copied into `folder` (made when missing), to be changed there."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in ROUTE_FILES:
        shutil.copyfile(source, folder / source.name)
    return folder


def copy_example(folder: Path) -> Path:
    """The example session copied into `folder` (made when missing); its new path."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / EXAMPLE.name
    shutil.copyfile(EXAMPLE, copy)
    return copy


# --- text edits, for text that is meant to be odd -----------------------------------------


def edited(text: str, *changes: tuple[str, str], every: bool = False,
           first: bool = False) -> str:
    """`text` with each change `(old, new)` made in turn.

    Each `old` must be in the text exactly once, or, said so, at least once with `every`
    (each one changes) or `first` (the first one changes): an edit whose anchor is missing
    changes nothing, and a test would pass on the unchanged text for the wrong reason; an
    anchor found twice may change the wrong place."""
    for old, new in changes:
        found = text.count(old)
        assert found == 1 or (found > 1 and (every or first)), \
            f"the edit's anchor {old!r} is in the text {found} times, not once"
        text = text.replace(old, new, 1 if first else -1)
    return text


def edit_file(path: Path | str, *changes: tuple[str, str], every: bool = False,
              first: bool = False) -> Path:
    """The file at `path` edited in place as `edited` does; its path."""
    path = Path(path)
    path.write_text(edited(path.read_text(encoding="utf-8"), *changes, every=every,
                           first=first), encoding="utf-8")
    return path


# --- sessions changed as data, written as evaltool writes them ------------------------------

def session_text(changes: Mapping[str, Any] | None = None, *, source: Path = EXAMPLE) -> str:
    """The session in `source` with `changes`, written by evaltool's own writer (its
    comments kept).

    Each change is a dotted path (`casus.title`, `participants.subsidieadviseur.function`,
    `casus.sdgs.0.note`, `findings.geheim` for a new entry) and its new value, as a file
    would hold it (text, or mappings and lists of text). All but the last name of a path
    must be there already, and the result must be a valid session: a mistyped path fails
    the test, it never goes unnoticed."""
    editable = store.open_for_edit(source)
    data = session_data(editable.session)
    for dotted, value in (changes or {}).items():
        *parents, last = dotted.split(".")
        place: Any = data
        for name in parents:
            place = _step(place, name, dotted)
        if isinstance(place, list):
            place[int(last)] = value
        else:
            place[last] = value
    session = validate_session(data)
    return store.updated_text(editable.text, session, source)


def write_session(target: Path, changes: Mapping[str, Any] | None = None, *,
                  source: Path = EXAMPLE) -> Path:
    """`session_text(changes, source=source)` written to `target` (its folder made); `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(session_text(changes, source=source), encoding="utf-8")
    return target


def _step(place: Any, name: str, dotted: str) -> Any:
    if isinstance(place, list):
        assert name.isdigit() and int(name) < len(place), f"{dotted}: no item {name}"
        return place[int(name)]
    assert isinstance(place, dict) and name in place, f"{dotted}: nothing called {name!r}"
    return place[name]


# --- answers typed at the wizard's prompts --------------------------------------------------

Turn = tuple[str, str]
"""(what the prompt says, or a part of it; what is typed there)."""


def typed_lines(turns: Sequence[Turn]) -> str:
    """The input a terminal sends for these answers: each one, then Enter."""
    return "".join(f"{text}\n" for _, text in turns)


def check_prompts(asked: Sequence[str], turns: Sequence[Turn], *, unread: int = 0) -> None:
    """Each answer was read at the prompt its turn names, and all were read but the last
    `unread` (a run that stops before them)."""
    shown = [*asked, *[""] * (len(turns) - len(asked))]
    rows = [f"{'✗' if prompt not in shown[n - 1] else ' '}{n:>3}. expected {prompt!r:40} "
            f"typed {text!r:25} asked {shown[n - 1] or '(nothing)'!r}"
            for n, (prompt, text) in enumerate(turns, 1)]
    table = "\n".join(rows + [f"   +. asked {extra!r}" for extra in asked[len(turns):]])
    assert len(asked) == len(turns) - unread, \
        f"{len(asked)} answers read, {len(turns) - unread} expected:\n{table}"
    assert all(prompt in label for (prompt, _), label in zip(turns, asked, strict=False)), \
        f"an answer went to another prompt:\n{table}"
