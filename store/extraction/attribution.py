"""Who said each quote: the attribution around it, pronouns resolved, or the speaker of the quote before."""

from __future__ import annotations

from dataclasses import dataclass

from store.extraction.document import Document, Sentence
from store.extraction.entities import Found, Mention
from store.extraction.lexicon import (
    DETERMINERS,
    NAMING_WORDS,
    ORG_ANAPHORS,
    PRONOUN_GENDER,
    SPEECH_VERBS,
    UNNAMED_SOURCES,
)
from store.extraction.quotes import QuoteSpan
from store.extraction.roles import PREPOSITIONS, is_role_noun
from store.extraction.text import Token

UNNAMED = -1
SUBJECT_VERBS = SPEECH_VERBS | frozenset(
    "call calls called is are was were has have had will would can could should may might must do does did "
    "believe believes believed think thinks thought want wants wanted see sees saw".split()
)
LEAD_PREPOSITIONS = frozenset(
    "At In On During After Before Later Earlier Speaking Asked Discussing Describing Since While When Following "
    "Despite Amid Under With Without From For".split()
)
MAX_ATTRIBUTION_TOKENS = 28


@dataclass(frozen=True)
class Attributed:
    """A quote kept as reported speech, with its speaker (an entity index, or None)."""

    span: QuoteSpan
    speaker: int | None


