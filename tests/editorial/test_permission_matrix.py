"""Every admin URL pattern, for every role, against other organisations' objects and shared ones.

The patterns come from the URL resolver (Wagtail's, wagtail-localize's and ours), so an admin view
added tomorrow has no rule and fails `test_every_admin_url_pattern_has_a_rule` until someone says
who may reach it. Each rule builds, per role, the URLs to try (with one object of each kind that
is not the role's: Västerås's for Sala's editor, Sala's municipality page for Sala's library staff,
regional pages for municipal people, a library's bookings for everyone else) and what must happen:
REFUSED (403, 404, 405 for a view that takes no such request, a redirect to the login page or
away from the object, or, for actions that answer 200 and skip what is not permitted (bulk
actions, moves), the object unchanged after the POST), or SHOWN with strings that must not (and
must) be in the answer, for views whose point is to list what the role may see. A role with no
case for a rule is not tried there: the objects are its own and reaching them is the point (a
regional editor editing a regional page).
"""

import fnmatch
import os
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.models.media import UploadedFile
from wagtail_localize.models import Translation, TranslationSource

from tests.editorial.conftest import ROLES

pytestmark = pytest.mark.django_db

REFUSED = "refused"
SHOWN = "shown"
ALL_ROLES = tuple(ROLES)


@dataclass
class Case:
    kwargs: dict
    outcome: str | None
    absent: tuple[str, ...] = ()
    present: tuple[str, ...] = ()
    query: str = ""
    args: tuple = ()
    intact: object = None  # for POSTs that may answer 200: this object must be unchanged afterwards
    data: dict | None = None


@dataclass
class Rule:
    globs: tuple[str, ...]
    cases: Callable  # (ctx, role) -> list[Case]
    method: str = "get"
    why: str = ""


def admin_patterns():
    """(name or route, route) of every URL pattern below /admin/."""

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                yield (f"{namespace}{pattern.name}" if pattern.name else route), route

    return sorted({item for item in walk(get_resolver().url_patterns) if item[1].startswith("admin/")})


# ---- what each role may not reach -------------------------------------------------------------


def foreign_pages(ctx, role, *, identity=False):
    """Pages that are not the role's; `identity`: also the role's own root when the action
    concerns the page's existence (delete, unpublish, move, privacy)."""
    pages = {
        "municipal": [ctx.vasteras, ctx.vasteras_library, ctx.guide] + ([ctx.sala] if identity else []),
        "library": [ctx.sala, ctx.vasteras_library, ctx.guide],
        "reviewer": [ctx.sala, ctx.vasteras_library],  # the guide in review is theirs to review
        "region": [ctx.guide] if identity else [],
    }
    return pages[role]


def page_cases(key="page_id", identity=False, extra=None):
    def cases(ctx, role):
        return [
            Case({key: page.pk, **(extra(ctx, page) if extra else {})}, REFUSED)
            for page in foreign_pages(ctx, role, identity=identity)
        ]

    return cases


def refused_for(roles, kwargs=lambda ctx: {}):
    """A view only some roles may use at all: refused for `roles`, not tried for the others."""

    def cases(ctx, role):
        return [Case(kwargs(ctx), REFUSED)] if role in roles else []

    return cases


NOT_REGION = ("reviewer", "municipal", "library")
EVERYONE = ALL_ROLES


def shown(absent=lambda ctx, role: (), present=lambda ctx, role: (), kwargs=lambda ctx: {}, query=""):
    def cases(ctx, role):
        return [Case(kwargs(ctx), SHOWN, tuple(absent(ctx, role)), tuple(present(ctx, role)), query)]

    return cases


def combine(*builders):
    def cases(ctx, role):
        return [case for builder in builders for case in builder(ctx, role)]

    return cases


def foreign_media(ctx, role, kind):
    """Media in collections the role may not use: another municipality's, the region's own."""
    objects = getattr(ctx, kind)
    if role in ("municipal", "library"):
        return [objects["Västerås"], objects["Region"]]
    return []


def foreign_media_titles(ctx, role, kind):
    return [obj.title for obj in foreign_media(ctx, role, kind)]


def media_cases(kind, key):
    def cases(ctx, role):
        return [Case({key: obj.pk}, REFUSED) for obj in foreign_media(ctx, role, kind)]

    return cases


