from django import template

from services.models import LANGUAGE_LABELS

register = template.Library()


@register.filter
def language_label(code):
    """The name of a session language ("ar" → "arabiska"), in the reader's language."""
    return LANGUAGE_LABELS.get(code, code)
