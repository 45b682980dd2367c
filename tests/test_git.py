"""Session files in real git repositories: git-setup, git diff, git log -p, git show, merges.

Every test makes its own repository in tmp_path, with HOME pointing there and the
system config ignored, so nothing of the machine's git setup leaks in. git runs the
drivers that `evaltool git-setup` configured, as a separate process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE, Invoke
from inputs import edit_file, write_session

SESSION = "sessions/2021-01-28-casus-cornelis-musius.yaml"
ORIGINAL = EXAMPLE.read_text(encoding="utf-8")


def git(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for variable in list(os.environ):
        if variable.startswith("GIT_") or variable in ("NO_COLOR", "LESS", "PAGER"):
            monkeypatch.delenv(variable)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("EVALTOOL_LANG", "en")
    root = tmp_path / "repo"
    (root / "sessions").mkdir(parents=True)
    monkeypatch.chdir(root)
    git("init", "-q", "-b", "main")
    git("config", "user.name", "Toehoorder")
    git("config", "user.email", "toehoorder@example.org")
    git("config", "commit.gpgsign", "false")
    Path(SESSION).write_text(ORIGINAL, encoding="utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "first session")
    return root


@pytest.fixture
def set_up(repo: Path, cli: Invoke) -> Path:
    result = cli("git-setup")
    assert result.exit_code == 0, result.output
    git("add", ".gitattributes", "templates/session.schema.json")
    git("commit", "-q", "-m", "evaltool git-setup")
    return repo


FU2_DONE = ("  fu-2:\n    question:", "  fu-2:\n    status: done\n    question:")


# --- git-setup ---------------------------------------------------------------------------


def test_git_setup_writes_attributes_and_config_and_is_idempotent(
        repo: Path, cli: Invoke) -> None:
    Path(".gitattributes").write_text("*.png binary\nsessions/**/*.yaml diff=old\n")
    first = cli("git-setup")
    assert first.exit_code == 0, first.output
    assert ("updated in .gitattributes: sessions/**/*.yaml diff=evaltool merge=evaltool"
            in first.stdout)
    command = f"{sys.executable} -m evaltool"
    assert f"set git config diff.evaltool.textconv = {command} git-textconv" in first.stdout
    assert (f"set git config merge.evaltool.driver = {command} git-merge-driver "
            "%O %A %B %L %P") in first.stdout
    attributes = Path(".gitattributes").read_text()
    assert attributes == "*.png binary\nsessions/**/*.yaml diff=evaltool merge=evaltool\n"
    assert git("config", "--local", "diff.evaltool.command").stdout.strip() == \
        f"{command} git-diff-driver"
    check = git("check-attr", "diff", "merge", "--", SESSION).stdout
    assert f"{SESSION}: diff: evaltool" in check and f"{SESSION}: merge: evaltool" in check

    schema = Path("templates/session.schema.json")
    assert ("wrote templates/session.schema.json (evaltool schema), which the first line of "
            "every session file names for editors") in first.stdout
    assert schema.read_text(encoding="utf-8") == cli("schema").stdout

    second = cli("git-setup")
    assert second.exit_code == 0
    assert "already in templates/session.schema.json: evaltool schema" in second.stdout
    assert "already in .gitattributes: sessions/**/*.yaml diff=evaltool merge=evaltool" \
        in second.stdout
    assert "set git config" not in second.stdout
    assert second.stdout.count("already set: git config") == 4
    assert Path(".gitattributes").read_text() == attributes


def test_git_setup_adds_its_rule_to_a_new_attributes_file(repo: Path, cli: Invoke) -> None:
    result = cli("git-setup", "--sessions-dir", "sessions")
    assert "added to .gitattributes" in result.stdout
    assert Path(".gitattributes").read_text().splitlines() == [
        "# evaltool: semantic diff and merge of session files (written by evaltool git-setup)",
        "sessions/**/*.yaml diff=evaltool merge=evaltool"]


def test_git_setup_outside_a_repository(cli: Invoke, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    result = cli("git-setup")
    assert result.exit_code == 2
    assert "not inside a git repository — run git init first" in result.stderr


# --- git diff, git log -p, git show ------------------------------------------------------------


def test_git_diff_shows_the_semantic_diff(set_up: Path) -> None:
    edit_file(SESSION, FU2_DONE, ("  eigenaarschap:\n    kind: discussion_topic",
                                  "  eigenaarschap:\n    kind: wish"))
    shown = git("diff").stdout
    assert shown.splitlines() == [
        f"diff --evaltool a/{SESSION} b/{SESSION}",
        "wish `eigenaarschap`: kind discussion topic → wish",
        "follow-up `fu-2`: status open → done",
    ]
    # The plain line diff is still there for whoever asks for it.
    plain = git("diff", "--no-ext-diff", "--no-textconv").stdout
    assert "+    status: done" in plain


def test_git_log_and_show_use_one_line_per_fact(set_up: Path) -> None:
    edit_file(SESSION, FU2_DONE)
    git("commit", "-q", "-am", "fu-2 is done")
    log = git("log", "-p", "-1").stdout
    assert "-follow-up `fu-2`: status: open\n+follow-up `fu-2`: status: done\n" in log
    assert "question: De kennis en ervaring" in log  # context lines, as facts
    show = git("show", "HEAD").stdout
    assert "+follow-up `fu-2`: status: done" in show
    # Between commits, git diff runs the semantic diff.
    assert "follow-up `fu-2`: status open → done" in git("diff", "HEAD~1", "HEAD").stdout


def test_new_and_deleted_session_files(set_up: Path) -> None:
    other = "sessions/2021-03-01-casus-tweede.yaml"
    write_session(Path(other), {"id": "2021-03-01-casus-tweede"})
    git("add", other)
    added = git("diff", "--cached").stdout.splitlines()
    assert added[:3] == [f"diff --evaltool a/{other} b/{other}",
                         f"new session file {other}",
                         "casus: title added: Casus Cornelis Musius"]
    assert "participant `beleidsadviseur-energie` added: Beleidsadviseur Energie" in added
    git("commit", "-q", "-m", "second session")
    git("rm", "-q", SESSION)
    removed = git("diff", "--cached").stdout.splitlines()
    assert removed[1] == f"session file deleted: {SESSION}"
    assert "follow-up `fu-1` removed: Is deze aanpak haalbaar voor de andere scholen die nog " \
           "gerenoveerd moeten worden?" in removed
    git("commit", "-q", "-m", "first session removed")
    log = git("log", "-p").stdout  # textconv on both a new and a deleted file
    assert "+casus: title: Casus Cornelis Musius" in log
    assert "-casus: title: Casus Cornelis Musius" in log


def test_an_old_revision_that_no_longer_validates_is_shown_as_written(set_up: Path) -> None:
    edit_file(SESSION, ("  date: 2021-01-28\n", "  date: 2021-02-30\n"),
              ("status: final\n", "status: final\x1b[2J\n"))
    git("commit", "-q", "-am", "a broken date and an escape character")
    edit_file(SESSION, ("  date: 2021-02-30\n", "  date: 2021-01-28\n"),
              ("status: final\x1b[2J\n", "status: final\n"))
    git("commit", "-q", "-am", "repaired")
    shown = git("show", "HEAD~1").stdout
    assert "\x1b" not in shown
    note = next(line for line in shown.splitlines() if line.startswith("+# evaltool:"))
    assert note.startswith("+# evaltool: this version does not validate (")
    assert "U+001B may not stand in a session file" in note
    assert note.endswith("); shown as written")
    assert "+status: final⟨U+001B⟩[2J" in shown and "+  date: 2021-02-30" in shown
    between = git("diff", "HEAD~1", "HEAD").stdout
    assert "\x1b" not in between
    assert "the old version does not validate (" in between
    assert "); showing the text as written" in between
    assert "-  date: 2021-02-30\n+  date: 2021-01-28\n" in between
    assert git("log", "-p").returncode == 0


# --- merges ----------------------------------------------------------------------------------

WETHOUDER = ("projectleider-school:\n    function: Projectleider vanuit de school\n"
             "    organisation: Schoolbestuur\n    affiliation: initiator\n"
             "    attendance: absent\n")


def branch_edits(name: str, *replacements: tuple[str, str], base: str = "main") -> None:
    git("checkout", "-q", "-b", name, base)
    edit_file(SESSION, *replacements)
    git("commit", "-q", "-am", name)


def add_at_the_end(who: str, finding: str, follow_up: str) -> tuple[tuple[str, str], ...]:
    """Append a participant, a finding and a follow-up at the end of their sections."""
    return (
        (WETHOUDER, WETHOUDER + f"  {who}:\n    function: {who.title()}\n"),
        ("      - rollen\nfollow_ups:\n",
         f"      - rollen\n  {finding}:\n    kind: wish\n    text: {finding.title()}.\n"
         "follow_ups:\n"),
        ("    owner: Publiek Ondernemers\n",
         f"    owner: Publiek Ondernemers\n  {follow_up}:\n    question: Wat nu, {who}?\n"),
    )


def test_independent_additions_merge_cleanly(set_up: Path, cli: Invoke) -> None:
    branch_edits("left", *add_at_the_end("wethouder", "vaker-evalueren", "fu-5"))
    branch_edits("right", *add_at_the_end("schoolbestuurder", "wijk-betrekken", "fu-6"))
    merge = git("merge", "--no-edit", "left", check=False)
    assert merge.returncode == 0, merge.stdout + merge.stderr
    assert git("status", "--porcelain").stdout == ""
    assert cli("validate", SESSION).exit_code == 0
    from evaltool.session.store import load_session

    session = load_session(Path(SESSION))
    assert {"wethouder", "schoolbestuurder"} <= set(session.participants)
    assert {"vaker-evalueren", "wijk-betrekken"} <= set(session.findings)
    assert {"fu-5", "fu-6"} <= set(session.follow_ups)
    assert list(session.follow_ups)[-2:] == ["fu-6", "fu-5"]  # ours first, then theirs


def test_without_git_setup_the_same_merge_conflicts(repo: Path, cli: Invoke) -> None:
    """Why the driver is needed: git's line merge cannot add two entries at one place."""
    branch_edits("left", *add_at_the_end("wethouder", "vaker-evalueren", "fu-5"))
    branch_edits("right", *add_at_the_end("schoolbestuurder", "wijk-betrekken", "fu-6"))
    assert git("merge", "--no-edit", "left", check=False).returncode == 1
    result = cli("validate", SESSION)
    assert result.exit_code == 1
    assert f"error: {SESSION}:" in result.stderr and "conflict marker" in result.stderr


