"""What `evaltool git-setup` and `evaltool init` write into a learning route's folder.

`git-setup`: a `.gitattributes` rule and the local git config for it. Session files get
`diff=evaltool merge=evaltool`. The local config then says what
those mean: `diff.evaltool.command` (the semantic diff, for `git diff`),
`diff.evaltool.textconv` (one line per fact, for `git log -p` and `git show`, which do
not run external diff commands by default) and `merge.evaltool.driver` (a 3-way merge
by id). The commands name this Python interpreter, so they work from a virtual
environment that is not on PATH. Everything is idempotent.

`init` (`prepare`): `sessions/` for the session files, the JSON Schema that the first
line of every session file points editors to, a short README for the team in the user's
language, and, in a git repository (or with `git=True`, after `git init`), what
`git-setup` writes. Preparing never overwrites: what is there already stays as it is,
and the report says so.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from evaltool.errors import EvaltoolError, UsageError, WriteError
from evaltool.fs.atomic import atomic_write
from evaltool.session.schema import session_schema_json
from evaltool.session.workspace import SESSIONS, SUFFIX
from evaltool.session.yamlwriter import SCHEMA_MODELINE

DRIVER = "evaltool"
ATTRIBUTES = f"diff={DRIVER} merge={DRIVER}"
COMMENT = "# evaltool: semantic diff and merge of session files (written by evaltool git-setup)"


README = "README.md"


@dataclass
class SetupReport:
    """What was done, as (message key, parameters) pairs for the command to print."""

    steps: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    pattern: str = ""

    def add(self, key: str, **params: str) -> None:
        self.steps.append((key, params))


def evaltool_command() -> str:
    """How git should start this evaltool: this interpreter, `-m evaltool`."""
    return shlex.join([sys.executable, "-m", "evaltool"])


def git_config(command: str) -> dict[str, str]:
    return {
        f"diff.{DRIVER}.command": f"{command} git-diff-driver",
        f"diff.{DRIVER}.textconv": f"{command} git-textconv",
        f"merge.{DRIVER}.name": "evaltool: merge session files by id",
        f"merge.{DRIVER}.driver": f"{command} git-merge-driver %O %A %B %L %P",
    }


def run_git(args: list[str], cwd: Path, *, check: bool = True) -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                                check=False)
    except OSError:
        raise EvaltoolError.at("git.git_missing", hint="git.git_missing_hint") from None
    if check and result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ["exit code " + str(result.returncode)])
        raise EvaltoolError.at("git.git_failed", hint="git.git_failed_hint",
                               command=args[0], reason=reason[-1])
    return result


def repository_root(cwd: Path) -> Path:
    result = run_git(["rev-parse", "--show-toplevel"], cwd, check=False)
    if result.returncode != 0:
        raise UsageError.at("git.not_a_repository", path=cwd, hint="git.not_a_repository_hint")
    return Path(result.stdout.strip())


def attribute_pattern(root: Path, sessions_dir: Path) -> str:
    folder = sessions_dir if sessions_dir.is_absolute() else Path.cwd() / sessions_dir
    try:
        relative = folder.resolve().relative_to(root.resolve())
    except ValueError:
        raise UsageError.at("git.sessions_outside", hint="git.sessions_outside_hint",
                            path=str(sessions_dir), root=str(root)) from None
    prefix = relative.as_posix()
    prefix = "" if prefix == "." else prefix.replace(" ", "[[:space:]]") + "/"
    return f"{prefix}**/*{SUFFIX}"


def update_attributes(text: str, pattern: str) -> tuple[str, str]:
    """The new `.gitattributes` text and what happened: added, replaced or kept."""
    wanted = f"{pattern} {ATTRIBUTES}"
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.strip() == wanted:
            return text, "kept"
        if line.split()[:1] == [pattern]:
            lines[index] = wanted
            return "\n".join(lines) + "\n", "replaced"
    block = ([""] if lines and lines[-1].strip() else []) + [COMMENT, wanted]
    return "\n".join(lines + block).lstrip("\n") + "\n", "added"


def set_up(cwd: Path, sessions_dir: Path, command: str | None = None) -> SetupReport:
    """Write the attribute rule and the local git config; say what was done."""
    root = repository_root(cwd)
    report = SetupReport(pattern=attribute_pattern(root, sessions_dir))
    attributes = root / ".gitattributes"
    old = attributes.read_text(encoding="utf-8") if attributes.is_file() else ""
    new, what = update_attributes(old, report.pattern)
    if new != old:
        atomic_write(attributes, new.encode("utf-8"))
    line = f"{report.pattern} {ATTRIBUTES}"
    report.steps.append(("git." + f"setup_{what}", {"file": ".gitattributes", "line": line}))
    report.steps.append(write_schema(root, sessions_dir))
    for key, value in git_config(command or evaltool_command()).items():
        current = run_git(["config", "--local", "--get", key], root, check=False)
        if current.returncode == 0 and current.stdout.rstrip("\n") == value:
            report.steps.append(("git.setup_same", {"key": key}))
            continue
        run_git(["config", "--local", key, value], root)
        report.steps.append(("git.setup_set", {"key": key, "value": value}))
    return report


def write_schema(root: Path, sessions_dir: Path) -> tuple[str, dict[str, str]]:
    """The JSON Schema where the modeline of session files points, so editors find it
    (shown relative to `root`)."""
    folder = sessions_dir if sessions_dir.is_absolute() else Path.cwd() / sessions_dir
    target = (folder / SCHEMA_MODELINE.split("$schema=", 1)[1]).resolve()
    shown = os.path.relpath(target, root)
    wanted = session_schema_json()
    if target.is_file() and target.read_text(encoding="utf-8") == wanted:
        return "git.setup_kept", {"file": shown, "line": "evaltool schema"}
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, wanted.encode("utf-8"))
    return "git.setup_schema", {"file": shown}


# --- evaltool init ---------------------------------------------------------------------


def prepare(folder: Path, *, git: bool, readme: str) -> SetupReport:
    """Make `folder` ready for a learning route; `readme` is the team's README text."""
    report = SetupReport()
    sessions = folder / SESSIONS
    for path, made, kept in ((folder, "start.made_folder", None),
                             (sessions, "start.made_sessions", "start.kept_sessions")):
        if path.exists() and not path.is_dir():
            raise WriteError.at("start.not_a_folder", path=path, hint="start.not_a_folder_hint")
        if path.is_dir():
            if kept:
                report.add(kept, path=str(path))
            continue
        try:
            path.mkdir(parents=True)
        except OSError as error:
            raise WriteError.at("store.cannot_write", path=path, hint="store.cannot_write_hint",
                                reason=error.strerror or str(error)) from None
        report.add(made, path=str(path))
    _write_readme(folder / README, readme, report)
    in_git = _in_repository(folder)
    if not in_git and git:
        run_git(["init", "--quiet"], folder)
        report.add("start.git_init", path=str(folder))
        in_git = True
    if in_git:
        done = set_up(folder, sessions.resolve())
        report.steps += done.steps
        report.add("git.setup_done", pattern=done.pattern)
    else:
        key, params = write_schema(folder, sessions.resolve())
        report.steps.append((key, params))
        report.add("start.no_git")
    return report


def _write_readme(path: Path, text: str, report: SetupReport) -> None:
    if not path.exists():
        try:
            atomic_write(path, (text.rstrip("\n") + "\n").encode("utf-8"), exclusive=True)
        except WriteError as error:
            if error.problems[0].key != "store.exists":
                raise
        else:
            report.add("start.wrote_readme", path=str(path))
            return
    report.add("start.kept_readme", path=str(path))


def _in_repository(folder: Path) -> bool:
    try:
        repository_root(folder)
    except EvaltoolError as error:  # no repository, or no git to ask
        if error.problems[0].key in ("git.not_a_repository", "git.git_missing"):
            return False
        raise
    return True
