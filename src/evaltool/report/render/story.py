"""The outline of a one-session report: the meeting's story, as the seed's newsletter tells it.

Sections come in the order of the report layout (`templates/report-layout.yaml`); the roles
are told in prose per participant ("De beleidsadviseur Energie werkt vanuit de
samenwerkende overheid. …"), with every note that was typed; a follow-up carried over
from an earlier meeting says where it came from. An internal copy opens with a notice
and marks each confidential item; a published copy ends with its rules (a colophon).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from evaltool.report.contract import (
    FindingGroup,
    FindingItem,
    FollowUp,
    Labelled,
    Origin,
    Participant,
    Role,
    SessionSummary,
    Summary,
)
from evaltool.report.render import report_count as _tn
from evaltool.report.render import report_text as _t
from evaltool.report.render.layout import ReportLayout, SessionEntry
from evaltool.report.render.outline import (
    Block,
    BulletList,
    Document,
    Figure,
    Heading,
    Inline,
    Inlines,
    Item,
    Notice,
    NsobFigure,
    Paragraph,
    Span,
    spans,
)
from evaltool.report.render.prose import (
    base_language,
    full_stop,
    in_running_text,
    joined,
    long_date,
    ordinal,
    person,
    sentence_start,
    with_article,
)


def mark(language: str) -> Span:
    """The mark of a confidential item in an internal copy."""
    return Span(_t("confidential_mark", language), "mark")


def head(summary: Summary, title: str) -> Document:
    """A report's start, for one session and for a route: the internal notice (when not
    published), the masthead, the title."""
    language = summary["language"]
    document = Document(title=title, language=language, internal=not summary["public"])
    if not summary["public"]:
        key = "internal_notice" if summary["kind"] == "session" else "internal_notice_route"
        document.add(Notice("internal", (Paragraph(
            (Span(_t("internal_title", language), "strong"), " ", _t(key, language))),)))
    if masthead := summary.get("masthead"):
        document.add(Paragraph((" · ".join(masthead),), kind="masthead"))
    document.add(Heading(1, (title,)))
    return document


def colophon(summary: Summary) -> list[Block]:
    """A published copy's last words: that it was anonymised, and by which rules."""
    info = summary["anonymisation"]
    if not info:
        return []
    return [Notice("colophon", (
        Heading(2, (_t("colophon", summary["language"]),)),
        Paragraph((info["notice"],)),
        BulletList(tuple(Item((rule,)) for rule in info["rules"]))))]


def session_outline(summary: SessionSummary, layout: ReportLayout) -> Document:
    language = summary["language"]
    s = summary["session"]
    title = s["title"]
    if s["session_number"]:
        title = _t("md_session_title", language, number=s["session_number"], title=title)
    document = head(summary, title)
    byline = [long_date(s["date"], language)]
    if s["learning_route"]:
        byline.append(_t("md_route", language, route=s["learning_route"]))
    if s["organisation"]:
        byline.append(s["organisation"])
    document.add(Paragraph((" · ".join(byline),), kind="byline"))
    if s["status"] == "draft":
        document.add(Notice("draft", (Paragraph((Span(_t("draft_notice", language),
                                                      "strong"),)),)))
    groups = {group["kind"]: group for group in summary["findings"]}
    placed = {kind for entry in layout.session for kind in entry.findings}
    for entry in layout.session:
        document.add(*_section(summary, entry, groups, placed))
    if not any(entry.section == "other_findings" for entry in layout.session):
        document.add(*_other_findings(summary, groups, placed))
    document.add(*colophon(summary))
    return document


def _section(summary: SessionSummary, entry: SessionEntry,
             groups: Mapping[str, FindingGroup], placed: set[str]) -> list[Block]:
    """One entry of the layout: a section of the report's own, findings, or both."""
    language = summary["language"]
    kinds = [groups[kind] for kind in entry.findings if kind in groups]
    if entry.section is None:
        return [block for group in kinds for block in _finding_section(summary, group, 2)]
    if entry.section == "other_findings":
        return _other_findings(summary, groups, placed)
    blocks = list(SECTIONS[entry.section](summary))
    if len(kinds) == 1 and blocks:
        blocks.append(_findings_list(summary, kinds[0]))
    else:
        for group in kinds:
            blocks += _finding_section(summary, group, 3)
    if blocks and not isinstance(blocks[0], Heading) and entry.section != "opening":
        blocks.insert(0, Heading(2, (_t(entry.section, language),)))
    return blocks


def _other_findings(summary: SessionSummary, groups: Mapping[str, FindingGroup],
                    placed: set[str]) -> list[Block]:
    return [block for kind, group in groups.items() if kind not in placed
            for block in _finding_section(summary, group, 2)]


def _finding_section(summary: SessionSummary, group: FindingGroup,
                     level: int) -> list[Block]:
    return [Heading(level, (group["label"],)), _findings_list(summary, group)]


