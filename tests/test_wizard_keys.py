"""The quick path, measured: the Cornelis Musius meeting typed in from its keystrokes.

`templates/examples/cornelis-musius.keys` holds every answer a facilitator types (one
line per question answered); fed to `evaltool new-session --interactive` it gives the
bundled example session, but for the ids evaltool makes up. The target of issue 10 is
at most 90 answers for this seven-person meeting (the field-by-field path needs 276).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, Invoke
from evaltool.session.models import Session
from evaltool.session.store import load_session

KEYS = REPO / "templates" / "examples" / "cornelis-musius.keys"
TARGET = 90


def keystrokes(path: Path = KEYS) -> list[str]:
    """The answers in a keys file: every line but the comments (an empty line is Enter)."""
    lines = [line for line in path.read_text(encoding="utf-8").split("\n")
             if not line.startswith("#")]
    if lines and lines[-1] == "":
        lines.pop()  # the file's own last line break
    return lines


def by_position(found: Session, wanted: Session) -> Session:
    """`found` with the ids of `wanted`, matched by their order, references following."""
    names: dict[str, str] = {}

    def renamed(mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
        assert len(mine) == len(theirs)
        names.update(zip(mine, theirs, strict=True))
        return dict(zip(theirs, mine.values(), strict=True))

    people = renamed(found.participants, wanted.participants)
    findings = {ident: finding.model_copy(update={"by": names.get(finding.by or "")})
                if finding.by else finding
                for ident, finding in renamed(found.findings, wanted.findings).items()}
    follow_ups = renamed(found.follow_ups, wanted.follow_ups)
    return found.model_copy(update={"participants": people, "findings": findings,
                                    "follow_ups": follow_ups})


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_musius_keys_give_the_example_session_in_at_most_90_answers(
        cli: Invoke, here: Path, example: Path,
        language: str) -> None:
    answers = keystrokes()
    assert len(answers) <= TARGET
    result = cli("--lang", language, "new-session", "--interactive",
                 input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    saved = load_session(here / "sessions" / example.name)
    expected = load_session(example)
    assert saved.status == "draft"
    assert by_position(saved, expected).model_copy(update={"status": "final"}) == expected
    assert list((here / "sessions" / ".drafts").glob("*.yaml")) == []


def test_every_answer_in_the_keys_file_was_asked_for(
        cli: Invoke, here: Path) -> None:
    """No answer is left over, none is missing: the last one is the review's Enter."""
    answers = keystrokes()
    result = cli("--lang", "nl", "new-session", "--interactive",
                 input="\n".join(answers[:-1]) + "\n")
    assert result.exit_code == 130  # the review still waits for its Enter
    assert "Enter om te bewaren" in result.stdout
