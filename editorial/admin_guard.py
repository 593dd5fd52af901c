"""Object checks in front of third-party admin views that ask too little.

Some views of Wagtail and wagtail-localize check a model-wide permission (or none) and then show or
change any object named in the URL. `AdminGuardMiddleware` looks up the resolved view's name in
`GUARDS` and asks the guard about the user and the URL's arguments before the view runs; a guard
that says no gives 403. Views of our own check in the view; the permission matrix test
(tests/editorial/test_permission_matrix.py) tries every admin URL for every role, so a view that
needs a guard here shows up there.

`INPUT_CHECKS` does the same for third-party views that answer 500 on input they do not expect
(a check returns the answer to give instead, or None to let the view run).

Meant to shrink when the upstream views check the object (and their input) themselves.
"""

import os
import tempfile
from collections.abc import Callable

import polib
from django.apps import apps
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import Collection, Page
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import get_snippet_models

from editorial.permissions import is_regional
from home.models.base import ADMIN_VIEWER
from home.references import choosable_pages


def _page(kwargs, key="page_id"):
    try:
        return Page.objects.get(pk=int(kwargs[key])).specific
    except (KeyError, ValueError, Page.DoesNotExist):
        raise Http404 from None


def may_edit_page(user, kwargs, key="page_id") -> bool:
    return _page(kwargs, key).permissions_for_user(user).can_edit()


def may_move(user, kwargs) -> bool:
    """Wagtail's move views ask the generic page's tester (the destination chooser) or nothing at
    all (the confirmation, until its POST): ask the page type's own, and where to."""
    page = _page(kwargs, "page_to_move_id")
    perms = page.permissions_for_user(user)
    if "destination_id" not in kwargs:
        return perms.can_move()
    return perms.can_move_to(_page(kwargs, "destination_id"))


def may_explore(user, kwargs) -> bool:
    """The explorer shows a page's children to those whose rights reach it or lie below it."""
    if user.is_superuser:
        return True
    page = _page(kwargs, "parent_page_id")
    return page_permission_policy.explorable_instances(user).filter(pk=page.pk).exists()


def _may_edit_instance(user, instance, *, publish=False) -> bool:
    if isinstance(instance, Page):
        perms = instance.specific.permissions_for_user(user)
        return perms.can_edit() and (perms.can_publish() or not publish)
    opts = instance._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def _snippet_model(kwargs):
    """The snippet model an address names by app label and model name (404 for any other)."""
    models = {(m._meta.app_label, m._meta.model_name): m for m in get_snippet_models()}
    model = models.get((kwargs.get("app_label"), kwargs.get("model_name")))
    if model is None:
        raise Http404
    return model


def may_translate_snippet(user, kwargs) -> bool:
    model = _snippet_model(kwargs)
    try:
        instance = model.objects.get(pk=kwargs.get("pk"))
    except (model.DoesNotExist, ValueError):
        raise Http404 from None
    return _may_edit_instance(user, instance)


def may_read_snippets(user, kwargs) -> bool:
    """wagtail-localize's snippet API (behind its snippet choosers) lists a snippet model's records
    to anyone in the admin: only to those with a right on that model (as its own policy says)."""
    policy = _snippet_model(kwargs).snippet_viewset.permission_policy
    return policy.user_has_any_permission(user, ["add", "change", "delete", "view"])


def may_sync_translations(user, kwargs, request=None) -> bool:
    """Syncing updates (and may publish) every translation: the user must be able to edit the source
    and each target, and to publish each one when asked to publish."""
    from wagtail_localize.models import TranslationSource

    try:
        source = TranslationSource.objects.get(pk=int(kwargs["translation_source_id"]))
    except (KeyError, ValueError, TranslationSource.DoesNotExist):
        raise Http404 from None
    publish = (
        request is not None and request.method == "POST" and bool(request.POST.get("publish_translations"))
    )
    if not _may_edit_instance(user, source.get_source_instance()):
        return False
    for translation in source.translations.filter(enabled=True):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue  # created on sync below a parent in the target language
        if not _may_edit_instance(user, target, publish=publish):
            return False
    return True


def may_edit_translation(user, kwargs) -> bool:
    """The translation's target page or snippet is the user's to edit (wagtail-localize's own check,
    made here before any input is looked at)."""
    from wagtail_localize.models import Translation

    try:
        translation = Translation.objects.get(pk=int(kwargs["translation_id"]))
        return _may_edit_instance(user, translation.get_target_instance())
    except (KeyError, ValueError, Translation.DoesNotExist, ObjectDoesNotExist):
        raise Http404 from None


def _may_choose(policy, model, user, pk) -> bool:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    return policy.instances_user_has_any_permission_for(user, ["choose", "change"]).filter(
        pk=pk
    ).exists() or (not model.objects.filter(pk=pk).exists())


