"""The report's drawings as inline SVG: the NSOB map, the overview's small maps, the threads.

Built with `evaltool.report.render.markup`, so every text is escaped by the element builder.

The NSOB map: each participant is a `<g class="participant" data-participant="ID">` with
a numbered marker and its label (full label in `<title>`), in its quadrant, on the
border between two quadrants (the marker's centre on the border itself, inside a
`border-band`), or in the strip "not placed" below the figure. The marker's ring shows
the orientation in a way that survives grey-scale printing: solid for city-facing,
hollow for internal, half for both; its number stands on a white disc in black, far
above the WCAG AA contrast ratio, whatever the ring.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from evaltool.i18n import t
from evaltool.i18n.escaping import one_line
from evaltool.report.contract import NsobMap, Participant, RouteSummary, Side
from evaltool.report.render.markup import Markup, element, join
from evaltool.report.render.prose import long_date

WIDTH = 760
LEFT, TOP = 40, 40          # room for the axis labels
COLUMN = 340                # width of one quadrant
LINE = 24                   # height of one participant entry
MAX_LABEL = 44              # characters of a label shown (the full one is in <title>)
CHAR = 7.0                  # a generous average width of one character at 12px
RING, DISC = 11, 7          # radii of a marker's ring and of the white disc with its number
CITY, INTERNAL, NEUTRAL = "#1f6f8b", "#c0562a", "#6b6b6b"
INK, PAPER = "#000000", "#ffffff"
FILLS = {(0, 0): "#eef3f8", (0, 1): "#eef7f1", (1, 0): "#f7f2ea", (1, 1): "#f6eef6"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


def _short(label: str, limit: int = MAX_LABEL) -> str:
    label = one_line(label)
    return label if len(label) <= limit else label[: limit - 1] + "…"


def marker(x: float, y: float, orientation: str | None, number: object) -> Markup:
    """A participant's marker: the ring shows the orientation, the number is on white."""
    if orientation == "city":
        ring = element("circle", {"cx": x, "cy": y, "r": RING, "fill": CITY})
    elif orientation == "internal":
        ring = element("circle", {"cx": x, "cy": y, "r": RING - 1.5, "fill": PAPER,
                                  "stroke": INTERNAL, "stroke-width": 3})
    elif orientation == "both":
        ring = join([
            element("circle", {"cx": x, "cy": y, "r": RING - 1.5, "fill": PAPER,
                               "stroke": INTERNAL, "stroke-width": 3}),
            element("path", {"d": f"M {x} {y - RING} A {RING} {RING} 0 0 0 {x} {y + RING} Z",
                             "fill": CITY}),
        ])
    else:
        ring = element("circle", {"cx": x, "cy": y, "r": RING - 1, "fill": PAPER,
                                  "stroke": NEUTRAL, "stroke-width": 1.5,
                                  "stroke-dasharray": "2 2"})
    disc = element("circle", {"class": "disc", "cx": x, "cy": y, "r": DISC, "fill": PAPER})
    digits = element("text", {"x": x, "y": y + 3.5, "text-anchor": "middle", "font-size": 10,
                              "font-weight": "bold", "fill": INK}, number)
    return join([ring, disc, digits])


def _entry(x: float, y: float, person: Participant, *, backdrop: bool = False
           ) -> Markup:
    """A marker centred at (x, y) and the participant's label right of it."""
    label = _short(person["label"])
    orientation = person["orientation"]
    title = one_line(person["label"]) + (f" ({orientation['label']})" if orientation else "")
    parts = [element("title", None, title)]
    if backdrop:
        width = len(label) * CHAR + 2 * RING + 12
        parts.append(element("rect", {"x": x - RING - 3, "y": y - 12, "width": round(width),
                                      "height": 24, "rx": 12, "fill": PAPER,
                                      "stroke": "#8a8a8a", "stroke-width": 0.75}))
    parts.append(element("g", {"class": "marker"},
                         marker(x, y, orientation["key"] if orientation else None,
                                person["number"])))
    parts.append(element("text", {"class": "label", "x": x + RING + 5, "y": y + 4,
                                  "font-size": 12}, label))
    return element("g", {"class": "participant", "data-participant": person["id"]}, parts)


