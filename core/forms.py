"""The base of the public forms (coverage report, booking): a honeypot and accessible errors."""

from django import forms
from django.utils.translation import gettext_lazy as _

# Digits as Arabic (٠١٢…) and Persian (۰۱۲…) keyboards type them, and the Arabic decimal separator
# (٫, read as a decimal comma): a phone number, a date or a coordinate typed on the Arabic site.
EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789,")


def western_digits(text: str) -> str:
    return text.translate(EASTERN_DIGITS)


class MarkedSelect(forms.Select):
    """A select whose options may be written in another language than the page (a municipality's
    Swedish name on the English form): `option_languages` maps an option's value to its language,
    which the option then carries as `lang`."""

    def __init__(self, *args, option_languages=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.option_languages = option_languages or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        language = self.option_languages.get(str(value))
        if language:
            option["attrs"]["lang"] = language
        return option


class PublicForm(forms.Form):
    """The fields in `digit_fields` (numbers, dates, coordinates) are read with Western digits
    (`western_digits`), whatever keyboard typed them, and stored as staff read them; what residents
    write in words is kept as they wrote it."""

    digit_fields: tuple[str, ...] = ()
    # Left empty by people; filled in by form-filling robots. Hidden with CSS and from screen readers.
    website = forms.CharField(required=False, label=_("Lämna tomt"))

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and hasattr(data, "getlist"):
            data = data.copy()
            for key in self.digit_fields:
                if key in data:
                    data.setlist(key, [western_digits(str(v)) for v in data.getlist(key)])
        super().__init__(data, *args, **kwargs)
        self.order_fields([name for name in self.fields if name != "website"] + ["website"])

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def describe_errors(self) -> None:
        """Tie each field's error message (and help text) to the field, for screen readers.

        Templates render the message with id="id_<field>-error" and the help text with
        id="id_<field>_helptext".
        """
        for name in self.errors:
            if name in self.fields:
                ids = [f"id_{name}-error"] + ([f"id_{name}_helptext"] if self.fields[name].help_text else [])
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)


def unchecked(form: forms.Form, data) -> forms.Form:
    """`form` showing what was sent, without judging it: for an answer that refuses the sending as
    such (too many in a short time), where field errors would say something else is wrong."""
    form.initial = {
        key: western_digits(value) if key in getattr(form, "digit_fields", ()) else value
        for key, value in data.items()
        if key != "website"
    }
    return form


def optional_text(label, max_length: int, rows: int = 0, help_text=""):
    """A text a resident may leave empty; with `rows`, a text area of that height."""
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(
        label=label, required=False, max_length=max_length, help_text=help_text, widget=widget
    )
