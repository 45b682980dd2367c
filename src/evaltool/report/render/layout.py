"""Which sections a report has, in which order, and which finding kinds go where: data.

The layout is `templates/report-layout.yaml` (a `./templates/report-layout.yaml` in the working
directory replaces it), read once and checked like every template.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from evaltool.fs import resources
from evaltool.session.loading import load_model
from evaltool.session.values import Version

SessionSection = Literal["opening", "plan", "realised", "sdgs", "roles_and_talents",
                         "follow_ups", "listener", "next_session", "notes", "other_findings"]
RouteSection = Literal["sessions", "roles_and_talents", "recurring", "sdgs", "follow_ups"]
Kind = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]


class SessionEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    section: SessionSection | None = None
    findings: list[Kind] = []

    @model_validator(mode="after")
    def _something(self) -> SessionEntry:
        if self.section is None and not self.findings:
            raise ValueError("an entry needs a section, findings, or both")
        return self


class RouteEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    section: RouteSection


class ReportLayout(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    schema_version: Version
    session: list[SessionEntry] = Field(min_length=1)
    route: list[RouteEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _once(self) -> ReportLayout:
        kinds = [kind for entry in self.session for kind in entry.findings]
        sections: list[str] = [entry.section for entry in self.session if entry.section]
        route: list[str] = [entry.section for entry in self.route]
        for what, names in (("finding kind", kinds), ("section", sections),
                            ("route section", route)):
            doubles = sorted({name for name in names if names.count(name) > 1})
            if doubles:
                raise ValueError(f"each {what} once: {', '.join(doubles)}")
        return self


@cache
def _read(path: Path) -> ReportLayout:
    return load_model(path, ReportLayout)


def load_layout() -> ReportLayout:
    """The report layout from ./templates or the bundled templates."""
    return _read(resources.find_template("report-layout.yaml", kind="template",
                                         name="report-layout"))
