"""What a page may name: the pages, documents and images an editor could have chosen.

The choosers offer the public tree, the user's own drafts, and the files of the user's collections
(`editorial` walls them off). A link or a chooser block is saved as an id, though, and ids are
sequential: an editor who sent another organisation's draft or file by its id read its title and
address back in the editor (found by a probe, stop 33). The page form refuses what the user could
not have chosen, when it is new in this edit: what a page already names stays (a colleague with
wider rights may have chosen it), so nobody is kept from saving a page they did not make.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import page_permission_policy


def named(instance) -> set[tuple[int, str]]:
    """(content type id, object id) of every object the instance names (Wagtail's reference index:
    chooser fields, StreamField blocks, rich-text links and embeds)."""
    return {(ct, pk) for ct, pk, *_paths in ReferenceIndex._extract_references_from_object(instance)}


def choosable_pages(user, pages):
    """Every live page (the public tree), drafts only where the user has rights."""
    if user.is_superuser:
        return pages
    own = page_permission_policy.explorable_instances(user).values("pk")
    return pages.filter(Q(live=True) | Q(pk__in=own))


def _choosable(user, model, ids: set[int]):
    found = model.objects.filter(pk__in=ids)
    if issubclass(model, Page):
        return found, choosable_pages(user, found)
    for files, policy in ((get_document_model(), document_policy), (get_image_model(), image_policy)):
        if issubclass(model, files):
            return found, policy.instances_user_has_any_permission_for(user, ["choose"]).filter(pk__in=ids)
    return None, None  # snippets and the rest: not walled off


def not_choosable(user, references) -> int:
    """How many of these (content type id, object id) name an existing page, document or image the
    user could not have chosen."""
    if user is None or user.is_superuser:
        return 0
    by_type: dict[int, set[int]] = defaultdict(set)
    for content_type_id, object_id in references:
        if str(object_id).isdigit() and len(str(object_id)) < 12:
            by_type[content_type_id].add(int(object_id))
    refused = 0
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        found, allowed = _choosable(user, model, ids)
        if found is not None:
            refused += found.count() - allowed.count()
    return refused
