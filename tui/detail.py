"""The detail area: what the selected person, organization, quote or article is, with links onward."""

from __future__ import annotations

from collections.abc import Sequence
from time import perf_counter

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from store import ArticleRecord, PersonRecord, QuoteRecord, Snapshot
from store.citations import role_and_organization
from store.errors import StoreError
from store.stopping import SearchStopped, stopping_when
from tui.link_list import Link, LinkList, LinkPosition, Section, Subject
from tui.text import (
    CURRENT_QUOTE_STYLE,
    MUTED_STYLE,
    ORGANIZATION_STYLE,
    PERSON_STYLE,
    UNICODE_GLYPHS,
    article_metadata,
    block,
    count_label,
    glyphs,
    highlighted,
    mark_matches,
    plain,
)

SUMMARY_SHARE = 0.6
"""The most of the detail pane's height the summary takes (as `max-height` in the stylesheet), the rest for links."""


def fitted(summary: Content, width: int, height: int) -> Content:
    """`summary` as wrapped to `width`, cut to `height` lines with its last line ending in an ellipsis when it
    does not fit, so a short terminal shows that there is more rather than cutting it silently. Its first line (a
    long quote) is cut first, so that the lines after it up to a blank one (who said it, where) still show."""
    if width < 2 or height < 1:
        return summary
    lines = summary.wrap(width)
    if len(lines) <= height:
        return summary
    head, *rest = summary.split("\n")
    first = head.wrap(width)
    told = next((number for number, line in enumerate(rest) if not line.plain.strip()), len(rest))
    after = Content("\n").join(rest[:told]).wrap(width) if told else []
    room = max(HEAD_KEPT, height - len(after))
    if len(first) > room:
        lines = [*_cut(first, room, width), *after]
    return Content("\n").join(_cut(_quote_in_view(lines, height), height, width))


def _quote_in_view(lines: list[Content], height: int) -> list[Content]:
    """The wrapped lines with the start of the paragraph before its quote (the lines marked CURRENT_QUOTE_STYLE)
    left out, an ellipsis in their place, when the quote would not end above `height`: as much of the quote as fits
    shown, rather than its paragraph's first lines (a quote's detail on a short terminal showed those, and none or
    only the start of the quote)."""
    quoted = [number for number, line in enumerate(lines) if any(span.style == CURRENT_QUOTE_STYLE for span in
                                                                  line.spans)]
    if not quoted or quoted[-1] < height - 1:
        return lines
    marked, last = quoted[0], quoted[-1]
    blank = next((number for number in range(marked - 1, -1, -1) if not lines[number].plain.strip()), None)
    if blank is None or blank + 2 >= height:
        return lines
    target = max(blank + 2, min(height - 2, height - 1 - (last - marked)))  # as much of the quote as fits
    dropped = min(marked - target, marked - blank - 2)
    if dropped < 1:
        return lines
    return [*lines[: blank + 1], Content(glyphs().ellipsis), *lines[blank + 1 + dropped + 1 :]]


HEAD_KEPT = 2
"""The fewest lines of a summary's first line kept when it is cut to leave room for the lines after it."""


def _cut(lines: list[Content], height: int, width: int) -> list[Content]:
    """The first `height` of these wrapped lines, the last ending in an ellipsis when any was left out."""
    if len(lines) <= height:
        return lines
    kept = lines[:height]
    while len(kept) > 1 and not kept[-1].plain.strip():
        kept.pop()
    last, ellipsis = kept[-1].rstrip(), glyphs().ellipsis
    if not last.plain.endswith((ellipsis, UNICODE_GLYPHS.ellipsis)):
        kept[-1] = last.truncate(max(0, width - len(ellipsis))) + ellipsis
    return kept