def render_map(nsob: NsobMap, people: Mapping[str, Participant], language: str) -> Markup:
    """The figure for one session's `map` (from `summary.nsob_map`) as an `<svg>` element."""
    corner = {(q["row"], q["column"]): q for q in nsob["quadrants"]}
    border = {b["side"]: [i for i in b["participants"] if i in people]
              for b in nsob["borders"]}
    rows = []
    sides: tuple[tuple[int, Side], ...] = ((0, "top"), (1, "bottom"))
    for row, side in sides:
        inside = max(len(corner[(row, 0)]["participants"]),
                     len(corner[(row, 1)]["participants"]))
        rows.append(max(150, 48 + LINE * inside + (LINE + 6) * len(border.get(side, [])) + 16))
    between = max(len(border.get("left", [])), len(border.get("right", [])))
    band = between * (LINE + 6) + 10 if between else 0
    mid_x = LEFT + COLUMN
    top = {0: TOP, 1: TOP + rows[0] + band}
    height_map = rows[0] + band + rows[1]
    body: list[Markup] = []
    for (row, column), q in sorted(corner.items()):
        x, y = LEFT + column * COLUMN, top[row]
        drawn = [element("rect", {"x": x, "y": y, "width": COLUMN, "height": rows[row],
                                  "fill": FILLS[(row, column)], "stroke": "#555555"}),
                 element("text", {"x": x + 12, "y": y + 24, "font-size": 15,
                                  "font-weight": "bold"}, q["label"])]
        drawn += [_entry(x + 24, y + 50 + index * LINE, people[participant_id])
                   for index, participant_id in enumerate(
                       i for i in q["participants"] if i in people)]
        body.append(element("g", {"class": "quadrant", "data-quadrant": q["key"]}, drawn))
    for side, ids in border.items():
        if not ids:
            continue
        if side in ("top", "bottom"):  # the vertical line between two quadrants of a row
            row = 0 if side == "top" else 1
            band_box = {"x": mid_x - RING - 2, "y": top[row], "width": 2 * RING + 4,
                        "height": rows[row]}
            entries = [_entry(mid_x, top[row] + rows[row] - 22 - index * (LINE + 6),
                              people[i], backdrop=True) for index, i in enumerate(ids)]
        else:  # the horizontal band between the two quadrants of a column
            x = LEFT + (0 if side == "left" else COLUMN)
            band_box = {"x": x, "y": top[0] + rows[0], "width": COLUMN, "height": band}
            entries = [_entry(x + 40, top[0] + rows[0] + 5 + (LINE + 6) // 2
                              + index * (LINE + 6), people[i], backdrop=True)
                       for index, i in enumerate(ids)]
        body.append(element("g", {"class": "border", "data-border": side}, [
            element("rect", {"class": "border-band", **band_box, "fill": "#ffffff",
                             "fill-opacity": 0.55, "stroke": "#555555",
                             "stroke-dasharray": "4 3"}),
            *entries]))
    axes = nsob["axes"]
    bottom = TOP + height_map
    middle_y = TOP + height_map / 2
    body.append(element("g", {"class": "axes", "font-size": 12, "font-style": "italic",
                              "fill": "#333333"}, [
        element("text", {"x": mid_x, "y": TOP - 14, "text-anchor": "middle"},
                "↑ " + axes["focus"]["result"]),
        element("text", {"x": mid_x, "y": bottom + 20, "text-anchor": "middle"},
                "↓ " + axes["focus"]["value"]),
        element("text", {"x": LEFT - 14, "y": middle_y, "text-anchor": "middle",
                         "transform": f"rotate(-90 {LEFT - 14} {middle_y})"},
                "← " + axes["steering"]["inside_out"]),
        element("text", {"x": LEFT + 2 * COLUMN + 16, "y": middle_y, "text-anchor": "middle",
                         "transform": f"rotate(90 {LEFT + 2 * COLUMN + 16} {middle_y})"},
                axes["steering"]["outside_in"] + " →"),
    ]))
    y = bottom + 50
    unplaced = [i for i in nsob["unplaced"] if i in people]
    if unplaced:
        body.append(element("g", {"class": "unplaced"}, [
            element("text", {"x": LEFT, "y": y, "font-size": 12, "font-style": "italic"},
                    t("report.not_placed", language)),
            *(_entry(LEFT + 24 + (index % 2) * COLUMN, y + 26 + (index // 2) * LINE,
                     people[i]) for index, i in enumerate(unplaced))]))
        y += 26 + ((len(unplaced) + 1) // 2) * LINE
    legend = [("city", t("report.legend_city", language)),
              ("internal", t("report.legend_internal", language)),
              ("both", t("report.legend_both", language))]
    body.append(element("g", {"class": "legend", "font-size": 11}, [
        join([marker(LEFT + 24 + index * 230, y + 14, key, ""),
              element("text", {"x": LEFT + 24 + index * 230 + RING + 5, "y": y + 18}, label)])
        for index, (key, label) in enumerate(legend)]))
    return _svg("nsob-map", y + 36, t("report.nsob_map", language), body)


def _svg(kind: str, height: float, title: str, body: Sequence[Markup]) -> Markup:
    return element("svg", {"class": kind, "role": "img", "viewBox": f"0 0 {WIDTH} {height:.0f}",
                           "width": "100%", "font-family": FONT,
                           "aria-labelledby": f"{kind}-title"},
                   element("title", {"id": f"{kind}-title"}, title), body)


def render_spread(summary: RouteSummary, language: str) -> Markup:
    """Small multiples for the overview: per session the four corners with their counts."""
    order = summary["quadrants"]["order"]
    sessions = {s["id"]: s for s in summary["sessions"]}
    rows = summary["quadrants"]["per_session"]
    cell_w, cell_h, gap = 64, 40, 22
    box_w = 2 * cell_w
    per_line = max(1, (WIDTH - 20) // (box_w + gap))
    lines = (len(rows) + per_line - 1) // per_line
    body = []
    for index, row in enumerate(rows):
        x0 = 10 + (index % per_line) * (box_w + gap)
        y0 = 10 + (index // per_line) * (2 * cell_h + 46)
        cells = []
        for q in order:
            x, y = x0 + q["column"] * cell_w, y0 + q["row"] * cell_h
            count = row["counts"][q["key"]]
            change = (row["change"] or {}).get(q["key"], 0)
            cells += [
                element("rect", {"x": x, "y": y, "width": cell_w, "height": cell_h,
                                 "fill": FILLS[(q["row"], q["column"])], "stroke": "#555555"}),
                element("text", {"x": x + cell_w // 2, "y": y + 25, "text-anchor": "middle",
                                 "font-size": 15 if count else 12, "font-weight": "bold"},
                        element("title", None, q["label"]), count,
                        element("tspan", {"font-size": 10, "font-weight": "normal"},
                                f" ({change:+d})" if change else "")),
            ]
        session = sessions.get(row["id"])
        date = long_date(session["date"], language) if session and session["date"] else row["id"]
        cells.append(element("text", {"x": x0 + cell_w, "y": y0 + 2 * cell_h + 16,
                                      "text-anchor": "middle", "font-size": 11}, date))
        body.append(element("g", {"class": "spread", "data-session": row["id"]}, cells))
    return _svg("spread-map", lines * (2 * cell_h + 46) + 10,
                t("report.spread_caption", language), body)


def render_threads(summary: RouteSummary, language: str) -> Markup:
    """Each follow-up thread as a line across the sessions: from the meeting that asked the
    question to the one that closed it (a check mark), or on to the latest (still open)."""
    sessions = summary["sessions"]
    column = {s["id"]: index for index, s in enumerate(sessions)}
    items = [i for i in summary["follow_ups"]["items"] if i["opened_in"] in column]
    if not items or not sessions:
        return Markup("")
    left, step, row_h = 150, max(40, min(120, (WIDTH - 190) // max(1, len(sessions)))), 26
    body = []
    for index, s in enumerate(sessions):
        label = t("report.meeting_short", language, number=s["session_number"]) \
            if s["session_number"] else long_date(s["date"], language)
        body.append(element("text", {"x": left + index * step, "y": 18,
                                     "text-anchor": "middle", "font-size": 11}, label))
    for number, item in enumerate(items):
        y = 40 + number * row_h
        start = column[item["opened_in"]]
        stops = [column[h["session"]] for h in item["history"] if h["session"] in column]
        end = column[item["closed_in"]] if item["closed_in"] in column else len(sessions) - 1
        parts = [element("title", None, item["question"]),
                 element("text", {"x": 10, "y": y + 4, "font-size": 11},
                         _short(item["question"], 20)),
                 element("line", {"x1": left + start * step, "y1": y, "x2": left + end * step,
                                  "y2": y, "stroke": CITY, "stroke-width": 3,
                                  "stroke-dasharray": None if item["closed_on"] else "6 4"})]
        closing = column.get(item["closed_in"] or "")
        for stop in [start, *stops]:
            if stop != closing:
                parts.append(element("circle", {"cx": left + stop * step, "cy": y, "r": 6,
                                                "fill": CITY}))
        if closing is not None:  # a check mark on white where the thread was closed
            x = left + closing * step
            parts += [element("circle", {"cx": x, "cy": y, "r": 8, "fill": PAPER,
                                         "stroke": CITY, "stroke-width": 2}),
                      element("path", {"d": f"M {x - 4} {y} l 3 3.5 l 5.5 -7", "fill": "none",
                                       "stroke": INK, "stroke-width": 2.2})]
        body.append(element("g", {"class": "thread", "data-thread": item["ref"]}, parts))
    return _svg("threads-map", 40 + len(items) * row_h, t("report.threads_caption", language),
                body)