def may_choose_from_every_collection(policy, user) -> bool:
    """Listings of all files (the admin API) are for those who may choose from the root collection."""
    if user.is_superuser:
        return True
    root = Collection.get_first_root_node()
    return policy.collections_user_has_any_permission_for(user, ["choose"]).filter(pk=root.pk).exists()


def _visible(user, model):
    """What of `model` a user sees in the admin's listings, or None where no rule is kept here."""
    if issubclass(model, Page):
        return page_permission_policy.explorable_instances(user)
    if model is get_image_model():
        return image_policy.instances_user_has_any_permission_for(user, ["change", "choose"])
    if model is get_document_model():
        return document_policy.instances_user_has_any_permission_for(user, ["change", "choose"])
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is not None:
        return viewset.permission_policy.instances_user_has_permission_for(user, "change")
    return None


def _ids(request) -> set[int]:
    try:
        return {int(value) for value in request.GET.getlist("id") if value != "all"}
    except ValueError:
        raise Http404 from None


def may_bulk_act(user, kwargs, request) -> bool:
    """Wagtail's bulk-action pages list every object named by an `id` – with the title of those
    the user may not touch – and ids are sequential: only objects the user sees in the listings."""
    if user.is_superuser:
        return True
    try:
        model = apps.get_model(kwargs.get("app_label"), kwargs.get("model_name"))
    except (LookupError, ValueError):
        raise Http404 from None
    visible, wanted = _visible(user, model), _ids(request)
    if "all" in request.GET.getlist("id"):
        # "Select all" acts on every object of the listing: for pages the children of `childOf`
        # (every page, without it), for other models every object of the model. Only where all of
        # them are the user's: the children of a page the user may edit, or a model not walled off.
        if issubclass(model, Page):
            return may_edit_page(user, request.GET, key="childOf")
        if visible is not None:
            return False
    return visible is None or visible.filter(pk__in=wanted).count() == len(wanted)


def may_see_chosen_pages(user, kwargs, request) -> bool:
    """The page chooser's answer for chosen ids: live pages, and drafts only of one's own pages."""
    wanted = _ids(request)
    return choosable_pages(user, Page.objects.filter(pk__in=wanted)).count() == len(wanted)


def has_any(*perms) -> Callable:
    return lambda user, kwargs: any(user.has_perm(perm) for perm in perms)


GUARDS: dict[str, Callable] = {
    # wagtail-localize checks only the global submit_translation permission.
    "wagtail_localize:submit_page_translation": may_edit_page,
    "wagtail_localize:submit_snippet_translation": may_translate_snippet,
    "wagtail_localize:update_translations": may_sync_translations,
    "wagtail_localize:upload_pofile": may_edit_translation,
    "wagtail_localize:snippets_api_listing": may_read_snippets,
    "wagtail_localize:snippets_api_detail": may_read_snippets,
    "wagtail_localize:translations_report": lambda user, kwargs: is_regional(user),
    "wagtail_localize:translations_report_results": lambda user, kwargs: is_regional(user),
    # Wagtail's page-types report names the last edited page of each type, whoever's it is.
    "wagtailadmin_reports:page_types_usage": lambda user, kwargs: is_regional(user),
    "wagtailadmin_reports:page_types_usage_results": lambda user, kwargs: is_regional(user),
    # Wagtail's explorer lists the children of any page; its workflow-cancel dialog any page's tasks.
    "wagtailadmin_explore": may_explore,
    "wagtailadmin_explore_results": may_explore,
    "wagtailadmin_pages:confirm_workflow_cancellation": may_edit_page,
    # A move the page type refuses (a booked series to another library) is not offered for confirming.
    "wagtailadmin_pages:move": may_move,
    "wagtailadmin_pages:move_confirm": may_move,
    # Images and documents outside one's collections.
    "wagtailimages_chooser:select_format": lambda user, kwargs: _may_choose(
        image_policy, get_image_model(), user, kwargs.get("image_id")
    ),
    "wagtailadmin_api:images:detail": lambda user, kwargs: _may_choose(
        image_policy, get_image_model(), user, kwargs.get("pk")
    ),
    "wagtailadmin_api:documents:detail": lambda user, kwargs: _may_choose(
        document_policy, get_document_model(), user, kwargs.get("pk")
    ),
    "wagtailadmin_api:images:listing": lambda user, kwargs: may_choose_from_every_collection(
        image_policy, user
    ),
    "wagtailadmin_api:images:find": lambda user, kwargs: may_choose_from_every_collection(image_policy, user),
    "wagtailadmin_api:documents:listing": lambda user, kwargs: may_choose_from_every_collection(
        document_policy, user
    ),
    "wagtailadmin_api:documents:find": lambda user, kwargs: may_choose_from_every_collection(
        document_policy, user
    ),
    # Bulk actions and the chosen-pages answer name (and title) any object whose id is sent.
    "wagtail_bulk_action": may_bulk_act,
    "wagtailadmin_choose_page_chosen_multiple": may_see_chosen_pages,
    # The chooser opened at a page shows that page's title and address: live, or one's own.
    "wagtailadmin_choose_page_child": lambda user, kwargs: choosable_pages(
        user, Page.objects.filter(pk=kwargs.get("parent_page_id"))
    ).exists(),
    # What residents searched for (Wagtail's query log behind the best bets).
    "wagtailsearchpromotions:chooser": has_any(
        "wagtailsearchpromotions.add_searchpromotion", "wagtailsearchpromotions.change_searchpromotion"
    ),
    "wagtailsearchpromotions:chooserresults": has_any(
        "wagtailsearchpromotions.add_searchpromotion", "wagtailsearchpromotions.change_searchpromotion"
    ),
    # Workflow tasks are chosen while editing a workflow.
    **{
        f"wagtailadmin_workflows:{name}": has_any("wagtailcore.add_workflow", "wagtailcore.change_workflow")
        for name in ("task_chooser", "task_chooser_results", "task_chooser_create", "task_chosen")
    },
}

