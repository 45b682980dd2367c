"""The transcripts in the README and docs/, made by evaltool itself, so that the docs never drift.

A fenced block in the Markdown is marked by an HTML comment on the lines right above it
(a comment is not shown when the page is read):

    <!-- transcript -->            each `$ command` line of the block is run, in order, in a
                                   sandbox; what it prints is written below it
    <!-- run -->                   each line of a `sh` block is run; it must succeed
    <!-- write: PATH -->           the block is written to PATH in the sandbox (an example
                                   file that the commands after it use); `append:` adds it
    <!-- not run: KIND — why -->   shown only; KIND is one of NOT_RUN

Every other block of commands (`sh`, `console`, `powershell`, or lines starting `$ `) is
an error: each command shown is run, or says why not. After `transcript` and `run`, YAML
may give:

    sandbox: NAME        blocks with the same name share one folder, in the order of the
                         file (default: the sandbox of the block before, at first one
                         for the file); it is the user's home (~), where files are
                         written too
    setup: |             shell lines run first and not shown (what the story needs)
    keys:                what is typed at the N-th command: a keys file (as
      1: docs/x.keys     templates/examples/cornelis-musius.keys, relative to the
      2: |+              repository) or the lines themselves (`|+` keeps the last
        1                empty lines, each an Enter); `^C` is Ctrl-C
        ^C
    lines: {1: "1-12"}   only these lines of the N-th command's output ("…" between)
    fails: [2]           the commands that may end with a non-zero exit code
    lang: en             the language evaltool speaks (default: nl in handleiding.md, else en)

A command with keys runs in a terminal of sorts: what is typed is echoed after the
question, as a terminal shows it. What differs from run to run is normalised here: the
sandbox's path is `~`, evaltool's Python is that of a pipx install, today is FIXED_TODAY,
and git's object names are made up (a merge commit names the sandbox's path).

    python docs/transcripts.py            # write every transcript anew
    python docs/transcripts.py --check    # list the stale ones (exit 1), as the tests do
    python docs/transcripts.py docs/handleiding.md   # one file
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DUTCH = {"docs/handleiding.md"}
FIXED_TODAY = dt.date(2021, 2, 1)
FIXED_TIME = (10, 15)  # wherever a time of day is shown
PIPX_VENV = "~/.local/share/pipx/venvs/evaltool"
NOT_RUN = {
    "ci": "CI runs it itself (.ci/run)",
    "install": "it installs software on the machine; tried by hand on a fresh one",
    "platform": "it is for another operating system (Windows)",
    "suite": "it runs the test suite or its tools, which the suite runs itself",
    "long": "it takes minutes; a test runs it at a small size",
    "editor": "it opens a program (a browser, an editor) for a person to use",
}
KINDS = r"transcript|run|write|append|not run"
# A marker is a comment that starts a line and ends right above the block's fence.
MARKER = re.compile(
    rf"^ *<!--\s*(?P<kind>{KINDS})\b(?P<rest>(?:(?!-->).)*?)-->\n"
    r"(?P<indent> *)(?P<fence>```[^\n]*)\n(?P<body>.*?)^(?P=indent)```$", re.S | re.M)
MARKED = re.compile(rf"^ *<!--\s*(?:{KINDS})\b", re.M)
FENCE = re.compile(r"^(?P<indent> *)```(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)```$",
                   re.S | re.M)
COMMAND_FENCES = {"sh", "bash", "console", "powershell", "shell", "bat", "cmd"}
GIT_HASH = re.compile(r"\b(?=[0-9a-f]*[0-9])[0-9a-f]{7,40}\b")
# Who commits is not set: a new user's git knows no one, so the docs must say how.
GIT = {"GIT_AUTHOR_DATE": "2021-02-01T10:15:00+01:00",
       "GIT_COMMITTER_DATE": "2021-02-01T10:15:00+01:00"}


def documents() -> list[str]:
    """The README and every page in docs/, as paths from the repository's root."""
    return ["README.md", *sorted(p.relative_to(REPO).as_posix()
                                 for p in (REPO / "docs").glob("*.md"))]


