"""The step of a life-event guide."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import RichTextBlock


class GuideStepBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("step", _("Steg")),
            ("optional", _("Valfritt steg")),
            ("andor", _("Och/eller: hör ihop med steget före")),
        ],
        default="step",
        label=_("Slag av steg"),
        help_text=_(
            "”Och/eller” visas under samma nummer som steget före, som ett alternativ eller tillägg."
        ),
    )
    title = blocks.CharBlock(label=_("Vad läsaren gör"))
    text = RichTextBlock(label=_("Förklaring"), required=False)
    eservice = SnippetChooserBlock(
        "services.EService",
        required=False,
        label=_("E-tjänst"),
        help_text=_("Har kommunerna var sin länk visas länken till läsarens kommun."),
    )

    class Meta:
        template = "blocks/guide_step.html"
        icon = "list-ol"
        label = _("Steg")
        description = _("Ett steg i guiden, gärna med en länk till rätt e-tjänst.")
        preview_value = {"kind": "step", "title": "Anmäl flytten till Skatteverket", "text": ""}