class DetailPane(Vertical):
    """A summary of the subject above the links to what it relates to."""

    class ArticleQuotesFound(Message):
        """An article's quotes were found while a big store is indexed: its detail can list them."""

        def __init__(self, snapshot: Snapshot, article_key: str) -> None:
            super().__init__()
            self.snapshot = snapshot
            self.article_key = article_key

    def __init__(self) -> None:
        super().__init__(id="detail", classes="pane")
        self.subject: Subject | None = None
        self.last_cost = 0.0
        """Seconds the last show took: when it is slow, the browser lets the cursor run ahead of it."""
        self.summary = Static(id="detail-summary", markup=False)
        self.links = LinkList(id="detail-links")
        self._summary_content = Content("")
        self._query = ""

    def compose(self) -> ComposeResult:
        yield self.summary
        yield self.links

    def on_mount(self) -> None:
        self.border_title = Content.styled("Detail", "bold")

    def on_resize(self) -> None:
        self.summary.update(self._fitted_summary())

    @property
    def full_summary(self) -> Content:
        """The whole summary of the subject, however much of it the pane has room to show."""
        return self._summary_content

    def _fitted_summary(self) -> Content:
        """The summary cut to the lines the pane gives it (its bottom padding aside)."""
        height = int(self.content_size.height * SUMMARY_SHARE) - 1
        return fitted(self._summary_content, self.content_size.width - 2, height)

    def show(
        self, snapshot: Snapshot, subject: Subject | None, query: str = "", position: LinkPosition | None = None
    ) -> None:
        """Describe `subject` from `snapshot`; the link cursor goes to `position` when given, or, when the subject is
        the one shown and its links changed (every copy of a quote listed while a big store was indexed, each once
        now), to where the link it was on went. The screen's keys are checked again: `y` copies a quote shown."""
        started = perf_counter()
        highlighted = self.highlighted_subject if position is not None and subject == self.subject else None
        self.subject = subject
        self._query = query
        summary, sections = describe(snapshot, subject, query)
        self._summary_content = summary
        self.summary.update(self._fitted_summary())
        if position is not None and highlighted is not None:
            position = same_link(sections, position, highlighted)
        self.links.show_sections(sections, position)
        titles = {"person": "Person", "organization": "Organization", "quote": "Quote", "article": "Article"}
        self.border_title = Content.styled(titles.get(subject.kind, "Detail") if subject else "Detail", "bold")
        self.last_cost = perf_counter() - started
        self.refresh_bindings()
        article_key = subject.key if subject is not None and subject.kind == "article" else None
        if article_key is not None and not snapshot.preview and not snapshot.knows_quotes_in_article(article_key):
            self.find_article_quotes(snapshot, article_key)

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False, description="find an article's quotes")
    def find_article_quotes(self, snapshot: Snapshot, article_key: str) -> None:
        """Find an article's quotes off the UI thread while a big store is indexed (a second or so at 100,000
        articles: see `Snapshot.quotes_in_article`); another article's detail stops it, another subject's ignores
        what it found."""
        worker = get_current_worker()
        try:
            with stopping_when(lambda: worker.is_cancelled):
                snapshot.quotes_in_article(article_key)
        except SearchStopped:
            return
        if not worker.is_cancelled:
            self.post_message(self.ArticleQuotesFound(snapshot, article_key))

    def on_detail_pane_article_quotes_found(self, message: ArticleQuotesFound) -> None:
        if self.subject == Subject("article", message.article_key) and message.snapshot is self.app.snapshot:
            self.show(message.snapshot, self.subject, self._query, self.position)

    @property
    def position(self) -> LinkPosition | None:
        """The link under the cursor, to come back to it."""
        return self.links.position

    def subject_at(self, index: int) -> Subject | None:
        """The subject a link row opens."""
        return self.links.subject_at(index)

    @property
    def highlighted_subject(self) -> Subject | None:
        """The subject the link under the cursor opens."""
        highlighted = self.links.highlighted
        return self.links.subject_at(highlighted) if highlighted is not None else None


def same_link(sections: list[Section], position: LinkPosition, subject: Subject) -> LinkPosition:
    """Where the link to `subject` is in the section `position` is in (the same item, unless the section's items
    changed), else `position`."""
    if not 0 <= position.section < len(sections):
        return position
    items = sections[position.section].items
    if position.item < len(items) and getattr(items[position.item], "key", None) == subject.key:
        return position
    found = next((number for number, item in enumerate(items) if getattr(item, "key", None) == subject.key), None)
    return position if found is None else LinkPosition(position.section, found)


