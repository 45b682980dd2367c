"""The terminal report: rich renderables for one session and for a learning route.

User text only ever enters rich as `Text` objects built from `safe.clean()`ed strings,
so rich markup in a finding (`[red]`, `[link=...]`) is shown as typed. The NSOB map
is a 3×3 grid (quadrants in the corners, the borders between neighbours in between)
when there is room, and a list of the four corners on narrow terminals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from evaltool.render import count_of, omitted
from evaltool.render import report_text as _t
from evaltool.render.safe import clean, one_line

NARROW = 60


def text(value: object, style: str = "") -> Text:
    return Text(clean(value), style=style)


class _Heading:
    """A section title on a rule; on a narrow terminal the title wraps above the rule."""

    def __init__(self, label: str) -> None:
        self.label = clean(label)

    def __rich_console__(self, console: Console, options: Any) -> Any:
        yield Text("")
        if len(self.label) + 6 <= options.max_width:
            yield Rule(Text(self.label, style="bold"), align="left", style="dim")
        else:
            yield Text(self.label, style="bold")
            yield Rule(style="dim")


def heading(label: str) -> _Heading:
    return _Heading(label)


def _field(label: str, value: object) -> Text:
    line = Text(f"{label}: ", style="bold")
    line.append(clean(value))
    return line


def _bullets(items: Iterable[Text]) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(width=1, no_wrap=True)
    table.add_column(ratio=1)
    for item in items:
        table.add_row("•", item)
    return table


def console_for(stream: Any, *, width: int | None = None, color: bool = True) -> Console:
    """A console that never interprets markup, emoji codes or highlights user text."""
    return Console(file=stream, width=width, color_system="auto" if color else None,
                   no_color=not color, markup=False, emoji=False, highlight=False,
                   soft_wrap=False, force_terminal=None if color else False)


def _label(participants: Mapping[str, Any], participant_id: str) -> str:
    participant = participants.get(participant_id)
    return participant["label"] if participant else participant_id


# --- one session -----------------------------------------------------------------------------


def render_session(summary: Mapping[str, Any], width: int) -> Group:
    language = summary["language"]
    s = summary["session"]
    people = {p["id"]: p for p in summary["participants"]}
    parts: list[RenderableType] = []
    parts.append(Text(clean(s["title"]), style="bold reverse"))
    facts = [_field(_t("date", language), s["date"])]
    if s["learning_route"]:
        route = s["learning_route"]
        if s["session_number"]:
            route = _t("route_session", language, route=route, number=s["session_number"])
        facts.append(_field(_t("learning_route", language), route))
    if s["organisation"]:
        facts.append(_field(_t("organisation", language), s["organisation"]))
    facts.append(_field(_t("status", language), _t(f"status_{s['status']}", language)))
    parts.extend(facts)
    parts.extend(_anonymised(summary))
    if s["description"]:
        parts += [heading(_t("about_casus", language)), text(s["description"])]
    if s["plan"] or s["realised"] or s["judgement"]:
        parts.append(heading(_t("plan_and_realised", language)))
        if s["plan"]:
            parts.append(_field(_t("plan", language), s["plan"]))
        if s["realised"]:
            parts.append(_field(_t("realised", language), s["realised"]))
        if s["judgement"]:
            judgement = s["judgement"]["label"]
            if s["judgement_note"]:
                judgement += f" — {s['judgement_note']}"
            parts.append(_field(_t("judgement", language), judgement))
    if s["sdgs"]:
        parts.append(heading(_t("sdgs", language)))
        parts.append(_bullets(
            text(f"SDG {sdg['goal']} {sdg['label']}" + (f": {sdg['note']}" if sdg["note"]
                                                       else ""))
            for sdg in s["sdgs"]))
    if summary["participants"]:
        parts.append(heading(_t("participants", language)))
        parts.append(_participants(summary["participants"], language, width))
        parts.append(heading(_t("nsob_map", language)))
        parts.append(render_map(summary["map"], people, language, width))
    if any(p["usual_roles"] or p["played_roles"] for p in summary["participants"]):
        parts.append(heading(_t("roles_played", language)))
        parts.append(_roles(summary["participants"], language))
    for group in summary["findings"]:
        parts.append(heading(group["label"]))
        parts.append(_bullets(_finding(item, language) for item in group["items"]))
    if summary["follow_ups"]:
        parts.append(heading(_t("follow_ups", language)))
        parts.append(_bullets(_follow_up(fu, language) for fu in summary["follow_ups"]))
    if summary["reflection"]:
        parts += [heading(_t("reflection", language)), text(summary["reflection"])]
    if summary["next_session"]:
        parts += [heading(_t("next_session", language)), text(summary["next_session"])]
    return Group(*parts)


def _anonymised(summary: Mapping[str, Any]) -> list[RenderableType]:
    info = summary.get("anonymisation")
    if not info:
        return []
    return [Padding(Group(Text(clean(info["notice"]), style="italic"),
                          _bullets(text(rule) for rule in info["rules"])), (1, 0, 0, 0))]


def _participants(participants: list[Mapping[str, Any]], language: str, width: int) -> Group:
    rows = Table.grid(padding=(0, 1))
    rows.add_column(justify="right", no_wrap=True)
    rows.add_column(ratio=1)
    for p in participants:
        line = Text(clean(p["label"]), style="bold")
        details = [p["session_role"]["label"]]
        if p["department"]:
            details.append(p["department"])
        if p["organisation"]:
            details.append(p["organisation"])
        if p["attendance"]["key"] == "absent":
            details.append(p["attendance"]["label"])
        line.append(" — " + clean(", ".join(details)))
        rows.add_row(Text(f"{p['number']}.", style="bold"), line)
    return Group(rows)


def _marker(participant: Mapping[str, Any]) -> str:
    orientation = participant.get("orientation")
    return f" ({orientation['label']})" if orientation else ""


def _people(ids: list[str], people: Mapping[str, Any]) -> Text:
    result = Text()
    for index, participant_id in enumerate(ids):
        if index:
            result.append("\n")
        person = people.get(participant_id, {"number": "?", "label": participant_id})
        result.append(f"{person['number']}. ", style="bold")
        result.append(clean(person["label"]))
        result.append(clean(_marker(person)), style="dim")
    return result


def render_map(nsob: Mapping[str, Any], people: Mapping[str, Any], language: str,
               width: int) -> RenderableType:
    """The NSOB figure: a 3×3 grid when wide enough, else the corners as a list."""
    axes = nsob["axes"]
    corner = {(q["row"], q["column"]): q for q in nsob["quadrants"]}
    border = {b["side"]: b for b in nsob["borders"]}
    if width < NARROW:
        return _narrow_map(nsob, people, language)

    def cell(q: Mapping[str, Any]) -> Text:
        content = Text(clean(q["label"]), style="bold")
        if q["participants"]:
            content.append("\n")
            content.append_text(_people(q["participants"], people))
        return content

    def between(side: str) -> Text:
        b = border.get(side)
        if not b:
            return Text("")
        content = Text(_t("on_border", language) + "\n", style="italic dim")
        content.append_text(_people(b["participants"], people))
        return content

    has_middle_column = "top" in border or "bottom" in border
    table = Table(box=box.SQUARE, show_lines=True, expand=True, padding=(0, 1),
                  title=Text("↑ " + clean(axes["focus"]["result"]), style="italic"),
                  caption=Text("↓ " + clean(axes["focus"]["value"]), style="italic"))
    table.add_column(Text("← " + clean(axes["steering"]["inside_out"]), style="italic"),
                     ratio=1, overflow="fold")
    if has_middle_column:
        table.add_column("", ratio=1, overflow="fold")
    table.add_column(Text(clean(axes["steering"]["outside_in"]) + " →", style="italic",
                          justify="right"), ratio=1, justify="left", overflow="fold")

    def row(cells: list[Text], middle: Text) -> list[Text]:
        return [cells[0], middle, cells[1]] if has_middle_column else cells

    table.add_row(*row([cell(corner[(0, 0)]), cell(corner[(0, 1)])], between("top")))
    if "left" in border or "right" in border:
        table.add_row(*row([between("left"), between("right")], Text("")))
    table.add_row(*row([cell(corner[(1, 0)]), cell(corner[(1, 1)])], between("bottom")))
    parts: list[RenderableType] = [table]
    if nsob["unplaced"]:
        line = Text(_t("not_placed", language) + " ", style="italic")
        line.append(", ".join(f"{people[i]['number']}. {clean(people[i]['label'])}"
                              for i in nsob["unplaced"] if i in people))
        parts.append(line)
    return Group(*parts)


def _narrow_map(nsob: Mapping[str, Any], people: Mapping[str, Any], language: str) -> Group:
    axes = nsob["axes"]
    parts: list[RenderableType] = []
    arrows = {(0, 0): "↖", (0, 1): "↗", (1, 0): "↙", (1, 1): "↘"}
    for q in nsob["quadrants"]:
        steering = axes["steering"]["inside_out" if q["column"] == 0 else "outside_in"]
        focus = axes["focus"]["result" if q["row"] == 0 else "value"]
        title = Text(f"{arrows[(q['row'], q['column'])]} ", style="bold")
        title.append(clean(q["label"]), style="bold")
        title.append(f" ({clean(steering)}, {clean(focus)})", style="italic dim")
        parts.append(title)
        if q["participants"]:
            parts.append(Padding(_people(q["participants"], people), (0, 0, 0, 2)))
    for b in nsob["borders"]:
        labels = {q["key"]: q["short"] for q in nsob["quadrants"]}
        title = Text(_t("border_between", language, first=labels[b["quadrants"][0]],
                        second=labels[b["quadrants"][1]]), style="bold")
        parts.append(title)
        parts.append(Padding(_people(b["participants"], people), (0, 0, 0, 2)))
    if nsob["unplaced"]:
        parts.append(Text(_t("not_placed", language), style="italic"))
        parts.append(Padding(_people(nsob["unplaced"], people), (0, 0, 0, 2)))
    return Group(*parts)


def _role_text(role: Mapping[str, Any]) -> Text:
    result = Text(clean(role["label"]))
    extra = role["orientation"]["label"]
    if role["phase"]:
        extra += f", {role['phase']}"
    result.append(f" ({clean(extra)})", style="dim")
    return result


def _roles(participants: list[Mapping[str, Any]], language: str) -> Group:
    parts: list[RenderableType] = []
    for p in participants:
        if not (p["usual_roles"] or p["played_roles"]):
            continue
        title = Text(f"{p['number']}. ", style="bold")
        title.append(clean(p["label"]), style="bold")
        parts.append(title)
        lines = Table.grid(padding=(0, 1))
        lines.add_column(no_wrap=True, style="italic")
        lines.add_column(ratio=1)
        if p["usual_roles"]:
            lines.add_row(_t("usual", language), _joined(p["usual_roles"], " · "))
        if p["played_roles"]:
            lines.add_row(_t("played", language), _joined(p["played_roles"], " → "))
        parts.append(Padding(lines, (0, 0, 0, 3)))
    return Group(*parts)


def _joined(roles: list[Mapping[str, Any]], separator: str) -> Text:
    result = Text()
    for index, role in enumerate(roles):
        if index:
            result.append(separator, style="bold")
        result.append_text(_role_text(role))
    return result


def _finding(item: Mapping[str, Any], language: str) -> Text:
    result = text(item["text"])
    if item.get("by"):
        result.append(" — " + clean(item["by"]), style="italic dim")
    if item.get("tags"):
        result.append("  " + " ".join(f"#{clean(tag)}" for tag in item["tags"]), style="dim")
    return result


def _follow_up(fu: Mapping[str, Any], language: str) -> Text:
    result = Text(f"[{clean(fu['status']['label'])}] ", style="bold")
    result.append(clean(fu["question"]))
    extra = []
    if fu["owner"]:
        extra.append(_t("owner_is", language, owner=one_line(fu["owner"])))
    if fu["due"]:
        extra.append(_t("due_is", language, due=fu["due"]))
    if fu["continues"]:
        extra.append(_t("continues_is", language, ref=fu["continues"]))
    if extra:
        result.append(" (" + clean("; ".join(extra)) + ")", style="dim")
    if fu["note"]:
        result.append("\n" + clean(fu["note"]), style="italic")
    return result


# --- a learning route ------------------------------------------------------------------------


def render_route(summary: Mapping[str, Any], width: int) -> Group:
    language = summary["language"]
    parts: list[RenderableType] = []
    routes = ", ".join(summary["routes"]) or _t("no_route", language)
    parts.append(Text(clean(_t("route_title", language, route=routes)), style="bold reverse"))
    parts.append(_field(_t("sessions_count", language),
                        len(summary["sessions"]) + omitted(summary, "sessions")))
    parts.extend(_anonymised(summary))
    narrow = width < NARROW

    parts.append(heading(_t("sessions", language)))
    table = Table(box=box.SIMPLE_HEAD, expand=not narrow, padding=(0, 1))
    table.add_column(_t("col_date", language), no_wrap=True)
    table.add_column("#", justify="right")
    table.add_column(_t("col_casus", language), ratio=1, overflow="fold")
    if not narrow:
        table.add_column(_t("col_present", language), justify="right")
        table.add_column(_t("col_judgement", language))
    for s in summary["sessions"]:
        row = [text(s["date"]), text(s["session_number"] or ""), text(s["title"])]
        if not narrow:
            row += [text(s["present"]), text(s["judgement"]["label"] if s["judgement"]
                                              else "")]
        table.add_row(*row)
    parts.append(table)
    if omitted(summary, "sessions"):
        parts.append(Text(_t("more_sessions", language, shown=len(summary["sessions"]),
                             count=omitted(summary, "sessions"),
                             since=summary["omitted"]["since"]), style="italic dim"))

    parts.append(heading(_t("quadrant_spread", language)))
    parts.append(_spread(summary, narrow))
    parts.append(Text(_t("spread_note", language), style="italic dim"))

    if summary["roles"]:
        parts.append(heading(_t("route_roles", language)))
        orientation_labels = summary["orientations"]["labels"]
        roles = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
        roles.add_column(_t("col_role", language), ratio=1, overflow="fold")
        keys = [k for k in orientation_labels if k != "both"]
        for key in keys:
            roles.add_column(clean(orientation_labels[key]), justify="right",
                             overflow="fold")
        for row_data in summary["roles"]:
            roles.add_row(text(row_data["label"]),
                          *(text(row_data["counts"].get(k, 0)) for k in keys))
        parts.append(roles)
        dates = {s["id"]: s["date"] for s in summary["sessions"]}
        parts.append(Text(_t("people_orientation", language), style="italic"))
        if narrow:
            parts.append(_bullets(
                text(f"{dates[row_data['id']]}: " + ", ".join(
                    f"{orientation_labels[k]} {row_data['counts'][k]}"
                    for k in orientation_labels))
                for row_data in summary["orientations"]["per_session"]))
        else:
            people = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
            people.add_column(_t("col_session", language), ratio=1)
            for key in orientation_labels:
                people.add_column(clean(orientation_labels[key]), justify="right")
            for row_data in summary["orientations"]["per_session"]:
                people.add_row(text(dates[row_data["id"]]),
                               *(text(row_data["counts"][k]) for k in orientation_labels))
            parts.append(people)

    recurring = summary["recurring"]
    parts.append(heading(_t("recurring", language)))
    if recurring["tags"]:
        parts.append(Text(_t("recurring_tags", language), style="italic"))
        parts.append(_bullets(
            text(f"#{tag['tag']} — " + _t("in_sessions", language, count=count_of(tag))
                 + " (" + ", ".join(k["label"] for k in tag["kinds"]) + ")")
            for tag in recurring["tags"]))
    if recurring["phrases"]:
        parts.append(Text(_t("recurring_phrases", language), style="italic"))
        parts.append(_bullets(
            text(f"“{p['phrase']}” — " + _t("in_sessions", language, count=count_of(p)))
            for p in recurring["phrases"]))
    if not recurring["tags"] and not recurring["phrases"]:
        parts.append(text(_t("nothing_recurring", language)))

    if summary["sdgs"]:
        parts.append(heading(_t("sdg_coverage", language)))
        parts.append(_bullets(
            text(f"SDG {sdg['goal']} {sdg['label']}: "
                 + _t("in_sessions", language, count=count_of(sdg)))
            for sdg in summary["sdgs"]))

    fus = summary["follow_ups"]
    parts.append(heading(_t("route_follow_ups", language)))
    parts.append(text(_t("follow_up_counts", language, opened=fus["opened"],
                         closed=fus["closed"], open=fus["open"], as_of=fus["as_of"] or "-")))
    for label_key, items, more in (
            ("still_open", [i for i in fus["items"] if not i["closed_on"]],
             omitted(summary, "open_follow_ups")),
            ("closed", [i for i in fus["items"] if i["closed_on"]],
             omitted(summary, "closed_follow_ups"))):
        if items:
            parts.append(Text(_t(label_key, language), style="bold"))
            parts.append(_bullets(_thread(item, language) for item in items))
        if more:
            parts.append(text(_t("more_threads", language, count=more), style="italic"))
    return Group(*parts)


def _spread(summary: Mapping[str, Any], narrow: bool) -> RenderableType:
    language = summary["language"]
    order = summary["quadrants"]["order"]
    dates = {s["id"]: s["date"] for s in summary["sessions"]}
    if narrow:  # a table of five columns does not fit: one line per session
        lines = []
        for row_data in summary["quadrants"]["per_session"]:
            cells = []
            for q in order:
                value = f"{q['short']} {row_data['counts'][q['key']]}"
                if row_data["change"] is not None and row_data["change"][q["key"]]:
                    value += f" ({row_data['change'][q['key']]:+d})"
                cells.append(value)
            line = Text(f"{dates[row_data['id']]}: ", style="bold")
            line.append(clean(", ".join(cells)))
            lines.append(line)
        return _bullets(lines)
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column(_t("col_session", language), no_wrap=True)
    for q in order:
        table.add_column(clean(q["short"] if narrow else q["label"]), justify="right")
    for row_data in summary["quadrants"]["per_session"]:
        row_cells: list[Text] = []
        for q in order:
            value = str(row_data["counts"][q["key"]])
            if row_data["change"] is not None and row_data["change"][q["key"]]:
                value += f" ({row_data['change'][q['key']]:+d})"
            row_cells.append(text(value))
        table.add_row(text(dates[row_data["id"]]), *row_cells)
    return table


def _thread(item: Mapping[str, Any], language: str) -> Text:
    result = text(item["question"])
    details = [_t("opened_on", language, date=item["opened_on"])]
    if continued := [h for h in item["history"] if h["session"] != item["closed_in"]]:
        dates = ", ".join(h["date"] for h in continued)
        details.append(_t("continued_on", language, dates=dates))
    if item["closed_on"]:
        details.append(_t("closed_on", language, date=item["closed_on"],
                          status=item["status"]["label"], days=item["age_days"]))
    else:
        details.append(_t("open_for", language, days=item["age_days"]))
    if item["owner"]:
        details.append(_t("owner_is", language, owner=one_line(item["owner"])))
    result.append(" (" + clean("; ".join(details)) + ")", style="dim")
    return result


def render(summary: Mapping[str, Any], width: int) -> Group:
    if summary["kind"] == "route":
        return render_route(summary, width)
    return render_session(summary, width)


def render_to_string(summary: Mapping[str, Any], width: int = 80) -> str:
    """The report as plain text at a fixed width (for files and golden tests)."""
    import io

    stream = io.StringIO()
    console = console_for(stream, width=width, color=False)
    console.print(render(summary, width))
    return "\n".join(line.rstrip() for line in stream.getvalue().split("\n"))
