"""The guided evaluation: `new-session`, `edit`, `finalize`, `drafts` and `templates`.

The wizard (`evaltool.wizard`) asks and returns data; this layer chooses the prompter
(a terminal or an answers file), offers unfinished drafts, and runs the wizard guarded
(`_guarded`, for `new-session` and `edit` alike): the draft kept after every answer,
Ctrl-C, end of input, SIGTERM and SIGHUP turned into a calm line with the way back, and
what an answers file left over reported. It saves the result through the store (in
`_write`, the one place that writes a session file here) and says what comes next.
"""

from __future__ import annotations

import datetime as dt
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from evaltool.commands import DEFAULT_SESSIONS_DIR, SessionsDirOption, shared
from evaltool.errors import (
    EvaltoolError,
    FileProblemError,
    InterruptedByUser,
    Problem,
    TemplateError,
    UsageError,
    WriteError,
)
from evaltool.fs.portable import shell_quote, stop_signals
from evaltool.i18n import t
from evaltool.i18n.textsafe import inline
from evaltool.session.workspace import iter_session_files, session_path

if TYPE_CHECKING:
    from evaltool.session.models import Session
    from evaltool.wizard.drafts import Lock
    from evaltool.wizard.engine import Wizard
    from evaltool.wizard.prompter import Prompter
    from evaltool.wizard.state import Route, WizardState
    from evaltool.wizard.template import Step, Template

TemplateOption = Annotated[str | None, typer.Option("--template", show_default=False)]
AnswersOption = Annotated[Path | None, typer.Option("--answers", dir_okay=False,
                                                    show_default=False, readable=False)]
InteractiveOption = Annotated[bool, typer.Option("--interactive")]
shared(TemplateOption, "wizard.template_help", "cli.metavar_name")
shared(AnswersOption, "wizard.answers_help", "cli.metavar_file")
shared(InteractiveOption, "wizard.interactive_help")


def register(app: typer.Typer) -> None:
    @app.command("new-session", help=t("wizard.new_session_help"),
                 short_help=t("wizard.new_session_short"))
    def new_session(
        draft: Annotated[Path | None, typer.Argument(help=t("wizard.draft_arg_help"),
                                                     metavar=t("cli.metavar_draft"),
                                                     show_default=False, readable=False)] = None,
        template: TemplateOption = None,
        answers: AnswersOption = None,
        defaults: Annotated[bool, typer.Option("--defaults", help=t("wizard.defaults_help"))
                            ] = False,
        resume: Annotated[bool, typer.Option("--resume", help=t("wizard.resume_help"))] = False,
        force: Annotated[bool, typer.Option("--force", help=t("wizard.force_help"))] = False,
        interactive: InteractiveOption = False,
        sessions_dir: SessionsDirOption = DEFAULT_SESSIONS_DIR,
    ) -> None:
        path, after, notices = _new_session(draft, template, answers, defaults, resume, force,
                                            interactive, sessions_dir)
        print(t("wizard.saved", path=inline(path)))
        for line in after:
            print(line)
        _notify(notices)

    @app.command(help=t("wizard.templates_help"), short_help=t("wizard.templates_short"))
    def templates() -> None:
        from evaltool.wizard.template import available_templates, read_template

        broken = []
        for path in available_templates():
            try:
                found = read_template(path)
            except EvaltoolError as error:
                broken += error.problems
                continue
            steps, extra = found.always_shown(), len(found.steps) - found.always_shown()
            print(t("wizard.template_line_earlier" if extra else "wizard.template_line",
                    name=found.name, label=found.label, steps=steps, extra=extra))
            if found.description:
                print(f"  {found.description}")
            print(f"  {path}")
        if broken:  # the good ones are listed; the broken ones are the user's to fix
            raise TemplateError(*broken)

    @app.command(help=t("wizard.edit_help"), short_help=t("wizard.edit_short"))
    def edit(
        session: Annotated[Path, typer.Argument(help=t("wizard.edit_session_help"),
                                                metavar=t("cli.metavar_session"),
                                                readable=False)],
        step: Annotated[str | None, typer.Option("--step", help=t("wizard.step_help"),
                                                 metavar=t("cli.metavar_step"),
                                                 show_default=False)] = None,
        template: TemplateOption = None,
        answers: AnswersOption = None,
        resume: Annotated[bool, typer.Option("--resume", help=t("wizard.edit_resume_help"))
                          ] = False,
        interactive: InteractiveOption = False,
        sessions_dir: SessionsDirOption = DEFAULT_SESSIONS_DIR,
    ) -> None:
        _edit(session, step, template, answers, resume, interactive, sessions_dir)

    @app.command("drafts", help=t("wizard.drafts_help"), short_help=t("wizard.drafts_short"))
    def drafts_command(
        remove: Annotated[list[str] | None, typer.Option(
            "--remove", help=t("wizard.drafts_remove_help"),
            metavar=t("cli.metavar_number_or_draft"), show_default=False)] = None,
        sessions_dir: SessionsDirOption = DEFAULT_SESSIONS_DIR,
    ) -> None:
        _drafts(remove or [], sessions_dir)

    @app.command(help=t("wizard.finalize_help"), short_help=t("wizard.finalize_short"))
    def finalize(
        session: Annotated[Path, typer.Argument(help=t("wizard.finalize_session_help"),
                                                metavar=t("cli.metavar_session"),
                                                readable=False)],
        template: TemplateOption = None,
    ) -> None:
        _finalize(session, template)