def _findings_list(summary: SessionSummary, group: FindingGroup) -> BulletList:
    return BulletList(tuple(Item(_confidential(summary, item, (item["text"],)))
                            for item in group["items"]))


def _confidential(summary: SessionSummary, item: FindingItem | FollowUp,
                  content: Inlines) -> Inlines:
    if item["confidential"]:
        return (mark(summary["language"]), " ", *content)
    return content


# --- the sections -----------------------------------------------------------------------------


def _opening(summary: SessionSummary) -> Iterator[Block]:
    """When the meeting was, who was there, who led it, who reported, who could not come."""
    language = summary["language"]
    s = summary["session"]
    people = summary["participants"]
    meeting = _t("meeting", language)
    if s["session_number"]:
        meeting = _t("meeting_nth", language, ordinal=ordinal(s["session_number"], language))
    if s["learning_route"]:
        meeting = _t("meeting_of_route", language, meeting=meeting, route=s["learning_route"])
    sentences = [_t("opening", language, meeting=meeting,
                    date=long_date(s["date"], language))]
    keeps: tuple[tuple[str, Callable[[Participant], bool]], ...] = (
        ("present", lambda p: p["attendance"]["key"] != "absent"),
        ("led_by", lambda p: p["session_role"]["key"] == "facilitator"),
        ("reported", lambda p: p["session_role"]["key"] == "listener_reporter"),
        ("absent", lambda p: p["attendance"]["key"] == "absent"),
    )
    for key, keep in keeps:
        named = [person(p, language) for p in people if keep(p)]
        if named:
            sentences.append(sentence_start(_tn(key, len(named), language,
                                                people=joined(named, language))))
    yield Paragraph((" ".join(sentences),))
    if s["description"]:
        yield Paragraph((s["description"],))


def _text(text: str | None) -> Iterator[Block]:
    if text:
        yield Paragraph((text,))


def _realised(summary: SessionSummary) -> Iterator[Block]:
    language = summary["language"]
    s = summary["session"]
    if s["realised"]:
        yield Paragraph((s["realised"],))
    if s["judgement"]:
        content: list[Inline] = [Span(_t("judgement", language) + ":", "strong"), " ",
                                 s["judgement"]["label"] + "."]
        if s["judgement_note"]:
            content += [" ", s["judgement_note"]]
        yield Paragraph(tuple(content))


def _sdgs(summary: SessionSummary) -> Iterator[Block]:
    sdgs = summary["session"]["sdgs"]
    if sdgs:
        yield BulletList(tuple(
            Item((Span(f"SDG {sdg['goal']}", "strong"), " " + sdg["label"],
                  *((": ", sdg["note"]) if sdg["note"] else ())))
            for sdg in sdgs))


def _roles_and_talents(summary: SessionSummary) -> Iterator[Block]:
    """The NSOB map, then per participant a paragraph: place, roles, notes."""
    language = summary["language"]
    if summary["participants"]:
        yield Heading(2, (_t("roles_and_talents", language),))
        people = {p["id"]: p for p in summary["participants"]}
        yield Figure("nsob_map", NsobFigure(summary["map"], people), _t("map_caption", language))
    for participant in summary["participants"]:
        content = _portrait(participant, language)
        if content:
            yield Paragraph(content)


def _portrait(p: Participant, language: str) -> Inlines:
    """One participant in prose: their place in the NSOB model with its note, their usual
    and played roles in order (with phase and orientation), and the notes on their roles."""
    if not (p["position"] or p["usual_roles"] or p["played_roles"]):
        return ()
    who = Span(sentence_start(person(p, language)), "strong")
    position = p["position"]
    # Catalog texts are filled in as spans, so that the person can be set in bold.
    if position is None:
        first = spans(_t("not_placed_person", language), person=who)
    elif position["border"]:
        a, b = (_quadrant(q["label"], language) for q in position["quadrants"])
        first = spans(_t("position_border", language), person=who, first=a, second=b)
    else:
        first = spans(_t("position_one", language), person=who,
                      quadrant=_quadrant(position["quadrants"][0]["label"], language))
    content: list[Inline] = list(first)
    sentences = []
    if position and position["note"]:
        sentences.append(full_stop(position["note"]))
    sentences += _roles_sentences(p, language)
    # A role both usual and played carries its note in both lists: told once.
    notes = dict.fromkeys((r["label"], r["note"]) for r in p["usual_roles"] + p["played_roles"]
                          if r["note"])
    sentences += [_t("role_note", language, role=label, note=full_stop(note))
                  for label, note in notes]
    if sentences:
        content.append(" " + " ".join(sentences))
    return tuple(content)


def _quadrant(label: str, language: str) -> str:
    return with_article(label, language) if base_language(language) == "nl" \
        else in_running_text(label)


