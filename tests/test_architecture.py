"""Imports flow one way: the packages' layers, read from the source itself.

Every `import` of every module under src/evaltool is read with `ast` (also those inside
functions: a cycle hidden in a function is still a cycle). The build fails on

- a cycle between modules;
- an import against the layers below: a module imports its own package, or a package
  of a lower layer; never one of a higher layer, nor another package of its own layer
  (the features do not know each other);
- a private reach-in: `from evaltool.x import _name` or `x._name` of a module of
  evaltool's (a name made private is not another module's to use; give it a public name
  or move it);
- a module that has no place in the table;
- a library outside its lane (`LANES`: typer in the command line, rich in renderers and
  prompters, YAML in the store). ruff's banned-api rule says so while one types, but it
  can only open every ban to a file at once; the per-file-ignores in pyproject.toml must
  be exactly these lanes.

Imports under `if TYPE_CHECKING:` are left out of the cycle check (they never run; a type
may name what it is about), but they still keep to the layers.
"""

from __future__ import annotations

import ast
import shutil
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO

SOURCE = REPO / "src"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("evaltool.__main__",),  # `python -m evaltool`
    ("evaltool.cli",),  # the Typer app and its one error edge
    ("evaltool.commands",),  # each command: parse, call a feature, render, exit
    ("evaltool.wizard", "evaltool.report", "evaltool.git"),  # the features, side by side
    ("evaltool.session",),  # the session file as a contract
    ("evaltool.fs",),  # files on disk
    ("evaltool.errors",),  # the error family
    ("evaltool.i18n",),  # every text, and what makes text safe to show
    ("evaltool",),  # the package itself: its version
)
"""From the top down: a module may import its own package and any package of a lower
layer; never a higher one, nor another package of its own layer."""

_COMMAND_LINE = ("evaltool.cli", "evaltool.commands")
_STORE = ("evaltool.session.store", "evaltool.session.yamlreader", "evaltool.session.yamlwriter")
LANES: dict[str, tuple[str, ...]] = {
    "typer": _COMMAND_LINE,
    "click": _COMMAND_LINE,
    "rich": (*_COMMAND_LINE, "evaltool.report.render", "evaltool.wizard.prompter"),
    "yaml": _STORE,
    "ruamel": _STORE,
}
"""The only modules (or packages) that may import each of these libraries."""


@dataclass(frozen=True)
class Import:
    """One imported evaltool module, where it is imported."""

    importer: str
    imported: str
    line: int
    type_only: bool
    text: str

    def __str__(self) -> str:
        return f"{self.importer}:{self.line}: {self.text}"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path) -> dict[str, Path]:
    """Every module of the `evaltool` package under `root` (a src folder), by name."""
    return {module_name(path, root): path for path in sorted((root / "evaltool").rglob("*.py"))}


@dataclass(frozen=True)
class Source:
    """One module, read: its imports and the attributes it reads (one walk of its tree)."""

    name: str
    is_package: bool
    imports: list[ast.Import | ast.ImportFrom]
    attributes: list[ast.Attribute]
    type_only: set[int]
    """The lines of the statements under `if TYPE_CHECKING:`."""

    @classmethod
    def read(cls, name: str, path: Path) -> Source:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        found: list[ast.Import | ast.ImportFrom] = []
        attributes: list[ast.Attribute] = []
        type_only: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.append(node)
            elif isinstance(node, ast.Attribute) and _private(node.attr):
                attributes.append(node)
            elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                type_only |= {statement.lineno for statement in node.body}
        return cls(name, path.name == "__init__.py", found, attributes, type_only)

    def absolute(self, node: ast.ImportFrom) -> str:
        """The module a `from` import names, also a relative one."""
        if not node.level:
            return node.module or ""
        base = self.name.split(".") if self.is_package else self.name.split(".")[:-1]
        base = base[:len(base) - (node.level - 1)]
        return ".".join([*base, *([node.module] if node.module else [])])


def read(root: Path) -> list[Source]:
    return [Source.read(name, path) for name, path in modules(root).items()]


def _ours(name: str) -> bool:
    return name == "evaltool" or name.startswith("evaltool.")


def imports(sources: list[Source]) -> Iterator[Import]:
    """Every import of an evaltool module by an evaltool module. `from a import b` imports
    the module `a.b` when there is one, else (a name of) `a`."""
    known = {source.name for source in sources}
    for source in sources:
        for node in source.imports:
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = source.absolute(node)
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                           for alias in node.names]
            for target in dict.fromkeys(filter(_ours, targets)):
                yield Import(source.name, target, node.lineno, node.lineno in source.type_only,
                             ast.unparse(node))


def place(module: str) -> tuple[int, str] | None:
    """The layer (0 at the top) and the package of the table that `module` belongs to."""
    found = [(index, package) for index, layer in enumerate(LAYERS) for package in layer
             if module == package or (package != "evaltool" and module.startswith(package + "."))]
    return max(found, key=lambda item: len(item[1])) if found else None


