"""Spreadsheet exports that cannot run code: a cell a resident filled in is never read as a formula.

A spreadsheet program treats a cell that begins with `=`, `+`, `-` or `@` (and, in some programs, a
tab or a carriage return before one) as a formula, so a report's description `=HYPERLINK(...)` could
run when an editor opens the export. `neutralise_formula` puts an apostrophe in front of such text
(shown as written, never evaluated); numbers and dates are left as they are. Every export of data
that the public typed in goes through it: the bookings CSV and the coverage reports' CSV/XLSX.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Text that a spreadsheet would read as a formula, made plain text; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_row(values) -> list:
    return [neutralise_formula(value) for value in values]


class FormulaSafeExportMixin:
    """For Wagtail's `SpreadsheetExportMixin` views (a ModelViewSet's index view): every text cell of
    the CSV and XLSX export is neutralised before it is written."""

    def preprocess_field_value(self, field, value, export_format):
        return super().preprocess_field_value(field, neutralise_formula(value), export_format)