def describe(snapshot: Snapshot, subject: Subject | None, query: str = "") -> tuple[Content, list[Section]]:
    """Summary and links for a subject; a placeholder when there is none or it has gone."""
    if snapshot.preview:
        return Content.styled(f"Reading the store{glyphs().ellipsis}", MUTED_STYLE), []
    if subject is not None:
        indexing = snapshot.indexing
        builder = _BUILDERS.get(subject.kind)
        described = None
        if builder is not None and (not indexing or described_while_indexing(snapshot, subject.kind)):
            try:
                described = builder(snapshot, subject.key, query)
            except StoreError:
                if not indexing:
                    raise
        if described is not None:
            return described
        if indexing:
            return Content.styled(f"Indexing the store{glyphs().ellipsis}", MUTED_STYLE), []
    return Content.styled("Select a person, organization or quote.", MUTED_STYLE), []


def quotes_of(snapshot: Snapshot, subject: Subject) -> Sequence[QuoteRecord]:
    """The quotes the detail of a person, an organization or an article lists, in its order, what `e` exports of
    it; an article's are found however long that takes while a big store is indexed (call it off the UI thread)."""
    if subject.kind == "person":
        return snapshot.quotes_by_person(subject.key)
    if subject.kind == "organization":
        return snapshot.quotes_by_organization(subject.key)
    if subject.kind == "article":
        return snapshot.quotes_in_article(subject.key)
    raise ValueError(f"a {subject.kind} has no quotes of its own")


def _quote_label(text: str, speaker: str | None, query: str) -> Content:
    marks = glyphs()
    label = Content.assemble(marks.open_quote, highlighted(text.strip(), query), marks.close_quote)
    if speaker is not None:
        label = Content.assemble(label, " ", plain(f"{marks.dash} {speaker}", MUTED_STYLE))
    return label


def _heading(name: str, aliases: tuple[str, ...], style: str) -> list[Content]:
    """A person's or organization's name and, below it, the other names the articles use."""
    lines = [plain(name, style)]
    if aliases:
        lines.append(plain("also " + ", ".join(aliases), MUTED_STYLE))
    return lines


def _person(snapshot: Snapshot, key: str, query: str) -> tuple[Content, list[Section]] | None:
    person = snapshot.person(key)
    if person is None:
        return None
    lines = _heading(person.name, person.aliases, PERSON_STYLE)
    for appearance in person.appearances:
        described = ", ".join(role_and_organization(appearance.role, appearance.organization)) or "no role given"
        lines.append(plain(described))  # the article on a line of its own: wrapped, a title ran on from the job
        lines.append(plain(f"  in {appearance.article_title}", MUTED_STYLE))

    def quote_link(quote: QuoteRecord) -> Link:
        return _quote_label(quote.text, None, query), Subject("quote", quote.key)

    sections = [
        Section("Quotes", quotes_of(snapshot, Subject("person", key)), quote_link),
        Section("Articles", person.appearances, lambda a: (plain(a.article_title), Subject("article", a.article_key))),
    ]
    return Content("\n").join(lines), sections


def _organization(snapshot: Snapshot, key: str, query: str) -> tuple[Content, list[Section]] | None:
    organization = snapshot.organization(key)
    if organization is None:
        return None
    lines = _heading(organization.name, organization.aliases, ORGANIZATION_STYLE)
    lines.append(Content.styled(f"named in {count_label(len(organization.article_keys), 'article')}", MUTED_STYLE))

    def person_link(person: PersonRecord) -> Link:
        label = plain(person.name, "bold")
        if person.roles:
            label = Content.assemble(label, plain(f"  {', '.join(person.roles)}", MUTED_STYLE))
        return label, Subject("person", person.key)

    def article_link(article: ArticleRecord) -> Link:
        return plain(article.title), Subject("article", article.key)

    def quote_link(quote: QuoteRecord) -> Link:
        return _quote_label(quote.text, quote.speaker_name or "unattributed", query), Subject("quote", quote.key)

    sections = [
        Section("People", snapshot.people_of_organization(key), person_link),
        Section("Quotes", quotes_of(snapshot, Subject("organization", key)), quote_link),
        Section("Articles", snapshot.articles_with_keys(organization.article_keys), article_link),
    ]
    return Content("\n").join(lines), sections