def test_edits_to_different_fields_and_roles_merge_cleanly(set_up: Path, cli: Invoke) -> None:
    branch_edits("left", FU2_DONE, (
        "      - role: subsidy_adviser\n        orientation: city\n        usual: true\n",
        "      - role: subsidy_adviser\n        orientation: city\n        usual: true\n"
        "      - role: connector\n        orientation: internal\n"))
    branch_edits("right", ("  fu-2:\n    question:", "  fu-2:\n    owner: Schoolbestuur\n"
                           "    question:"), (
        "      - role: subsidy_adviser\n        orientation: city\n        usual: true\n",
        "      - role: subsidy_adviser\n        orientation: city\n        usual: true\n"
        "      - role: financier\n        orientation: city\n"))
    assert git("merge", "--no-edit", "left", check=False).returncode == 0
    from evaltool.session.store import load_session

    session = load_session(Path(SESSION))
    assert session.follow_ups["fu-2"].status == "done"
    assert session.follow_ups["fu-2"].owner == "Schoolbestuur"
    roles = [role.role for role in session.participants["subsidieadviseur"].roles]
    assert roles == ["subsidy_adviser", "financier", "connector"]


def test_a_true_conflict_leaves_markers_that_validate_names(set_up: Path, cli: Invoke) -> None:
    branch_edits("left", FU2_DONE, *add_at_the_end("wethouder", "vaker-evalueren", "fu-5"))
    branch_edits("right", ("  fu-2:\n    question:", "  fu-2:\n    status: dropped\n"
                           "    question:"),
                 *add_at_the_end("schoolbestuurder", "wijk-betrekken", "fu-6"))
    merge = git("merge", "--no-edit", "left", check=False)
    assert merge.returncode == 1
    assert f"evaltool: 1 conflict in {SESSION} left with markers; resolve it" in merge.stderr
    text = Path(SESSION).read_text(encoding="utf-8")
    assert ("<<<<<<< ours\n    status: dropped\n=======\n    status: done\n>>>>>>> theirs\n"
            in text)
    # Only the true conflict is marked: both additions are merged.
    assert "  wethouder:\n" in text and "  schoolbestuurder:\n" in text
    line = text.splitlines().index("<<<<<<< ours") + 1
    result = cli("validate", SESSION)
    assert result.exit_code == 1
    assert (f"error: {SESSION}:{line}:1: unresolved git conflict marker <<<<<<< — choose "
            "between the versions") in result.stderr