# --- the guarded run, for new-session and edit -------------------------------------------


class _Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: stop as for Ctrl-C (a BaseException, like that one)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _signals() -> Iterator[None]:
    """SIGTERM, SIGHUP (and on Windows SIGBREAK) stop the wizard the way Ctrl-C does: the
    draft is kept."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise _Stopped(signum)

    previous = {signum: signal.signal(signum, stop) for signum in stop_signals()}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _exit_code(stop: BaseException) -> int:
    if isinstance(stop, _Stopped) and stop.signum == getattr(signal, "SIGTERM", None):
        return 143
    return 130


def _resume_command(draft: Path) -> str:
    return f"evaltool new-session --resume {shell_quote(str(draft))}"


def _terminal(answers: Path | None, interactive: bool) -> bool:
    """Whether the questions are asked in a terminal: never with an answers file."""
    if answers is not None:
        return False
    try:
        return interactive or sys.stdin.isatty()
    except (AttributeError, ValueError):
        return interactive


def _need_terminal(answers: Path | None, terminal: bool) -> None:
    if answers is None and not terminal:
        raise UsageError.at("wizard.no_terminal", hint="wizard.no_terminal_hint")


@dataclass
class _Draft:
    """The draft a run keeps its answers in, and this wizard's hold on it."""

    path: Path
    started: str
    lock: Lock

    @classmethod
    def hold(cls, path: Path, started: str) -> _Draft:
        """The draft at `path`, once no other wizard holds it (else refused)."""
        from evaltool.wizard import drafts

        lock = drafts.hold(path)
        if lock is None:
            raise UsageError.at("wizard.draft_in_use", path=path, hint="wizard.draft_in_use_hint")
        return cls(path, started, lock)

    def keep(self, state: WizardState) -> None:
        from evaltool.wizard import drafts

        drafts.save(self.path, state, self.started)


@dataclass(frozen=True)
class _Stop:
    """What a stopped run says: without a draft (an answers file), when nothing was typed
    (the draft goes), and when the draft is kept."""

    without_draft: Problem
    nothing_typed: Problem
    kept: Callable[[Path], Problem]
    """What is said of the draft kept (at the path given)."""
    typed: Callable[[WizardState], bool]
    """Whether a state holds something typed in this run (else its draft is not kept)."""