class DocsError(Exception):
    """A marked block that cannot be run as it says."""


# --- reading the Markdown ---------------------------------------------------------------


@dataclass
class Block:
    """One marked fenced block of a Markdown file."""

    path: str
    line: int
    kind: str
    rest: str
    body: str
    """The lines between the fences, without the indent of the fence (in a list item)."""
    indent: str
    start: int
    end: int
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def commands(self) -> list[str]:
        if self.kind == "run":
            return [line for line in self.body.splitlines()
                    if line.strip() and not line.lstrip().startswith("#")]
        return [line[2:] for line in self.body.splitlines() if line.startswith("$ ")]


def blocks(path: str, text: str) -> list[Block]:
    """Every marked block of a Markdown file, in order."""
    found = []
    for match in MARKER.finditer(text):
        indent = match["indent"]
        body = "".join(line.removeprefix(indent)
                       for line in match["body"].splitlines(keepends=True))
        block = Block(path, text.count("\n", 0, match.start("fence")) + 1, match["kind"],
                      match["rest"].strip().removeprefix(":").strip(), body, indent,
                      match.start("body"), match.end("body"))
        if block.kind in ("transcript", "run"):
            block.options = _options(block, match["rest"])
        elif block.kind == "not run" and block.rest.split()[:1] not in [[k] for k in NOT_RUN]:
            raise DocsError(f"{block.where}: 'not run:' says why, one of {', '.join(NOT_RUN)}")
        found.append(block)
    if len(MARKED.findall(text)) != len(found):
        raise DocsError(f"{path}: a marker that is not right above a fenced block")
    return found


def _options(block: Block, raw: str) -> dict[str, Any]:
    import yaml

    try:  # the raw text: a `|+` block of keys keeps its last empty lines (each an Enter)
        options = yaml.safe_load(raw.lstrip().removeprefix(":")) or {}
    except yaml.YAMLError as error:
        raise DocsError(f"{block.where}: the options are not YAML: {error}") from None
    if not isinstance(options, dict):
        raise DocsError(f"{block.where}: the options are a YAML mapping")
    return options


def unmarked(path: str, text: str) -> list[str]:
    """The places of blocks that show commands but say neither how they run nor why not."""
    marked = {block.start for block in blocks(path, text)}
    return [f"{path}:{text.count(chr(10), 0, match.start()) + 1}"
            for match in FENCE.finditer(text)
            if match.start("body") not in marked
            and (match["info"].strip() in COMMAND_FENCES
                 or any(line.lstrip().startswith("$ ") for line in match["body"].splitlines()))]


# --- the sandbox ------------------------------------------------------------------------


class Sandbox:
    """A home folder of its own where a file's commands run, one after the other, as in
    one shell: the folder a command ends in and its exit code (`$?`) carry over."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="evaltool-docs-"))
        self.cwd = self.root
        self.status = 0
        self.bin = self.root / ".bin"
        self.bin.mkdir()
        shim = self.bin / "evaltool"
        shim.write_text(f"#!{sys.executable}\nimport sys\n"
                        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
                        "from transcripts import run_evaltool\nrun_evaltool()\n",
                        encoding="utf-8")
        shim.chmod(0o755)
        (self.root / ".gitconfig").write_text(
            "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n",
            encoding="utf-8")

    def environment(self, language: str) -> dict[str, str]:
        path = [str(self.bin), str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin",
                "/bin"]
        return {"HOME": str(self.root), "PATH": os.pathsep.join(path),
                "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "EVALTOOL_LANG": language,
                "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb", "PYTHONUNBUFFERED": "1",
                "TZ": "Europe/Amsterdam", "PAGER": "cat", "GIT_PAGER": "cat",
                "GIT_CONFIG_NOSYSTEM": "1", "REPO": str(REPO), **GIT}

    def run(self, command: str, language: str, keys: str | None = None) -> tuple[int, str]:
        """Run one command line with bash; stdout and stderr as a terminal mixes them."""
        state = self.root / ".cwd"
        environment = self.environment(language)
        typed = self.root / ".keys"
        if keys is not None:
            typed.write_text(keys, encoding="utf-8")
            environment["EVALTOOL_DOCS_KEYS"] = str(typed)
        script = f'(exit {self.status})\n{command}\nstatus=$?\npwd > "{state}"\nexit $status\n'
        done = subprocess.run(["bash", "-c", script], cwd=self.cwd, env=environment,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=300, check=False)
        if state.exists():
            self.cwd = Path(state.read_text(encoding="utf-8").strip())
            state.unlink()
        typed.unlink(missing_ok=True)
        self.status = done.returncode
        return done.returncode, done.stdout.decode("utf-8", "replace")

    def write(self, block: Block) -> None:
        target = self.cwd / block.rest
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("a" if block.kind == "append" else "w", encoding="utf-8") as file:
            file.write(block.body)

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


# --- what differs from run to run -------------------------------------------------------


class Hashes:
    """git's object names, made up in the order they appear in a file, the same each run."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.names: dict[str, str] = {}

    def __call__(self, match: re.Match[str]) -> str:
        found = match.group(0)
        if found not in self.names:
            seed = f"{self.path}:{len(self.names)}".encode()
            self.names[found] = hashlib.sha1(seed).hexdigest()[:len(found)]
        return self.names[found]


