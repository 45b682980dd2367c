"""Texts shared by every command: the error edge, templates, common words."""

MESSAGES = {
    "error": ("error", "fout"),
    "template_missing": ("no {kind} called '{name}'", "geen {kind} met de naam '{name}'"),
    "template_missing_hint": ("looked in: {folders}", "gezocht in: {folders}"),
    "interrupted": ("interrupted", "onderbroken"),
}
