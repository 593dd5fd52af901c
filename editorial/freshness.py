"""The freshness overview: per municipality and per library, what is falling behind.

The region's earlier broadband service stopped because nobody kept the information current. This
overview puts, side by side for the region, every municipality and every library, the numbers that
say whether a part of the site is kept: pages overdue for review, broken links, translations out of
date or missing (editorial's own columns), and whatever the feature apps add — coverage statistics
older than the latest imported year, coverage reports nobody has answered, help-session series with
no dates ahead.

Editorial imports no feature app. A feature app contributes its columns with the Wagtail hook
`register_freshness_columns`, returning `FreshnessColumn` objects:

    @hooks.register(FRESHNESS_COLUMNS)
    def columns():
        return [FreshnessColumn("reports", "Obesvarade rapporter", count_reports, order=50)]

A column's `collect(organisations)` returns, for each organisation it applies to (by `key`), the list
of `Item`s behind the number (what to fix, with a link to where it is fixed); organisations it does
not apply to are left out and shown as "–". `items_by_path` sorts page-like things into the
organisations whose subtree they lie in.

Who sees what: the region (superusers and the groups that may edit the start page) sees every row;
anyone else the rows of the municipalities and libraries whose pages they may edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from wagtail import hooks
from wagtail.models import Page

from editorial.groups import staff_page_types
from editorial.permissions import editable_pages
from home.models import HomePage, MunicipalityPage

FRESHNESS_COLUMNS = "register_freshness_columns"
REGION, MUNICIPALITY, LIBRARY = "region", "municipality", "library"
KIND_LABELS = {REGION: "Regionen", MUNICIPALITY: "Kommun", LIBRARY: "Bibliotek"}


@dataclass(frozen=True)
class Organisation:
    """One row: the region (its regional content), a municipality, or a library."""

    key: str  # "region", "kommun-1981", "bibliotek-<page id>"
    kind: str
    name: str
    page_id: int | None  # the source-language page (None for the region)
    paths: tuple[str, ...]  # tree paths of that page in every language
    code: str = ""  # kommunkod (a library's is its municipality's); the region has none
    parent_key: str = ""  # a library's municipality

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass(frozen=True)
class Item:
    """One thing behind a number: what is late and where to fix it."""

    title: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class FreshnessColumn:
    key: str
    label: str
    collect: Callable[[list[Organisation]], dict[str, list[Item]]]
    help_text: str = ""
    order: int = 100


def columns() -> list[FreshnessColumn]:
    found = [column for hook in hooks.get_hooks(FRESHNESS_COLUMNS) for column in hook()]
    return sorted(found, key=lambda column: (column.order, column.key))


def column(key: str) -> FreshnessColumn | None:
    return next((c for c in columns() if c.key == key), None)


def organisations() -> list[Organisation]:
    """The region, then each municipality followed by its libraries (alphabetical)."""
    source = settings.LANGUAGE_CODE
    rows = [Organisation(REGION, REGION, "Regionen (regionalt innehåll)", None, ())]
    all_municipalities = list(MunicipalityPage.objects.all().only("path", "code"))
    staff_models = staff_page_types()
    for municipality in MunicipalityPage.objects.filter(locale__language_code=source).order_by("title"):
        key = f"kommun-{municipality.code}"
        paths = tuple(m.path for m in all_municipalities if m.code == municipality.code)
        rows.append(
            Organisation(key, MUNICIPALITY, municipality.name, municipality.pk, paths, municipality.code)
        )
        for model in staff_models:
            for library in (
                model.objects.descendant_of(municipality)
                .filter(locale__language_code=source)
                .order_by("title")
            ):
                library_paths = tuple(
                    model.objects.filter(translation_key=library.translation_key).values_list(
                        "path", flat=True
                    )
                )
                rows.append(
                    Organisation(
                        f"bibliotek-{library.pk}",
                        LIBRARY,
                        library.title,
                        library.pk,
                        library_paths,
                        municipality.code,
                        key,
                    )
                )
    return rows


def is_regional(user) -> bool:
    """The region's staff: superusers and whoever may edit the start page (regional content)."""
    if user.is_superuser:
        return True
    return editable_pages(user).filter(pk__in=HomePage.objects.values("pk")).exists()