def snippet_cases(model_kwargs, foreign):
    """Object views of a snippet or model viewset: each foreign object is refused."""

    def cases(ctx, role):
        return [Case({**model_kwargs, "pk": obj.pk}, REFUSED) for obj in foreign(ctx, role)]

    return cases


def operators_not_theirs(ctx, role):
    if role == "region":
        return []
    return [ctx.fibra, ctx.open_infra]  # another municipality's, and a shared one


def links_not_theirs(ctx, role):
    return {"municipal": [ctx.vasteras_link], "library": [ctx.sala_link], "reviewer": [ctx.sala_link]}.get(
        role, []
    )


def reports_not_theirs(ctx, role):
    return {
        "municipal": [ctx.vasteras_report],
        "library": [ctx.sala_report],
        "reviewer": [ctx.sala_report],
    }.get(role, [])


# The object views of a snippet or model viewset (`<prefix>:<view>`).
OBJECT_VIEWS = ("edit", "delete", "usage", "history", "history_results", "copy")


def object_views(prefix, *more):
    return tuple(f"{prefix}:{view}" for view in OBJECT_VIEWS + more)


def municipal_listing(absent=lambda ctx: (), present=lambda ctx: ()):
    """A listing of municipal rows: a municipal editor sees their own only; library staff and
    reviewers are refused; the region sees all (not tried)."""

    def cases(ctx, role):
        if role == "municipal":
            return [Case({}, SHOWN, tuple(absent(ctx)), tuple(present(ctx)))]
        return [Case({}, REFUSED)] if role in ("library", "reviewer") else []

    return cases


def regional_snippet_cases(model_name):
    def cases(ctx, role):
        return [] if role == "region" else [Case({"pk": getattr(ctx, model_name).pk}, REFUSED)]

    return cases


def translation_of(page):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    return source, translation


def localize_cases(key, extra=lambda ctx: {}):
    def cases(ctx, role):
        out = []
        for page in foreign_pages(ctx, role):
            source, translation = translation_of(page)
            value = {
                "translation_source_id": source.pk,
                "translation_id": translation.pk,
                "page_id": page.pk,
            }[key]
            out.append(Case({key: value, **extra(ctx)}, REFUSED))
        return out

    return cases


def revision(ctx, page):
    return {"revision_id": (page.get_latest_revision() or page.save_revision()).pk}


def task_state(ctx, page):
    state = ctx.objects.get("workflow_state")
    return {"action_name": "approve", "task_state_id": state.current_task_state.pk}


def workflow_state_kwargs(ctx, page):
    return {"workflow_state_id": ctx.workflow_state.pk}


def foreign_occurrences(ctx, role):
    occurrences = [ctx.vasteras_occurrence]
    if role != "library":
        occurrences.append(ctx.sala_occurrence)  # bookings are the library staff's only
    return occurrences


def bulk_cases(ctx, role):
    """Wagtail's bulk actions answer 200 and skip what the user may not touch: POST, then check."""
    cases = [
        Case(
            {"app_label": "wagtailcore", "model_name": "page", "action": action},
            REFUSED,
            query=f"id={page.pk}",
            intact=page,
            data={"chooser": ctx.sala.pk} if action == "move" else {},
        )
        for action in ("delete", "unpublish", "move", "publish")
        # publishing their own municipality page is a municipal editor's right; the rest is not
        for page in foreign_pages(ctx, role, identity=action != "publish")
    ]
    for app, model, kind in (("wagtailimages", "image", "images"), ("wagtaildocs", "document", "documents")):
        cases += [
            Case(
                {"app_label": app, "model_name": model, "action": "delete"},
                REFUSED,
                query=f"id={obj.pk}",
                intact=obj,
            )
            for obj in foreign_media(ctx, role, kind)
        ]
    return cases


def media_chooser_cases(kind):
    """A chooser lists the role's own files and the shared collection's, nobody else's."""

    def cases(ctx, role):
        if role not in ("municipal", "library"):
            return []
        objects = getattr(ctx, kind)
        return [
            Case(
                {},
                SHOWN,
                absent=tuple(foreign_media_titles(ctx, role, kind)),
                present=(objects["Region – gemensamt"].title, objects["Sala"].title),
            )
        ]

    return cases