NEEDS_REQUEST = {may_sync_translations, may_bulk_act, may_see_chosen_pages}

PO_TRANSLATION_HEADER = "X-WagtailLocalize-TranslationID"


def _po_translation_id(upload) -> str | None:
    """The translation a PO file was downloaded for, or None when it is no readable PO file.
    Parsed from a temporary file, as wagtail-localize does (polib would read a file name given
    as text); the upload is rewound for the view."""
    with tempfile.NamedTemporaryFile(delete=False) as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
    try:
        return polib.pofile(copy.name).metadata.get(PO_TRANSLATION_HEADER)
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    finally:
        os.unlink(copy.name)
        upload.seek(0)


def check_pofile_upload(request, **kwargs):
    """wagtail-localize's PO upload reads the form's file and the file's translation header
    unchecked: a form sent without a file (or by GET), or a PO file not downloaded from a
    translation, answered 500. Now: 405 for GET, and the editor is sent back with a message."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    upload = request.FILES.get("file")
    if upload is None:
        problem = _("Välj en PO-fil att ladda upp.")
    elif _po_translation_id(upload) is None:
        problem = _("Filen är ingen PO-fil som hämtats från en översättning här. Hämta PO-filen på nytt.")
    else:
        return None  # the view checks that it belongs to this translation
    messages.error(request, problem)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


def _an_existing_page(value: str) -> bool:
    return value.isdigit() and len(value) < 12 and Page.objects.filter(pk=int(value)).exists()


def check_copy_destination(request, **kwargs):
    """Wagtail's copy view looks up the new parent it is sent unchecked: a form without one, or with
    one that is no page, answered 500. The editor gets the form back with a message instead."""
    if request.method != "POST" or _an_existing_page(request.POST.get("new_parent_page", "")):
        return None
    messages.error(request, _("Välj en sida att kopiera till."))
    return redirect(request.get_full_path())


def check_bulk_move_destination(request, action=None, **kwargs):
    """The bulk move reads its chosen destination unchecked ("abc": 500)."""
    if request.method != "POST" or action != "move" or "chooser" not in request.POST:
        return None
    if _an_existing_page(request.POST.get("chooser", "")):
        return None
    messages.error(request, _("Välj en sida att flytta till."))
    return redirect(request.get_full_path())


SEARCH_OPERATORS = ("and", "or")


def check_api_search_operator(request, **kwargs):
    """The admin API passes `search_operator` to the search backend unchecked ("xx": 500)."""
    operator = request.GET.get("search_operator")
    if operator is None or operator in SEARCH_OPERATORS:
        return None
    return JsonResponse({"message": "search_operator must be 'and' or 'or'"}, status=400)


INPUT_CHECKS: dict[str, Callable] = {
    "wagtail_localize:upload_pofile": check_pofile_upload,
    "wagtailadmin_pages:copy": check_copy_destination,
    "wagtail_bulk_action": check_bulk_move_destination,
    "wagtailadmin_api:pages:listing": check_api_search_operator,
}


class AdminGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        viewer = ADMIN_VIEWER.set(user)  # for the page titles the admin shows: home.models.base.shown_title
        try:
            return self.get_response(request)
        finally:
            ADMIN_VIEWER.reset(viewer)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is None or not request.user.is_authenticated:
            return None  # anonymous users get the view's own redirect to the login page
        guard = GUARDS.get(match.view_name)
        if guard is not None:
            allowed = (
                guard(request.user, view_kwargs, request)
                if guard in NEEDS_REQUEST
                else guard(request.user, view_kwargs)
            )
            if not allowed:
                raise PermissionDenied
        check = INPUT_CHECKS.get(match.view_name)
        return check(request, **view_kwargs) if check else None