def normalised(output: str, sandbox: Sandbox, today: dt.date | None = None) -> str:
    """The output as any run shows it: the same paths, dates and times every day."""
    text = output.replace(str(sandbox.root), "~")
    text = text.replace(str(REPO / "templates"),
                        f"{PIPX_VENV}/lib/python3.x/site-packages/evaltool/_templates")
    text = text.replace(sys.prefix, PIPX_VENV)
    text = re.sub(r"(/lib/python)3\.\d+(/site-packages)", r"\g<1>3.x\2", text)
    today = today or dt.date.today()
    hour, minute = FIXED_TIME
    text = re.sub(today.strftime("%Y%m%d") + r"-\d{6}",  # a draft's name
                  FIXED_TODAY.strftime("%Y%m%d") + f"-{hour:02}{minute:02}00", text)
    text = re.sub(re.escape(today.isoformat()) + r" \d\d:\d\d",  # a draft's last change
                  f"{FIXED_TODAY.isoformat()} {hour:02}:{minute:02}", text)
    text = text.replace(today.isoformat(), FIXED_TODAY.isoformat())
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def excerpt(output: str, ranges: str) -> str:
    """Only the lines named ("1-12, 40-52"), with "…" where lines are left out."""
    lines = output.split("\n")
    shown: list[str] = []
    last = 0
    for part in ranges.split(","):
        first, _, final = part.strip().partition("-")
        start, stop = int(first), int(final or first)
        if start > last + 1:
            shown.append("…")
        shown += lines[start - 1:stop]
        last = stop
    if last < len(lines):
        shown.append("…")
    return "\n".join(shown)


# --- running a file ---------------------------------------------------------------------


def regenerate(path: str, text: str | None = None) -> tuple[str, list[str]]:
    """The file with every transcript made anew, and the places of those that changed."""
    if text is None:
        text = (REPO / path).read_text(encoding="utf-8")
    default_language = "nl" if path in DUTCH else "en"
    sandboxes: dict[str, Sandbox] = {}
    hashes = Hashes(path)
    pieces: list[str] = []
    changed: list[str] = []
    current = "default"
    done = 0
    try:
        for block in blocks(path, text):
            if block.kind == "not run":
                continue
            # A file is written where the story is: in the sandbox of the block before it.
            current = str(block.options.get("sandbox", current))
            sandbox = sandboxes.get(current) or sandboxes.setdefault(current, Sandbox())
            if block.kind in ("write", "append"):
                sandbox.write(block)
                continue
            language = str(block.options.get("lang", default_language))
            body = _run(block, sandbox, language, hashes)
            if block.kind == "transcript":
                changed += [block.where] if body != block.body else []
                pieces += [text[done:block.start], "".join(
                    block.indent + line if line.strip() else line
                    for line in body.splitlines(keepends=True))]
                done = block.end
        pieces.append(text[done:])
    finally:
        for sandbox in sandboxes.values():
            sandbox.close()
    return "".join(pieces), changed


