"""Content blocks shared by every part of the site (guides, standard pages, local pages).

Each block has a template, a description and a preview value so that editors see what they insert.
Blocks for one purpose only live in that app (the guide steps in services/blocks.py).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        template = "blocks/rich_text.html"
        icon = "pilcrow"
        label = _("Text")
        description = _("Löpande text med rubriker, listor och länkar.")
        preview_value = "<p>Så här gör du för att få fiber till ditt hus.</p>"


class StepListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Rubrik"), required=False)
    steps = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("title", blocks.CharBlock(label=_("Steg"))),
                ("text", blocks.TextBlock(label=_("Förklaring"), required=False)),
            ]
        ),
        label=_("Steg i ordning"),
    )

    class Meta:
        template = "blocks/step_list.html"
        icon = "list-ol"
        label = _("Steglista")
        description = _("Numrerade steg som läsaren följer i ordning.")
        preview_value = {
            "heading": "Så går det till",
            "steps": [
                {"title": "Ta reda på vem som bygger", "text": ""},
                {"title": "Teckna avtal", "text": ""},
            ],
        }


class FaqBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Rubrik"), required=False, default="Vanliga frågor")
    items = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("question", blocks.CharBlock(label=_("Fråga"))),
                ("answer", blocks.TextBlock(label=_("Svar"))),
            ]
        ),
        label=_("Frågor och svar"),
    )

    class Meta:
        template = "blocks/faq.html"
        icon = "help"
        label = _("Frågor och svar")
        description = _("Frågor med svar som läsaren kan fälla ut. Fungerar utan JavaScript.")
        preview_value = {
            "heading": "Vanliga frågor",
            "items": [{"question": "Vad kostar fiber?", "answer": "Det beror på."}],
        }


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Knappens text"))
    url = blocks.URLBlock(label=_("Extern länk"), required=False)
    page = blocks.PageChooserBlock(label=_("eller sida på webbplatsen"), required=False)
    note = blocks.CharBlock(label=_("Kort förklaring"), required=False)

    class Meta:
        template = "blocks/call_to_action.html"
        icon = "link-external"
        label = _("Uppmaning")
        description = _("En tydlig knapp till nästa steg, till exempel en e-tjänst.")
        preview_value = {"text": "Ansök om bredbandsstöd", "url": "https://example.org", "note": ""}


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Namn eller funktion"))
    phone = blocks.CharBlock(label=_("Telefon"), required=False)
    email = blocks.EmailBlock(label=_("E-post"), required=False)
    url = blocks.URLBlock(label=_("Webbplats"), required=False)
    hours = blocks.CharBlock(label=_("När man når dem"), required=False)

    class Meta:
        template = "blocks/contact.html"
        icon = "user"
        label = _("Kontakt")
        description = _("Vem läsaren kan ringa eller skriva till.")
        preview_value = {
            "name": "Bredbandskoordinator",
            "phone": "021-00 00 00",
            "email": "",
            "url": "",
            "hours": "",
        }


class RetentionPeriodsBlock(blocks.StaticBlock):
    """How long each kind of personal data is kept, read from the settings when the page is shown."""

    def get_context(self, value, parent_context=None):
        from home.privacy import retention_periods

        context = super().get_context(value, parent_context=parent_context)
        context["periods"] = retention_periods()
        return context

    # wagtail-localize: nothing to translate (the labels are interface strings).
    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value

    class Meta:
        template = "blocks/retention_periods.html"
        icon = "time"
        label = _("Lagringstider")
        description = _("Hur länge personuppgifter sparas, hämtat från webbplatsens inställningar.")
        admin_text = _("Visar lagringstiderna från inställningarna. Inget att fylla i.")


class ContentStreamBlock(blocks.StreamBlock):
    text = RichTextBlock()
    steps = StepListBlock()
    faq = FaqBlock()
    cta = CallToActionBlock()
    contact = ContactBlock()


class PrivacyStreamBlock(ContentStreamBlock):
    """Standard pages (the privacy page among them) may also show the retention periods."""

    retention = RetentionPeriodsBlock()
