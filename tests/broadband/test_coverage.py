"""Coverage statistics: import in every accepted format, all or nothing, charts, open data."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from broadband.coverage import HEADER, export_csv, import_file, parse
from broadband.models import CoverageImport, CoverageStatistic

pytestmark = pytest.mark.django_db

GOOD = (
    "kommunkod;år;hushåll_1gbit;arbetsställen_1gbit;hushåll_100mbit;källa\n"
    "1981;2025;95,5;90;97,25;PTS 2025\n"
    "1980;2025;99;98,1;99,5;PTS 2025\n"
    "19;2025;97,9;;;PTS 2025\n"
)


def comma_separated(text: str) -> str:
    """The same file with commas between cells and quoted decimal commas, as spreadsheets write it."""
    rows = [line.split(";") for line in text.strip().splitlines()]
    return "\n".join(",".join(f'"{cell}"' if "," in cell else cell for cell in row) for row in rows) + "\n"


@pytest.mark.parametrize(
    "data",
    [
        GOOD.encode("utf-8"),
        ("\ufeff" + GOOD).encode("utf-8"),
        GOOD.encode("latin-1"),
        GOOD.replace(";", ",")
        .replace("95,5", '"95,5"')
        .replace("98,1", '"98,1"')
        .replace("97,25", '"97,25"')
        .replace("97,9", '"97,9"')
        .encode(),
        GOOD.replace(",", ".").encode(),
    ],
    ids=["utf8-semicolon", "utf8-bom", "latin1", "comma-separated", "decimal-points"],
)
def test_a_correct_file_imports_in_each_accepted_format(demo, data):
    parsed, record = import_file(data, filename="pts.csv")
    assert parsed.errors == []
    sala = CoverageStatistic.objects.get(area_code="1981", year=2025)
    assert float(sala.gbit_households) == 95.5
    assert float(sala.mbit100_households) == 97.25
    assert CoverageStatistic.objects.get(area_code="19", year=2025).gbit_workplaces is None
    assert record.rows == 3 and record.years == "2025"


def test_every_bad_row_is_reported_by_line_and_nothing_is_stored(demo):
    before = CoverageStatistic.objects.count()
    data = (
        "kommunkod;år;hushåll_1gbit;källa\n"
        "1981;2025;95;ok\n"
        "9999;2025;95;okänd kod\n"
        "1980;;90;inget år\n"
        "1962;2025;101;för stor\n"
        "1904;2025;-1;negativ\n"
        "1981;2025;96;dubblett\n"
        "1907;2025;abc;inte tal\n"
    )
    parsed, record = import_file(data.encode())
    assert record is None
    assert CoverageStatistic.objects.count() == before
    joined = "\n".join(parsed.errors)
    assert "Rad 3: okänd kommunkod 9999" in joined
    assert "Rad 4: år saknas" in joined
    assert "Rad 5: hushall_1gbit 101 ligger utanför 0–100" in joined
    assert "Rad 6: hushall_1gbit -1 ligger utanför 0–100" in joined
    assert "Rad 7: dubblett av rad 2" in joined
    assert "Rad 8: hushall_1gbit 'abc' är inte ett tal" in joined
    assert len(parsed.errors) == 6


def test_source_date_is_read_and_written(demo):
    data = "kommunkod;år;hushåll_1gbit;källa;källdatum\n1981;2025;95;PTS;2025-10-01\n1980;2025;96;PTS;1 okt\n"
    parsed, record = import_file(data.encode())
    assert parsed.errors == ["Rad 3: källdatum '1 okt' är inte ett datum (ÅÅÅÅ-MM-DD)."]
    parsed, record = import_file(data.replace("1 okt", "2025-10-01").encode())
    assert str(CoverageStatistic.objects.get(area_code="1981", year=2025).source_date) == "2025-10-01"
    assert "1981;2025;95;;;;;;PTS;2025-10-01" in export_csv()


def test_missing_columns_and_empty_files_are_refused(demo):
    assert "kolumnen kommunkod saknas" in parse(b"ar;hushall_1gbit\n2025;90\n", {"1981"}).errors[0]
    assert parse(b"", {"1981"}).errors == ["Filen är tom."]


def test_reimport_replaces_the_year_and_keeps_a_record(demo, admin_user):
    import_file(GOOD.encode(), filename="first.csv", user=admin_user)
    second = "kommunkod;år;hushåll_1gbit;källa\n1981;2025;96;PTS rättad\n"
    parsed, record = import_file(second.encode(), filename="second.csv", user=admin_user)
    assert not parsed.errors
    assert list(CoverageStatistic.objects.filter(year=2025).values_list("area_code", flat=True)) == ["1981"]
    assert float(CoverageStatistic.objects.get(area_code="1981", year=2025).gbit_households) == 96
    assert record.replaced == 3 and record.user == admin_user
    assert CoverageStatistic.objects.filter(year=2024).exists()  # other years untouched
    assert CoverageImport.objects.count() == 2


def test_import_command_reports_errors_and_imports(demo, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("kommunkod;år;hushåll_1gbit\n1234;2025;90\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Rad 2: okänd kommunkod 1234"):
        call_command("import_coverage", str(bad))
    good = tmp_path / "good.csv"
    good.write_bytes(GOOD.encode("latin-1"))
    call_command("import_coverage", str(good))
    assert CoverageStatistic.objects.filter(year=2025).count() == 3


def test_export_is_in_the_import_layout_and_round_trips(client, demo):
    from broadband.coverage import COLUMNS

    exported = client.get("/api/coverage.csv").content.decode()
    assert exported.splitlines()[0] == ";".join(HEADER) and len(HEADER) == len(COLUMNS)
    # strict: every row has exactly the header's fields, and the dialect is unambiguous
    rows = list(csv.reader(io.StringIO(exported), delimiter=";", strict=True))
    assert all(len(row) == len(rows[0]) for row in rows)
    fields = [name for _column, name in COLUMNS]
    CoverageStatistic.objects.filter(year=2024).update(source_date=datetime.date(2025, 3, 1))
    exported = export_csv()
    before = sorted(CoverageStatistic.objects.values_list(*fields))
    parsed, record = import_file(exported.encode())
    assert not parsed.errors
    after = sorted(CoverageStatistic.objects.values_list(*fields))
    assert before == after and any(row[-1] for row in after)


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1e2", "²⁰", "٥٠"])
def test_odd_numbers_and_years_are_row_errors(demo, value):
    text = f"kommunkod;år;hushåll_1gbit\n1981;2024;{value}\n1981;²⁰²⁵;50\n"
    parsed, record = import_file(text.encode())
    assert record is None and len(parsed.errors) == 2 and parsed.errors[0].startswith("Rad 2")


def test_open_data_endpoints_return_the_stored_figures(client, demo):
    response = client.get("/api/coverage.json")
    data = json.loads(response.content)
    assert "CC BY 4.0" in data["licence"]
    stored = CoverageStatistic.objects.count()
    assert len(data["figures"]) == stored
    sala_2024 = next(f for f in data["figures"] if f["kommunkod"] == "1981" and f["year"] == 2024)
    assert sala_2024["gbit_households"] == float(
        CoverageStatistic.objects.get(area_code="1981", year=2024).gbit_households
    )
    rows = list(csv.reader(io.StringIO(client.get("/api/coverage.csv").content.decode()), delimiter=";"))
    assert rows[0] == HEADER and len(rows) == stored + 1


def test_chart_and_table_show_the_same_figures(client, demo):
    html = client.get("/kommuner/sala/bredband/").content.decode()
    figures = CoverageStatistic.objects.filter(area_code="1981").order_by("year")
    chart = html.split('<svg class="chart"')[1].split("</svg>")[0]
    table = html.split('<table class="data-table">')[1].split("</table>")[0]
    for stat in figures:
        value = f"{float(stat.gbit_households):.1f}".rstrip("0").rstrip(".")
        assert f"{stat.year}: {value.replace('.', ',')} %" in chart
        assert f'<th scope="row">{stat.year}</th>' in table and f"{value} %" in table
    assert 'role="img"' in chart and "<desc" in chart and "Mål 98 %" in chart
    assert "Länet 2021" in chart  # the county compared


def test_county_page_compares_all_ten_municipalities(client, demo):
    html = client.get("/bredband/").content.decode()
    chart = html.split('id="county-chart"')[1].split("</svg>")[0]
    for name in [
        "Arboga",
        "Fagersta",
        "Hallstahammar",
        "Kungsör",
        "Köping",
        "Norberg",
        "Sala",
        "Skinnskatteberg",
        "Surahammar",
        "Västerås",
    ]:
        assert name in chart
    assert "Hela länet" in html


def test_local_page_lists_operators_and_planned_expansion(client, demo):
    html = client.get("/kommuner/sala/bredband/").content.decode()
    assert "Open Infra" in html and "IP-Only" in html
    assert "Landsbygden i Sala" in html and "Byggs" in html
