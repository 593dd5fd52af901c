"""The abstract base page every public page type shares.

Why a base: every page carries a plain-language summary (shown in listings and search hits), a
"review by" date (content that nobody re-reads goes stale, which is what stopped the region's earlier
broadband service), the same search fields and the same translation rules. Page views for anonymous
visitors are cached per page, language and query string until the next publish.
"""

import contextvars
import datetime

from django.db import models
from django.http import HttpResponseNotAllowed
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PagePermissionTester
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.cache import serve_cached
from core.fields import optional_field
from core.text import html_text, normalise
from home import references
from home.blocks import RICH_FEATURES

REVIEW_INTERVAL = datetime.timedelta(days=365)
# Searched text once more as a search compares it (`BasePage.folded_title`, `folded_text`).
FOLDED_FIELDS = ("title", "folded_title", "folded_text")
# Filled by feature apps (`home` imports none of them): a function of a page that is True while
# something below it must not be deleted with it – bookings ahead below a library (services).
PAGE_MUST_STAY = "envagin_page_must_stay"


# The admin user a request is made by (set by editorial's admin guard), for the page titles the admin
# shows: another organisation's unpublished title is theirs until they publish it.
ADMIN_VIEWER: contextvars.ContextVar = contextvars.ContextVar("admin_viewer", default=None)


def shown_title(page, draft_title: str) -> str:
    """The title the admin shows of a page (`Page.get_admin_display_title`, wrapped in HomeConfig):
    the draft's title to those who may edit the page, the published title to everyone else – an
    unpublished title is its organisation's until it is published (the page chooser, its search and
    the pages' parents showed other organisations' drafts)."""
    if draft_title == page.title and page.live:
        return draft_title  # nothing unpublished to hide
    viewer = ADMIN_VIEWER.get()
    if viewer is None or Page.permissions_for_user(page, viewer).can_edit():
        return draft_title
    # A page never published has no title of its own yet: it is named by nothing of its own (an
    # editor could name another organisation's draft as a link's target, by its id, and read its
    # title back in the editor; listings show drafts only to their editors anyway).
    return page.title if page.live else str(_("Opublicerad sida"))


def must_stay(page) -> bool:
    return any(holds(page) for holds in hooks.get_hooks(PAGE_MUST_STAY))


class KeepsDependentsTester(PagePermissionTester):
    """Deleting a page deletes everything below it. While a feature app says something below must
    stay (`PAGE_MUST_STAY`), the page is not deleted – whichever page is chosen: the series, its
    library, the municipality or the list of municipalities, by anyone, superusers included.
    Wagtail's delete view, its bulk delete and the admin API's delete action all ask `can_delete`."""

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and not must_stay(self.page)

    def can_unpublish(self):
        # Unpublished, the page and everything below it would leave the same people uninformed:
        # staff cancel the dates first (which tells everyone).
        return super().can_unpublish() and not must_stay(self.page)

    def can_move(self):
        # Wagtail's `can_move` asks `can_delete`; a move takes nothing away, so what must stay
        # below a page does not hold it where it is (where it may go is `can_move_to`'s question).
        return super().can_delete(ignore_bulk=True)


class BasePageForm(WagtailAdminPageForm):
    """The edit form shows the fields the user may not change (`BasePage.fields_fixed_for`) as
    fixed, saying who may change them; `BasePage.save_revision` keeps their stored values whatever
    is sent, by this form or any other way to a revision."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.for_user:
            for name, reason in self.instance.fields_fixed_for(self.for_user).items():
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = reason

    def _post_clean(self):
        """A page, document or image named for the first time in this edit must be one the editor
        could have chosen (`home.references`): not another organisation's draft or file by its id."""
        before = references.named(self.instance)
        super()._post_clean()
        added = references.named(self.instance) - before
        if added and references.not_choosable(self.for_user, added):
            self.add_error(
                None,
                _(
                    "Sidan länkar till en sida, ett dokument eller en bild som du inte kan välja. "
                    "Välj länken eller filen på nytt med väljaren."
                ),
            )


def localized_fields(translated=(), synchronized=()) -> list:
    """`translatable_fields` for wagtail-localize: the fields translators translate, then those that
    follow the source in every language (slugs, dates, numbers, addresses, relations)."""
    return [TranslatableField(name) for name in translated] + [
        SynchronizedField(name) for name in synchronized
    ]


class FoldedSearchText:
    """`folded_text`: an indexed model's other searched text once more as a search compares it, for
    Wagtail's database backend – the public search's fallback while the engine is away, and the
    admin's search: "forskola" finds "förskola", "الانترنت" finds "الإنترنت", as they do in the
    engine, whose analysers fold and unify in the index. Pages have it (`BasePage`), and so do the
    snippets the public search shows (network operators, e-services): list
    `index.SearchField("folded_text")` among the search fields."""

    def folded_text(self) -> str:
        texts = []
        for field in self.get_search_fields():
            if isinstance(field, index.SearchField) and field.field_name not in FOLDED_FIELDS:
                value = field.get_value(self)
                texts.extend(value if isinstance(value, list | tuple) else [value])
        return normalise(html_text(" ".join(str(text) for text in texts if text)))


