"""Coverage statistics: reading and writing the CSV layout, and the all-or-nothing import.

The layout follows the columns of PTS's yearly broadband mapping per municipality (one row per
municipality and year, shares in per cent). Accepted: `;` or `,` as separator, decimal commas or
points, UTF-8 (with or without BOM) or Latin-1. Column names are matched without regard to case,
spaces or å/ä/ö, and a few common spellings are accepted (see COLUMN_ALIASES). The export writes
exactly this layout, so a coordinator can download, correct and import it back.
"""

import csv
import datetime
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from home.models import MunicipalityPage, OrganisationSettings

COLUMNS = [
    ("kommunkod", "area_code"),
    ("ar", "year"),
    ("hushall_1gbit", "gbit_households"),
    ("arbetsstallen_1gbit", "gbit_workplaces"),
    ("hushall_100mbit", "mbit100_households"),
    ("arbetsstallen_100mbit", "mbit100_workplaces"),
    ("tatort_hushall_1gbit", "urban_gbit_households"),
    ("landsbygd_hushall_1gbit", "rural_gbit_households"),
    ("kalla", "source"),
    ("kalldatum", "source_date"),
]
HEADER = [
    "kommunkod",
    "år",
    "hushåll_1gbit",
    "arbetsställen_1gbit",
    "hushåll_100mbit",
    "arbetsställen_100mbit",
    "tätort_hushåll_1gbit",
    "landsbygd_hushåll_1gbit",
    "källa",
    "källdatum",
]
COLUMN_ALIASES = {
    "kod": "kommunkod",
    "lanskod": "kommunkod",
    "kommun_kod": "kommunkod",
    "year": "ar",
    "artal": "ar",
    "source": "kalla",
}
YEAR = re.compile(r"[0-9]{4}")
SHARE = re.compile(r"-?[0-9]{1,6}(?:[.,][0-9]{1,6})?")
SHARE_FIELDS = [name for _col, name in COLUMNS if name not in ("area_code", "year", "source", "source_date")]


def _key(name: str) -> str:
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", name.strip().lower()) if not unicodedata.combining(c)
    )
    folded = folded.replace(" ", "_").replace("-", "_")
    return COLUMN_ALIASES.get(folded, folded)


@dataclass
class ParsedFile:
    rows: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return sorted({row["year"] for row in self.rows})


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1", errors="replace")


def parse(data: bytes | str, known_codes: set[str]) -> ParsedFile:
    """Read and check a file completely; every problem is reported with its line number."""
    text = decode(data) if isinstance(data, bytes) else data
    result = ParsedFile()
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        result.errors.append("Filen är tom.")
        return result
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [_key(h) for h in next(reader)]
    columns = {col for col, _name in COLUMNS}
    missing = [col for col in ("kommunkod", "ar") if col not in header]
    if missing:
        result.errors.append(
            f"Rad 1: kolumnen {', '.join(missing)} saknas. Förväntade kolumner: {';'.join(HEADER)}"
        )
        return result
    unknown = [h for h in header if h and h not in columns and h != "kommun"]
    if unknown:
        result.errors.append(
            f"Rad 1: okända kolumner: {', '.join(unknown)}. Förväntade kolumner: {';'.join(HEADER)}"
        )
        return result
    seen: dict[tuple[str, int], int] = {}
    for line_number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        values = dict(zip(header, (cell.strip() for cell in cells), strict=False))
        problems = []
        code = values.get("kommunkod", "")
        if not code:
            problems.append("kommunkod saknas")
        elif code not in known_codes:
            problems.append(f"okänd kommunkod {code}")
        year_text = values.get("ar", "")
        year = None
        if not year_text:
            problems.append("år saknas")
        elif not YEAR.fullmatch(year_text) or not 1990 <= int(year_text) <= 2100:
            problems.append(f"året {year_text!r} är inte ett årtal")
        else:
            year = int(year_text)
        row = {"area_code": code, "year": year, "source": values.get("kalla", ""), "source_date": None}
        date_text = values.get("kalldatum", "")
        if date_text:
            try:
                row["source_date"] = datetime.date.fromisoformat(date_text)
            except ValueError:
                problems.append(f"källdatum {date_text!r} är inte ett datum (ÅÅÅÅ-MM-DD)")
        for column, name in COLUMNS:
            if name not in SHARE_FIELDS:
                continue
            raw = values.get(column, "").replace("%", "").replace(" ", "").replace("\u00a0", "")
            if not raw:
                row[name] = None
                continue
            if not SHARE.fullmatch(raw):  # no NaN, Infinity, exponents or digits other than 0–9
                problems.append(f"{column} {raw!r} är inte ett tal")
                continue
            share = Decimal(raw.replace(",", "."))
            if not Decimal(0) <= share <= Decimal(100):
                problems.append(f"{column} {raw} ligger utanför 0–100")
            row[name] = share
        if code and year is not None:
            if (code, year) in seen:
                problems.append(f"dubblett av rad {seen[(code, year)]} ({code}, {year})")
            else:
                seen[(code, year)] = line_number
        if problems:
            result.errors.append(f"Rad {line_number}: " + "; ".join(problems) + ".")
        else:
            result.rows.append(row)
    if not result.rows and not result.errors:
        result.errors.append("Filen innehåller inga rader med siffror.")
    return result


def known_area_codes() -> set[str]:
    codes = set(MunicipalityPage.objects.values_list("code", flat=True))
    codes |= {s.county_code for s in OrganisationSettings.objects.all() if s.county_code}
    return codes


@transaction.atomic
def import_file(data: bytes | str, *, user=None, filename: str = "") -> tuple[ParsedFile, object | None]:
    """All or nothing: a file with any bad row stores nothing. A year in the file replaces that year."""
    from broadband.models import CoverageImport, CoverageStatistic

    parsed = parse(data, known_area_codes())
    if parsed.errors:
        return parsed, None
    replaced = CoverageStatistic.objects.filter(year__in=parsed.years).delete()[0]
    CoverageStatistic.objects.bulk_create(CoverageStatistic(**row) for row in parsed.rows)
    record = CoverageImport.objects.create(
        user=user if getattr(user, "pk", None) else None,
        filename=filename[:200],
        years=", ".join(map(str, parsed.years)),
        rows=len(parsed.rows),
        replaced=replaced,
    )
    return parsed, record


def export_rows():
    from broadband.models import CoverageStatistic

    for stat in CoverageStatistic.objects.order_by("year", "area_code"):
        yield (
            [stat.area_code, stat.year]
            + [
                ""
                if getattr(stat, name) is None
                else f"{getattr(stat, name):f}".rstrip("0").rstrip(".").replace(".", ",")
                for name in SHARE_FIELDS
            ]
            + [stat.source, stat.source_date.isoformat() if stat.source_date else ""]
        )


def export_csv() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADER)
    writer.writerows(export_rows())
    return buffer.getvalue()
