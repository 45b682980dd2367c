"""Reports: summary data (from `evaltool.report.summary`) → a format-neutral outline → a format.

`story` (one session) and `overview` (a learning route) build an outline
(`outline.Document`) in the order of the report layout (`layout`, from
`templates/report-layout.yaml`); `contents.outline` is the one a summary needs. `text`,
`markdown` and `html` are thin writers that lay an outline out, each escaping every text
once (`markup`, on `evaltool.i18n.escaping`, which the diff shares); `json` writes the
summary data itself. `formats` is the one list of formats that `summarize` and `diff`
share.
"""

from evaltool.i18n import t, tn


def report_text(key: str, language: str, **params: object) -> str:
    """One of the report's texts (`report.<key>`) in the reader's language."""
    return t(f"report.{key}", language, **params)


def report_count(key: str, count: int, language: str, **params: object) -> str:
    """A report text about `count` things, in the plural form for that number."""
    return tn(f"report.{key}", count, language, **params)
