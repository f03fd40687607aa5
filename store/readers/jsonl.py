"""JSON Lines of articles, the shape news datasets use: one object a line, a bad line reported and skipped."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from store.articles import decode_article
from store.errors import ArticleError, shown_path
from store.readers.article import Metadata, ReaderError, SourceArticle, clean_text

FIELDS = {
    "title": ("title", "headline"),
    "author": ("author", "byline", "authors"),
    "date": ("date", "published", "publish_date", "published_at", "pubdate"),
    "outlet": ("source", "outlet", "publisher", "sitename", "site_name"),
    "url": ("url", "link", "canonical_url"),
}


@dataclass(frozen=True)
class LineError:
    """A line of a JSON Lines file that holds no article, by its number (from 1) and why."""

    line: int
    message: str
    kind: str = "line"

    def __str__(self) -> str:
        return f"{self.kind} {self.line}: {self.message}"


def read_jsonl(data: bytes, name: str) -> tuple[list[SourceArticle], list[LineError]]:
    """The articles of a JSON Lines file and the lines that hold none, each reported by number and skipped.

    A line is an object with a non-empty "text" and optionally "title", "url", "date", "source" (the outlet)
    and "author" (a list of authors is joined with commas); other keys are ignored and blank lines skipped.
    Each article is numbered by its line, so that a line's number names it whatever the lines before it hold.
    A ReaderError when the file is not text or no line holds an article.
    """
    shown = shown_path(name)
    try:
        text = decode_article(data, shown)
    except ArticleError as error:
        raise ReaderError(str(error)) from None
    articles: list[SourceArticle] = []
    errors: list[LineError] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            articles.append(article_from_object(json.loads(line), number))
        except json.JSONDecodeError as error:
            errors.append(LineError(number, f"not valid JSON ({error.msg} at column {error.colno})"))
        except RecursionError:
            errors.append(LineError(number, "not an article (its JSON is nested too deeply)"))
        except ValueError as error:
            errors.append(LineError(number, str(error)))
    if not articles:
        raise ReaderError(f"{shown}: no article in the file{_reasons(errors, 'line')}")
    return articles, errors


def read_json(data: bytes, name: str) -> tuple[list[SourceArticle], list[LineError]]:
    """The articles of a .json file: one article object, a list of them, else the file read as JSON Lines."""
    try:
        document = json.loads(decode_article(data, shown_path(name)))
    except (ArticleError, ValueError, RecursionError):
        return read_jsonl(data, name)
    objects = document if isinstance(document, list) else [document]
    articles: list[SourceArticle] = []
    errors: list[LineError] = []
    for number, item in enumerate(objects, start=1):
        try:
            articles.append(article_from_object(item, number))
        except ValueError as error:
            errors.append(LineError(number, str(error), kind="item"))
    if not articles:
        raise ReaderError(f"{shown_path(name)}: no article in the file{_reasons(errors, 'item')}")
    return articles, errors


EXPORTED_QUOTE = frozenset({"text", "speaker", "citation", "citation_markdown"})
"""Fields every line of `whosaid export --format jsonl` holds and no article does: such a line is whosaid's own."""


def article_from_object(item: Any, number: int | None = None) -> SourceArticle:
    """The article a decoded JSON object describes, the `number`th of its file (its line in JSON Lines); ValueError
    saying what is wrong with it."""
    if not isinstance(item, dict):
        raise ValueError(f"an article is a JSON object, not {type(item).__name__}")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError('no "text" (an article needs its text as a non-empty string)')
    if item.keys() >= EXPORTED_QUOTE:
        raise ValueError("a quote whosaid exported (`whosaid export`), not an article")
    fields = {field: _first(item, keys) for field, keys in FIELDS.items()}
    return SourceArticle(clean_text(text), Metadata.of(**fields), number=number)


def _first(item: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first of `keys` the object holds as a string (a list of strings joined with commas)."""
    for key in keys:
        value = item.get(key)
        if isinstance(value, list):
            value = ", ".join(str(part) for part in value if isinstance(part, (str, int, float)))
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            return str(value)
    return None


def _reasons(errors: list[LineError], unit: str) -> str:
    """Why a file gave no article, for the error naming it: the first bad line's reason and how many more there are."""
    if not errors:
        return ""
    more = len(errors) - 1
    others = {0: "", 1: f"; 1 other {unit} is not an article either"}.get(
        more, f"; {more} other {unit}s are not articles either")
    return f" ({errors[0]}{others})"