@pytest.mark.parametrize("commented", ["ours", "theirs"])
def test_a_comment_is_never_lost_in_a_merge(set_up: Path, cli: Invoke, commented: str) -> None:
    comment = ("  fu-1:\n", "  # nog navragen bij de school\n  fu-1:\n")
    left = add_at_the_end("wethouder", "vaker-evalueren", "fu-5")
    right = add_at_the_end("schoolbestuurder", "wijk-betrekken", "fu-6")
    branch_edits("left", *left, *([comment] if commented == "theirs" else []))
    branch_edits("right", *right, *([comment] if commented == "ours" else []))
    merge = git("merge", "--no-edit", "left", check=False)  # into right: left is theirs
    text = Path(SESSION).read_text(encoding="utf-8")
    assert "  # nog navragen bij de school\n  fu-1:\n" in text
    assert "  wethouder:\n" in text and "  schoolbestuurder:\n" in text
    if commented == "ours":  # the merged file is written from our version, comments and all
        assert merge.returncode == 0, merge.stderr
        assert cli("validate", SESSION).exit_code == 0
    else:  # their comment would be lost: git's own merge, with its markers, instead
        assert merge.returncode == 1
        assert (f"{SESSION} merged by git as text (a comment would be lost otherwise): 3 "
                "conflicts left with markers") in merge.stderr
        assert "<<<<<<< ours" in text