class Attributor:
    """Walks the quotes in order, keeping track of who was last spoken of."""

    def __init__(self, document: Document, found: Found) -> None:
        self.document = document
        self.found = found
        self.entities = found.registry.entities
        self.by_sentence: dict[int, list[Mention]] = {}
        for mention in found.mentions:
            self.by_sentence.setdefault(mention.sentence, []).append(mention)
        self.events: list[tuple[int, int]] = []
        for sentence_number in range(len(document.sentences)):
            subject = self._named_subject(sentence_number)
            if subject is not None:
                self.events.append(subject)
        self.events.sort()

    def attribute(self, quotes: list[QuoteSpan]) -> list[Attributed]:
        """Decide for every quoted span whether it is speech, and who said it."""
        kept: list[Attributed] = []
        previous: Attributed | None = None
        for quote in quotes:
            result = self._one(quote, previous)
            if result is None:
                continue
            kept.append(result)
            previous = result
            if result.speaker is not None:
                self._remember(quote.start, result.speaker)
        return kept

    def _remember(self, position: int, entity: int) -> None:
        self.events.append((position, entity))
        self.events.sort()

    def _one(self, quote: QuoteSpan, previous: Attributed | None) -> Attributed | None:
        document = self.document
        number = document.sentence_at(quote.start - 1)
        sentence = document.sentences[number] if document.sentences else None
        if sentence is None or sentence.paragraph != quote.paragraph:
            return Attributed(quote, self._continuing(quote, previous))
        left = self._left_limit(quote, sentence)
        right = self._right_limit(quote, sentence)
        before = [t for t in sentence.tokens if left <= t.start and t.end <= quote.start - 1]
        after = [t for t in sentence.tokens if quote.end < t.start and t.end <= right]
        words = quote_words(document.text[quote.start:quote.end])
        reporter = [t.text for t in sentence.tokens]
        speech_nearby = any(w in SPEECH_VERBS for w in reporter)
        if self._named_thing(before, words, speech_nearby):
            return None
        found = self._after(quote, sentence, after)
        if found is None:
            found = self._before(sentence, before, left)
        embedded = bool(before) and not _only_lead(before)
        if found is None and embedded:
            found = self._sentence_final(sentence, after)
            if found is None:
                found = self._subject(sentence, left, quote.start - 1)
            if found is None:
                return Attributed(quote, None) if len(words) >= 8 else None
            if len(words) < 6 and not speech_nearby:
                return None
            return Attributed(quote, found[1])
        if found is None:
            return Attributed(quote, self._continuing(quote, previous))
        return Attributed(quote, found[1])

    def _left_limit(self, quote: QuoteSpan, sentence: Sentence) -> int:
        """Start of the reporter's words that belong to this quote: after any earlier quote in the sentence."""
        limit = sentence.start
        for other in self.document.quotes:
            if other.end < quote.start and other.end >= sentence.start:
                limit = max(limit, other.end + 1)
        return limit

    def _right_limit(self, quote: QuoteSpan, sentence: Sentence) -> int:
        """End of the reporter's words after this quote: before any later quote in the sentence."""
        limit = sentence.end
        for other in self.document.quotes:
            if other.start > quote.end and other.start <= sentence.end:
                limit = min(limit, other.start - 1)
        return limit

    def _named_thing(self, before: list[Token], words: list[str], speech_nearby: bool) -> bool:
        """Whether quote marks hold a name or a scare-quoted word, not speech."""
        if not words:
            return True
        short = len(words) <= 4
        tail = [t.text for t in before[-3:]]
        while tail and tail[-1] in ("the", "a", "an", "as", "it", "them", "him", "her", "this", "its"):
            tail = tail[:-1]
        if tail and tail[-1] in NAMING_WORDS and (short or words[0][:1].isupper()):
            return True
        if short and not speech_nearby:
            return True
        capitalized = all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3)
        return short and capitalized and len(words) <= 3 and not any(t.text in SPEECH_VERBS for t in before[-4:])

    def _after(self, quote: QuoteSpan, sentence: Sentence, after: list[Token]) -> tuple[bool, int | None] | None:
        """Attribution right after the closing mark: "…,” said Smith" or "…,” Smith, a ..., said"."""
        if not quote.closed or not after:
            return None
        gap = self.document.masked[quote.end + 1:after[0].start]
        if gap.strip(" ,—–-\u00a0") != "":
            return None
        first = after[0].text
        if first in SPEECH_VERBS or (first == "according" and len(after) > 1 and after[1].text == "to"):
            skip = 2 if first == "according" else 1
            return self._speaker_after_verb(sentence, after[skip:])
        for index, token in enumerate(after[:MAX_ATTRIBUTION_TOKENS]):
            if token.text in SPEECH_VERBS:
                if index == 0:
                    return None
                return self._candidate(sentence, after[0].start, token.start, last=True)
        return None

    def _before(self, sentence: Sentence, before: list[Token], left: int) -> tuple[bool, int | None] | None:
        """Attribution that leads into the quote: "Smith said: “…”", "Smith said in a statement, “…”"."""
        if not before:
            return None
        document = self.document
        tail_gap = document.masked[before[-1].end:before[-1].end + 4]
        ends_with_mark = tail_gap.lstrip()[:1] in (",", ":")
        for back in range(0, 5):
            index = len(before) - 1 - back
            if index < 0:
                break
            token = before[index]
            if token.text in SPEECH_VERBS:
                if back and not ends_with_mark:
                    return None
                if back and document.masked[token.end:before[-1].end].count(",") > 1:
                    return None
                return self._candidate(sentence, left, token.start, last=True)
            if back == 0 and not ends_with_mark and token.text not in ("that",):
                return None
        return None

    def _sentence_final(self, sentence: Sentence, after: list[Token]) -> tuple[bool, int | None] | None:
        """An attribution closing the sentence after an embedded quote: "..., said another witness, X"."""
        document = self.document
        for index, token in enumerate(after):
            if token.text not in SPEECH_VERBS or index == 0:
                continue
            gap = document.masked[after[index - 1].end:token.start]
            if "," in gap:
                return self._speaker_after_verb(sentence, after[index + 1:])
        return None

    def _speaker_after_verb(self, sentence: Sentence, tokens: list[Token]) -> tuple[bool, int | None] | None:
        """The speaker named after a verb: the first person, else an unnamed source, else an organization."""
        if not tokens:
            return None
        start, end = tokens[0].start, tokens[-1].end + 1
        mentions = [m for m in self.by_sentence.get(sentence.tokens[0].sentence, []) if start <= m.start < end]
        people = [m for m in mentions if self.entities[m.entity].kind == "person" and not m.possessive]
        if people:
            return True, people[0].entity
        head = [t.text for t in tokens[:4]]
        if head and head[0] in PRONOUN_GENDER:
            return True, self._pronoun(head[0], tokens[0].start)
        for word in head:
            if word in UNNAMED_SOURCES:
                return True, None
            if word in ORG_ANAPHORS and head[0] == "the":
                return True, self._recent(tokens[0].start, "org")
        orgs = [m for m in mentions if not m.possessive]
        if orgs:
            return True, orgs[0].entity
        return None

    def _candidate(self, sentence: Sentence, start: int, end: int, last: bool) -> tuple[bool, int | None] | None:
        """The speaker standing between start and end: a person, organization, pronoun, anaphor or unnamed source."""
        tokens = [t for t in sentence.tokens if start <= t.start and t.end <= end]
        mentions = [m for m in self.by_sentence.get(sentence.tokens[0].sentence, []) if start <= m.start < end]
        eligible = [m for m in mentions if not m.possessive and not self._after_preposition(sentence, m)
                    and not self._in_relative_clause(tokens, m)]
        people = [m for m in eligible if self.entities[m.entity].kind == "person"]
        if people:
            return True, (people[-1] if last else people[0]).entity
        orgs = [m for m in eligible if self.entities[m.entity].kind == "org"]
        pronouns = [t for t in tokens if t.text in PRONOUN_GENDER]
        if pronouns and (not orgs or pronouns[-1].start > orgs[-1].start):
            return True, self._pronoun(pronouns[-1].text, pronouns[-1].start)
        if orgs:
            return True, (orgs[-1] if last else orgs[0]).entity
        for index, token in enumerate(tokens):
            if token.text in ORG_ANAPHORS and index > 0 and tokens[index - 1].text == "the":
                return True, self._recent(token.start, "org")
            if token.text in UNNAMED_SOURCES:
                return True, None
            anaphor = self._role_anaphor(tokens, index)
            if anaphor is not None:
                return True, anaphor
        return None

    def _role_anaphor(self, tokens: list[Token], index: int) -> int | None:
        """ "the ambassador" for the person last introduced with that role word."""
        token = tokens[index]
        if index == 0 or tokens[index - 1].text != "the" or not token.text.islower():
            return None
        best = None
        for entity_index, entity in enumerate(self.entities):
            known = entity.kind == "person" and entity.role and token.text in entity.role.lower().split()
            if known and entity.first < token.start and (best is None or self.entities[best].first < entity.first):
                best = entity_index
        return best

    def _subject(self, sentence: Sentence, start: int, end: int) -> tuple[bool, int | None] | None:
        """The subject of the sentence an embedded quote sits in: its first name, pronoun or unnamed source."""
        tokens = [t for t in sentence.tokens if start <= t.start and t.end <= end]
        if tokens and tokens[0].text in LEAD_PREPOSITIONS:
            for index, token in enumerate(tokens):
                if "," in self.document.masked[token.end:token.end + 1]:
                    tokens = tokens[index + 1:]
                    break
        if not tokens:
            return None
        start = tokens[0].start
        mentions = [m for m in self.by_sentence.get(sentence.tokens[0].sentence, []) if start <= m.start < end]
        eligible = [m for m in mentions if not m.possessive and not self._after_preposition(sentence, m)
                    and not self._modifies_person(sentence, m)]
        first_mention = eligible[0] if eligible else None
        for index, token in enumerate(tokens):
            if first_mention is not None and token.start >= first_mention.start:
                return True, first_mention.entity
            if token.text in PRONOUN_GENDER:
                return True, self._pronoun(token.text, token.start)
            following = tokens[index + 1].text if index + 1 < len(tokens) else ""
            if token.text in UNNAMED_SOURCES and following in SUBJECT_VERBS:
                return True, None
        return None

    def _after_preposition(self, sentence: Sentence, mention: Mention) -> bool:
        """Whether a mention is the object of a preposition ("at the White House")."""
        tokens = sentence.tokens
        index = next((i for i, t in enumerate(tokens) if t.start >= mention.start), 0)
        back = index - 1
        while back >= 0 and tokens[back].text in DETERMINERS:
            back -= 1
        while back >= 0 and tokens[back].possessive:
            back -= 1
        return back >= 0 and (tokens[back].text in PREPOSITIONS or tokens[back].text in (
            "with", "by", "from", "about", "against", "into", "between", "among", "toward", "towards", "like"))

    def _modifies_person(self, sentence: Sentence, mention: Mention) -> bool:
        """Whether an organization only qualifies the person named next ("State Department official X")."""
        if self.entities[mention.entity].kind != "org":
            return False
        later = [m for m in self.by_sentence.get(sentence.tokens[0].sentence, []) if m.start > mention.start]
        if not later or self.entities[later[0].entity].kind != "person":
            return False
        between = [t for t in sentence.tokens if mention.end <= t.start and t.end <= later[0].start]
        return len(between) <= 3 and not self.document.masked[mention.end:later[0].start].strip(" ").count(",") \
            and all(is_role_noun(t.text) or t.text[0].isupper() for t in between)

    def _in_relative_clause(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether a mention sits in a "who …" clause between the speaker and the verb."""
        for index, token in enumerate(tokens):
            if token.start >= mention.start:
                break
            if token.text in ("who", "which", "whose", "whom") and index > 0:
                return True
        return False

    def _pronoun(self, word: str, position: int) -> int | None:
        """The entity a pronoun stands for: the latest compatible subject or speaker."""
        gender = PRONOUN_GENDER[word]
        for event_position, entity in reversed(self.events):
            if event_position >= position:
                continue
            if entity == UNNAMED:
                if gender == "p":
                    return None
                continue
            candidate = self.entities[entity]
            if gender in ("m", "f") and candidate.kind == "person" and candidate.gender in ("", gender):
                return entity
            if gender in ("o", "p") and candidate.kind == "org":
                return entity
        return None

    def _recent(self, position: int, kind: str) -> int | None:
        """The entity of that kind named most recently before position."""
        latest = None
        for mention in self.found.mentions:
            if mention.start >= position:
                break
            if self.entities[mention.entity].kind == kind:
                latest = mention.entity
        return latest

    def _continuing(self, quote: QuoteSpan, previous: Attributed | None) -> int | None:
        """A quote with no attribution of its own continues the last speaker nearby."""
        latest = None
        for position, entity in self.events:
            if position >= quote.start:
                break
            if self._paragraph_of(position) >= quote.paragraph - 1:
                latest = entity
        near = previous is not None and previous.span.paragraph >= quote.paragraph - 1
        if near and previous.speaker is not None and latest in (None, previous.speaker):
            return previous.speaker
        if latest is None or latest == UNNAMED:
            return previous.speaker if previous is not None and previous.span.paragraph >= quote.paragraph - 1 \
                else None
        return latest

    def _paragraph_of(self, position: int) -> int:
        """The paragraph index of a text position."""
        return self.document.sentences[self.document.sentence_at(position)].paragraph

    def _named_subject(self, number: int) -> tuple[int, int] | None:
        """The first named subject of a sentence (for pronouns), or an unnamed source that speaks."""
        sentence = self.document.sentences[number]
        unnamed = None
        for index, token in enumerate(sentence.tokens):
            following = sentence.tokens[index + 1].text if index + 1 < len(sentence.tokens) else ""
            if token.text in UNNAMED_SOURCES and following in SUBJECT_VERBS:
                unnamed = (token.start, UNNAMED)
                break
        for mention in self.by_sentence.get(number, []):
            if not mention.possessive and not self._after_preposition(sentence, mention) and \
                    not self._modifies_person(sentence, mention):
                if unnamed is not None and unnamed[0] < mention.start:
                    return unnamed
                return mention.start, mention.entity
        return unnamed


def _only_lead(before: list[Token]) -> bool:
    """Whether the words before a quote are only a lead-in like "And" (the quote still opens the sentence)."""
    return all(t.text in ("And", "But", "So", "Then") for t in before)


def quote_words(text: str) -> list[str]:
    """The words of a quote."""
    return [w for w in text.replace("—", " ").split() if any(c.isalnum() for c in w)]