def media_listing_cases(kind):
    def cases(ctx, role):
        if role not in ("municipal", "library"):
            return []
        return [Case({}, SHOWN, absent=tuple(foreign_media_titles(ctx, role, kind)))]

    return cases


def uploads(ctx, role):
    return [Case({"uploaded_file_id": ctx.upload.pk}, REFUSED)] if role != "region" else []


# ---- the rules ---------------------------------------------------------------------------------

RULES = [
    # Pages: every view of one page refuses pages that are not the role's.
    Rule(
        (
            "wagtailadmin_pages:edit",
            "wagtailadmin_pages:preview_on_edit",
            "wagtailadmin_pages:view_draft",
            "wagtailadmin_pages:usage",
            "wagtailadmin_pages:copy",
            "wagtailadmin_pages:convert_alias",
            "wagtailadmin_pages:revisions_index",
            "wagtailadmin_pages:history",
            "wagtailadmin_pages:history_results",
            "wagtailadmin_pages:workflow_history",
            "wagtail_localize:convert_to_alias",
            "wagtailadmin_pages:lock",
            "wagtailadmin_pages:unlock",
        ),
        page_cases(),
    ),
    Rule(
        ("wagtailadmin_pages:delete", "wagtailadmin_pages:unpublish", "wagtailadmin_pages:set_privacy"),
        page_cases(identity=True),
        why="a municipality's existence and visibility are the region's; regional pages need review",
    ),
    Rule(("wagtailadmin_pages:move",), page_cases("page_to_move_id", identity=True)),
    Rule(
        ("wagtailadmin_pages:move_confirm",),
        lambda ctx, role: [
            Case({"page_to_move_id": page.pk, "destination_id": ctx.sala.pk}, REFUSED, intact=page)
            for page in foreign_pages(ctx, role, identity=True)
        ],
        method="post",
    ),
    Rule(
        ("wagtailadmin_pages:set_page_position",),
        page_cases("page_to_move_id", identity=True),
        method="post",
    ),
    Rule(("wagtailadmin_pages:add_subpage",), page_cases("parent_page_id")),
    Rule(
        ("wagtailadmin_explore", "wagtailadmin_explore_results"),
        lambda ctx, role: [
            case
            for case in page_cases("parent_page_id")(ctx, role)
            # The explorer lets library staff walk down to their own library through its
            # municipality (Wagtail's explorable ancestors); other organisations' pages stay shut.
            if not (role == "library" and case.kwargs["parent_page_id"] == ctx.sala.pk)
        ],
    ),
    Rule(
        ("wagtailadmin_pages:add", "wagtailadmin_pages:preview_on_add"),
        page_cases(
            "parent_page_id",
            extra=lambda ctx, page: {
                "content_type_app_name": "home",
                "content_type_model_name": "standardpage",
            },
        ),
    ),
    Rule(
        (
            "wagtailadmin_pages:revisions_view",
            "wagtailadmin_pages:revisions_revert",
            "wagtailadmin_pages:revisions_unschedule",
        ),
        page_cases(extra=revision),
    ),
    Rule(
        ("wagtailadmin_pages:revisions_compare",),
        lambda ctx, role: [
            Case({}, REFUSED, args=(page.pk, "earliest", "latest")) for page in foreign_pages(ctx, role)
        ],
    ),
    Rule(
        ("wagtailadmin_pages:workflow_action", "wagtailadmin_pages:collect_workflow_action_data"),
        lambda ctx, role: [
            Case({"page_id": ctx.guide.pk, **task_state(ctx, ctx.guide)}, REFUSED)
            for _ in [1]
            if role in ("municipal", "library", "region")
        ],
        method="post",
        why="only the reviewers approve (the editor who submitted may not)",
    ),
    Rule(
        ("wagtailadmin_pages:confirm_workflow_cancellation",),
        lambda ctx, role: (
            [Case({"page_id": ctx.guide.pk}, REFUSED)] if role in ("municipal", "library") else []
        ),
    ),
    Rule(
        ("wagtailadmin_pages:workflow_preview",),
        lambda ctx, role: (
            [
                Case(
                    {"page_id": ctx.guide.pk, "task_id": ctx.workflow_state.current_task_state.task_id},
                    REFUSED,
                )
            ]
            if role in ("municipal", "library")
            else []
        ),
    ),
    Rule(("wagtailadmin_pages:workflow_history_detail",), page_cases(extra=workflow_state_kwargs)),
    Rule(
        ("wagtailadmin_pages:type_use", "wagtailadmin_pages:type_use_results"),
        shown(
            absent=lambda ctx, role: ["Västerås stadsbibliotek"] if role in ("municipal", "library") else [],
            kwargs=lambda ctx: {
                "content_type_app_name": "services",
                "content_type_model_name": "librarypage",
            },
        ),
    ),
    Rule(
        ("wagtailadmin_pages:choose_parent",),
        shown(
            absent=lambda ctx, role: ["Västerås stadsbibliotek"] if role in ("municipal", "library") else [],
            kwargs=lambda ctx: {"app_label": "services", "model_name": "helpsessionpage"},
        ),
    ),
    Rule(
        ("wagtailadmin_pages:search", "wagtailadmin_pages:search_results"),
        shown(
            absent=lambda ctx, role: ["Västerås stadsbibliotek"] if role in ("municipal", "library") else [],
            query="q=bibliotek",
        ),
    ),
    Rule(("wagtailadmin_explore_root",), shown()),
    # The page chooser and the admin API behind the explorer menu show the public page tree, as
    # the site does, so that editors can link to any page.
    Rule(
        (
            "wagtailadmin_choose_page",
            "wagtailadmin_choose_page_child",
            "wagtailadmin_choose_page_search",
            "wagtailadmin_choose_page_chosen_multiple",
            "wagtailadmin_api:pages:*",
        ),
        lambda ctx, role: [],
        why="the public page tree (titles and links), for linking; no personal data",
    ),
    Rule(("wagtail_bulk_action",), lambda ctx, role: bulk_cases(ctx, role), method="post"),
    # Translation (wagtail-localize): submitting, syncing and editing check the page.
    Rule(
        ("wagtail_localize:submit_page_translation",),
        localize_cases("page_id"),
    ),
    Rule(
        ("wagtail_localize:update_translations",),
        localize_cases("translation_source_id"),
    ),
    Rule(
        (
            "wagtail_localize:download_pofile",
            "wagtail_localize:upload_pofile",
            "wagtail_localize:machine_translate",
            "wagtail_localize:preview_translation",
            "wagtail_localize:stop_translation",
        ),
        localize_cases("translation_id"),
        method="post",
    ),
    Rule(
        ("wagtail_localize:edit_string_translation",),
        localize_cases("translation_id", lambda ctx: {"string_segment_id": 1}),
        method="post",
    ),
    Rule(
        ("wagtail_localize:edit_override",),
        localize_cases("translation_id", lambda ctx: {"overridable_segment_id": 1}),
        method="post",
    ),
    Rule(
        ("wagtail_localize:submit_snippet_translation",),
        lambda ctx, role: (
            [Case({"app_label": "services", "model_name": "eservice", "pk": str(ctx.eservice.pk)}, REFUSED)]
            if role != "region"
            else []
        ),
    ),
    Rule(
        (
            "wagtail_localize:translations_report",
            "wagtail_localize:translations_report_results",
        ),
        refused_for(NOT_REGION),
        why="every page's translations: the region's; others use Rapporter → Översättningar",
    ),
    Rule(
        ("wagtail_localize:snippets_api_listing",),
        lambda ctx, role: (
            [Case({"app_label": "broadband", "model_name": "networkoperator"}, REFUSED)]
            if role in ("reviewer", "library")
            else []
        ),
        why="the localize editor's list of snippets to pick: for those with a right on the model",
    ),
    Rule(
        ("wagtail_localize:snippets_api_detail",),
        lambda ctx, role: (
            [
                Case(
                    {"app_label": "broadband", "model_name": "networkoperator", "pk": str(ctx.fibra.pk)},
                    REFUSED,
                )
            ]
            if role in ("reviewer", "library")
            else []
        ),
    ),
    Rule(("wagtail_localize:javascript_catalog",), lambda ctx, role: [], why="translations of UI strings"),
    # Our own views.
    Rule(
        ("translations_report",),
        shown(
            absent=lambda ctx, role: {
                "municipal": ["Västerås stadsbibliotek", "Skaffa BankID"],
                "library": ["Västerås stadsbibliotek", "Bredband i Sala"],
                "reviewer": ["Sala stadsbibliotek"],
            }.get(role, []),
            present=lambda ctx, role: {
                "municipal": ["Sala stadsbibliotek"],
                "library": ["Sala stadsbibliotek"],
            }.get(role, []),
        ),
    ),
    Rule(("coverage_import",), refused_for(NOT_REGION)),
    Rule(("search_query_report",), refused_for(NOT_REGION)),
    Rule(
        ("booking_index",),
        lambda ctx, role: (
            [Case({}, SHOWN, absent=("vasteras-boka", "Boka hjälp vasteras"), present=("Boka hjälp sala",))]
            if role == "library"
            else [Case({}, REFUSED)]
        ),
    ),
    Rule(
        ("booking_detail",),
        lambda ctx, role: (
            [Case({"occurrence_id": o.pk}, REFUSED) for o in foreign_occurrences(ctx, role)]
            + [
                Case({"occurrence_id": o.pk}, REFUSED, query="format=csv")
                for o in foreign_occurrences(ctx, role)
            ]
        ),
    ),
    # Coverage reports (residents' contact details).
    Rule(
        ("coverage_reports:index", "coverage_reports:index_results"),
        municipal_listing(lambda ctx: ("Skultunavägen",), lambda ctx: ("Salbohed",)),
    ),
    Rule(
        ("coverage_reports:index",),
        lambda ctx, role: {
            "municipal": [
                Case({}, SHOWN, absent=("Skultunavägen",), present=("Salbohed",), query="export=csv")
            ],
        }.get(role, []),
    ),
    Rule(
        object_views("coverage_reports", "inspect"),
        snippet_cases({}, reports_not_theirs),
    ),
    Rule(("coverage_reports:add",), refused_for(EVERYONE)),
    Rule(("coverage_reports:answer",), snippet_cases({}, reports_not_theirs), method="post"),
    # The freshness overview: each organisation sees its own rows, the region all.
    Rule(
        ("freshness_overview",),
        lambda ctx, role: {
            "municipal": [
                Case({}, SHOWN, absent=("Västerås stadsbibliotek",), present=("Sala stadsbibliotek",))
            ],
            "library": [
                Case({}, SHOWN, absent=("Västerås stadsbibliotek",), present=("Sala stadsbibliotek",))
            ],
            "reviewer": [Case({}, SHOWN, absent=("Västerås stadsbibliotek", "Sala stadsbibliotek"))],
        }.get(role, []),
    ),
    Rule(
        ("freshness_detail",),
        lambda ctx, role: (
            []
            if role == "region"
            else [
                Case({"organisation_key": "kommun-1980", "column_key": "overdue"}, REFUSED),
                Case(
                    {"organisation_key": f"bibliotek-{ctx.vasteras_library.pk}", "column_key": "overdue"},
                    REFUSED,
                ),
            ]
        ),
    ),
    # The index outbox names pages of every organisation: administrators only.
    Rule(("search_outbox_report",), refused_for(EVERYONE)),
    # Operators: another municipality's and shared ones are not a municipal editor's.
    Rule(
        object_views("wagtailsnippets_broadband_networkoperator"),
        snippet_cases({}, operators_not_theirs),
    ),
    Rule(("wagtailsnippets_broadband_networkoperator:add",), refused_for(NOT_REGION)),
    Rule(
        (
            "wagtailsnippets_broadband_networkoperator:list",
            "wagtailsnippets_broadband_networkoperator:list_results",
        ),
        municipal_listing(lambda ctx: ("Fibra", "Open Infra")),
    ),
    # E-service links: each municipality its own.
    Rule(
        object_views("municipal_links"),
        snippet_cases({}, links_not_theirs),
    ),
    Rule(("municipal_links:add",), refused_for(EVERYONE)),
    Rule(
        ("municipal_links:index", "municipal_links:index_results"),
        municipal_listing(lambda ctx: (ctx.vasteras_link.url,), lambda ctx: (ctx.sala_link.url,)),
    ),
    # Choosers of public snippets (names of operators, topics, e-services) serve every editor.
    Rule(
        (
            "wagtailsnippetchoosers_*:choose",
            "wagtailsnippetchoosers_*:choose_results",
            "wagtailsnippetchoosers_*:chosen",
            "wagtailsnippetchoosers_*:chosen_multiple",
        ),
        lambda ctx, role: [],
        why="public snippets (operators, topics, life events, e-services) to link from pages",
    ),
    Rule(("wagtailsnippetchoosers_*:create",), refused_for(NOT_REGION)),
    Rule(("wagtailsnippets:index",), shown()),
    # Regional snippets: the region's only.
    *[
        Rule(
            object_views(f"wagtailsnippets_{app}_{model}"),
            regional_snippet_cases(model),
        )
        for app, model in (
            ("home", "topic"),
            ("home", "lifeevent"),
            ("services", "eservice"),
            ("envagin_search", "synonym"),
        )
    ],
    Rule(
        tuple(
            f"wagtailsnippets_{app}_{model}:{view}"
            for app, model in (
                ("home", "topic"),
                ("home", "lifeevent"),
                ("services", "eservice"),
                ("envagin_search", "synonym"),
            )
            for view in ("add", "list", "list_results")
        ),
        refused_for(NOT_REGION),
    ),
    # Images and documents: another municipality's collection and the region's own are refused;
    # listings and choosers show the role's own and the shared collection.
    Rule(
        (
            "wagtailimages:edit",
            "wagtailimages:delete",
            "wagtailimages:url_generator",
            "wagtailimages:url_generator_output",
            "wagtailimages:image_usage",
            "wagtailimages:edit_multiple",
            "wagtailimages:delete_multiple",
            "wagtailimages_chooser:select_format",
        ),
        media_cases("images", "image_id"),
    ),
    Rule(
        ("wagtailimages:preview",),
        lambda ctx, role: [
            Case({"image_id": obj.pk, "filter_spec": "original"}, REFUSED)
            for obj in foreign_media(ctx, role, "images")
        ],
    ),
    Rule(
        ("wagtailimages_chooser:chosen",),
        lambda ctx, role: [Case({"pk": str(obj.pk)}, REFUSED) for obj in foreign_media(ctx, role, "images")],
    ),
    Rule(
        ("wagtaildocs_chooser:chosen",),
        lambda ctx, role: [
            Case({"pk": str(obj.pk)}, REFUSED) for obj in foreign_media(ctx, role, "documents")
        ],
    ),
    Rule(
        ("wagtaildocs:edit", "wagtaildocs:delete", "wagtaildocs:document_usage"),
        media_cases("documents", "document_id"),
    ),
    Rule(("wagtaildocs:edit_multiple", "wagtaildocs:delete_multiple"), media_cases("documents", "doc_id")),
    Rule(
        (
            "wagtailimages:create_multiple_from_uploaded_image",
            "wagtailimages:delete_upload_multiple",
            "wagtaildocs:create_multiple_from_uploaded_document",
            "wagtaildocs:delete_upload_multiple",
        ),
        uploads,
        method="post",
    ),
    *[
        Rule(names, media_chooser_cases(kind))
        for kind, names in (
            ("images", ("wagtailimages_chooser:choose", "wagtailimages_chooser:choose_results")),
            ("documents", ("wagtaildocs_chooser:choose", "wagtaildocs_chooser:choose_results")),
        )
    ],
    *[
        Rule(names, media_listing_cases(kind))
        for kind, names in (
            ("images", ("wagtailimages:index", "wagtailimages:index_results")),
            ("documents", ("wagtaildocs:index", "wagtaildocs:index_results")),
        )
    ],
    Rule(
        ("wagtailadmin_api:images:listing", "wagtailadmin_api:documents:listing"),
        refused_for(("municipal", "library")),
        why="every file in every collection: for those who may choose from all of them (the region)",
    ),
    Rule(("wagtailadmin_api:images:detail",), media_cases("images", "pk")),
    Rule(("wagtailadmin_api:documents:detail",), media_cases("documents", "pk")),
    Rule(
        ("wagtailadmin_api:images:find", "wagtailadmin_api:documents:find"),
        lambda ctx, role: [
            Case({}, REFUSED, query=f"id={obj.pk}")
            for kind in ("images", "documents")
            for obj in foreign_media(ctx, role, kind)
        ],
    ),
    Rule(
        (
            "wagtailimages:add",
            "wagtailimages:add_multiple",
            "wagtaildocs:add",
            "wagtaildocs:add_multiple",
            "wagtailimages_chooser:create",
            "wagtaildocs_chooser:create",
            "wagtailimages_chooser:chosen_multiple",
            "wagtaildocs_chooser:chosen_multiple",
        ),
        lambda ctx, role: [],
        why="uploads go to a collection the user may add to (Wagtail limits the choice)",
    ),
    # The site's set-up: superusers only.
    Rule(
        (
            "wagtailadmin_collections:*",
            "wagtailadmin_workflows:*",
            "wagtailredirects:*",
            "wagtailsearchpromotions:*",
            "wagtaillocales:*",
            "wagtailsites:*",
            "wagtailusers_users:*",
            "wagtailusers_groups:*",
            "wagtailsettings:*",
            "wagtailforms:list_submissions",
            "wagtailforms:list_submissions_results",
            "wagtailforms:delete_submissions",
        ),
        "setup",
    ),
    # Wagtail's reports list what the user's page permissions reach.
    Rule(
        (
            "wagtailadmin_reports:site_history",
            "wagtailadmin_reports:site_history_results",
            "wagtailadmin_reports:aging_pages",
            "wagtailadmin_reports:aging_pages_results",
            "wagtailadmin_reports:workflow",
            "wagtailadmin_reports:workflow_results",
            "wagtailadmin_reports:workflow_tasks",
            "wagtailadmin_reports:workflow_tasks_results",
        ),
        lambda ctx, role: (
            []
            if role == "region"
            else [
                Case(
                    {},
                    SHOWN,
                    absent=(ctx.vasteras_library.title,)
                    + ((ctx.guide.title,) if role in ("municipal", "library") else ()),
                )
            ]
        ),
    ),
    Rule(
        ("wagtailadmin_reports:locked_pages", "wagtailadmin_reports:locked_pages_results"),
        shown(absent=lambda ctx, role: ["Västerås"] if role in ("municipal", "library") else []),
    ),
    Rule(("wagtailforms:index", "wagtailforms:index_results"), shown()),
    Rule(
        ("wagtailadmin_reports:page_types_usage", "wagtailadmin_reports:page_types_usage_results"),
        refused_for(NOT_REGION),
        why="names the last edited page of each type, anyone's",
    ),
    Rule(
        ("wagtailadmin_editing_sessions:ping",),
        lambda ctx, role: [
            Case(
                {
                    "app_label": "wagtailcore",
                    "model_name": "page",
                    "object_id": str(page.pk),
                    "session_id": 0,
                },
                REFUSED,
            )
            for page in foreign_pages(ctx, role)
        ],
        method="post",
    ),
    Rule(
        ("wagtailadmin_editing_sessions:release",),
        lambda ctx, role: [Case({"session_id": ctx.editing_session.pk}, REFUSED, intact=ctx.editing_session)],
        method="post",
    ),
    # Nothing of any organisation: the dashboard, one's account, sign-in, icons, UI translations.
    Rule(
        (
            "wagtailadmin_home",
            "wagtailadmin_account",
            "wagtailadmin_logout",
            "wagtailadmin_login",
            "wagtailadmin_password_reset*",
            "wagtailadmin_dismissibles",
            "wagtailadmin_sprite",
            "wagtailadmin_javascript_catalog",
            "wagtailadmin_block_preview",
            "wagtailadmin_tag_autocomplete",
            "wagtailadmin_tag_model_autocomplete",
            "wagtailadmin_choose_page_external_link",
            "wagtailadmin_choose_page_email_link",
            "wagtailadmin_choose_page_phone_link",
            "wagtailadmin_choose_page_anchor_link",
            "wagtailembeds:*",
            "wagtailadmin_error_test",
            "admin/test404/",
            "admin/^.*/$",
        ),
        lambda ctx, role: [],
        why="no organisation's data (the dashboard panels are tested on their own)",
    ),
]