# --- the 3-way merge by id, without git --------------------------------------------------------


def test_merge3_by_id_and_field() -> None:
    from evaltool.session.threeway import MISSING, Conflict, merge3, resolve

    base = {"a": {"x": "1", "y": "1"}, "b": {"x": "1"}}
    ours = {"a": {"x": "2", "y": "1"}, "b": {"x": "1"}, "c": {"x": "1"}}
    theirs = {"a": {"x": "1", "y": "2"}, "d": {"x": "1"}}  # b removed, d added
    assert merge3(base, ours, theirs) == {"a": {"x": "2", "y": "2"}, "c": {"x": "1"},
                                          "d": {"x": "1"}}
    # Changed on one side, removed on the other: a conflict, decided per side.
    merged = merge3(base, {**ours, "b": {"x": "9"}}, theirs)
    assert merged["b"] == Conflict({"x": "9"}, MISSING)
    assert "b" in resolve(merged, "ours") and "b" not in resolve(merged, "theirs")


def test_merge3_lists_keep_both_insertions_and_merge_one_item_changed_twice() -> None:
    from evaltool.git.merge import Conflict, merge3

    assert merge3(["a", "b"], ["a", "b", "c"], ["a", "b", "d"]) == ["a", "b", "c", "d"]
    assert merge3(["a", "b"], ["z", "a", "b"], ["a", "b", "d"]) == ["z", "a", "b", "d"]
    assert merge3(["a", "b"], ["a"], ["a", "b", "c"]) == ["a", "c"]
    roles = [{"role": "adviser", "usual": "true"}]
    assert merge3(roles, [{"role": "adviser", "usual": "true", "phase": "begin"}],
                  [{"role": "adviser", "usual": "false"}]) == [
        {"role": "adviser", "usual": "false", "phase": "begin"}]
    assert isinstance(merge3(["a", "b"], ["a", "x"], ["a", "y"]), Conflict)


def test_markers_surround_only_the_lines_that_differ() -> None:
    from evaltool.git.merge import with_markers

    ours = "a: 1\nb: 2\nc: 3\n"
    theirs = "a: 1\nb: 5\nc: 3\n"
    assert with_markers(ours, theirs) == (
        "a: 1\n<<<<<<< ours\nb: 2\n=======\nb: 5\n>>>>>>> theirs\nc: 3\n")
    assert with_markers(ours, theirs, 9).startswith("a: 1\n<<<<<<<<< ours\n")


def test_merge3_takes_the_one_side_that_changed() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from evaltool.git.merge import merge3

    scalars = st.sampled_from(["a", "b", "c", "1", "true"])
    data = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["x", "y", "z"]), inner, max_size=3), max_leaves=12)

    @settings(max_examples=200, deadline=None)
    @given(data, data)
    def check(base: object, changed: object) -> None:
        assert merge3(base, changed, base) == changed
        assert merge3(base, base, changed) == changed
        assert merge3(base, changed, changed) == changed

    check()


