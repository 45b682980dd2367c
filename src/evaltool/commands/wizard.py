"""The guided evaluation: `new-session`, `templates`, `edit` and `finalize`.

The wizard (`evaltool.wizard`) asks and returns data; this layer chooses the prompter
(a terminal or an answers file), keeps the draft after every answer, turns Ctrl-C, end
of input, SIGTERM and SIGHUP into a calm line with the way back, and saves the result
through the store.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from evaltool.commands import DEFAULT_SESSIONS_DIR, SessionsDirOption, shared
from evaltool.i18n import t

if TYPE_CHECKING:
    from evaltool.prompter import Prompter
    from evaltool.wizard import Wizard

TemplateOption = Annotated[str | None, typer.Option("--template", show_default=False)]
AnswersOption = Annotated[Path | None, typer.Option("--answers", dir_okay=False,
                                                    show_default=False)]
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
                                                     show_default=False)] = None,
        template: TemplateOption = None,
        answers: AnswersOption = None,
        defaults: Annotated[bool, typer.Option("--defaults", help=t("wizard.defaults_help"))
                            ] = False,
        resume: Annotated[bool, typer.Option("--resume", help=t("wizard.resume_help"))] = False,
        force: Annotated[bool, typer.Option("--force", help=t("wizard.force_help"))] = False,
        interactive: InteractiveOption = False,
        sessions_dir: SessionsDirOption = DEFAULT_SESSIONS_DIR,
    ) -> None:
        path = _new_session(draft, template, answers, defaults, resume, force, interactive,
                            sessions_dir)
        print(t("wizard.saved", path=path))
        print(t("wizard.saved_next", path=path))

    @app.command(help=t("wizard.templates_help"), short_help=t("wizard.templates_short"))
    def templates() -> None:
        from evaltool.errors import EvaltoolError, TemplateError
        from evaltool.wizard_template import available_templates, read_template

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
                                                metavar=t("cli.metavar_session"))],
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

    @app.command(help=t("wizard.finalize_help"), short_help=t("wizard.finalize_short"))
    def finalize(
        session: Annotated[Path, typer.Argument(help=t("wizard.finalize_session_help"),
                                                metavar=t("cli.metavar_session"))],
        template: TemplateOption = None,
    ) -> None:
        _finalize(session, template)


# --- new-session ---------------------------------------------------------------------------


class _Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: stop as for Ctrl-C (a BaseException, like that one)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _signals() -> Iterator[None]:
    """SIGTERM and SIGHUP stop the wizard the way Ctrl-C does: the draft is kept."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise _Stopped(signum)

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {signum: signal.signal(signum, stop) for signum in wanted}
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
    import shlex

    return f"evaltool new-session --resume {shlex.quote(str(draft))}"


def _is_terminal(interactive: bool) -> bool:
    try:
        return interactive or sys.stdin.isatty()
    except (AttributeError, ValueError):
        return interactive