@contextmanager
def _guarded(wizard: Wizard, draft: _Draft | None, says: _Stop) -> Iterator[None]:
    """Run the wizard in here: SIGTERM and SIGHUP stop it as Ctrl-C and end of input do;
    then the draft keeps what was typed (or goes, when nothing was), one calm line says
    how to go on, and the hold on the draft is released, whatever happened."""
    from evaltool.wizard import drafts

    with _signals():
        try:
            yield
        except (KeyboardInterrupt, EOFError, _Stopped) as stop:
            code = _exit_code(stop)
            if draft is None:  # an answers file: nothing typed, nothing to keep
                raise InterruptedByUser(says.without_draft, exit_code=code) from None
            print(flush=True)  # end the line of the question that was interrupted
            snapshot = wizard.snapshot()
            if not says.typed(snapshot):  # no draft to find later
                drafts.remove(draft.path)
                raise InterruptedByUser(says.nothing_typed, exit_code=code) from None
            draft.keep(snapshot)
            raise InterruptedByUser(says.kept(draft.path), exit_code=code) from None
        finally:
            if draft is not None:
                draft.lock.release()


def _leftovers(prompter: Prompter, template: Template) -> None:
    """What an answers file held that the wizard could not use: every problem at once."""
    from evaltool.wizard.prompter import AnswersPrompter

    if isinstance(prompter, AnswersPrompter):
        problems = prompter.problems + prompter.unused(template.answer_keys())
        if problems:
            raise FileProblemError(*problems)


# --- new-session ---------------------------------------------------------------------------


def _new_session(draft: Path | None, template_name: str | None, answers: Path | None,
                 defaults: bool, resume: bool, force: bool, interactive: bool,
                 sessions_dir: Path) -> tuple[Path, list[str], list[Problem]]:
    from evaltool.session.vocabulary import load_vocabulary
    from evaltool.session.yamlreader import read_document
    from evaltool.wizard import drafts
    from evaltool.wizard.engine import Wizard
    from evaltool.wizard.prompter import AnswersPrompter, TerminalPrompter
    from evaltool.wizard.review import what_next
    from evaltool.wizard.state import WizardState
    from evaltool.wizard.template import DEFAULT_TEMPLATE, load_template

    if draft is not None and not resume:
        raise UsageError.at("wizard.draft_without_resume", path=draft,
                            hint="wizard.draft_without_resume_hint")
    if resume and answers is not None:
        raise UsageError.at("wizard.resume_with_answers", hint="wizard.resume_with_answers_hint")
    if draft is not None and draft.parent.name == drafts.FOLDER:
        sessions_dir = draft.parent.parent
    terminal = _terminal(answers, interactive)
    if resume and draft is None:
        draft = _draft_to_resume(sessions_dir, terminal)
    _need_terminal(answers, terminal)

    prompter: Prompter
    if answers is not None:
        document = read_document(answers)
        prompter = AnswersPrompter(document)
        found = document.data.get("template")
        if isinstance(found, str) and template_name and found != template_name:
            raise FileProblemError.at("wizard.other_template", path=answers,
                                      line=(document.locate(("template",)) or (None,))[0],
                                      hint="wizard.other_template_hint", found=found,
                                      wanted=template_name)
        template_name = template_name or (found if isinstance(found, str) else None)
    else:
        prompter = TerminalPrompter()
        if draft is None:
            draft = _offer_drafts(sessions_dir, prompter)
            resume = draft is not None

    state: WizardState | None = None
    started = dt.datetime.now().isoformat(timespec="seconds")
    held = None
    if draft is not None:
        held = _Draft.hold(draft, started)
        state, held.started = drafts.load(draft)
        template_name = state.template

    template = load_template(template_name or DEFAULT_TEMPLATE)
    vocabulary = load_vocabulary(template.vocabulary)
    drafts.prepare(sessions_dir)  # before the first question: can we write at all?
    if answers is None and held is None:
        held = _Draft.hold(drafts.create(sessions_dir, WizardState(template.name), started),
                           started)
    route = _route(sessions_dir, exclude=set())

    wizard = Wizard(template, vocabulary, prompter, state=state, route=route,
                    use_defaults=defaults, on_change=held.keep if held else None)
    says = _Stop(
        without_draft=Problem("core.interrupted"),
        nothing_typed=Problem("wizard.interrupted_empty"),
        kept=lambda draft: Problem("wizard.interrupted", {"draft": draft,
                                                          "command": _resume_command(draft)}),
        typed=lambda snapshot: not snapshot.is_empty())
    with _guarded(wizard, held, says):
        if held is not None:
            held.keep(wizard.snapshot())  # with the answers still to be given again
            if resume:
                prompter.say(t("wizard.resumed", draft=held.path), "dim")
        data = wizard.run()
        _leftovers(prompter, template)
        path, session = _save(wizard, data, sessions_dir, prompter, force,
                              held.path if held else None)
    notices = prompter.notices if isinstance(prompter, AnswersPrompter) else []
    return path, what_next(template, session, vocabulary, path), notices


