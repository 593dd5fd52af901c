"""Server-side SVG charts of coverage figures: no script, no chart library, readable when printed.

Every chart has a <title> and <desc> (role="img") and is always shown next to a table with the same
figures, which is what screen-reader users and anyone who wants the exact numbers read.
"""

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from home.localization import format_percent

GOAL = 98  # per cent of households with at least 1 Gbit/s, the national goal for 2025
WIDTH, HEIGHT = 560, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 24, 40
BAR = "#0b4f8a"
COUNTY = "#8a1c1c"
GOALC = "#005a3c"


def _y(share: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - share / 100)


_pct = format_percent


def _t(text: str) -> str:
    return escape(text)


def coverage_chart(
    name: str, figures: list, county: list, chart_id: str = "coverage-chart"
) -> SafeString | str:
    """Bars: the municipality's households with ≥ 1 Gbit/s per year; dots: the county; line: the goal."""
    rows = [row for row in figures if row.gbit_households is not None]
    if not rows:
        return ""
    county_by_year = {row.year: row for row in county if row.gbit_households is not None}
    title = _("Hushåll med minst 1 Gbit/s i %(name)s, per år") % {"name": name}
    county_dot = _("Länet %(year)s: %(share)s")
    county_label = _("Länet")
    goal = _("Mål %(goal)s") % {"goal": _pct(GOAL)}
    plot_width = WIDTH - LEFT - RIGHT
    step = plot_width / len(rows)
    bar_width = min(56, step * 0.6)
    parts = [
        f'<svg class="chart" id="{chart_id}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{_t(title)}</title>',
    ]
    latest = rows[-1]
    values = {"year": latest.year, "share": _pct(latest.gbit_households), "name": name, "goal": _pct(GOAL)}
    if latest.year in county_by_year:
        values["county"] = _pct(county_by_year[latest.year].gbit_households)
        description = _("Senaste år %(year)s: %(share)s i %(name)s, %(county)s i länet.") % values
    else:
        description = _("Senaste år %(year)s: %(share)s i %(name)s.") % values
    description += " " + _("Målet är %(goal)s. Samma siffror finns i tabellen.") % values
    parts.append(f'<desc id="{chart_id}-desc">{escape(description)}</desc>')
    for share in (0, 25, 50, 75, 100):
        y = _y(share)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d0d4d8" />')
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="#1b1b1b">{number_format(share)}</text>'
        )
    for index, row in enumerate(rows):
        x = LEFT + step * index + (step - bar_width) / 2
        y = _y(float(row.gbit_households))
        height = HEIGHT - BOTTOM - y
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{height:.1f}" fill="{BAR}">'
            f"<title>{row.year}: {_pct(row.gbit_households)}</title></rect>"
        )
        parts.append(
            f'<text x="{x + bar_width / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="12" fill="#1b1b1b">'
            f"{_pct(row.gbit_households)}</text>"
        )
        parts.append(
            f'<text x="{x + bar_width / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="12" '
            f'fill="#1b1b1b">{row.year}</text>'
        )
        county_row = county_by_year.get(row.year)
        if county_row:
            cy = _y(float(county_row.gbit_households))
            parts.append(
                f'<circle cx="{x + bar_width / 2:.1f}" cy="{cy:.1f}" r="6" fill="#fff" stroke="{COUNTY}" stroke-width="3">'
                f"<title>{_t(county_dot % {'year': row.year, 'share': _pct(county_row.gbit_households)})}</title></circle>"
            )
    goal_y = _y(GOAL)
    parts.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{goal_y:.1f}" y2="{goal_y:.1f}" stroke="{GOALC}" '
        f'stroke-width="2" stroke-dasharray="6 4" />'
    )
    parts.append(
        f'<text x="{WIDTH - RIGHT}" y="{goal_y - 6:.1f}" text-anchor="end" font-size="12" fill="{GOALC}">{_t(goal)}</text>'
    )
    parts.append(
        f'<g font-size="12" fill="#1b1b1b"><rect x="{LEFT}" y="{HEIGHT - 14}" width="12" height="12" fill="{BAR}" />'
        f'<text x="{LEFT + 16}" y="{HEIGHT - 4}">{escape(name)}</text>'
        f'<circle cx="{LEFT + 150}" cy="{HEIGHT - 8}" r="5" fill="#fff" stroke="{COUNTY}" stroke-width="3" />'
        f'<text x="{LEFT + 160}" y="{HEIGHT - 4}">{_t(county_label)}</text></g>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def comparison_chart(
    rows: list[tuple[str, object]], year: int, chart_id: str = "county-chart"
) -> SafeString | str:
    """Horizontal bars, one per municipality, for one year."""
    rows = [(name, value) for name, value in rows if value is not None]
    if not rows:
        return ""
    bar_height, gap, label_width = 22, 8, 130
    title = _("Hushåll med minst 1 Gbit/s per kommun, %(year)s") % {"year": year}
    same_figures = _("Samma siffror finns i tabellen.")
    goal = _("Mål %(goal)s") % {"goal": _pct(GOAL)}
    height = TOP + len(rows) * (bar_height + gap) + 20
    plot = WIDTH - label_width - 70
    parts = [
        f'<svg class="chart" id="{chart_id}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{_t(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(", ".join(f"{n} {_pct(v)}" for n, v in rows))}. '
        f"{_t(same_figures)}</desc>",
    ]
    for index, (name, value) in enumerate(rows):
        y = TOP + index * (bar_height + gap)
        width = plot * float(value) / 100
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" font-size="13" fill="#1b1b1b">{escape(name)}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{width:.1f}" height="{bar_height}" fill="{BAR}" />'
        )
        parts.append(
            f'<text x="{label_width + width + 6:.1f}" y="{y + 16}" font-size="13" fill="#1b1b1b">{_pct(value)}</text>'
        )
    goal_x = label_width + plot * GOAL / 100
    parts.append(
        f'<line x1="{goal_x:.1f}" x2="{goal_x:.1f}" y1="{TOP - 8}" y2="{height - 16}" stroke="{GOALC}" '
        f'stroke-width="2" stroke-dasharray="6 4" />'
    )
    parts.append(
        f'<text x="{goal_x:.1f}" y="{TOP - 10}" text-anchor="middle" font-size="12" fill="{GOALC}">{_t(goal)}</text>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))
