"""The search app discovers what the other apps contribute (the import rule itself is checked for
every app by tests/test_architecture.py)."""

import pytest

from search.registry import DOCUMENT_TYPES, PAGE_TYPES, SNIPPETS
from tests.search import DEMO_DOCUMENT_TYPES
from tests.test_architecture import ROOT, imported_modules


def test_the_query_builder_does_not_import_the_search_service():
    modules = {module for _line, module in imported_modules(ROOT / "search" / "opensearch_query.py")}
    assert "search.service" not in modules


def test_each_document_type_is_declared_once_by_the_app_that_owns_it():
    assert set(DOCUMENT_TYPES) == DEMO_DOCUMENT_TYPES
    owners = {model._meta.app_label for model in [*PAGE_TYPES, *SNIPPETS]}
    assert {"home", "broadband", "services"} <= owners
    assert all(str(t.label) and t.weight > 0 for t in DOCUMENT_TYPES.values())


@pytest.mark.django_db
def test_a_page_body_is_its_text_not_the_names_of_its_methods(demo):
    """The folded copies of a page's text are methods listed among its search fields, for the
    database backend; read as attributes they were their names ("<bound method …>"), and every
    indexed body began with "> >", which highlights showed."""
    from wagtail.models import Page

    from search.registry import IndexContext, page_document

    ctx = IndexContext()
    documents = [page_document(page, ctx) for page in Page.objects.live().filter(depth__gt=1)[:40]]
    bodies = [doc["body"] for doc in documents if doc]
    assert bodies and not any(body.lstrip().startswith(">") or "bound method" in body for body in bodies)
    assert any(len(body) > 100 for body in bodies)