def _new_session(draft: Path | None, template_name: str | None, answers: Path | None,
                 defaults: bool, resume: bool, force: bool, interactive: bool,
                 sessions_dir: Path) -> Path:
    import datetime as dt

    from evaltool import drafts
    from evaltool.errors import FileProblemError, InterruptedByUser, Problem, UsageError
    from evaltool.prompter import AnswersPrompter, TerminalPrompter
    from evaltool.vocabulary import load_vocabulary
    from evaltool.wizard import Wizard, WizardState
    from evaltool.wizard_template import DEFAULT_TEMPLATE, load_template
    from evaltool.yamlsafe import read_document

    if draft is not None and not resume:
        raise UsageError.at("wizard.draft_without_resume", path=draft,
                            hint="wizard.draft_without_resume_hint")
    if resume and answers is not None:
        raise UsageError.at("wizard.resume_with_answers", hint="wizard.resume_with_answers_hint")
    terminal = answers is None
    if terminal and not _is_terminal(interactive):
        raise UsageError.at("wizard.no_terminal", hint="wizard.no_terminal_hint")

    state: WizardState | None = None
    started = dt.datetime.now().isoformat(timespec="seconds")
    document = None
    if resume:
        if draft is not None and draft.parent.name == drafts.FOLDER:
            sessions_dir = draft.parent.parent
        draft = draft or drafts.latest(sessions_dir)
        if draft is None:
            raise UsageError.at("wizard.no_draft", folder=drafts.folder(sessions_dir),
                                hint="wizard.no_draft_hint")
        state, started = drafts.load(draft)
        template_name = state.template
    elif answers is not None:
        document = read_document(answers)
        found = document.data.get("template")
        if isinstance(found, str) and template_name and found != template_name:
            raise FileProblemError.at("wizard.other_template", path=answers,
                                      line=(document.locate(("template",)) or (None,))[0],
                                      hint="wizard.other_template_hint", found=found,
                                      wanted=template_name)
        template_name = template_name or (found if isinstance(found, str) else None)

    template = load_template(template_name or DEFAULT_TEMPLATE)
    vocabulary = load_vocabulary(template.vocabulary)
    drafts.prepare(sessions_dir)  # before the first question: can we write at all?
    if terminal and draft is None:
        draft = drafts.new_path(sessions_dir)

    prompter: Prompter = TerminalPrompter() if document is None else AnswersPrompter(document)
    earlier = _earlier(sessions_dir, exclude=set())

    def keep(current: WizardState) -> None:
        if draft is not None:
            drafts.save(draft, current, started)

    wizard = Wizard(template, vocabulary, prompter, state=state, earlier=earlier,
                    use_defaults=defaults, on_change=keep)
    with _signals():
        try:
            if draft is not None:
                keep(wizard.snapshot())  # with the answers still to be given again
                if resume:
                    prompter.say(t("wizard.resumed", draft=draft), "dim")
            data = wizard.run()
            if isinstance(prompter, AnswersPrompter):
                problems = prompter.problems + prompter.unused(template.answer_keys())
                if problems:
                    raise FileProblemError(*problems)
            return _save(wizard, data, sessions_dir, prompter, force, draft)
        except (KeyboardInterrupt, EOFError, _Stopped) as stop:
            if draft is None:  # an answers file: nothing typed, nothing to keep
                raise InterruptedByUser(Problem("core.interrupted"),
                                        exit_code=_exit_code(stop)) from None
            keep(wizard.snapshot())
            print(flush=True)  # end the line of the question that was interrupted
            raise InterruptedByUser(
                Problem("wizard.interrupted", {"draft": draft, "command": _resume_command(draft)}),
                exit_code=_exit_code(stop)) from None


def _earlier(sessions_dir: Path, exclude: set[Path]) -> list[Any]:
    """Open follow-ups of the sessions in the folder; unreadable files are skipped, named."""
    from evaltool.store import iter_session_files
    from evaltool.wizard import earlier_follow_ups

    if not sessions_dir.is_dir():
        return []
    files = [p for p in iter_session_files([sessions_dir]) if p.resolve() not in exclude]
    found, problems = earlier_follow_ups(files)
    for problem in problems:
        print(f"{t('wizard.warning')}: {problem.render()} ({t('wizard.skipped')})",
              file=sys.stderr)
    return found


def _save(wizard: Wizard, data: dict[str, Any], sessions_dir: Path, prompter: Prompter,
          force: bool, draft: Path | None) -> Path:
    """Save as <date>-<slug>.yaml; never over an existing file unless asked to."""
    from evaltool import drafts
    from evaltool.errors import InterruptedByUser, Problem, WriteError
    from evaltool.prompter import Ask
    from evaltool.slug import session_stem, slugify
    from evaltool.store import save_session
    from evaltool.wizard import build_session

    casus = data.get("casus") or {}
    date = str(casus.get("date"))
    stem = session_stem(date, str(casus.get("title") or ""))
    overwrite = force
    while True:
        target = sessions_dir / f"{stem}.yaml"
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
            save_session(session, target, exclusive=not overwrite)
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
        return target


# --- edit and finalize -----------------------------------------------------------------------


