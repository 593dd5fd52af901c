"""The search app discovers what the other apps contribute, and imports none of them."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEARCH = ROOT / "search"
# The dependency rule: search may import home and core (and itself), never a feature app.
SEARCH_MAY_IMPORT = {"search", "home", "core"}


def our_apps() -> set[str]:
    return {path.parent.name for path in ROOT.glob("*/apps.py")}


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at module level or inside functions."""
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def test_search_imports_no_feature_app():
    forbidden = our_apps() - SEARCH_MAY_IMPORT
    offending = sorted(
        f"{path.relative_to(ROOT)}: {module}"
        for path in SEARCH.rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in forbidden
    )
    assert offending == []


def test_the_query_builder_does_not_import_the_search_service():
    assert "search.service" not in imported_modules(SEARCH / "opensearch_query.py")


def test_each_document_type_is_declared_once_by_the_app_that_owns_it():
    from search.registry import DOCUMENT_TYPES, PAGE_TYPES, SNIPPETS

    assert set(DOCUMENT_TYPES) == {
        "municipality",
        "municipality_broadband",
        "broadband_guide",
        "operator",
        "library",
        "help_session",
        "life_event_guide",
        "e_service",
        "page",
    }
    owners = {model._meta.app_label for model in [*PAGE_TYPES, *SNIPPETS]}
    assert {"home", "broadband", "services"} <= owners
    assert all(str(t.label) and t.weight > 0 for t in DOCUMENT_TYPES.values())
