"""Questions about the page tree that several apps ask: what lies below some pages, and which
municipality a page belongs to (by ancestry, the same in every language)."""

from collections.abc import Iterable, Mapping

from django.db.models import Q
from wagtail.models import Page


def below_paths(paths: Iterable[str], field: str = "path") -> Q:
    """Pages (or rows whose `field` holds a page path) at or below any of these tree paths.

    An empty list matches nothing.
    """
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{field}__startswith": path})
    return query


def nearest_ancestor(path: str, by_path: Mapping[str, object], *, inclusive: bool = True):
    """The value of the nearest ancestor of `path` (itself too when `inclusive`) found in `by_path`."""
    step = Page.steplen
    end = len(path) if inclusive else len(path) - step
    for cut in range(end, 0, -step):
        found = by_path.get(path[:cut])
        if found is not None:
            return found
    return None


def municipalities_by_path() -> dict:
    """Every MunicipalityPage (all languages) by its tree path, for `nearest_ancestor`."""
    from home.models import MunicipalityPage

    return {m.path: m for m in MunicipalityPage.objects.all()}