def against_the_layers(found: Iterable[Import]) -> list[str]:
    """Each import of a higher layer or of another package of the same layer."""
    wrong = []
    for item in found:
        importer, imported = place(item.importer), place(item.imported)
        if importer is None or imported is None or importer[1] == imported[1]:
            continue
        if imported[0] <= importer[0]:
            wrong.append(f"{item} ({importer[1]} may not import {imported[1]})")
    return wrong


def cycles(found: Iterable[Import]) -> list[list[Import]]:
    """Each cycle of imports that run (strongly connected modules, one cycle shown each)."""
    graph: dict[str, dict[str, Import]] = {}
    for item in found:
        if not item.type_only and item.importer != item.imported:
            graph.setdefault(item.importer, {}).setdefault(item.imported, item)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    components: list[list[str]] = []

    def connect(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        for successor in graph.get(node, {}):
            if successor not in index:
                connect(successor)
                low[node] = min(low[node], low[successor])
            elif successor in stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [_one_cycle(graph, set(component), component[0]) for component in components]


def _one_cycle(graph: dict[str, dict[str, Import]], members: set[str],
               start: str) -> list[Import]:
    """A shortest way from `start` back to itself inside one strongly connected set."""
    paths: dict[str, list[Import]] = {start: []}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for successor, item in sorted(graph.get(node, {}).items()):
            if successor == start:
                return [*paths[node], item]
            if successor in members and successor not in paths:
                paths[successor] = [*paths[node], item]
                queue.append(successor)
    raise AssertionError(f"no cycle through {start}")  # pragma: no cover


def private_reach_ins(sources: list[Source]) -> list[str]:
    """`from evaltool.x import _name`, and `x._name` where `x` is an evaltool module."""
    known = {source.name for source in sources}
    wrong = []
    for source in sources:
        bound: set[str] = set()  # the local names of evaltool modules
        for node in source.imports:
            if isinstance(node, ast.Import):
                bound |= {alias.asname for alias in node.names
                          if alias.asname and _ours(alias.name)}
                continue
            base = source.absolute(node)
            if not _ours(base):
                continue
            for alias in node.names:
                if f"{base}.{alias.name}" in known:
                    bound.add(alias.asname or alias.name)
                elif _private(alias.name):
                    wrong.append(f"{source.name}:{node.lineno}: {ast.unparse(node)}")
        for attribute in source.attributes:
            value = attribute.value
            if (isinstance(value, ast.Name) and value.id in bound) or \
                    _ours(ast.unparse(value)):
                wrong.append(f"{source.name}:{attribute.lineno}: {ast.unparse(attribute)}")
    return wrong


def outside_the_lanes(sources: list[Source]) -> list[str]:
    """Each import of a library of `LANES` outside its lane."""
    wrong = []
    for source in sources:
        for node in source.imports:
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) \
                else [node.module or ""] if not node.level else []
            for library in {name.split(".")[0] for name in names} & set(LANES):
                if not any(_within(source.name, lane) for lane in LANES[library]):
                    wrong.append(f"{source.name}:{node.lineno}: {ast.unparse(node)} "
                                 f"({library} is for {', '.join(LANES[library])})")
    return wrong


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def lane_files(root: Path) -> set[str]:
    """The files of the lanes, as pyproject.toml's per-file-ignores name them."""
    names = {name for lane in LANES.values() for name in lane}
    return {f"src/{name.replace('.', '/')}/*.py" if (root / name.replace(".", "/")).is_dir()
            else f"src/{name.replace('.', '/')}.py" for name in names}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def problems(root: Path) -> list[str]:
    """Everything wrong with the imports of the package under `root` (a src folder), one
    line each."""
    sources = read(root)
    found = list(imports(sources))
    return ([f"no layer for {source.name}: add it to LAYERS" for source in sources
             if place(source.name) is None]
            + [f"against the layers: {line}" for line in against_the_layers(found)]
            + ["cycle: " + " -> ".join(str(item) for item in cycle) for cycle in cycles(found)]
            + [f"private reach-in: {line}" for line in private_reach_ins(sources)]
            + [f"outside its lane: {line}" for line in outside_the_lanes(sources)])


# --- the source as it is --------------------------------------------------------------------


@pytest.fixture(scope="module")
def sources() -> list[Source]:
    return read(SOURCE)


def test_every_module_has_a_layer(sources: list[Source]) -> None:
    assert [source.name for source in sources if place(source.name) is None] == []


def test_imports_follow_the_layers(sources: list[Source]) -> None:
    assert against_the_layers(imports(sources)) == []


def test_no_module_imports_itself_back(sources: list[Source]) -> None:
    assert [" -> ".join(map(str, cycle)) for cycle in cycles(imports(sources))] == []


def test_no_private_name_is_used_across_modules(sources: list[Source]) -> None:
    assert private_reach_ins(sources) == []


