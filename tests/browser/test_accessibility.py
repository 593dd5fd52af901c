"""axe-core in Debian's Chromium: no WCAG 2.1 A/AA violations on the main page types, sv and ar."""

import datetime

import pytest
from django.utils import timezone

from tests.browser.chromium import axe_violations, chromium_page, submit

PAGES = [
    "/",
    "/kommuner/sala/",
    "/e-tjanster/flytta/?kommun=1981",
    "/bredband/fa-fiber/?kommun=1907",
    "/kommuner/sala/bredband/",
    "/bredband/",
    "/bredband/rapportera-dalig-tackning/",
    "/personuppgifter/",
    "/kommuner/sala/sala-stadsbibliotek/",
    "/kommuner/sala/sala-stadsbibliotek/fa-hjalp-med-bankid/",
    "/digital-hjalp/",
    "/sok/?q=fiber",
    "/ar/",
    "/ar/kommuner/",
    "/ar/kommuner/vasteras/",
    "/ar/kommuner/vasteras/vasteras-stadsbibliotek/",
    "/ar/kommuner/vasteras/vasteras-stadsbibliotek/digital-hjalp-pa-arabiska/",
    "/ar/sok/?q=bankid",
    "/ar/sok/?q=rawda",  # found nothing as typed: answered as read, and said so
    "/en/sok/?q=parentalbenefit",
    "/ar/digital-hjalp/",
    "/ar/e-tjanster/skaffa-bankid/",
    "/ar/tillganglighetsredogorelse/",
    "/en/e-tjanster/vard-1177/",
    "/ar/bredband/",
    "/ar/bredband/fa-fiber/",
    "/ar/personuppgifter/",
    "/ar/bredband/rapportera-dalig-tackning/",
    "/en/kommuner/sala/sala-stadsbibliotek/",
    "/ar/om-webbplatsen/",
]
# The site's own error pages, with the status they answer with.
ERROR_PAGES = {"/ar/finns-inte/": 404, "/en/finns-inte/": 404}


@pytest.fixture
def page():
    with chromium_page() as page:
        yield page


@pytest.mark.browser
def test_pages_have_no_wcag_21_aa_violations(live_server, demo_committed, page):
    problems = []
    for path in PAGES + list(ERROR_PAGES):
        response = page.goto(live_server.url + path)
        assert response.status == ERROR_PAGES.get(path, 200), path
        for violation in axe_violations(page):
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{path}: {violation['id']} – {violation['help']} {targets}")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_keyboard_user_can_skip_to_content_and_reach_search(live_server, demo_committed, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.fill("#home-search", "fiber")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/sok/?q=fiber" in page.url
    assert page.context.cookies() == []


@pytest.mark.browser
def test_pages_reflow_at_320_css_pixels_without_sideways_scrolling(live_server, demo_committed):
    # 320 CSS pixels wide is what a 1280-pixel window shows at 400 %, and a phone at 200 %.
    from broadband.models import MobileCoverageReportPage
    from tests.factories import bookable_session

    session, day = bookable_session(capacity=3)
    report = MobileCoverageReportPage.objects.get(locale__language_code="ar")
    # Found by probing: the Arabic forms scrolled 10,000 px sideways (their hidden spam trap was placed
    # far to the left, where a right-to-left page can scroll), and long Swedish words in headings and
    # tables widened the page.
    paths = ["/", "/digital-hjalp/", "/kommuner/sala/bredband/", "/ar/", report.url]
    paths += [
        f"/ar/boka/{session.pk}/{day.isoformat()}/",
        "/tillganglighetsredogorelse/",
        "/personuppgifter/",
    ]
    with chromium_page(viewport={"width": 320, "height": 640}) as page:
        for path in paths:
            page.goto(live_server.url + path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 1, f"{path} scrolls sideways by {overflow}px"
        # A table that scrolls sideways here is in the tab order (static/js/scroll-regions.js), so a
        # keyboard can scroll it; at full width it fits and is not.
        page.goto(live_server.url + "/kommuner/sala/bredband/")
        assert page.evaluate("document.querySelector('.table-scroll').getAttribute('tabindex')") == "0"
        page.set_viewport_size({"width": 1280, "height": 800})
        page.wait_for_function("!document.querySelector('.table-scroll').hasAttribute('tabindex')")


@pytest.mark.browser
def test_search_suggestions_are_an_accessible_combobox(live_server, demo_committed, page):
    page.goto(live_server.url + "/sok/")
    box = page.locator("#q")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("type") == "text"  # the ARIA 1.2 combobox; type="search" without the script
    box.press_sequentially("Bredbandsst")
    page.wait_for_selector("[role=listbox] [role=option]")
    assert box.get_attribute("aria-expanded") == "true"
    # Escape closes the list and keeps the text (on type="search" Chromium would also clear it).
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and box.input_value() == "Bredbandsst"
    box.press_sequentially("ö")
    page.wait_for_selector("[role=listbox] [role=option]")
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").text_content() == "Bredbandsstöd"
    with page.expect_navigation():
        box.press("Enter")
    assert page.url.endswith("/bredband/bredbandsstod/")


@pytest.mark.browser
def test_report_form_with_errors_and_receipt_pass_axe(live_server, demo_committed, page):
    page.goto(live_server.url + "/bredband/rapportera-dalig-tackning/")
    submit(page)
    assert "Något behöver rättas" in page.content()
    assert axe_violations(page) == []
    page.select_option("#id_municipality", "1904")
    page.fill("#id_place", "Riddarhyttan")
    page.select_option("#id_operator", "telia")
    page.check("#id_problem_0")
    page.fill("#id_occurred_on", (timezone.localdate() - datetime.timedelta(days=3)).isoformat())
    submit(page)
    assert "Tack! Din rapport är skickad." in page.content()
    assert axe_violations(page) == []
    assert page.context.cookies() == []


@pytest.mark.browser
def test_booking_page_passes_axe_and_books_a_seat(live_server, demo_committed, page):
    from services.models import HelpSessionPage
    from services.occurrences import upcoming_occurrences

    session = HelpSessionPage.objects.filter(booking_required=True, locale__language_code="sv").first()
    # Not today's: an occurrence that has already started is listed until it ends, but no longer bookable.
    today = timezone.localdate()
    occurrence = next(
        o
        for o in upcoming_occurrences(session_key=session.translation_key)
        if not o.cancelled and o.date > today
    )
    page.goto(f"{live_server.url}/boka/{session.pk}/{occurrence.date.isoformat()}/")
    assert axe_violations(page) == []
    submit(page)
    assert "Något behöver rättas" in page.content()
    assert axe_violations(page) == []
    page.fill("#id_name", "Greta")
    page.fill("#id_phone", "070-123 45 67")
    submit(page)
    assert "Din plats är bokad" in page.content()
    assert axe_violations(page) == []
    # The e-mail's link keeps the code in the fragment; the page's script posts it (the code
    # never appears in a URL the server sees), and only the second button cancels.
    code = page.get_attribute("input[name=kod]", "value")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    with page.expect_navigation():
        page.goto(f"{live_server.url}/avboka/#kod={code}")
    page.wait_for_selector("text=Vill du avboka")
    assert axe_violations(page) == []
    submit(page, "button[type=submit]")
    assert "Din bokning är avbokad" in page.content()
    assert requested and not any(code in url for url in requested)
    page.goto(f"{live_server.url}/avboka/")
    assert axe_violations(page) == []