def _roles_sentences(p: Participant, language: str) -> list[str]:
    usual, played = p["usual_roles"], p["played_roles"]
    if usual and played and _names(usual) == _names(played):
        return [_tn("roles_same", len(usual), language, roles=_roles(usual, language, False))]
    sentences = []
    if usual:
        sentences.append(_tn("roles_usual", len(usual), language,
                             roles=_roles(usual, language, False)))
    if played:
        key = "roles_played_after_usual" if usual else "roles_played"
        sentences.append(_tn(key, len(played), language, roles=_roles(played, language, True)))
    return sentences


def _names(roles: list[Role]) -> list[tuple[str, str, str | None]]:
    return [(r["label"], r["orientation"]["key"], r["phase"]) for r in roles]


def _roles(roles: list[Role], language: str, in_order: bool) -> str:
    """"adviseur, projectleider en co-creator (stadsgericht), daarna begeleider
    besluitvorming (intern gericht)": roles that follow each other with the same
    orientation and phase share their brackets."""
    runs: list[tuple[list[str], str]] = []
    for role in roles:
        details = role["orientation"]["label"] + (f", {role['phase']}" if role["phase"] else "")
        if runs and runs[-1][1] == details:
            runs[-1][0].append(role["label"])
        else:
            runs.append(([role["label"]], details))
    parts = [f"{joined(labels, language)} ({details})" for labels, details in runs]
    if in_order:
        return f", {_t('then', language)} ".join(parts)
    return joined(parts, language)


def _follow_ups(summary: SessionSummary) -> Iterator[Block]:
    """New questions, and those carried over from an earlier meeting, with their origin."""
    language = summary["language"]
    inherited = [fu for fu in summary["follow_ups"] if fu["origin"]]
    new = [fu for fu in summary["follow_ups"] if not fu["origin"]]
    if inherited and new:
        yield Heading(2, (_t("follow_ups", language),))
        yield Heading(3, (_t("from_earlier", language),))
        yield BulletList(tuple(_follow_up(summary, fu) for fu in inherited))
        yield Heading(3, (_t("new_here", language),))
        yield BulletList(tuple(_follow_up(summary, fu) for fu in new))
    elif summary["follow_ups"]:
        yield BulletList(tuple(_follow_up(summary, fu) for fu in summary["follow_ups"]))


def _follow_up(summary: SessionSummary, fu: FollowUp) -> Item:
    language = summary["language"]
    origin = fu["origin"]
    details = []
    if origin:
        details.append(origin_text(origin, language))
    if fu["owner"]:
        details.append(_t("owner_is", language, owner=fu["owner"]))
    if fu["due"]:
        details.append(_t("due_is", language, due=long_date(fu["due"], language)))
    details.append(_status(origin, fu["status"], language))
    question = fu["question"]
    children: list[Block] = []
    if origin and origin["question"] and origin["question"] != question:
        # The thread's own question first; what this meeting said about it below.
        question, children = origin["question"], [Paragraph((fu["question"],))]
    if fu["note"]:
        children.append(Paragraph((fu["note"],)))
    content = (question, " ", Span(f"({'; '.join(details)})", "meta"))
    return Item(_confidential(summary, fu, content), tuple(children))


def _status(origin: Origin | None, status: Labelled, language: str) -> str:
    """A follow-up's status; for one carried over, what it was then, if known."""
    if origin is None:
        return status["label"]
    then = origin["status"]
    if then is None:
        return _t("status_now", language, now=status["label"])
    if then["key"] == status["key"]:
        return _t("status_still", language, now=status["label"])
    return _t("status_then_now", language, then=then["label"], now=status["label"])


def origin_text(origin: Origin, language: str) -> str:
    """"uit bijeenkomst 1, 28 januari 2021" / "from meeting 1, 28 January 2021"."""
    if origin["session_number"] and origin["date"]:
        return _t("origin_number", language, number=origin["session_number"],
                  date=long_date(origin["date"], language))
    if origin["date"]:
        return _t("origin_date", language, date=long_date(origin["date"], language))
    return _t("origin_unknown", language)


def _notes(summary: SessionSummary) -> Iterator[Block]:
    """The internal notes: in the internal copy only (publication mode removes them)."""
    if summary["notes"] and not summary["public"]:
        language = summary["language"]
        yield Heading(2, (_t("internal_notes", language),))
        yield Paragraph((mark(language), " ", summary["notes"]))


SECTIONS: dict[str, Callable[[SessionSummary], Iterator[Block]]] = {
    "opening": _opening,
    "plan": lambda summary: _text(summary["session"]["plan"]),
    "realised": _realised,
    "sdgs": _sdgs,
    "roles_and_talents": _roles_and_talents,
    "follow_ups": _follow_ups,
    "listener": lambda summary: _text(summary["reflection"]),
    "next_session": lambda summary: _text(summary["next_session"]),
    "notes": _notes,
}