def _notify(notices: list[Problem]) -> None:
    """What an answers file left to do that stops nothing (a likely name left undeclared),
    one line each, after everything else."""
    for problem in notices:
        print(f"{t('wizard.notice')}: {problem.render()}", file=sys.stderr)


def _describe(found: list[Any]) -> list[str]:
    """Each draft on a line: its number, title, date, the step reached and its last change."""
    from evaltool.wizard.template import load_template, only_earlier

    lines = []
    for number, draft in enumerate(found, 1):
        try:
            template = load_template(draft.template)
            steps = template.steps
            if draft.position >= len(steps):
                step = t("wizard.review")
            else:
                reached = sum(not only_earlier(s) for s in steps[:draft.position + 1])
                step = t("wizard.draft_step", n=max(reached, 1), total=template.always_shown(),
                         title=str(steps[draft.position].title))
        except EvaltoolError:
            step = "?"
        lines.append(t("wizard.draft_line", number=number, path=draft.path,
                       title=draft.title or t("wizard.draft_untitled"),
                       date=draft.date or "-", step=step,
                       changed=draft.changed.strftime("%Y-%m-%d %H:%M"))
                     + (f" ({t('wizard.draft_in_use_mark')})" if draft.in_use else ""))
    return lines


def _offer_drafts(sessions_dir: Path, prompter: Prompter) -> Path | None:
    """Unfinished drafts are named, and one can be chosen, before a new session starts."""
    from evaltool.wizard import drafts
    from evaltool.wizard.prompter import Ask

    offers = [d for d in drafts.listing(sessions_dir)
              if not d.edit and not d.in_use and not d.empty]
    if not offers:
        return None
    prompter.say(t("wizard.drafts_found"), "bold")
    prompter.lines(_describe(offers))
    ask = Ask(("drafts",), t("wizard.drafts_ask"), kind="pick")
    while True:
        raw = (prompter.ask(ask) or "").strip()
        if not raw:
            return None
        if raw.isdigit() and 1 <= int(raw) <= len(offers):
            return offers[int(raw) - 1].path
        prompter.reject(ask, t("wizard.drafts_bad", count=len(offers)))