def _edit(path: Path, step_name: str | None, template_name: str | None, answers: Path | None,
          resume: bool, interactive: bool, sessions_dir: Path) -> None:
    import datetime as dt
    import shlex

    from evaltool import drafts
    from evaltool.errors import FileProblemError, InterruptedByUser, Problem, UsageError
    from evaltool.prompter import AnswersPrompter, TerminalPrompter
    from evaltool.store import open_for_edit, save_session
    from evaltool.vocabulary import load_vocabulary
    from evaltool.wizard import (
        Wizard,
        WizardState,
        build_session,
        missing_for_final,
        owned_entries,
        session_answers,
    )
    from evaltool.wizard_template import DEFAULT_TEMPLATE, load_template
    from evaltool.yamlsafe import read_document

    editable = open_for_edit(path)
    template = load_template(template_name or DEFAULT_TEMPLATE)
    step = template.step(step_name or "")
    if step is None:
        raise UsageError.at("wizard.unknown_step", step=step_name or "", template=template.name,
                            hint="wizard.unknown_step_hint",
                            steps=", ".join(s.name for s in template.steps))
    if answers is None and not _is_terminal(interactive):
        raise UsageError.at("wizard.no_terminal", hint="wizard.no_terminal_hint")
    if resume and answers is not None:
        raise UsageError.at("wizard.resume_with_answers", hint="wizard.resume_with_answers_hint")
    # What is typed into one step is kept too: in a draft named after the file and the step.
    draft = drafts.folder(path.parent) / f"edit-{path.stem}-{step.name}.yaml" \
        if answers is None else None
    state = WizardState(template.name, data=session_answers(editable.session))
    started = dt.datetime.now().isoformat(timespec="seconds")
    if resume:
        assert draft is not None
        if not draft.is_file():
            raise UsageError.at("wizard.no_draft", folder=draft, hint="wizard.no_draft_hint")
        kept, started = drafts.load(draft)
        state.answers = kept.answers  # given again on the file as it is now
    if draft is not None:
        drafts.prepare(path.parent)
    vocabulary = load_vocabulary(editable.session.vocabulary)
    prompter: Prompter = TerminalPrompter() if answers is None \
        else AnswersPrompter(read_document(answers))
    own = editable.session.id
    earlier = [item for item in _earlier(sessions_dir, exclude={path.resolve()})
               if item.session_id != own]

    def keep(current: WizardState) -> None:
        if draft is not None:
            drafts.save(draft, current, started)

    wizard = Wizard(template, vocabulary, prompter, state=state, earlier=earlier,
                    on_change=keep if draft is not None else None, editing=True)
    with _signals():
        try:
            data = wizard.run_single(step.name)
        except (KeyboardInterrupt, EOFError, _Stopped) as stop:
            if draft is None:
                raise InterruptedByUser(Problem("wizard.interrupted_edit", {"path": path}),
                                        exit_code=_exit_code(stop)) from None
            keep(wizard.snapshot())
            print(flush=True)
            command = f"evaltool edit {shlex.quote(str(path))} --step {step.name} --resume"
            raise InterruptedByUser(Problem("wizard.interrupted_edit_draft", {
                "path": path, "draft": draft, "command": command}),
                exit_code=_exit_code(stop)) from None
    if isinstance(prompter, AnswersPrompter):
        problems = prompter.problems + prompter.unused(template.answer_keys())
        if problems:
            raise FileProblemError(*problems)
    status = editable.session.status
    changed = build_session(data, session_id=own, vocabulary=vocabulary, status=status)
    if status == "final" and missing_for_final(template, changed, vocabulary):
        changed = build_session(data, session_id=own, vocabulary=vocabulary)
        print(t("wizard.back_to_draft", path=path))
    if changed == editable.session:
        print(t("wizard.unchanged", path=path))
    else:
        save_session(changed, path, original=editable)
        before = session_answers(editable.session)
        for part in step.parts:  # say what became of each list: nothing changes unseen
            if part.kind != "list":
                continue
            old, new = len(owned_entries(part, before)), len(owned_entries(part, data))
            if old != new:
                print(t("wizard.list_counts", label=part.label, old=old, new=new))
        print(t("wizard.edited", path=path, step=step.name))
    if draft is not None:
        drafts.remove(draft)


def _finalize(path: Path, template_name: str | None) -> None:
    from evaltool.errors import FileProblemError, Problem
    from evaltool.store import open_for_edit, save_session
    from evaltool.vocabulary import load_vocabulary
    from evaltool.wizard import missing_for_final
    from evaltool.wizard_template import DEFAULT_TEMPLATE, load_template

    editable = open_for_edit(path)
    template = load_template(template_name or DEFAULT_TEMPLATE)
    vocabulary = load_vocabulary(editable.session.vocabulary)
    missing = missing_for_final(template, editable.session, vocabulary)
    if missing:
        raise FileProblemError(*[
            Problem("wizard.final_missing", {"what": what, "step": step, "path": path}, path,
                    hint="wizard.final_missing_hint") for step, what in missing])
    if editable.session.status == "final":
        print(t("wizard.already_final", path=path))
        return
    final = editable.session.model_copy(update={"status": "final"})
    save_session(final, path, original=editable)
    print(t("wizard.finalized", path=path))
