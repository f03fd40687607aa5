"""Citations a reporter can paste: a quote with who said it and where it was published, in plain text or Markdown.

Every piece comes from untrusted articles and pages, so each is put on one line without escape sequences or
control characters, and a link is kept only when it is a clean http(s) URL.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

from store.keys import fold

CITATION_STYLES = ("plain", "markdown")
CITATION_ENV = "WHOSAID_CITATION"
"""The environment variable that picks the citation style (`plain` unless it says `markdown` or `md`)."""
MARKDOWN_SPECIAL = "\\`*_[]<>#|"
"""The characters Markdown reads as formatting, each escaped with a backslash in a Markdown citation."""
MARKDOWN_CHARACTERS = re.compile("[" + re.escape(MARKDOWN_SPECIAL) + "]")
SPACES = re.compile(r"\s+")


def speaker_line(name: str | None, role: str | None, organization: str | None) -> str:
    """'Name, role, organization' as a citation or a search line names a speaker (empty when nothing is known)."""
    if role and organization and _names(role, organization):
        organization = None
    return ", ".join([part for part in (name, role, organization) if part])


def role_and_organization(role: str | None, organization: str | None) -> tuple[str, ...]:
    """A speaker's role and organization as a line names them: the organization left out when the role names it
    already ("spokesman for Acme Corp.", not "spokesman for Acme Corp., Acme Corp."), and any that is missing."""
    if role and organization and _names(role, organization):
        return (role,)
    return tuple(part for part in (role, organization) if part)


@lru_cache(maxsize=4096)
def _names(role: str, organization: str) -> bool:
    """Whether the role holds the organization's name as words of its own, ignoring case and accents (kept for the
    next quote of the same speaker: an export names a speaker's role and organization for each of their quotes)."""
    folded = fold(organization).strip()
    if not folded:
        return False
    held = fold(role)
    start = held.find(folded)
    while start >= 0:
        end = start + len(folded)
        if not (_word_character(held, start - 1) or _word_character(held, end)):
            return True
        start = held.find(folded, start + 1)
    return False


