"""The review before a session is saved, and what is still needed before it may be final.

The review shows every step as plain lines (readable in a terminal of 20 columns): each
list under its own name, confidential items marked, and what `finalize` would still
miss. Enter saves; a step's number opens that step again. A wrong answer is said under
the question, which is asked again without printing the whole review once more.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from evaltool.fs.portable import shell_quote
from evaltool.i18n import t
from evaltool.i18n.textsafe import inline
from evaltool.session import models
from evaltool.session.vocabulary import Vocabulary
from evaltool.wizard.data import build_session, explain, session_answers
from evaltool.wizard.parts import kind_of
from evaltool.wizard.prompter import Ask, visible

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard
    from evaltool.wizard.template import Step, Template


def review(wizard: Wizard) -> int | None:
    """Show everything; None to save, or the index of a step to change."""
    if not wizard.prompter.interactive:
        return None
    steps = wizard.shown_steps()
    problems = problems_in(wizard)
    show(wizard, problems)
    ask = Ask(("review",), t("wizard.review_ask"), kind="review",
              help=t("wizard.help_review", count=len(steps)))
    while True:
        raw = wizard.asker.input(ask)
        if not raw and not problems:
            return None
        if raw and raw.isdigit() and 1 <= int(raw) <= len(steps):
            return wizard.template.steps.index(steps[int(raw) - 1])
        wizard.prompter.reject(ask, t("wizard.review_bad", count=len(steps)))


def show(wizard: Wizard, problems: list[str]) -> None:
    wizard.asker.heading(t("wizard.review"), t("wizard.review_title"), None)
    for number, (title, lines) in enumerate(sections(wizard), 1):
        wizard.asker.say(f"{number}. {title}", "bold")
        wizard.asker.lines(["   " + line.replace("\n", "\n     ") for line in lines])
    wizard.asker.lines(mentioned(wizard.state.data))
    for problem in problems:
        wizard.asker.say(f"✗ {problem}", "red")
    if not problems:
        missing = still_missing(wizard)
        if missing:
            wizard.asker.lines([t("wizard.review_missing", what="; ".join(missing))], "yellow")


def sections(wizard: Wizard) -> list[tuple[str, list[str]]]:
    """Every applicable step with what it holds now, as plain lines (no tables)."""
    result = []
    for step in wizard.shown_steps():
        lines: list[str] = []
        for part in step.parts:
            lines += kind_of(part).review(wizard, step, part, wizard.state.data)
        result.append((str(step.title), lines or [t("wizard.nothing_yet")]))
    return result


def mentioned(data: dict[str, Any]) -> list[str]:
    """Who the session speaks of besides its participants (`people`, asked about where a
    name was typed), and the words it says are no one's name."""
    people = [f"{person.get('label')} ({person.get('name')})"
              for person in (data.get("people") or {}).values()]
    words = [str(word) for word in data.get("not_people") or []]
    lines = [t("wizard.review_people", people=visible("; ".join(people), one_line=True))
             ] if people else []
    if words:
        lines.append(t("wizard.review_not_people", words=visible("; ".join(words),
                                                                 one_line=True)))
    return lines


def problems_in(wizard: Wizard) -> list[str]:
    """What keeps the data from being a valid session (normally nothing)."""
    try:
        build_session(wizard.state.data, session_id="check", vocabulary=wizard.vocabulary)
    except ValidationError as error:
        return [explain(error, {}, vocabulary=wizard.vocabulary, each=True)]
    return []


def still_missing(wizard: Wizard) -> list[str]:
    session = build_session(wizard.state.data, session_id="check",
                            vocabulary=wizard.vocabulary)
    titles = {step.name: str(step.title) for step in wizard.template.steps}
    return [f"{what} ({titles.get(step, step)})"
            for step, what in missing_for_final(wizard.template, session, wizard.vocabulary)]


def missing_for_final(template: Template, session: models.Session,
                      vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """(step, what) for each thing the template asks before a session may be final."""
    data = session_answers(session)
    missing: list[tuple[str, str]] = []
    for step in template.steps:
        for part in step.parts:
            missing += [(step.name, what) for what in kind_of(part).missing(part, data)]
    people = data.get("participants") or {}
    setup = template.steps[0].name
    for role in template.final_session_roles:
        if not any(p.get("session_role") == role for p in people.values()):
            missing.append((next((s.name for s in template.steps for p in s.parts
                                  if p.target == "participants"), setup),
                            t("wizard.needs_role", role=vocabulary.label("session_roles",
                                                                          role))))
    order = [step.name for step in template.steps]
    return sorted(missing, key=lambda item: order.index(item[0]))  # in the order of the steps


def list_counts(step: Step, before: dict[str, Any], after: dict[str, Any]
                ) -> list[tuple[str, int, int]]:
    """Each list of `step` whose number of entries an edit changed: (its label, how many
    before, how many after)."""
    counts = []
    for part in step.parts:
        old, new = kind_of(part).count(part, before), kind_of(part).count(part, after)
        if old != new:
            counts.append((str(part.label), old or 0, new or 0))
    return counts


def what_next(template: Template, session: models.Session, vocabulary: Vocabulary,
              path: Path) -> list[str]:
    """After a save: `finalize` when the session is complete, else what is missing and
    the step that adds it; and `summarize` for the report."""
    quoted = inline(shell_quote(str(path)))
    missing = missing_for_final(template, session, vocabulary)
    if session.status == "final":
        lines = []
    elif not missing:
        lines = [t("wizard.next_finalize", path=quoted)]
    else:
        titles = {step.name: str(step.title) for step in template.steps}
        lines = [t("wizard.next_missing", what="; ".join(
            f"{what} ({titles.get(step, step)})" for step, what in missing)),
            t("wizard.next_edit", path=quoted, step=missing[0][0])]
    return [*lines, t("wizard.next_summarize", path=quoted)]
