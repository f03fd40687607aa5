"""Fetching a page or feed over http(s): bounded in time, size and redirects, failing with one line naming the URL."""

from __future__ import annotations

import codecs
import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from store.errors import shown_path
from store.readers.article import ReaderError

USER_AGENT = "whosaid/0.1 (+article reader; a terminal browser of quotes in news)"
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"
TIMEOUT = 20.0
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
ARTICLE_TYPES = (
    "text/",
    "application/xhtml+xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/x-rss+xml",
    "application/x-atom+xml",
    "application/rdf+xml",
    "application/json",
    "application/x-ndjson",
    "application/jsonl",
    "application/jsonlines",
)
GENERIC_TYPES = frozenset(
    (
        "",
        "application/octet-stream",
        "binary/octet-stream",
        "application/binary",
        "application/unknown",
        "application/x-unknown",
        "application/download",
        "application/force-download",
        "text/plain",
    )
)
"""Content types that say nothing of what a body is: it is read by its URL's suffix or its content, unless binary."""
BINARY_OPENINGS = (b"%PDF-", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")
"""How files that are no text open, those that may hold no NUL byte early: PDF, PNG, GIF, JPEG, ZIP, gzip, ELF."""
SNIFFED_BYTES = 1024


class FetchError(ReaderError):
    """A URL that could not be fetched, or whose answer is not an article; the message is one line."""


@dataclass(frozen=True)
class Fetched:
    """What a URL answered: the body, the address it came from after redirects, and its content type."""

    data: bytes
    url: str
    content_type: str | None


def is_url(name: str) -> bool:
    """Whether an input names an http(s) URL rather than a file."""
    return name[:8].lower().startswith(("http://", "https://"))


def fetch(
    url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, max_redirects: int = MAX_REDIRECTS
) -> Fetched:
    """The body of an http(s) URL, following at most `max_redirects` redirects, within `timeout` seconds overall.

    Raises FetchError, one line naming the URL, when the address is not http(s), offline or unknown, refused,
    slow, answered with an HTTP error, larger than `max_bytes`, or not text (an image, a PDF). A body of a type
    that says nothing (`application/octet-stream`, `text/plain`, none) is taken unless it is binary: the
    reader then goes by the URL's suffix or the body's opening (see `store.readers.detect_format`).
    """
    shown = shown_path(url)
    try:
        parts = urlsplit(url)
        scheme, host = parts.scheme.lower(), parts.hostname
    except ValueError:
        raise FetchError(f"{shown}: not a valid URL") from None
    if scheme not in ("http", "https"):
        raise FetchError(f"{shown}: only http and https URLs can be fetched")
    if not host:
        raise FetchError(f"{shown}: not a valid URL (no host)")
    if any(char.isspace() or not char.isprintable() for char in url):
        raise FetchError(f"{shown}: not a valid URL (spaces or control characters; write a space as %20)")
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
    )
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        _Redirects(shown, max_redirects),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type")
            generic = media_type(content_type) in GENERIC_TYPES
            if not generic and not media_type(content_type).startswith(ARTICLE_TYPES):
                raise FetchError(_not_an_article(shown, content_type))
            body = _read(response, shown, max_bytes, deadline, timeout)
            final = response.geturl()
            encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
    except urllib.error.HTTPError as error:
        error.close()
        if 300 <= error.code < 400:
            raise FetchError(f"{shown}: redirected in a loop or more than {max_redirects} times") from None
        reason = shown_path(str(error.reason or "")).strip()
        raise FetchError(f"{shown}: HTTP {error.code}{' ' + reason if reason else ''}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"{shown}: {_network_reason(error.reason, host, timeout)}") from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(f"{shown}: {_network_reason(error, host, timeout)}") from None
    data = _decompressed(body, encoding, shown, max_bytes)
    if not data.strip():
        raise FetchError(f"{shown}: the server sent an empty page")
    if generic and is_binary(data):
        raise FetchError(_not_an_article(shown, content_type))
    return Fetched(data, final, content_type)


def media_type(content_type: str | None) -> str:
    """A content type's media type alone, lowercased: `text/html; charset=utf-8` is `text/html`."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def is_binary(data: bytes) -> bool:
    """Whether a body a server did not type is no text: it opens as a PDF, an image or an archive does, or holds
    a NUL byte (text in UTF-16 with its byte-order mark aside)."""
    head = data[:SNIFFED_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return head.startswith(BINARY_OPENINGS) or b"\x00" in head


def _not_an_article(shown: str, content_type: str | None) -> str:
    """Why a body is refused, naming what the server said it was."""
    said = shown_path(content_type) if content_type and content_type.strip() else "no content type"
    return f"{shown}: not an article (the server sent {said})"


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects followed up to a limit, and only to http(s) addresses."""

    def __init__(self, shown: str, limit: int) -> None:
        super().__init__()
        self.shown = shown
        self.max_redirections = limit
        self.max_repeats = min(self.max_repeats, limit)

    def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        """Follow a redirect, refused when it leads off http(s)."""
        location = headers.get("Location") or headers.get("URI") or ""
        if urlsplit(urljoin(req.full_url, location.strip())).scheme.lower() not in ("http", "https"):
            fp.close()
            raise FetchError(f"{self.shown}: redirected to a URL that is not http or https")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        """The next request of a redirect, refused when the limit is passed."""
        if len(getattr(req, "redirect_dict", {})) >= self.max_redirections:
            raise FetchError(f"{self.shown}: more than {self.max_redirections} redirects")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read(response: http.client.HTTPResponse, shown: str, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The response body, refused past `max_bytes` or the overall deadline."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{shown}: larger than {max_bytes // (1024 * 1024)} MB, not read")
        if time.monotonic() > deadline:
            raise FetchError(f"{shown}: not fully received within {timeout:g} s")
        chunks.append(chunk)


def _decompressed(body: bytes, encoding: str, shown: str, max_bytes: int) -> bytes:
    """A gzip or deflate body decompressed, at most `max_bytes` of it."""
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return body
    decompressor = zlib.decompressobj(zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS)
    try:
        data = decompressor.decompress(body, max_bytes + 1)
    except zlib.error:
        if encoding == "deflate":
            try:
                data = zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, max_bytes + 1)
            except zlib.error:
                raise FetchError(f"{shown}: the server sent a damaged compressed page") from None
        else:
            raise FetchError(f"{shown}: the server sent a damaged compressed page") from None
    if len(data) > max_bytes:
        raise FetchError(f"{shown}: larger than {max_bytes // (1024 * 1024)} MB once decompressed, not read")
    return data


def _network_reason(reason: object, host: str, timeout: float) -> str:
    """Why a connection failed, in words a user can act on."""
    if isinstance(reason, FetchError):
        return str(reason).split(": ", 1)[-1]
    if isinstance(reason, socket.gaierror):
        return f"cannot find the host {shown_path(host)} (offline, or no such host)"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused by {shown_path(host)}"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({shown_path(getattr(reason, 'reason', None) or str(reason))})"
    if isinstance(reason, http.client.HTTPException):
        return f"the server's answer is not valid HTTP ({type(reason).__name__})"
    if isinstance(reason, OSError):
        return f"cannot connect ({shown_path(reason.strerror or str(reason))})"
    return f"cannot connect ({shown_path(str(reason))})"
