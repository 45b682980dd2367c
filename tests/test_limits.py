"""Honest limits: what is left out is counted, every limit is in the docs, and a file
that cannot be read gets evaltool's own message from every command."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLE, REPO, Invoke
from evaltool.session import models, store
from evaltool.session import yamlreader as yamlsafe
from inputs import edited

GOOD = EXAMPLE.read_text(encoding="utf-8")


def with_bad_findings(count: int) -> str:
    """The example with `count` more findings, each of a kind that does not exist."""
    extra = "".join(f"  bad-{n}:\n    kind: nope\n    text: Fout {n}.\n" for n in range(count))
    return edited(GOOD, ("findings:\n", "findings:\n" + extra))


@pytest.mark.parametrize("count", [1, store.MAX_PROBLEMS - 1, store.MAX_PROBLEMS,
                                   store.MAX_PROBLEMS + 1, 3 * store.MAX_PROBLEMS])
def test_problems_past_the_limit_are_counted(cli: Invoke, tmp_path: Path, count: int) -> None:
    path = tmp_path / EXAMPLE.name
    path.write_text(with_bad_findings(count), encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    placed = [line for line in errors if re.match(rf"error: {re.escape(str(path))}:\d+:\d+: ",
                                                  line)]
    assert len(placed) == min(count, store.MAX_PROBLEMS)
    if count > store.MAX_PROBLEMS:
        extra = count - store.MAX_PROBLEMS
        noun = "problem" if extra == 1 else "problems"
        assert errors[-1] == (
            f"error: {path}: … and {extra} more {noun}: only the "
            f"first {store.MAX_PROBLEMS} are shown — fix these, then run the command again to "
            "see the rest")
    else:
        assert len(errors) == count


@pytest.mark.parametrize(("field", "line", "limit"), [
    ("  plan: ", "  plan: De droom", models.MAX_TEXT),
    ("  title: ", "  title: Casus Cornelis Musius", models.MAX_LINE),
])
@pytest.mark.parametrize("over", [0, 1])
def test_the_length_limits_of_text(cli: Invoke, tmp_path: Path, field: str, line: str,
                                   limit: int, over: int) -> None:
    start = GOOD.index(line)
    end = GOOD.index("\n", start)
    path = tmp_path / EXAMPLE.name
    path.write_text(GOOD[:start] + field + "x" * (limit + over) + GOOD[end:], encoding="utf-8")
    result = cli("validate", path)
    if not over:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1
    assert f"is too long (at most {limit} characters) — shorten it" in result.stderr


def test_the_docs_name_every_limit() -> None:
    """The size cap, the nesting depth, the lengths of text and the problems shown."""
    page = REPO.joinpath("docs", "file-format.md").read_text(encoding="utf-8")
    section = page[page.index("## Limits\n\n") + len("## Limits\n\n"):]
    section = section[:section.index("\n\n")]
    assert f"{yamlsafe.MAX_BYTES // (1024 * 1024)} MiB" in section
    assert f"{yamlsafe.MAX_DEPTH} levels" in section
    assert f"{models.MAX_TEXT:,} characters" in section
    assert f"{models.MAX_LINE} characters" in section
    assert f"first {store.MAX_PROBLEMS} problems" in section


# --- a file that cannot be read ---------------------------------------------------------------

COMMANDS = [["summarize"], ["validate"], ["fmt"], ["fmt", "--check"], ["diff", EXAMPLE],
            ["finalize"], ["edit", "--step", "plan"], ["summarize", "-f", "json"]]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(map(str, c)) for c in COMMANDS])
def test_a_file_that_cannot_be_read_gets_evaltools_message(
        cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        command: list[Any]) -> None:
    path = tmp_path / EXAMPLE.name
    path.write_text(GOOD, encoding="utf-8")
    # What a user without read permission meets (the tests may run as root, who reads all).
    real_access, real_open = os.access, os.open

    def access(name: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        return False if os.fspath(name) == str(path) else real_access(name, mode, *args,
                                                                       **kwargs)

    def opener(name: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(name) == str(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(name))
        fd: int = real_open(name, flags, *args, **kwargs)
        return fd

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "open", opener)
    result = cli(*command, path)
    expected = 2 if command[0] == "diff" else 1  # diff's own code for trouble, as diff(1)
    assert result.exit_code == expected, result.output
    assert f"error: {path}: cannot be read: Permission denied" in result.stderr
    assert "Usage:" not in result.output
