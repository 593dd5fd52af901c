"""Django's WSGI and ASGI handlers with a request that reads whatever Content-Type a client sends.

Django builds the request before any middleware, and there a Content-Type header can raise: a
parameter in an encoding Python does not know (RFC 2231, `a*=bogus''x`: ValueError), or a charset
that is no text encoding ("rot13", "base64", "zlib": LookupError when the query string is read).
Either was a bare 500 from the app server, on any URL, GET or HEAD. Here such a header loses its
parameters or its charset, and the request goes on as if they had not been sent (the form read as
UTF-8, Django's default). A charset that is UTF-8 by another name ("utf8", "UTF_8") is UTF-8, so a
form sent with it is taken as Django takes "utf-8"; another charset is used for the body only when
it reads plain ASCII as ASCII ("latin-1" does; "utf-16", "punycode" and the encodings of escape
sequences do not). The query string is read as UTF-8 whatever the body's charset, as Django's
ASGI request reads it.
"""

import codecs
from functools import lru_cache

from django.conf import settings
from django.core.handlers.asgi import ASGIHandler as DjangoASGIHandler
from django.core.handlers.asgi import ASGIRequest as DjangoASGIRequest
from django.core.handlers.wsgi import WSGIHandler as DjangoWSGIHandler
from django.core.handlers.wsgi import WSGIRequest as DjangoWSGIRequest
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.http import parse_header_parameters

MAX_CHARSET_LENGTH = 40  # the longest name of an encoding Python knows is well under this
ASCII = bytes(range(128))
# Encodings that read ASCII as ASCII only outside their escape sequences ("xn--" labels, ESC $ B,
# backslashes): decoding in them can raise an error Django does not expect.
ESCAPING = ("idna", "iso2022", "iso-2022", "hz", "unicode-escape", "raw-unicode-escape")


@lru_cache(maxsize=64)
def readable_charset(name: str) -> str | None:
    """The encoding to read a request's form and query string in, for the charset a client named;
    None when it is to be ignored (unknown, no text encoding, or one that does not keep ASCII)."""
    if len(name) > MAX_CHARSET_LENGTH:
        return None
    try:
        info = codecs.lookup(name)
        if not getattr(info, "_is_text_encoding", True):
            return None
        if info.name.startswith(ESCAPING) or ASCII.decode(info.name) != ASCII.decode("ascii"):
            return None
    except (LookupError, ValueError):  # UnicodeDecodeError is a ValueError
        return None
    return "utf-8" if info.name == "utf-8" else info.name


class ReadableContentType:
    """Sets content_type, content_params and encoding as Django does, from any header."""

    def _set_content_type_params(self, meta):
        header = meta.get("CONTENT_TYPE", "")
        try:
            self.content_type, self.content_params = parse_header_parameters(header)
        except (ValueError, LookupError):
            # The multipart parser reads the header again: it gets the type without parameters.
            meta["CONTENT_TYPE"] = header.split(";", 1)[0].strip()
            self.content_type, self.content_params = parse_header_parameters(meta["CONTENT_TYPE"])
        charset = self.content_params.get("charset")
        if charset and (encoding := readable_charset(charset)):
            # Not through the `encoding` setter: it asks whether the query string has been read,
            # which reads it, here, before any middleware (too many fields: TooManyFieldsSent).
            self._encoding = encoding
        else:
            self.content_params.pop("charset", None)


class WSGIRequest(ReadableContentType, DjangoWSGIRequest):
    @cached_property
    def GET(self):
        """The query string in UTF-8 whatever charset the body names (a charset is the body's, and
        the URL is percent-escaped UTF-8), as Django's ASGI request reads it: read in the body's
        charset, a byte it has no letter for became U+FFFD, which the language switcher's and the
        pages' links could not write back in that charset (a 500)."""
        raw = get_bytes_from_wsgi(self.environ, "QUERY_STRING", "")
        return QueryDict(raw, encoding=settings.DEFAULT_CHARSET)


class ASGIRequest(ReadableContentType, DjangoASGIRequest):
    pass


class WSGIHandler(DjangoWSGIHandler):
    request_class = WSGIRequest


class ASGIHandler(DjangoASGIHandler):
    request_class = ASGIRequest


def get_wsgi_application() -> WSGIHandler:
    import django

    django.setup(set_prefix=False)
    return WSGIHandler()


def get_asgi_application() -> ASGIHandler:
    import django

    django.setup(set_prefix=False)
    return ASGIHandler()