def visible_organisations(user, everyone: list[Organisation] | None = None) -> list[Organisation]:
    everyone = everyone if everyone is not None else organisations()
    if is_regional(user):
        return everyone
    editable = set(
        editable_pages(user)
        .filter(pk__in=[o.page_id for o in everyone if o.page_id])
        .values_list("pk", flat=True)
    )
    return [o for o in everyone if o.page_id in editable]


def organisations_for_roots(root_paths: Iterable[str], everyone: list[Organisation]) -> list[Organisation]:
    """The rows a group with page permissions on these roots sees (for the digest)."""
    roots = list(root_paths)
    if any(path in {h.path for h in HomePage.objects.all()} for path in roots):
        return everyone
    return [o for o in everyone if o.paths and any(p.startswith(root) for p in o.paths for root in roots)]


def items_by_path(
    organisations: list[Organisation], things: Iterable[tuple[str, Item]]
) -> dict[str, list[Item]]:
    """Sort (tree path, item) pairs into every organisation whose subtree holds the path; what lies
    below no municipality is the region's. Every organisation given gets a list (maybe empty)."""
    found: dict[str, list[Item]] = {o.key: [] for o in organisations}
    local = [o for o in organisations if o.kind != REGION]
    municipality_paths = [m.path for m in MunicipalityPage.objects.all().only("path")]
    region = next((o for o in organisations if o.kind == REGION), None)
    for path, item in things:
        for organisation in local:
            if any(path.startswith(p) for p in organisation.paths):
                found[organisation.key].append(item)
        if region and not any(path.startswith(p) for p in municipality_paths):
            found[region.key].append(item)
    return found


@dataclass
class Row:
    organisation: Organisation
    cells: list[dict] = field(default_factory=list)  # {"column": ..., "count": int | None, "url": str}

    @property
    def total(self) -> int:
        return sum(cell["count"] or 0 for cell in self.cells)


def overview(user=None, *, organisations_shown: list[Organisation] | None = None) -> dict:
    """Rows (with a count per column) and totals, for a user (their rows) or for given rows."""
    from django.urls import reverse

    shown = organisations_shown if organisations_shown is not None else visible_organisations(user)
    cols = columns()
    collected = {c.key: c.collect(shown) if shown else {} for c in cols}
    rows = []
    for organisation in shown:
        row = Row(organisation)
        for c in cols:
            items = collected[c.key].get(organisation.key)
            row.cells.append(
                {
                    "column": c,
                    "count": None if items is None else len(items),
                    "url": reverse("freshness_detail", args=[organisation.key, c.key]),
                }
            )
        rows.append(row)
    totals = []
    for c in cols:
        distinct = {
            (item.title, item.url) for items in collected[c.key].values() for item in items
        }  # an item under a library is also its municipality's: count it once
        totals.append(len(distinct))
    return {"columns": cols, "rows": rows, "totals": totals, "collected": collected}


def sort_rows(rows: list[Row], key: str, columns_: list[FreshnessColumn]) -> list[Row]:
    """`name`, `total` or a column key (largest first); anything else keeps the tree order."""
    if key == "name":
        return sorted(rows, key=lambda r: r.organisation.name.lower())
    if key == "total":
        return sorted(rows, key=lambda r: -r.total)
    keys = [c.key for c in columns_]
    if key in keys:
        index = keys.index(key)
        return sorted(rows, key=lambda r: -(r.cells[index]["count"] or 0))
    return rows


def as_text_table(data: dict) -> str:
    """The overview as plain text, for the weekly digest."""
    lines = []
    for row in data["rows"]:
        parts = [
            f"{cell['column'].label}: {cell['count']}" for cell in row.cells if cell["count"] is not None
        ]
        lines.append(f"{row.organisation.name}\n  " + "\n  ".join(parts))
    return "\n\n".join(lines)


def page_items(
    pages: Iterable[Page], note: Callable[[Page], str] = lambda page: ""
) -> list[tuple[str, Item]]:
    """(path, Item) for pages, linking to their edit view."""
    from django.urls import reverse

    return [
        (page.path, Item(page.title, reverse("wagtailadmin_pages:edit", args=[page.pk]), note(page)))
        for page in pages
    ]
