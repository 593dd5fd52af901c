"""Date formats as the site's readers write them (`FORMAT_MODULE_PATH`): only the input formats,
everything else from Django's own locale files.

Django's Swedish (and English) formats read 12/01/2026 month first, as 1 December; in Sweden and
the countries most new residents come from it is 12 January. A date is read year first (what a date
field sends: 2026-11-20) or day first (20/11/2026, 20.11.2026, 20-11-2026), never month first.
"""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y %H:%M",
]
