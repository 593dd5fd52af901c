"""Debian's Chromium driven by Playwright for the browser tests (never `playwright install`)."""

import os
from contextlib import contextmanager

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@contextmanager
def chromium_page(**page_options):
    """A page in a fresh headless Chromium, closed afterwards. Django's ORM is allowed from the test's
    thread while Playwright's event loop runs (DJANGO_ALLOW_ASYNC_UNSAFE), as pytest-django's live
    server tests need."""
    from playwright.sync_api import sync_playwright

    old = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                yield browser.new_page(**page_options)
            finally:
                browser.close()
    finally:
        if old is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = old


def axe_violations(page) -> list:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    return Axe().run(page, options=options).response["violations"]


def submit(page, button: str = "form.report-form button[type=submit]"):
    """Click a form's submit button and wait for the answer; returns the response."""
    with page.expect_navigation() as navigation:
        page.click(button)
    return navigation.value