def _draft_to_resume(sessions_dir: Path, terminal: bool) -> Path:
    """`--resume` without a draft named: the only one; with several, asked (or, without a
    terminal, refused with the list); never one another wizard is busy with."""
    from evaltool.wizard import drafts
    from evaltool.wizard.prompter import TerminalPrompter

    found = [d for d in drafts.listing(sessions_dir) if not d.edit and not d.empty]
    free = [d for d in found if not d.in_use]
    if not found:
        raise UsageError.at("wizard.no_draft", folder=drafts.folder(sessions_dir),
                            hint="wizard.no_draft_hint")
    if not free:
        raise UsageError.at("wizard.draft_in_use", path=found[0].path,
                            hint="wizard.draft_in_use_hint")
    if len(free) == 1:
        return free[0].path
    if not terminal:
        raise UsageError(Problem("wizard.several_drafts", {"count": len(free)},
                                 hint="wizard.several_drafts_hint"),
                         *[Problem("wizard.draft_listed", {"line": line})
                           for line in _describe(free)])
    chosen = _offer_drafts(sessions_dir, TerminalPrompter())
    if chosen is None:
        raise UsageError.at("wizard.no_draft_chosen", hint="wizard.no_draft_hint")
    return chosen


def _route(sessions_dir: Path, exclude: set[Path]) -> Route:
    """The sessions in the folder and their open follow-ups; unreadable files are skipped,
    named."""
    from evaltool.wizard.data import read_route
    from evaltool.wizard.state import Route

    if not sessions_dir.is_dir():
        return Route()
    files = [p for p in iter_session_files([sessions_dir]) if p.resolve() not in exclude]
    found, problems = read_route(files)
    for problem in problems:
        print(f"{t('wizard.warning')}: {problem.render()} ({t('wizard.skipped')})",
              file=sys.stderr)
    return found


def _save(wizard: Wizard, data: dict[str, Any], sessions_dir: Path, prompter: Prompter,
          force: bool, draft: Path | None) -> tuple[Path, Session]:
    """Save as <date>-<slug>.yaml; never over an existing file unless asked to."""
    from evaltool.wizard import drafts
    from evaltool.wizard.data import build_session
    from evaltool.wizard.prompter import Ask
    from evaltool.wizard.slug import session_stem, slugify

    casus = data.get("casus") or {}
    date = str(casus.get("date"))
    stem = session_stem(date, str(casus.get("title") or ""))
    overwrite = force
    while True:
        target = session_path(sessions_dir, stem)
        session = build_session(data, session_id=stem, vocabulary=wizard.vocabulary)
        if target.exists() and not overwrite:
            if not prompter.interactive:
                raise WriteError.at("store.exists", path=target, hint="store.exists_hint")
            ask = Ask(("save",), t("wizard.exists_ask", path=target), kind="confirm")
            choice = (prompter.ask(ask) or "").strip().lower()[:1]
            if choice == "o":
                overwrite = True
            elif choice == "n":
                name = prompter.ask(Ask(("save", "name"), t("wizard.new_name"))) or ""
                if name.strip():
                    stem = f"{date}-{slugify(name)}"
                continue
            elif choice in ("c", "a"):
                assert draft is not None
                raise InterruptedByUser(Problem("wizard.cancelled", {
                    "draft": draft, "command": _resume_command(draft)}), exit_code=130)
            else:
                prompter.reject(ask, t("wizard.exists_bad"))
                continue
        try:
            _write(session, target, exclusive=not overwrite)
        except WriteError as error:
            if error.problems[0].key == "store.exists" and prompter.interactive:
                continue  # it appeared a moment ago: ask what to do
            if draft is not None:
                error.problems.append(Problem("wizard.draft_kept", {
                    "draft": draft, "command": _resume_command(draft)}, draft,
                    hint="wizard.draft_kept_hint"))
            raise
        if draft is not None:
            drafts.remove(draft)
        return target, session


def _write(session: Session, path: Path, *, original: Any = None,
           exclusive: bool = False) -> None:
    """The one place where the wizard's commands write a session file (so that a check
    that the file did not change since it was read fits in here)."""
    from evaltool.session.store import save_session

    save_session(session, path, original=original, exclusive=exclusive)


# --- edit and finalize -----------------------------------------------------------------------