def _quote(snapshot: Snapshot, key: str, query: str) -> tuple[Content, list[Section]] | None:
    quote = snapshot.quote(key, shown_only=True)
    if quote is None:
        return None
    marks = glyphs()
    lines: list[Content] = [
        Content.assemble(marks.open_quote, highlighted(" ".join(quote.text.split()), query), marks.close_quote),
        plain(f"{marks.dash} {snapshot.speaker_line(quote)}", MUTED_STYLE),
        plain(f"in {quote.article_title}", MUTED_STYLE),
    ]
    article = snapshot.article(quote.article_key)
    published = article_metadata(article, with_author=False, with_link=False) if article is not None else None
    if published is not None and published.plain:
        lines.append(published.stylize_before(MUTED_STYLE))
    paragraph_start, paragraph = quote.context
    if paragraph.strip():
        start = max(0, quote.start - paragraph_start)
        marked = mark_matches(
            block(paragraph).stylize(CURRENT_QUOTE_STYLE, start, max(start, quote.end - paragraph_start)), query
        )
        lines += [Content(""), marked.rstrip()]
    links: list[Link] = []
    if quote.speaker_key and quote.speaker_kind in ("person", "organization"):
        style = PERSON_STYLE if quote.speaker_kind == "person" else ORGANIZATION_STYLE
        links.append(
            (
                Content.assemble("Speaker: ", plain(quote.speaker_name or "", style)),
                Subject(quote.speaker_kind, quote.speaker_key),
            )
        )
    links.append(
        (Content.assemble("Article: ", plain(quote.article_title, "bold")), Subject("article", quote.article_key))
    )
    sections = [Section(None, links, lambda link: link)]
    if quote.printed_by > 1:
        sections.append(Section("Sources", snapshot.quote_printings(quote), lambda copy: _source_link(snapshot, copy)))
    return Content("\n").join(lines), sections


def _source_link(snapshot: Snapshot, copy: QuoteRecord) -> Link:
    """One article that printed a quote: its outlet, date and title (a copy's detail shows its paragraph there)."""
    article = snapshot.article(copy.article_key)
    published = article_metadata(article, with_author=False, with_link=False) if article is not None else Content("")
    if not published.plain:
        published = Content.styled("no outlet or date given", MUTED_STYLE)
    return Content.assemble(published, "  ", plain(copy.article_title, MUTED_STYLE)), Subject("quote", copy.key)


def _article(snapshot: Snapshot, key: str, query: str) -> tuple[Content, list[Section]] | None:
    article = snapshot.article(key)
    if article is None:
        return None
    lines = [plain(article.title, "bold")]
    published = article_metadata(article)
    if published.plain:
        lines.append(published)
    if article.source == "-":
        lines.append(Content.styled("read from standard input", MUTED_STYLE))
    elif article.source and article.source != article.url:
        lines.append(plain(article.source, MUTED_STYLE))
    if article.added_day and not article.published_day:
        stated = "no date it can read" if article.date else "no date"
        line = f"added {article.added_day}, the day it is listed and sorted by: its source states {stated}"
        lines.append(Content.styled(line, MUTED_STYLE))
    filed = article.source not in ("", "-") and "://" not in article.source.partition("#")[0]
    lines.append(Content.styled("Enter or a opens it" + (", o its original file" if filed else ""), MUTED_STYLE))
    quotes = snapshot.known_quotes_in_article(key)
    if quotes is None:
        lines.append(Content.styled(f"Finding its quotes{glyphs().ellipsis}", MUTED_STYLE))
        return Content("\n").join(lines), []

    def quote_link(quote: QuoteRecord) -> Link:
        return _quote_label(quote.text, quote.speaker_name or "unattributed", query), Subject("quote", quote.key)

    return Content("\n").join(lines), [Section("Quotes", quotes, quote_link)]


def described_while_indexing(snapshot: Snapshot, kind: str) -> bool:
    """Whether the detail describes a subject of this kind while a big store is indexed (see `Snapshot.indexing`): a
    person's record and every copy of their quotes, found in the stored index by key; a quote shown in a pane or a
    detail; an article, its quotes once a worker found them (see `DetailPane.find_article_quotes`); an organization
    once who spoke for it is known, early in the indexing. Others wait, saying so, for lookups built from the whole
    store."""
    return kind in ("person", "quote", "article") or (kind == "organization" and snapshot.knows_who_spoke_for_whom)


_BUILDERS = {"person": _person, "organization": _organization, "quote": _quote, "article": _article}
