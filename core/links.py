"""Addresses on the public site for links that leave the page: hreflang alternates, sitemap.xml,
robots.txt, the feeds, mail.

Built from `PUBLIC_URL`, never from the request's Host header: a visitor chooses that header (any
port on an allowed host name passes Django's check), and a page remembered in the shared page cache
would hand their address on to every later visitor.
"""

from django.conf import settings


def public_url(path: str) -> str:
    """`path` ("/en/…") on the public site; an address that is already absolute is left as it is."""
    if not path or not path.startswith("/"):
        return path
    return settings.PUBLIC_URL.rstrip("/") + path