def _edit(path: Path, step_name: str | None, template_name: str | None, answers: Path | None,
          resume: bool, interactive: bool, sessions_dir: Path) -> None:
    from evaltool.session.store import open_for_edit
    from evaltool.session.vocabulary import load_vocabulary
    from evaltool.session.yamlreader import read_document
    from evaltool.wizard import drafts
    from evaltool.wizard.data import build_session, session_answers
    from evaltool.wizard.engine import Wizard
    from evaltool.wizard.prompter import AnswersPrompter, TerminalPrompter
    from evaltool.wizard.review import list_counts, missing_for_final, what_next
    from evaltool.wizard.state import Route, WizardState
    from evaltool.wizard.template import DEFAULT_TEMPLATE, load_template

    editable = open_for_edit(path)
    template = load_template(template_name or DEFAULT_TEMPLATE)
    terminal = _terminal(answers, interactive)
    if resume and answers is not None:
        raise UsageError.at("wizard.resume_with_answers", hint="wizard.resume_with_answers_hint")
    vocabulary = load_vocabulary(editable.session.vocabulary)
    prompter: Prompter = TerminalPrompter() if answers is None \
        else AnswersPrompter(read_document(answers))
    own = editable.session.id
    found = _route(sessions_dir, exclude={path.resolve()})
    route = Route(tuple(s for s in found.sessions if s.id != own),  # not itself, if copied
                  tuple(f for f in found.follow_ups if f.session_id != own))
    state = WizardState(template.name, data=session_answers(editable.session))
    started = dt.datetime.now().isoformat(timespec="seconds")
    wizard = Wizard(template, vocabulary, prompter, state=state, route=route, editing=True)
    step = _step_to_edit(wizard, step_name, terminal)
    _need_terminal(answers, terminal)
    # What is typed into one step is kept too: in a draft named after the file and the step.
    held = None
    if answers is None:
        drafts.prepare(path.parent)
        held = _Draft.hold(drafts.folder(path.parent) / f"edit-{path.stem}-{step.name}.yaml",
                           started)
    if resume:
        assert held is not None
        if not held.path.is_file():
            raise UsageError.at("wizard.no_draft", folder=held.path, hint="wizard.no_draft_hint")
        kept, held.started = drafts.load(held.path)
        wizard = Wizard(template, vocabulary, prompter, route=route, editing=True,
                        state=WizardState(template.name, data=state.data,
                                          answers=kept.answers))
    if held is not None:
        wizard.on_change = held.keep
    unchanged = Problem("wizard.interrupted_edit", {"path": path})
    says = _Stop(
        without_draft=unchanged, nothing_typed=unchanged,
        kept=lambda draft: Problem("wizard.interrupted_edit_draft", {
            "path": path, "draft": draft,
            "command": f"evaltool edit {shell_quote(str(path))} --step {step.name} --resume"}),
        typed=lambda snapshot: bool(snapshot.answers))
    with _guarded(wizard, held, says):
        data = wizard.run_single(step.name)
    _leftovers(prompter, template)
    status = editable.session.status
    changed = build_session(data, session_id=own, vocabulary=vocabulary, status=status)
    if changed != editable.session and status == "final" and \
            missing_for_final(template, changed, vocabulary):
        changed = build_session(data, session_id=own, vocabulary=vocabulary)
        print(t("wizard.back_to_draft", path=inline(path)))
    if changed == editable.session:
        print(t("wizard.unchanged", path=inline(path)))
    else:
        _write(changed, path, original=editable)
        # Say what became of each list: nothing changes unseen.
        for label, old, new in list_counts(step, session_answers(editable.session), data):
            print(t("wizard.list_counts", label=label, old=old, new=new))
        print(t("wizard.edited", path=inline(path), step=str(step.title)))
        for line in what_next(template, changed, vocabulary, path):
            print(line)
    if held is not None:
        drafts.remove(held.path)
    if isinstance(prompter, AnswersPrompter):
        _notify(prompter.notices)