def _word_character(text: str, index: int) -> bool:
    """Whether the character at `index` (none outside the text) is one a regular expression's \\w matches."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


class Citation(NamedTuple):
    """What a citation says: the quote, who said it (role, organization), and its article's title, outlet, date,
    author and link; each None when unknown."""

    text: str
    speaker: str | None = None
    role: str | None = None
    organization: str | None = None
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None

    def cleaned(self) -> Citation:
        """This citation with every piece on one line, free of control characters, and only a safe link."""
        from store.untrusted import safe_url

        fields = {
            name: one_line(getattr(self, name))
            for name in ("speaker", "role", "organization", "title", "outlet", "date", "author")
        }
        return Citation(one_line(self.text) or "", url=safe_url(self.url), **fields)


def one_line(value: str | None) -> str | None:
    """A piece of untrusted text on one line: escape sequences and control characters gone, spaces collapsed (text
    with nothing to replace, nearly all of it, is only stripped: every control character, escape and space other
    than a single ASCII one is not printable)."""
    if value is None:
        return None
    if value.isprintable() and "  " not in value:
        return value.strip() or None
    from store.untrusted import CONTROL, ESCAPE_SEQUENCE

    text = SPACES.sub(" ", CONTROL.sub(" ", ESCAPE_SEQUENCE.sub("", value))).strip()
    return text or None


CITATION_ALIASES = {"md": "markdown", "text": "plain", "txt": "plain"}
"""Other names of the citation styles: `md` as `whosaid export --format md` names Markdown."""


def named_citation_style(environ: Mapping[str, str] | None = None) -> tuple[str | None, str]:
    """The citation style WHOSAID_CITATION names (one of CITATION_STYLES, or an alias; None when it names none),
    and what it says."""
    said = (os.environ if environ is None else environ).get(CITATION_ENV, "").strip()
    style = CITATION_ALIASES.get(said.lower(), said.lower())
    return (style if style in CITATION_STYLES else None), said


def citation_style(environ: Mapping[str, str] | None = None, otherwise: str = "plain") -> str:
    """The citation style WHOSAID_CITATION names, `otherwise` when it names none."""
    return named_citation_style(environ)[0] or otherwise


def unknown_citation_style(environ: Mapping[str, str] | None = None) -> str | None:
    """What WHOSAID_CITATION says when it names no citation style (the app warns and copies as configured)."""
    style, said = named_citation_style(environ)
    return said if said and style is None else None


def citation_style_names() -> str:
    """The names WHOSAID_CITATION takes, for a message: each style with its aliases."""
    names = []
    for style in CITATION_STYLES:
        aliases = [alias for alias, named in CITATION_ALIASES.items() if named == style]
        names.append(f"{style} ({', '.join(aliases)})" if aliases else style)
    return ", ".join(names)


def format_citation(citation: Citation, style: str | None = None, *, cleaned: bool = False) -> str:
    """The citation as one line in `style` (None: the style WHOSAID_CITATION picks); `cleaned` when the citation
    is already `Citation.cleaned`'s (an export formats each quote's twice).

    plain:    “Text” — Speaker, role, organization (Title, Outlet, 2024-06-12, https://…)
    markdown: “Text” — Speaker, role, organization ([Title](https://…), *Outlet*, 2024-06-12)
    """
    style = style or citation_style()
    if style not in CITATION_STYLES:
        raise ValueError(f"unknown citation style {style!r}; one of {', '.join(CITATION_STYLES)}")
    clean = citation if cleaned else citation.cleaned()
    return quoted_text(clean.text, style) + citation_tail(clean, style)


CLAUSE_ENDS = ",;:"
"""Punctuation that ends a quote only because the sentence it was quoted in goes on ("…ships again," he said)."""


def quoted_text(text: str, style: str) -> str:
    """A cleaned quote's text as its citation in `style` starts: between quotation marks, without the comma (or
    semicolon, colon) the article's sentence put inside them."""
    text = text.rstrip().rstrip(CLAUSE_ENDS).rstrip() or text
    return f"\u201c{md(text) if style == 'markdown' else text}\u201d"


def citation_tail(clean: Citation, style: str) -> str:
    """What a cleaned citation in `style` says after its quoted text: who said it, then its article between
    parentheses."""
    speaker = speaker_line(clean.speaker, clean.role, clean.organization) or "unattributed"
    return said_where(speaker, citation_details(clean, style), style)


def said_where(speaker: str, details: str, style: str) -> str:
    """A citation's tail in `style` from who said the quote (their cleaned `speaker_line`) and its article's
    `citation_details`: the same for every quote of a speaker in an article, which an export makes once."""
    return f" \u2014 {md(speaker) if style == 'markdown' else speaker}" + (f" ({details})" if details else "")


def cited_name(line: str, style: str | None = None) -> str:
    """A name line ('Name, role, organization') as a citation in `style` writes it: on one line, free of control
    characters, and in Markdown with its formatting characters escaped."""
    style = style or citation_style()
    clean = one_line(line) or ""
    return md(clean) if style == "markdown" else clean


def format_source(citation: Citation, style: str | None = None) -> str:
    """Where a citation's quote was published, as its citation says it between parentheses: title, outlet, date
    and link in `style` (one more article that printed a quote, after its citation)."""
    style = style or citation_style()
    if style not in CITATION_STYLES:
        raise ValueError(f"unknown citation style {style!r}; one of {', '.join(CITATION_STYLES)}")
    return citation_details(citation.cleaned(), style)


def citation_details(clean: Citation, style: str) -> str:
    """A cleaned citation's article: plain, its title, outlet, date and link; in Markdown, the title links to the
    article and the outlet is in italics."""
    if style != "markdown":
        return ", ".join(part for part in (clean.title, clean.outlet, clean.date, clean.url) if part)
    title = md(clean.title) if clean.title else None
    if clean.url:
        title = f"[{title or md(clean.url)}]({markdown_url(clean.url)})"
    outlet = f"*{md(clean.outlet)}*" if clean.outlet else None
    return ", ".join(part for part in (title, outlet, md(clean.date) if clean.date else None) if part)


def md(text: str) -> str:
    """Text with the characters Markdown would read as formatting escaped (most text has none: returned as it is)."""
    return MARKDOWN_CHARACTERS.sub(r"\\\g<0>", text) if MARKDOWN_CHARACTERS.search(text) else text


def markdown_url(url: str) -> str:
    """A (safe) URL fit for a Markdown link's destination: parentheses and spaces percent-encoded."""
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
