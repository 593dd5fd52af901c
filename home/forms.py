"""Shared behaviour of the public forms."""


class AccessibleErrorsMixin:
    """Ties each field's error message (and help text) to the field, for screen readers.

    Templates render the message with id="id_<field>-error" and the help text with
    id="id_<field>_helptext".
    """

    def describe_errors(self) -> None:
        for name in self.errors:
            if name in self.fields:
                ids = [f"id_{name}-error"] + ([f"id_{name}_helptext"] if self.fields[name].help_text else [])
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)