def rule_for(name: str) -> Rule | None:
    for rule in RULES:
        if any(fnmatch.fnmatchcase(name, glob) for glob in rule.globs):
            return rule
    return None


def test_every_admin_url_pattern_has_a_rule():
    missing = [name for name, _route in admin_patterns() if rule_for(name) is None]
    assert missing == [], f"admin URLs without a rule in the permission matrix: {missing}"


LOGIN = re.compile(r"/admin/login/")


def refused(response, url: str) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code in (301, 302):
        location = response.headers.get("Location", "")
        return bool(LOGIN.search(location)) or location.split("?")[0] != url.split("?")[0]
    return False


def snapshot(obj):
    fields = ("live", "path", "live_revision_id", "locked") if isinstance(obj, Page) else ("pk",)
    return type(obj).objects.filter(pk=obj.pk).values(*fields).first()


def setup_kwargs(name, route):
    """Some id for every parameter of the site's set-up views (they are refused before the object)."""
    params = re.findall(r"<(?:\w+:)?(\w+)>", route)
    values = {"app_name": "home", "app_label": "home", "model_name": "organisationsettings"}
    return {param: values.get(param, 1) for param in params}


def test_permission_matrix(org, client, django_user_model):
    from home.models import LifeEvent, Topic
    from search.models import Synonym
    from services.models import EService

    ctx = org
    ctx.objects.update(
        topic=Topic.objects.first(),
        lifeevent=LifeEvent.objects.first(),
        eservice=EService.objects.filter(locale__language_code="sv").first(),
        synonym=Synonym.objects.first() or Synonym.objects.create(terms="internet, bredband"),
    )
    workflow = ctx.guide.get_workflow()
    ctx.guide.save_revision(user=ctx.users["region"])
    ctx.objects["workflow_state"] = workflow.start(ctx.guide, ctx.users["region"])
    ctx.objects["upload"] = UploadedFile.objects.create(
        for_content_type_id=1, file="x.png", uploaded_by_user=org.users["region"]
    )
    from wagtail.admin.models import EditingSession

    someone = django_user_model.objects.create_user("someone-else", password="x")
    ctx.objects["editing_session"] = EditingSession.objects.create(
        user=someone,
        content_object=Page.objects.get(pk=ctx.guide.pk),
        last_seen_at=timezone.now(),
    )
    explore = os.environ.get("MATRIX_EXPLORE") == "1"
    failures = []
    tried = 0
    patterns = admin_patterns()
    client.raise_request_exception = False
    for role in ALL_ROLES:
        client.force_login(org.users[role])
        for name, route in patterns:
            rule = rule_for(name)
            if rule.cases == "setup":
                cases = [Case(setup_kwargs(name, route), REFUSED)]
            else:
                cases = rule.cases(ctx, role)
            for case in cases:
                if case.outcome is None:
                    continue
                try:
                    url = reverse(name, args=case.args) if case.args else reverse(name, kwargs=case.kwargs)
                except Exception as error:  # a rule that cannot build its URL is a broken rule
                    failures.append(f"{role} {name}: cannot build URL ({error})")
                    continue
                if case.query:
                    url += "?" + case.query
                tried += 1
                before = snapshot(case.intact) if case.intact is not None else None
                if rule.method == "post":
                    response = client.post(url, case.data or {})
                else:
                    response = client.get(url)
                body = response.content.decode(errors="replace") if response.status_code == 200 else ""
                if response.status_code >= 500:
                    failures.append(f"{role} {name} {url}: {response.status_code}")
                elif case.outcome == REFUSED and case.intact is None and not refused(response, url):
                    failures.append(f"{role} {name} {url}: {response.status_code}, expected refusal")
                elif case.outcome == REFUSED and case.intact is not None and snapshot(case.intact) != before:
                    failures.append(f"{role} {name} {url}: {response.status_code}, changed {case.intact!r}")
                elif case.outcome == SHOWN:
                    if response.status_code not in (200, 302) or LOGIN.search(
                        response.headers.get("Location", "")
                    ):
                        failures.append(f"{role} {name} {url}: {response.status_code}, expected 200")
                    leaked = [s for s in case.absent if s in body]
                    missing = [s for s in case.present if s not in body]
                    if leaked or missing:
                        failures.append(f"{role} {name} {url}: shows {leaked}, lacks {missing}")
                if explore:
                    print(role, name, url, response.status_code, response.headers.get("Location", ""))
    assert tried > 300
    assert failures == [], "\n".join(failures)
