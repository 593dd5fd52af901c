"""The dependency rule between our apps (../shared/DESIGN.md, README "Layout"), read from every import
statement of the source — at module level and inside functions — so a new import, a new module or a
new app is covered the day it is added.

    core ← home ← editorial ← feature apps (broadband, services) → search → home, core
    config and demo (composition roots) may import anything; nothing imports them.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Which apps of ours each app may import. An app that is not listed fails the test: decide its rule.
ALLOWED = {
    "core": set(),
    "home": {"core"},
    "editorial": {"core", "home"},
    "search": {"core", "home"},
    "broadband": {"core", "home", "editorial", "search"},
    "services": {"core", "home", "editorial", "search"},
}
COMPOSITION_ROOTS = {"config", "demo"}
# Not part of the site: nothing in an app may import them.
NOT_SITE = {"tools", "tests", "benchmarks"}
SKIP_DIRS = {"migrations", ".venv", ".cache", "node_modules", "__pycache__"}


def our_packages() -> set[str]:
    apps = {p.parent.name for p in ROOT.glob("*/apps.py")}
    return apps | {"config"}


def source_files(package: str):
    for path in sorted((ROOT / package).rglob("*.py")):
        if not SKIP_DIRS & set(path.relative_to(ROOT).parts):
            yield path


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every absolute import in a file (module level and inside functions and classes)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def app_edges() -> dict[tuple[str, str], str]:
    """(importing app, imported app) → one place where it happens."""
    packages = our_packages() | NOT_SITE
    edges = {}
    for package in sorted(our_packages()):
        for path in source_files(package):
            for lineno, module in imported_modules(path):
                target = module.split(".")[0]
                if target in packages and target != package:
                    edges.setdefault((package, target), f"{path.relative_to(ROOT)}:{lineno}")
    return edges


def test_every_app_has_a_rule():
    unknown = our_packages() - set(ALLOWED) - COMPOSITION_ROOTS
    assert not unknown, f"give these apps a line in ALLOWED (and the README's layout): {sorted(unknown)}"


def test_no_app_imports_what_the_dependency_rule_forbids():
    forbidden = []
    for (source, target), where in sorted(app_edges().items()):
        if target in NOT_SITE:
            forbidden.append(f"{source} imports {target} ({where}): not part of the site")
        elif target in COMPOSITION_ROOTS:
            forbidden.append(f"{source} imports {target} ({where}): nothing imports a composition root")
        elif source in ALLOWED and target not in ALLOWED[source]:
            forbidden.append(f"{source} imports {target} ({where})")
    assert not forbidden, "imports against the dependency rule:\n" + "\n".join(forbidden)


def test_no_import_cycle_between_apps():
    graph: dict[str, set[str]] = {}
    for source, target in app_edges():
        graph.setdefault(source, set()).add(target)

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    cycles = sorted(app for app in graph if reaches(app, app, {app}))
    assert not cycles, f"apps on an import cycle: {cycles}"


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [("home", "services", False), ("search", "broadband", False), ("broadband", "home", True)],
)
def test_the_rule_itself(source, target, expected):
    """The table says what the README says (a guard against a loosened table)."""
    assert (target in ALLOWED[source]) is expected
