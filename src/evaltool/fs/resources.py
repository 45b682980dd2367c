"""Where templates and vocabularies are found: ./templates first, then the bundled ones."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from evaltool.errors import TemplateError

_PACKAGE = Path(__file__).resolve().parent.parent  # evaltool/


@cache
def bundled_templates() -> Path:
    """The templates shipped with evaltool: inside the wheel, or the checkout's top level."""
    inside = _PACKAGE / "_templates"
    return inside if inside.is_dir() else (_PACKAGE.parent.parent / "templates").resolve()


def template_dirs() -> list[Path]:
    """A `templates/` folder in the working directory adds to or overrides the bundled ones."""
    local = Path.cwd() / "templates"
    bundled = bundled_templates()
    if local.is_dir() and local.resolve() != bundled:
        return [local, bundled]
    return [bundled]


def find_template(relative: str, *, kind: str, name: str) -> Path:
    for folder in template_dirs():
        candidate = folder / relative
        if candidate.is_file():
            return candidate
    raise TemplateError.at(
        "core.template_missing", kind=kind, name=name, hint="core.template_missing_hint",
        folders=", ".join(str(d) for d in template_dirs()),
    )


def list_templates(subdir: str, pattern: str) -> list[Path]:
    """Every template file, the local one winning over a bundled one of the same name."""
    found: dict[str, Path] = {}
    for folder in reversed(template_dirs()):
        for path in sorted((folder / subdir).glob(pattern)):
            if path.is_file():
                found[path.name] = path
    return [found[name] for name in sorted(found)]