class BasePage(FoldedSearchText, Page):
    summary = models.TextField(
        _("sammanfattning"),
        blank=True,
        max_length=400,
        help_text=_("En eller två meningar på enkel svenska. Visas i listor och sökträffar."),
    )
    review_date = optional_field(
        models.DateField,
        _("granska senast"),
        _("När sidan ska läsas igenom igen. Lämnas tomt blir det tolv månader efter publicering."),
    )
    last_reviewed = optional_field(
        models.DateField,
        _("senast granskad"),
        _("Sätts när någon har läst igenom sidan och sett att den stämmer."),
    )

    is_creatable = False

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.AutocompleteField("summary"),
        index.SearchField("folded_title", boost=2),  # as the title is boosted
        index.SearchField("folded_text"),
    ]
    content_panels = Page.content_panels + [FieldPanel("summary")]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel([FieldPanel("review_date"), FieldPanel("last_reviewed")], heading=_("Granskning")),
    ]
    translatable_fields = localized_fields(
        ["title", "summary", "seo_title", "search_description"], ["slug", "review_date", "last_reviewed"]
    )

    class Meta:
        abstract = True

    base_form_class = BasePageForm

    def permissions_for_user(self, user):
        return KeepsDependentsTester(user, self)

    def fields_fixed_for(self, user) -> dict[str, str]:
        """The fields `user` may not change on this page, each with the reason shown in the form. The
        publishing dates can take the page offline: they are fixed for whoever may not unpublish the
        live page (a municipality's own editors on the municipality's page; anyone while bookings
        ahead must stay, see `KeepsDependentsTester`)."""
        if self.live and not self.permissions_for_user(user).can_unpublish():
            # A publish date takes a page without a live revision offline until then, and an
            # expiry date does when it comes.
            reason = _("Bara den som får avpublicera sidan kan ändra när den visas.")
            return {"expire_at": reason, "go_live_at": reason}
        return {}

    def save_revision(self, user=None, *args, **kwargs):
        """Every change an editor makes becomes a revision here – the edit form, a revert (also the
        admin API's), a translation published through wagtail-localize – so the fields the user may
        not change (`fields_fixed_for`) keep their stored values here, whatever the route."""
        if user is not None and self.pk:
            fixed = list(self.fields_fixed_for(user))
            stored = type(self).objects.filter(pk=self.pk).values(*fixed).first() if fixed else None
            for name, value in (stored or {}).items():
                setattr(self, name, value)
        return super().save_revision(user, *args, **kwargs)

    def save(self, *args, **kwargs):
        if self.review_date is None:
            start = (self.last_published_at or timezone.now()).date()
            self.review_date = start + REVIEW_INTERVAL
        return super().save(*args, **kwargs)

    def folded_title(self) -> str:
        """The title as a search compares it (`core.text.normalise`): see `folded_text`."""
        return normalise(self.title)

    @property
    def reviewed_on(self):
        """The date shown as "Senast granskad": the last review, or else the last publication."""
        if self.last_reviewed:
            return self.last_reviewed
        published = self.last_published_at or self.first_published_at
        return timezone.localdate(published) if published else None

    @property
    def is_municipal(self) -> bool:
        """Inside the municipalities' part of the tree (their content publishes without review)."""
        from home.models.pages import MunicipalityIndexPage

        if isinstance(self, MunicipalityIndexPage):
            return False
        return MunicipalityIndexPage.objects.ancestor_of(self).exists()

    def get_admin_display_title(self):
        """In the admin (explorer, page chooser) a municipal page says which municipality it belongs to."""
        from home.models.pages import MunicipalityPage

        title = super().get_admin_display_title()
        if isinstance(self, MunicipalityPage) or not self.is_municipal:
            return title
        municipality = MunicipalityPage.objects.ancestor_of(self).first()
        return f"{title} ({municipality.name})" if municipality else title

    def get_workflow(self):
        """Regional content goes through the region's review; municipal and library content does not."""
        if self.is_municipal:
            return None
        return super().get_workflow()

    def serve(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            # A page only reads: its forms post to views of their own (/boka/, /rapport/, /avboka/).
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return serve_cached(self, request, lambda: super(BasePage, self).serve(request, *args, **kwargs))


def rich_text_field(verbose_name, help_text=""):
    """Rich text an editor may leave empty, with the site's editing features (home/blocks.py)."""
    return RichTextField(verbose_name, blank=True, features=RICH_FEATURES, help_text=help_text)


def intro_field(help_text=""):
    """The short rich-text "ingress" at the top of a page; each page type says what it is for."""
    return rich_text_field(_("ingress"), help_text)


class IndexPage(BasePage):
    """A section's front page, once under the start page: it lists what lies below it (or gathers it
    from elsewhere) under a short intro.

    Subclasses redeclare `intro` with `intro_field(...)` to give editors their own help text, and
    name in `children_in_context` the template variable that lists the live pages below, in tree order.
    """

    intro = intro_field()

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    children_in_context = ""

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.children_in_context:
            context[self.children_in_context] = self.get_children().live().specific().order_by("path")
        return context
