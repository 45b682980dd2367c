"""`evaltool fmt`: canonical files, comments kept, idempotent, --check for CI, invalid files
reported and never rewritten."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import Invoke
from evaltool.session.store import dump_session, load_session
from inputs import edited

# A valid session written by hand: keys out of order, odd indentation, defaults spelled
# out, quotes that are not needed, and comments in many places.
HAND_WRITTEN = """\
# Sessie van 12 maart: nog aan te vullen door de toehoorder.
schema_version: 1
status: draft   # wordt final na de terugkoppeling
id: 2021-03-12-casus-test
casus:
  date: 2021-03-12
  # de titel is voorlopig
  title: "Casus Test"
participants:
  gespreksleider:
    session_role: facilitator
    function: Gespreksleider   # extern ingehuurd
    attendance: present
    roles:
    - role: adviser
      orientation: city
      usual: true # altijd al zo
  wethouder:
    # komt misschien later
    function: Wethouder
findings:
  vertrouwen:
    text: Er was vertrouwen.
    kind: success_factor
    confidential: false
    tags: [vertrouwen, draagvlak]
follow_ups:
  fu-1:
    question: Hoe verder?
    status: open
# einde van het bestand: hier komt de reflectie
"""

COMMENTS = [
    "# Sessie van 12 maart: nog aan te vullen door de toehoorder.",
    "# wordt final na de terugkoppeling",
    "# de titel is voorlopig",
    "# extern ingehuurd",
    "# altijd al zo",
    "# komt misschien later",
    "# einde van het bestand: hier komt de reflectie",
]


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


@pytest.fixture
def hand_written(tmp_path: Path) -> Path:
    path = tmp_path / "sessions" / "2021-03-12-casus-test.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    return path


def test_fmt_rewrites_into_canonical_form_and_keeps_every_comment(
        cli: Invoke, hand_written: Path) -> None:
    before = load_session(hand_written)
    result = cli("fmt", hand_written)
    assert result.exit_code == 0, result.output
    assert f"reformatted {hand_written}" in result.stdout
    text = hand_written.read_text(encoding="utf-8")
    for comment in COMMENTS:
        assert comment in text, comment
    # The same session, in the store's order and style.
    assert load_session(hand_written) == before
    assert text.index("id: 2021-03-12") < text.index("status: draft")
    assert text.index("title: Casus Test") < text.index("date: 2021-03-12")
    assert "attendance: present" not in text and "confidential" not in text
    # Without the comments, it is exactly what the store writes for this session.
    bare = "\n".join(line.split(" #")[0].rstrip() for line in text.splitlines()
                     if not line.lstrip().startswith("#") or "yaml-language-server" in line)
    assert bare + "\n" == dump_session(before)


def test_fmt_is_idempotent(cli: Invoke, hand_written: Path) -> None:
    assert cli("fmt", hand_written).exit_code == 0
    once = hand_written.read_bytes()
    again = cli("fmt", hand_written)
    assert again.exit_code == 0
    assert "reformatted" not in again.stdout
    assert "0 reformatted, 1 unchanged" in again.stderr
    assert hand_written.read_bytes() == once
    assert cli("fmt", "--check", hand_written).exit_code == 0


def test_fmt_leaves_the_canonical_example_alone(cli: Invoke, example_copy: Path) -> None:
    before = example_copy.read_bytes()
    result = cli("fmt", "--check", example_copy)
    assert result.exit_code == 0, result.output
    assert example_copy.read_bytes() == before


def test_check_lists_the_files_that_would_change_and_changes_nothing(
        cli: Invoke, example_copy: Path, hand_written: Path) -> None:
    before = hand_written.read_bytes()
    result = cli("fmt", "--check", hand_written.parent)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"would reformat {hand_written}"]
    assert "2 files: 1 would be reformatted, 1 unchanged, 0 invalid" in result.stderr
    assert hand_written.read_bytes() == before


def test_fmt_takes_the_sessions_folder_by_default(
        cli: Invoke, hand_written: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(hand_written.parent.parent)
    result = cli("fmt", "--check")
    assert result.exit_code == 1
    assert "would reformat sessions/2021-03-12-casus-test.yaml" in result.stdout


def test_invalid_files_are_reported_and_never_rewritten(
        cli: Invoke, hand_written: Path) -> None:
    broken = hand_written.parent / "broken.yaml"
    broken.write_text(edited(HAND_WRITTEN, ("status: open", "status: half")), encoding="utf-8")
    conflicted = hand_written.parent / "conflicted.yaml"
    conflicted.write_text(edited(HAND_WRITTEN, (
        "    status: open\n", "<<<<<<< HEAD\n    status: open\n=======\n"
        "    status: done\n>>>>>>> branch\n")), encoding="utf-8")
    originals = {path: path.read_bytes() for path in (broken, conflicted)}
    result = cli("fmt", hand_written.parent)
    assert result.exit_code == 1
    line = _line_of(broken, "status: half")
    assert f"error: {broken}:{line}:13: follow_ups.fu-1.status: 'half' is not a" in result.stderr
    line = _line_of(conflicted, "<<<<<<<")
    assert f"error: {conflicted}:{line}:1: unresolved git conflict marker <<<<<<<" \
        in result.stderr
    assert "3 files: 1 reformatted, 0 unchanged, 2 invalid" in result.stderr
    for path, content in originals.items():
        assert path.read_bytes() == content


def test_a_comment_whose_entry_goes_moves_to_the_next_entry(cli: Invoke,
                                                            hand_written: Path) -> None:
    # The comment stands below a default value that canonical form leaves out, first in
    # its mapping: it belongs to the entry below it, which stays.
    text = edited(HAND_WRITTEN, ("    question: Hoe verder?\n    status: open\n",
                                 "    status: open\n    # nog bespreken\n"
                                 "    question: Hoe verder?\n"))
    hand_written.write_text(text, encoding="utf-8")
    result = cli("fmt", hand_written)
    assert result.exit_code == 0, result.output
    formatted = hand_written.read_text(encoding="utf-8")
    assert "  fu-1:\n    # nog bespreken\n    question: Hoe verder?\n" in formatted
    assert "status: open" not in formatted


def test_a_default_with_a_comment_on_its_line_stays(cli: Invoke, hand_written: Path) -> None:
    """Canonical form leaves defaults out, but not one someone wrote a comment on."""
    text = edited(HAND_WRITTEN, ("    question: Hoe verder?\n    status: open\n",
                                 "    status: open  # nog bespreken\n    question: Hoe verder?\n"))
    hand_written.write_text(text, encoding="utf-8")
    before = load_session(hand_written)
    assert cli("fmt", hand_written).exit_code == 0
    formatted = hand_written.read_text(encoding="utf-8")
    assert "\n    status: open  # nog bespreken\n" in formatted
    assert "attendance: present" not in formatted  # a default without a comment goes
    assert load_session(hand_written) == before
    assert cli("fmt", "--check", hand_written).exit_code == 0


def test_fmt_keeps_the_file_mode(cli: Invoke, hand_written: Path) -> None:
    os.chmod(hand_written, 0o600)
    assert cli("fmt", hand_written).exit_code == 0
    assert hand_written.stat().st_mode & 0o777 == 0o600


def test_fmt_without_files_says_so(cli: Invoke, tmp_path: Path) -> None:
    result = cli("fmt", tmp_path)
    assert result.exit_code == 1
    assert f"error: no session files found in {tmp_path}" in result.stderr


def test_fmt_speaks_dutch(cli: Invoke, hand_written: Path) -> None:
    result = cli("--lang", "nl", "fmt", "--check", hand_written)
    assert result.exit_code == 1
    assert f"zou {hand_written} herschrijven" in result.stdout


def test_a_file_name_cannot_steer_the_terminal(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "sessie\x1b[31m.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    result = cli("fmt", "--check", path)
    assert result.exit_code == 1
    assert "sessie⟨U+001B⟩[31m.yaml" in result.stdout and "\x1b" not in result.stdout


def test_comments_that_close_the_file_stay_at_its_end(cli: Invoke, tmp_path: Path) -> None:
    """They belong to no entry: reordering the keys above them must not move them."""
    path = tmp_path / "end.yaml"
    path.write_text("schema_version: 1\nid: end\nstatus: draft\nfollow_ups:\n  fu-1:\n"
                    "    question: Q?\ncasus:\n  title: T\n  date: 2021-01-01\n\n"
                    "# Einde van het bestand\n# tweede regel\n", encoding="utf-8")
    assert cli("fmt", path).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert text.endswith("    question: Q?\n\n# Einde van het bestand\n# tweede regel\n")
    assert text.index("casus:") < text.index("follow_ups:")
    assert cli("fmt", "--check", path).exit_code == 0


def test_edit_keeps_the_comments_that_close_the_file(tmp_path: Path) -> None:
    from evaltool.session.store import open_for_edit, save_session

    path = tmp_path / "end.yaml"
    path.write_text("schema_version: 1\nid: end\nstatus: draft\ncasus:\n  title: T\n"
                    "  date: 2021-01-01\n# Einde\n", encoding="utf-8")
    editable = open_for_edit(path)
    editable.session.reflection = "Nagekomen."
    save_session(editable.session, path, original=editable)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("reflection: Nagekomen.\n# Einde\n")
