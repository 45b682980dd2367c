"""The store: round trips, deterministic bytes, comments kept, atomic writes."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from evaltool.errors import WriteError
from evaltool.session import store
from evaltool.session.models import Participant, RoleInstance, Session
from strategies import sessions


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_any_valid_session_survives_yaml(tmp_path_factory: pytest.TempPathFactory,
                                         session: Session) -> None:
    text = store.dump_session(session)
    path = tmp_path_factory.mktemp("rt") / "session.yaml"
    assert store.parse_session_text(text, path) == session
    path.write_text(text, encoding="utf-8")
    assert store.load_session(path) == session
    # The editing path reads the same and, unchanged, writes the same bytes.
    editable = store.open_for_edit(path)
    assert editable.session == session
    store.save_session(editable.session, path, original=editable)
    assert path.read_text(encoding="utf-8") == text
    assert store.dump_session(store.load_session(path)) == text


def test_the_example_is_in_canonical_form(example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    assert store.dump_session(store.load_session(example)) == text
    assert store.canonical_text(text, example) == text


def test_saving_twice_gives_identical_bytes(example: Path, tmp_path: Path) -> None:
    session = store.load_session(example)
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    store.save_session(session, first)
    store.save_session(store.load_session(first), second)
    assert first.read_bytes() == second.read_bytes()


def test_long_lines_are_never_folded(example: Path, tmp_path: Path) -> None:
    session = store.load_session(example)
    long = "Een heel lange zin " * 40
    session.casus.plan = long.strip()
    path = tmp_path / "long.yaml"
    store.save_session(session, path)
    assert f"  plan: {long.strip()}\n" in path.read_text(encoding="utf-8")


def test_several_lines_become_a_literal_block(example: Path, tmp_path: Path) -> None:
    session = store.load_session(example)
    session.reflection = "Eerste regel.\nTweede regel."
    path = tmp_path / "block.yaml"
    store.save_session(session, path)
    assert "reflection: |-\n  Eerste regel.\n  Tweede regel.\n" in path.read_text()


COMMENTED = """\
# Evaluatie van de eerste bijeenkomst; besproken met het team op 2 februari.
schema_version: 1
id: commented
vocabulary: delft
status: draft
casus:
  title: Casus met commentaar  # de werktitel
  date: 2021-01-28
participants:
  # De projectleider schoof later aan.
  projectleider:
    function: Projectleider
    roles:
      - role: adviser   # eerst adviseur
        orientation: city
  toehoorder:
    function: Toehoorder
    session_role: listener_reporter
follow_ups:
  fu-1:
    question: Wat nu?  # nog bespreken
"""


def test_comments_survive_load_change_save(tmp_path: Path) -> None:
    path = tmp_path / "commented.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    editable = store.open_for_edit(path)
    session = editable.session
    session.follow_ups["fu-1"].status = "done"
    session.participants["projectleider"].roles.append(
        RoleInstance(role="financier", orientation="internal"))
    session.reflection = "Nagekomen reflectie."
    store.save_session(session, path, original=editable)

    text = path.read_text(encoding="utf-8")
    for comment in ("# Evaluatie van de eerste bijeenkomst; besproken met het team op 2 februari.",
                    "title: Casus met commentaar  # de werktitel",
                    "# De projectleider schoof later aan.",
                    "- role: adviser   # eerst adviseur",
                    "question: Wat nu?  # nog bespreken"):
        assert comment in text
    assert text.startswith(store.SCHEMA_MODELINE + "\n")
    reloaded = store.load_session(path)
    assert reloaded == session
    assert reloaded.follow_ups["fu-1"].status == "done"
    roles = [r.role for r in reloaded.participants["projectleider"].roles]
    assert roles == ["adviser", "financier"]


def test_a_failing_write_keeps_the_old_file(example_copy: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    before = example_copy.read_bytes()
    session = store.load_session(example_copy)
    session.casus.title = "Changed"

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(WriteError) as raised:
        store.save_session(session, example_copy)
    assert "No space left on device" in str(raised.value)
    assert "nothing was changed" in str(raised.value)
    assert example_copy.read_bytes() == before
    assert sorted(p.name for p in example_copy.parent.iterdir()) == [example_copy.name]


def test_writes_keep_the_file_mode(example_copy: Path) -> None:
    example_copy.chmod(0o600)
    store.save_session(store.load_session(example_copy), example_copy)
    assert stat.S_IMODE(example_copy.stat().st_mode) == 0o600


def test_exclusive_write_never_replaces_a_file(example_copy: Path) -> None:
    before = example_copy.read_bytes()
    with pytest.raises(WriteError, match="exists already"):
        store.atomic_write(example_copy, b"other", exclusive=True)
    assert example_copy.read_bytes() == before
    fresh = example_copy.with_name("fresh.yaml")
    store.atomic_write(fresh, b"x: 1\n", exclusive=True, mode=0o600)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600


def test_an_unwritable_folder_is_a_clean_error(example: Path, tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="cannot write"):
        store.save_session(store.load_session(example), tmp_path / "missing" / "x.yaml")


def test_text_any_yaml_reader_could_misread_is_quoted(example: Path, tmp_path: Path) -> None:
    """evaltool reads every value as text, but other tools (PyYAML, older editors) follow
    YAML 1.1, where `no`, `on`, `0123` and `12:30` are not text: they are written quoted."""
    import yaml

    session = store.load_session(example)
    tricky = ["no", "On", "yes", "off", "0123", "12:30", "~", "1e3", "0x1F", "2021-01-28", ".inf"]
    for index, text in enumerate(tricky):
        session.participants[f"p{index}"] = Participant(function=text, department=text)
    session.participants["on"] = Participant(function="Wethouder")
    path = tmp_path / "tricky.yaml"
    store.save_session(session, path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for index, text in enumerate(tricky):
        assert data["participants"][f"p{index}"] == {"function": text, "department": text}
    assert data["participants"]["on"] == {"function": "Wethouder"}
    assert store.load_session(path) == session


def test_the_session_files_of_a_folder(tmp_path: Path) -> None:
    def touch(relative: str) -> None:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("x", encoding="utf-8")

    for relative in ("b.yaml", "a-b.yaml", "a/b.yaml", "a/c/d.yaml", "notes.txt", "B.YAML",
                     ".hidden.yaml", ".git/x.yaml", ".git/.drafts/y.yaml", ".drafts/draft.yaml",
                     "a/.drafts/nested.yaml", "folder.yaml/inside.yaml", "elsewhere/e.yaml"):
        touch(relative)
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "gone.yaml")
    (tmp_path / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)

    def found(drafts: bool) -> list[str]:
        return [str(p.relative_to(tmp_path))
                for p in store.iter_session_files([tmp_path], drafts=drafts)]

    # Part by part, as paths sort: the folder `a` before the file `a-b.yaml`.
    assert found(False) == ["a/b.yaml", "a/c/d.yaml", "a-b.yaml", "b.yaml", "dangling.yaml",
                            "elsewhere/e.yaml", "folder.yaml/inside.yaml", "pipe.yaml"]
    assert found(True) == [".drafts/draft.yaml", "a/.drafts/nested.yaml", "a/b.yaml",
                           "a/c/d.yaml", "a-b.yaml", "b.yaml", "dangling.yaml",
                           "elsewhere/e.yaml", "folder.yaml/inside.yaml", "pipe.yaml"]
    named = tmp_path / "notes.txt"
    assert list(store.iter_session_files([named])) == [named]  # named: always taken