def test_additions_under_different_ids_never_conflict() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from evaltool.git.merge import merge3

    ids = st.text("abcdef-", min_size=1, max_size=4)
    entry = st.dictionaries(st.sampled_from(["function", "question", "status"]),
                            st.text("xyz ", max_size=5), min_size=1)

    @settings(max_examples=200, deadline=None)
    @given(st.dictionaries(ids, entry, max_size=4), ids, entry, ids, entry)
    def check(base: dict[str, object], mine: str, my_entry: object, yours: str,
              your_entry: object) -> None:
        if mine == yours or mine in base or yours in base:
            return
        ours = {**base, mine: my_entry}
        theirs = {**base, yours: your_entry}
        assert merge3({"participants": base}, {"participants": ours},
                      {"participants": theirs}) == {
            "participants": {**base, mine: my_entry, yours: your_entry}}

    check()


# --- one new id on both sides, and what the driver says ----------------------------------

SAME_ID = [  # what each branch adds under the new id `wethouder`; whether that conflicts
    ("two different people", "    function: Wethouder Onderwijs\n",
     "    function: Wethouder Financiën\n    name: Anna\n", True),
    ("one person, more said on one side", "    function: Wethouder\n",
     "    function: Wethouder\n    name: Anna\n", True),
    ("the very same person", "    function: Wethouder\n", "    function: Wethouder\n", False),
]


@pytest.mark.parametrize(("case", "ours", "theirs", "conflicts"), SAME_ID,
                         ids=[case[0] for case in SAME_ID])
def test_the_same_new_id_on_both_sides(set_up: Path, cli: Invoke, case: str, ours: str,
                                       theirs: str, conflicts: bool) -> None:
    def add(body: str) -> tuple[str, str]:
        return (WETHOUDER, WETHOUDER + "  wethouder:\n" + body)

    branch_edits("left", add(theirs))
    branch_edits("right", add(ours))
    merge = git("merge", "--no-edit", "left", check=False)
    text = Path(SESSION).read_text(encoding="utf-8")
    if not conflicts:
        assert merge.returncode == 0, merge.stderr
        assert text.count("  wethouder:\n") == 1 and cli("validate", SESSION).exit_code == 0
        return
    assert merge.returncode == 1
    assert "<<<<<<< ours" in text and ">>>>>>> theirs" in text
    for side in (ours, theirs):  # nothing of either side is lost, nothing is mixed
        for line in side.splitlines():
            assert line in text
    result = cli("validate", SESSION)
    assert result.exit_code == 1 and "unresolved git conflict marker" in result.stderr


def test_a_text_merge_without_markers_is_not_said_to_have_them(set_up: Path,
                                                                cli: Invoke) -> None:
    """git's text merge is clean, but one side does not validate: no markers are claimed."""
    branch_edits("left", ("  judgement: positive", "  judgement: super"))
    branch_edits("right", ("status: final\n", "status: draft\n"))
    merge = git("merge", "--no-edit", "left", check=False)
    text = Path(SESSION).read_text(encoding="utf-8")
    assert merge.returncode == 1
    assert "<<<<<<<" not in text
    assert "left with markers" not in merge.stderr
    assert (f"evaltool: {SESSION} merged by git as text (a version does not validate): no "
            "conflict markers, but the result does not validate") in merge.stderr
    result = cli("validate", SESSION)
    assert "casus.judgement: 'super'" in result.stderr


@pytest.mark.parametrize(("ours", "theirs", "merged"), [
    ({"function": "X"}, {"function": "Y"}, None),
    ({"function": "X"}, {"function": "X", "name": "Anna"}, None),
    ({"function": "X", "roles": [{"role": "a"}]}, {"function": "X", "roles": [{"role": "b"}]},
     None),
    ({"function": "X"}, {"function": "X"}, {"function": "X"}),
])
def test_merge3_a_new_id_on_both_sides_is_one_record_only_when_it_is_the_same(
        ours: dict[str, object], theirs: dict[str, object], merged: object) -> None:
    from evaltool.session.threeway import Conflict, merge3

    result = merge3({"p": {}}, {"p": {"a": ours}}, {"p": {"a": theirs}})["p"]["a"]
    assert result == (Conflict(ours, theirs) if merged is None else merged)
    # Under ids that differ, both records are kept, each whole.
    both = merge3({"p": {}}, {"p": {"a": ours}}, {"p": {"b": theirs}})["p"]
    assert both == {"a": ours, "b": theirs}