def test_each_library_keeps_to_its_lane(sources: list[Source]) -> None:
    assert outside_the_lanes(sources) == []


def test_ruff_opens_the_bans_to_the_lanes_only() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    lint = config["tool"]["ruff"]["lint"]
    assert set(lint["flake8-tidy-imports"]["banned-api"]) == set(LANES)
    opened = {pattern for pattern, codes in lint["per-file-ignores"].items()
              if "TID251" in codes and pattern.startswith("src/")}
    assert opened == lane_files(SOURCE)


def test_the_reading_sees_the_imports_that_exist(sources: list[Source]) -> None:
    """The check is not vacuous: known imports of each kind are in the graph."""
    found = {(item.importer, item.imported, item.type_only) for item in imports(sources)}
    assert ("evaltool.session.store", "evaltool.session.yamlreader", False) in found
    assert ("evaltool.cli", "evaltool.errors", False) in found
    # inside a function (the command layer keeps the heavy parts out of `--help`)
    assert any(importer.startswith("evaltool.commands.") and imported.startswith(
        "evaltool.session.") for importer, imported, _ in found)
    assert any(type_only for *_, type_only in found)


# --- the check itself, on a copy of the source with one bad import added ----------------------


@pytest.fixture
def source(tmp_path: Path) -> Path:
    copy = tmp_path / "src"
    shutil.copytree(SOURCE / "evaltool", copy / "evaltool",
                    ignore=shutil.ignore_patterns("__pycache__", "locale"))
    return copy


def _add(root: Path, module: str, code: str) -> None:
    path = root / Path(*module.split(".")).with_suffix(".py")
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + code + "\n", encoding="utf-8")


BAD = [
    # (module, code added at its end, what the failure names)
    ("evaltool.session.models", "from evaltool.wizard import engine",
     "against the layers: evaltool.session.models:"),
    ("evaltool.wizard.engine", "def later() -> None:\n    from evaltool.report import summary",
     "(evaltool.wizard may not import evaltool.report)"),
    ("evaltool.fs.atomic", "import evaltool.session.store",
     "(evaltool.fs may not import evaltool.session)"),
    ("evaltool.commands.files", "from evaltool.cli import main",
     "(evaltool.commands may not import evaltool.cli)"),
    ("evaltool.i18n.textsafe", "def later() -> None:\n    from evaltool.errors import Problem",
     "(evaltool.i18n may not import evaltool.errors)"),
    ("evaltool.session.yamlreader", "def later() -> None:\n"
     "    from evaltool.session.store import load_session",
     "-> evaltool.session.yamlreader:"),
    ("evaltool.wizard.engine", "from evaltool.session.store import _current",
     "private reach-in: evaltool.wizard.engine:"),
    ("evaltool.wizard.engine", "from evaltool.session import store\nstore._current",
     "private reach-in: evaltool.wizard.engine:"),
    ("evaltool.report.summary", "def later() -> None:\n    import rich.console",
     "outside its lane: evaltool.report.summary:"),
    ("evaltool.session.models", "import yaml", "(yaml is for evaltool.session.store"),
    ("evaltool.wizard.engine", "from typer import Exit", "(typer is for evaltool.cli"),
]


@pytest.mark.parametrize(("module", "code", "named"), BAD,
                         ids=[f"{module}+{code.split()[-1]}" for module, code, _ in BAD])
def test_a_bad_import_fails_and_is_named(source: Path, module: str, code: str,
                                         named: str) -> None:
    _add(source, module, code)
    found = problems(source)
    assert any(named in line for line in found), found
    # the offending line itself is quoted
    statement = code.splitlines()[-1].strip()
    assert any(statement in line or statement.split()[-1] in line for line in found), found


def test_a_cycle_names_every_import_in_it(source: Path) -> None:
    _add(source, "evaltool.session.yamlreader", "def later() -> None:\n"
         "    from evaltool.session.store import load_session")
    [cycle] = [line for line in problems(source) if line.startswith("cycle:")]
    assert "evaltool.session.yamlreader:" in cycle
    assert "from evaltool.session.store import load_session" in cycle
    assert cycle.count(" -> ") >= 1


def test_a_type_only_import_keeps_to_the_layers_but_makes_no_cycle(source: Path) -> None:
    _add(source, "evaltool.session.yamlreader",
         "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
         "    from evaltool.session.store import EditableSession")
    assert problems(source) == []
    _add(source, "evaltool.session.models",
         "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
         "    from evaltool.wizard.engine import Wizard")
    assert any("evaltool.session may not import evaltool.wizard" in line
               for line in problems(source))


def test_a_new_module_needs_a_layer(source: Path) -> None:
    (source / "evaltool" / "extras.py").write_text('"""Something new."""\n', encoding="utf-8")
    assert problems(source) == ["no layer for evaltool.extras: add it to LAYERS"]