def _step_to_edit(wizard: Wizard, wanted: str | None, terminal: bool) -> Step:
    """The step `--step` names: by its number (as the wizard counts them), its name, or
    its title in either language; without `--step`, the steps are listed and one asked
    for (or, without a terminal, listed in the error)."""
    from evaltool.i18n.folding import fold
    from evaltool.wizard.prompter import Ask

    shown = wizard.shown_steps()
    listed = [t("wizard.step_line", n=n, name=step.name, title=str(step.title))
              for n, step in enumerate(shown, 1)]

    def find(text: str) -> Step | None:
        text = text.strip()
        if text.isdigit() and 1 <= int(text) <= len(shown):
            return shown[int(text) - 1]
        if (step := wizard.template.step(text)) is not None:
            return step
        titles = {step.name: tuple(fold(title) for title in step.title.texts())
                  for step in wizard.template.steps}
        exact = [s for s in wizard.template.steps if fold(text) in titles[s.name]]
        prefix = [s for s in wizard.template.steps
                  if any(title.startswith(fold(text)) for title in titles[s.name])]
        found = exact or prefix
        return found[0] if len(found) == 1 and fold(text) else None

    if wanted is not None:
        step = find(wanted)
        if step is None:
            raise UsageError.at("wizard.unknown_step", step=wanted, template=wizard.template.name,
                                hint="wizard.unknown_step_hint", steps="; ".join(listed))
        return step
    if not terminal:
        raise UsageError.at("wizard.step_needed", hint="wizard.unknown_step_hint",
                            steps="; ".join(listed))
    wizard.prompter.say(t("wizard.steps"), "bold")
    wizard.prompter.lines(listed)
    ask = Ask(("step",), t("wizard.step_ask"), kind="pick")
    while True:
        step = find(wizard.prompter.ask(ask) or "")
        if step is not None:
            return step
        wizard.prompter.reject(ask, t("wizard.step_bad", count=len(shown)))


def _drafts(remove: list[str], sessions_dir: Path) -> None:
    """The drafts in the sessions folder; with `--remove`, those named go (never one a
    running wizard holds)."""
    from evaltool.wizard import drafts

    found = drafts.listing(sessions_dir)
    if not remove:
        if not found:
            print(t("wizard.no_drafts", folder=drafts.folder(sessions_dir)))
            return
        for line in _describe(found):
            print(line)
        print(t("wizard.drafts_how"))
        return
    chosen = []
    for wanted in remove:
        match = found[int(wanted) - 1] if wanted.isdigit() and 1 <= int(wanted) <= len(found) \
            else next((d for d in found if d.path.resolve() == Path(wanted).resolve()), None)
        if match is None:
            raise UsageError(Problem("wizard.no_such_draft", {"value": wanted},
                                     hint="wizard.no_such_draft_hint"))
        if match.in_use:
            raise UsageError.at("wizard.draft_in_use", path=match.path,
                                hint="wizard.draft_in_use_hint")
        chosen.append(match)
    for draft in chosen:
        drafts.remove(draft.path)
        print(t("wizard.draft_removed", path=draft.path))


def _finalize(path: Path, template_name: str | None) -> None:
    from evaltool.session.store import open_for_edit
    from evaltool.session.vocabulary import load_vocabulary
    from evaltool.wizard.review import missing_for_final
    from evaltool.wizard.template import DEFAULT_TEMPLATE, load_template

    editable = open_for_edit(path)
    template = load_template(template_name or DEFAULT_TEMPLATE)
    vocabulary = load_vocabulary(editable.session.vocabulary)
    missing = missing_for_final(template, editable.session, vocabulary)
    if missing:
        raise FileProblemError(*[
            Problem("wizard.final_missing", {"what": what, "step": step, "path": path}, path,
                    hint="wizard.final_missing_hint") for step, what in missing])
    if editable.session.status == "final":
        print(t("wizard.already_final", path=inline(path)))
        return
    final = editable.session.model_copy(update={"status": "final"})
    _write(final, path, original=editable)
    print(t("wizard.finalized", path=inline(path)))