def _run(block: Block, sandbox: Sandbox, language: str, hashes: Hashes) -> str:
    """Run a block's commands; the transcript they make."""
    if setup := block.options.get("setup"):
        status, output = sandbox.run(str(setup), language)
        if status:
            raise DocsError(f"{block.where}: the setup failed ({status}):\n{output}")
    keys = {int(n): _typed(str(v)) for n, v in (block.options.get("keys") or {}).items()}
    lines = {int(n): str(v) for n, v in (block.options.get("lines") or {}).items()}
    fails = set(block.options.get("fails") or [])
    commands = block.commands()
    if not commands:
        raise DocsError(f"{block.where}: a {block.kind} block without a command")
    body = []
    for number, command in enumerate(commands, 1):
        if command.endswith("\\"):
            raise DocsError(f"{block.where}: keep each command on one line")
        status, output = sandbox.run(command, language, keys.get(number))
        if status and number not in fails:
            raise DocsError(f"{block.where}: `{command}` ended with {status} (list it under "
                            f"fails: if that is meant):\n{output}")
        output = normalised(output, sandbox)
        if command.startswith("git "):
            output = GIT_HASH.sub(hashes, output)
        if number in lines:
            output = excerpt(output, lines[number])
        body.append(f"$ {command}\n" + (output + "\n" if output else ""))
    return "".join(body)


def _typed(value: str) -> str:
    """The lines typed: a keys file of the repository, or the lines themselves."""
    if "\n" not in value.strip() and value.strip().endswith(".keys"):
        return (REPO / value.strip()).read_text(encoding="utf-8")
    return value


# --- the terminal of a command with keys ------------------------------------------------


class Keyboard(io.TextIOBase):
    """Standard input that types the lines of a keys file and echoes each one, as a terminal
    shows what is typed. It is a terminal to evaltool (`isatty`), but one without a file
    descriptor, so that no line editing or paste detection comes into play."""

    def __init__(self, lines: list[str], echo: Any) -> None:
        super().__init__()
        self.typed = lines
        self.echo = echo

    def isatty(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        raise OSError("a keyboard made of a keys file has no file descriptor")

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        if not self.typed:
            return ""  # the end of the keys: Ctrl-D
        line = self.typed.pop(0)
        if line == "^C":
            self.echo.write("^C")
            self.echo.flush()
            raise KeyboardInterrupt
        self.echo.write(line + "\n")
        self.echo.flush()
        return line + "\n"


def typed_lines(text: str) -> list[str]:
    """The answers of a keys file: every line but the comments; an empty line is Enter."""
    lines = [line for line in text.split("\n") if not line.startswith("#")]
    if lines and lines[-1] == "":
        lines.pop()  # the file's own last line break
    return lines


def run_evaltool() -> None:
    """`evaltool` in a sandbox: the console script, typed at from a keys file if given."""
    if keys := os.environ.get("EVALTOOL_DOCS_KEYS"):
        sys.stdin = Keyboard(typed_lines(Path(keys).read_text(encoding="utf-8")), sys.stdout)
    from evaltool.cli import main

    main()


# --- the command line -------------------------------------------------------------------


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [Path(a).resolve().relative_to(REPO).as_posix()
             for a in argv if not a.startswith("--")] or documents()
    stale: list[str] = []
    for path in paths:
        try:
            text, changed = regenerate(path)
            loose = unmarked(path, text)
        except DocsError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        for where in loose:
            print(f"error: {where}: a block of commands that is not run: mark it "
                  "<!-- transcript -->, <!-- run --> or <!-- not run: KIND — why -->",
                  file=sys.stderr)
        stale += changed
        if changed and not check:
            (REPO / path).write_text(text, encoding="utf-8")
        if loose:
            return 2
    for where in stale:
        print(f"{where}: {'stale' if check else 'written anew'}")
    if check and stale:
        print("make them anew with: python docs/transcripts.py (then read the diff)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
