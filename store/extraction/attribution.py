"""Who said each quote: the attribution around it, pronouns resolved, or the speaker of the quote before."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from typing import NamedTuple

from store.extraction.document import Document
from store.extraction.entities import SPEAKING_FOR, Found, Mention
from store.extraction.lexicon import (
    DETERMINERS,
    HONORIFICS,
    NAMING_WORDS,
    ORG_ANAPHORS,
    ORG_CLASS_NOUNS,
    PRONOUN_GENDER,
    SPEECH_VERBS,
    UNNAMED_SOURCES,
)
from store.extraction.places import NATIONALITIES
from store.extraction.quotes import QuoteSpan
from store.extraction.roles import PREPOSITIONS, is_role_noun
from store.extraction.text import Token

UNNAMED = -1
CONTINUATIONS = frozenset(
    "of to for in on at with by from as about and but or because if when while that which".split()
)
"""Words after a quote's closing mark, with no comma between, that carry on the sentence the quote is part of rather
than open its attribution."""
PARTICIPLES = frozenset(
    "asked pressed questioned quizzed challenged responding replying speaking reached contacted approached "
    "interviewed addressing testifying told echoing citing writing".split()
)
"""Participles of being asked or of speaking that open a sentence's clause before its subject ("Pressed on the cuts,
Venkataraman said", "Speaking to reporters in Lagos, …")."""
INDEFINITE_OPENERS = frozenset("Another A An One".split())
"""Words that open a sentence about someone not met before."""
ANONYMOUS = re.compile(
    r"\b(?:(?:declined|asked|wished|refused|did not want|didn't want) (?:not )?to be (?:named|identified)"
    r"|on (?:the )?condition of anonymity|requested anonymity|would not give (?:his|her|their) (?:full )?name)"
)
"""What a reporter writes of a source left unnamed: the sentence's subject is no one named before."""
ANONYMOUS_WORDS = frozenset("named identified anonymity name".split())
"""Words every `ANONYMOUS` phrase holds one of: a sentence without them is not searched."""
INDEFINITE_WORDS = frozenset("a an another one".split())
SUBORDINATORS = frozenset("where as when while which that though although because since after before if".split())
"""Words that open a clause inside a sentence ("In Marseille, where police said …, Karim Benali said"): a source
speaking there is not the sentence's subject."""
PERSON_NOUNS = frozenset("man woman person resident neighbour neighbor customer passenger parent mother father".split())
"""Nouns for an unnamed person that are no job."""
VOICING_VERBS = SPEECH_VERBS | NAMING_WORDS | frozenset(
    "read reads chanted chant chants chanting sang sing sings sung shouted screamed cried printed wrote "
    "scrawled displayed bore bears carried carries".split()
)
"""Verbs that give quoted words a voice of their own: who or what says, writes, reads or chants them."""
ALPHANUMERIC = re.compile(r"[^\W_]")
OUTLINE_WORDS = 9
SUBJECT_VERBS = SPEECH_VERBS | frozenset(
    "call calls called is are was were has have had will would can could should may might must do does did "
    "believe believes believed think thinks thought want wants wanted see sees saw".split()
)
LEAD_PREPOSITIONS = frozenset(
    "At In On During After Before Later Earlier Speaking Asked Discussing Describing Since While When Following "
    "Despite Amid Under With Without From For".split()
)
MAX_ATTRIBUTION_TOKENS = 28
INDEFINITES = frozenset({"a", "an", "one", "another", "some", "several", "two", "three"})
LOOKBACK = 300
SENTENCE_PUNCTUATION = (".", "?", "!", ",", "\u3002", "\uff1f", "\uff01", "\uff0c", "\u3001")
"""What ends a quoted sentence or clause (Chinese and Japanese full-width marks too): a quote ending in one is
speech, not a name in quote marks."""
RELATIVES = frozenset({"who", "which", "whose", "whom"})
SHORT_PREPOSITIONS = frozenset("of to for at in on".split())
"""Prepositions a person named as no one acting may follow ("a letter to X", "the case of X")."""
OBJECT_PREPOSITIONS = frozenset(
    {"with", "by", "from", "about", "against", "into", "between", "among", "toward", "towards", "like", "near",
     "outside", "inside", "across", "through", "beyond", "along", "around", "behind", "beside", "past", "via",
     "throughout", "within", "upon"}
)


class Attributed(NamedTuple):
    """A quote kept as reported speech, with its speaker (an entity index, or None)."""

    span: QuoteSpan
    speaker: int | None
    carried: bool = False
    """Whether the speaker was carried over from before rather than said with the quote (see `_continuing`)."""


AGED = re.compile(r"\d+-year-old")
"""A person's age as a noun ("the 36-year-old")."""


def _describes_one_person(word: str) -> bool:
    """Whether "the" and this word stand for one person named before: their age, or a nationality's noun for one of
    its people ("the Serbian", "the Spaniard"; not "the French" or "the Swiss", who are many)."""
    if AGED.fullmatch(word):
        return True
    return word in NATIONALITIES and not word.endswith(("s", "sh", "ch", "ese"))


class Attributor:
    """Walks the quotes in order, keeping track of who was last spoken of."""

    def __init__(self, document: Document, found: Found) -> None:
        self.document = document
        self.found = found
        self.entities = found.registry.entities
        self.by_sentence: dict[int, list[Mention]] = {}
        for mention in found.mentions:
            self.by_sentence.setdefault(mention.sentence, []).append(mention)
        self.mention_starts = {n: [m.start for m in ms] for n, ms in self.by_sentence.items()}
        self.all_mention_starts = [m.start for m in found.mentions]
        self.starts_of: dict[int, list[int]] = {}
        words_of = [s.words for s in document.sentences]
        self.speech = [not SPEECH_VERBS.isdisjoint(words) for words in words_of]
        self.roles: dict[str, list[tuple[int, int]]] = {}
        for index, entity in enumerate(self.entities):
            if entity.kind == "person" and entity.role:
                for word in set(entity.role.lower().split()):
                    self.roles.setdefault(word, []).append((entity.first, index))
        for entries in self.roles.values():
            entries.sort()
        self.events: list[tuple[int, int]] = []
        self.relative_events: dict[int, int] = {}
        """Where a person stands before ", who said" (see `_relative_speakers`), and the sentence: a pronoun means
        them only where no sentence but quoted ones stands between."""
        self.unnamed_people: set[int] = set()
        """Where a sentence's subject is someone new and unnamed ("Another fisherman, who asked not to be named,"):
        a "he" or "she" after it is not the person named before."""
        for sentence_number, words in enumerate(words_of):
            unnamed = self._unnamed_person(sentence_number, words)
            if unnamed is not None:
                self.unnamed_people.add(unnamed)
                self.events.append((unnamed, UNNAMED))
                continue
            if sentence_number not in self.by_sentence and UNNAMED_SOURCES.isdisjoint(words):
                continue
            subject = self._named_subject(sentence_number, words)
            if subject is not None:
                self.events.append(subject)
            if "who" in words and not SPEECH_VERBS.isdisjoint(words):
                for event in self._relative_speakers(sentence_number):
                    self.events.append(event)
                    self.relative_events[event[0]] = sentence_number
            if self.speech[sentence_number]:
                self.events.extend(self._speakers_set_off(sentence_number, subject))
        self.events.sort()

    def attribute(self, quotes: list[QuoteSpan]) -> list[Attributed]:
        """Decide for every quoted span whether it is speech, and who said it."""
        kept: list[Attributed] = []
        previous: Attributed | None = None
        for index, quote in enumerate(quotes):
            result = self._one(quotes, index, previous)
            if result is None:
                continue
            if kept and kept[-1].carried and self._one_utterance(kept[-1].span, quote) and result.speaker is not None:
                kept[-1] = Attributed(kept[-1].span, result.speaker)  # "“A” and “B,” said X": both are X's
            kept.append(result)
            previous = result
            if result.speaker is not None:
                insort(self.events, (quote.start, result.speaker))
        return kept

    def _one_utterance(self, first: QuoteSpan, second: QuoteSpan) -> bool:
        """Whether two quotes of a paragraph read as one person's words: nothing but a space, a comma or a
        conjunction between them ("“It is done” and “it holds,” said X"); not a dash (a change of speaker) nor after
        a question (the answer is someone else's)."""
        if first.paragraph != second.paragraph or not first.closed:
            return False
        if self.document.text[first.start:first.end].rstrip().endswith("?"):
            return False
        between = self.document.text[first.end + 1:second.start - 1].strip(" \t\n,;")
        return between in ("", "and", "or", "but")

    def _token_starts(self, number: int) -> list[int]:
        """Where each token of sentence number starts, computed once when first needed."""
        starts = self.starts_of.get(number)
        if starts is None:
            starts = self.starts_of[number] = [t.start for t in self.document.sentences[number].tokens]
        return starts

    def _tokens(self, number: int, start: int, end: int) -> list[Token]:
        """Tokens of sentence number lying wholly within [start, end)."""
        starts = self._token_starts(number)
        tokens = self.document.sentences[number].tokens
        low = bisect_left(starts, start)
        high = bisect_left(starts, end)
        while high > low and tokens[high - 1].end > end:
            high -= 1
        return tokens[low:high]

    def _mentions(self, number: int, start: int, end: int) -> list[Mention]:
        """Mentions of sentence number starting within [start, end)."""
        starts = self.mention_starts.get(number)
        if not starts:
            return []
        return self.by_sentence[number][bisect_left(starts, start):bisect_left(starts, end)]

    def _one(self, quotes: list[QuoteSpan], position: int, previous: Attributed | None) -> Attributed | None:
        document = self.document
        quote = quotes[position]
        number = document.sentence_at(quote.start - 1)
        sentence = document.sentences[number] if document.sentences else None
        if sentence is None or sentence.paragraph != quote.paragraph:
            return Attributed(quote, self._continuing(quote, previous), carried=True)
        left = sentence.start
        if position > 0 and quotes[position - 1].end >= sentence.start:
            left = max(left, quotes[position - 1].end + 1)
        right = sentence.end
        if position + 1 < len(quotes) and quotes[position + 1].start <= sentence.end:
            right = min(right, quotes[position + 1].start - 1)
        before = self._tokens(number, left, quote.start - 1)
        after = self._tokens(number, quote.end + 1, right) if quote.closed else []
        words = quote_words(document.text[quote.start:quote.end])
        speech_nearby = self.speech[number] or _calls_something(before) or (
            bool(before) and document.masked[before[-1].end:quote.start].strip().startswith(":"))
        said_next = any(token.text in SPEECH_VERBS for token in after[:3])
        sourced = self._according_to(number, sentence.start, quote.start - 1) if before else None
        if not said_next and self._named_thing(before, words, speech_nearby or sourced is not None):
            return None
        found = self._after(quote, number, after)
        if found is None:
            found = self._before(number, before, left)
        embedded = bool(before) and not _only_lead(before)
        if found is None and embedded:
            if sourced is not None:
                return Attributed(quote, sourced[1])
            found = self._sentence_final(number, after)
            if found is None:
                found = self._subject(number, left, quote.start - 1)
            if found is None and left > sentence.start and speech_nearby:
                found = self._subject(number, sentence.start, quote.start - 1)  # "X said … “a” and warned “b”"
            if found is None:
                return Attributed(quote, None) if len(words) >= 8 else None
            if len(words) < 6 and not speech_nearby:
                return None
            return Attributed(quote, found[1])
        if found is None:
            return Attributed(quote, self._continuing(quote, previous), carried=True)
        return Attributed(quote, found[1])

    def _named_thing(self, before: list[Token], words: list[str], speech_nearby: bool) -> bool:
        """Whether quote marks hold a name or a scare-quoted word, not speech."""
        if not words:
            return True
        if (not before or _only_lead(before)) and words[-1][-1:] in SENTENCE_PUNCTUATION:
            return False
        short = len(words) <= 4
        tail = [t.text for t in before[-3:]]
        called_something = _calls_something(before)
        while tail and tail[-1] in ("the", "a", "an", "as", "it", "them", "him", "her", "this", "its"):
            tail = tail[:-1]
        if called_something:
            return False  # "called it “a complete performance”": what someone said of it
        titled = all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3)
        if short and titled and before and before[-1].text in ("a", "an") and \
                not any(t.text in ("said", "says", "say") for t in before[-5:]):
            return True  # "declared a “Vo Thi Hoa Day”": a name set off, unlike "said it was a “Shameful Day”"
        if tail and tail[-1] in NAMING_WORDS and (short or words[0][:1].isupper()):
            return True
        if short and not speech_nearby:
            return True
        return short and len(words) <= 3 and titled and not any(t.text in SPEECH_VERBS for t in before[-4:])

    def _after(self, quote: QuoteSpan, number: int, after: list[Token]) -> tuple[bool, int | None] | None:
        """Attribution right after the closing mark: "…,” said Smith" or "…,” Smith, a ..., said"."""
        if not quote.closed or not after:
            return None
        gap = self.document.masked[quote.end + 1:after[0].start]
        if gap.strip(" ,—–-\u00a0\n\r\t") != "":
            return None
        first = after[0].text
        if first in SPEECH_VERBS or (first == "according" and len(after) > 1 and after[1].text == "to"):
            skip = 2 if first == "according" else 1
            return self._speaker_after_verb(number, after[skip:]) or (True, None)
        if first in CONTINUATIONS and not self._closes_at_attribution(quote, gap):
            return None  # "… said it “shares the goal” of reducing … but warned": the sentence goes on, no attribution
        for index, token in enumerate(after[:MAX_ATTRIBUTION_TOKENS]):
            if token.text in SPEECH_VERBS:
                if index == 0:
                    return None
                found = self._candidate(number, after[0].start, token.start, last=True)
                if found is None and self._closes_at_attribution(quote, gap):
                    return True, None
                return found
        return None

    def _closes_at_attribution(self, quote: QuoteSpan, gap: str) -> bool:
        """Whether the quote ends where its attribution begins ("…,” one trader said), not mid-sentence."""
        return "," in gap or self.document.text[quote.end - 1:quote.end] in (",", "?", "!", "—")

    def _before(self, number: int, before: list[Token], left: int) -> tuple[bool, int | None] | None:
        """Attribution that leads into the quote: "Smith said: “…”", "Smith said in a statement, “…”"."""
        if not before:
            return None
        document = self.document
        tail_gap = document.masked[before[-1].end:before[-1].end + 4]
        ends_with_mark = tail_gap.lstrip()[:1] in (",", ":")
        if ends_with_mark and len(before) > 2 and before[0].text in ("According", "according") \
                and before[1].text == "to":
            return self._speaker_after_verb(number, before[2:])
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
                found = self._candidate(number, left, token.start, last=True)
                return (True, None) if found is None and back == 0 else found  # said “…”: speech, speaker unnamed
            if back == 0 and not ends_with_mark and token.text not in ("that",):
                return None
        return None

    def _according_to(self, number: int, start: int, end: int) -> tuple[bool, int | None] | None:
        """The source a sentence opens on ("According to X, a historian, the crisis is “…”"): the speaker of a
        quote later in it, when that source is a person."""
        low = bisect_left(self._token_starts(number), start)
        if not any(token.text == "According" for token in self.document.sentences[number].tokens[low:low + 4]):
            return None  # looked at first: a sentence of thousands of words has thousands of quotes to ask
        tokens = self._tokens(number, start, end)
        while tokens and tokens[0].text in ("And", "But", "So"):
            tokens = tokens[1:]
        if len(tokens) < 3 or tokens[0].text != "According" or tokens[1].text != "to":
            return None
        masked = self.document.masked
        close = next((t.end for t in tokens[2:] if masked[t.end:t.end + 1] == ","), tokens[-1].end)
        mentions = self._mentions(number, tokens[2].start, close)
        if not mentions or mentions[0].possessive or self.entities[mentions[0].entity].kind != "person":
            return None
        if self._voiced_by_another(number, close, end):
            return None
        return True, mentions[0].entity

    def _voiced_by_another(self, number: int, start: int, end: int) -> bool:
        """Whether the clause after "According to X," gives the quote a voice of its own: a verb of speaking,
        writing, reading or chanting ("the sign read “…”", "her rival Y described it as “…”"), so that the quote
        is no account of X's, as it is after "is" ("the crisis is “…”")."""
        return any(t.text.lower() in VOICING_VERBS for t in self._tokens(number, start, end))

    def _sentence_final(self, number: int, after: list[Token]) -> tuple[bool, int | None] | None:
        """An attribution closing the sentence after an embedded quote: "..., said a second neighbour, X"."""
        document = self.document
        for index, token in enumerate(after):
            if token.text not in SPEECH_VERBS or index == 0:
                continue
            gap = document.masked[after[index - 1].end:token.start]
            if "," in gap:
                return self._speaker_after_verb(number, after[index + 1:])
        return None

    def _speaker_after_verb(self, number: int, tokens: list[Token]) -> tuple[bool, int | None] | None:
        """The speaker named after a verb: the first person, else an unnamed source, else an organization."""
        if not tokens:
            return None
        tokens = tokens[:MAX_ATTRIBUTION_TOKENS]
        mentions = self._mentions(number, tokens[0].start, tokens[-1].end + 1)
        people = [m for m in mentions if self.entities[m.entity].kind == "person" and not m.possessive]
        if people:
            return True, people[0].entity
        head = [t.text for t in tokens[:4]]
        if head and head[0] in PRONOUN_GENDER:
            return True, self._pronoun(head[0], tokens[0].start)
        for index in range(1, min(3, len(tokens))):
            anaphor = self._role_anaphor(tokens, index)
            if anaphor is not None:
                return True, anaphor
        spoken_for = self._spoken_for(tokens, mentions)
        if spoken_for is not None:
            return True, spoken_for
        if head[0] in INDEFINITES:
            return True, None
        for word in head:
            if word in UNNAMED_SOURCES:
                return True, None
            if word in ORG_ANAPHORS and head[0] == "the":
                return True, self._recent(tokens[0].start, "org")
        orgs = [m for m in mentions if not m.possessive]
        if orgs:
            return True, orgs[0].entity
        return None

    def _candidate(self, number: int, start: int, end: int, last: bool) -> tuple[bool, int | None] | None:
        """The speaker standing between start and end: a person, organization, pronoun, anaphor or unnamed source."""
        tokens = self._tokens(number, start, end)
        relative = next((t.start for i, t in enumerate(tokens) if i and t.text in RELATIVES), end)
        eligible = [m for m in self._mentions(number, start, min(end, relative))
                    if not m.possessive and not self._after_preposition(number, m)]
        people = [m for m in eligible if self.entities[m.entity].kind == "person"]
        if people:
            return True, (people[-1] if last else people[0]).entity
        orgs = [m for m in eligible if self.entities[m.entity].kind == "org"]
        pronouns = [t for t in tokens if t.text in PRONOUN_GENDER]
        if pronouns and (not orgs or pronouns[-1].start > orgs[-1].start):
            return True, self._pronoun(pronouns[-1].text, pronouns[-1].start)
        if orgs:
            chosen = orgs[-1] if last else orgs[0]
            job = self._job_after(number, chosen)
            holder = self._holder_of(job, chosen.entity) if job is not None else None
            return True, chosen.entity if holder is None else holder  # "the Somerset captain said": theirs
        for index, token in enumerate(tokens):
            if token.start >= relative:
                break  # "One investor, who asked not to be named because talks with the company …, said"
            if token.text.lower() in INDEFINITES:
                spoken_for = self._spoken_for(tokens[index:], self._mentions(number, token.start, end))
                if spoken_for is not None:
                    return True, spoken_for  # "A spokesman for Acme said: “…”"
            if token.text in ORG_ANAPHORS and index > 0 and tokens[index - 1].text == "the":
                return True, self._recent(token.start, "org")
            if token.text in UNNAMED_SOURCES:
                return True, None
            anaphor = self._role_anaphor(tokens, index)
            if anaphor is not None:
                return True, anaphor
        return None

    def _job_after(self, number: int, mention: Mention) -> Token | None:
        """The job an organization's name qualifies right after "the" ("the Somerset captain", "the Acme chief
        executive"): someone holding it speaks, not the body; none for its spokesperson, who speaks for it."""
        tokens = self.document.sentences[number].tokens
        at = bisect_left(self._token_starts(number), mention.start)
        after = bisect_left(self._token_starts(number), mention.end)
        if at == 0 or tokens[at - 1].text.lower() != "the" or after >= len(tokens):
            return None
        job = tokens[after]
        if self.document.masked[mention.end:job.start].strip() or not job.text.islower():
            return None
        if job.text in SPEAKING_FOR or not is_role_noun(job.text):
            return None
        return job

    def _holder_of(self, job: Token, body: int) -> int | None:
        """The person last introduced before `job` holding that job at `body`: their organization is it, or, with
        none, their first mention's sentence names it ("Somerset … with their captain, X"); not one who held it
        before ("Former Whitfield manager X"). None when no one named holds it there (the body is then the
        speaker, as before: a rival's coach named earlier is not whom "the Lakers coach" means)."""
        name = self.entities[body].name
        for first, index in reversed(self._holders_before(job.text, job.start)):
            person = self.entities[index]
            role = (person.role or "").lower()
            if role.startswith(("former", "ex-", "onetime", "one-time", "retired")):
                continue
            organization = person.organization
            if organization == name or organization is None and self._named_near(first, body):
                return index
        return None

    def _named_near(self, position: int, body: int) -> bool:
        """Whether the sentence standing at `position` names the organization `body`."""
        number = self.document.sentence_at(position)
        return any(mention.entity == body for mention in self.by_sentence.get(number, ()))

    def _spoken_for(self, tokens: list[Token], mentions: list[Mention]) -> int | None:
        """The organization a spokesperson speaks for, if named so: "a Kremlin spokesman", "a spokeswoman for
        Acme", "a spokesman for the Pentagon on Friday" (not "for the firm", which may be one the article never
        names, nor "for the Ford Foundation board")."""
        if len(tokens) < 3 or tokens[0].text.lower() not in INDEFINITES:
            return None
        for mention in mentions:
            if mention.start == tokens[1].start and self.entities[mention.entity].kind == "org":
                after = next((t for t in tokens if t.start >= mention.end), None)
                return mention.entity if after is not None and after.text in SPEAKING_FOR else None
        if len(tokens) < 4 or tokens[1].text not in SPEAKING_FOR or tokens[2].text != "for":
            return None
        body = tokens[4] if tokens[3].text == "the" and len(tokens) > 4 else tokens[3]  # "for the Pentagon"
        named = next((m for m in mentions if m.start == body.start and not m.possessive), None)
        if named is None or self.entities[named.entity].kind != "org":
            return None
        after = next((t for t in tokens if t.start >= named.end), None)
        qualified = after is not None and not self.document.masked[named.end:after.start].strip() and \
            after.text.islower() and after.text not in SPEECH_VERBS and after.text not in PREPOSITIONS
        return None if qualified else named.entity  # not "a spokeswoman for Tesla shareholders"

    def _role_anaphor(self, tokens: list[Token], index: int) -> int | None:
        """ "the ambassador" for the person last introduced with that role word."""
        token = tokens[index]
        if index == 0 or tokens[index - 1].text != "the":
            return None
        if _describes_one_person(token.text):
            return self._only_person_near(token)  # "the Serbian said", "the 36-year-old said"
        if not token.text.islower():
            return None
        holders = self._holders_before(token.text, token.start)
        return holders[-1][1] if holders else None

    def _holders_before(self, word: str, position: int) -> list[tuple[int, int]]:
        """The people introduced before `position` with `word` in their role: (where first named, entity), in that
        order."""
        entries = self.roles.get(word, [])
        return entries[:bisect_left(entries, (position, -1))]

    def _subject(self, number: int, start: int, end: int) -> tuple[bool, int | None] | None:
        """The subject of the sentence an embedded quote sits in: its first name, pronoun or unnamed source."""
        tokens = self._tokens(number, start, end)
        if tokens and tokens[0].text in LEAD_PREPOSITIONS:
            for index, token in enumerate(tokens):
                if "," in self.document.masked[token.end:token.end + 1]:
                    tokens = tokens[index + 1:]
                    break
        if not tokens:
            return None
        sentence = self.document.sentences[number]
        if tokens[0].start in self.unnamed_people and ANONYMOUS.search(self.document.masked, sentence.start,
                                                                       sentence.end) and not _reports_another(tokens):
            return True, None  # "One of its officials, who asked not to be named, put it bluntly: …"
        first_mention = None
        for mention in self._mentions(number, tokens[0].start, end):
            if not mention.possessive and not self._after_preposition(number, mention) and \
                    not self._modifies_person(number, mention):
                first_mention = mention
                break
        for index, token in enumerate(tokens):
            if first_mention is not None and token.start >= first_mention.start:
                return True, first_mention.entity
            if token.text in PRONOUN_GENDER and not (
                start > sentence.start and token.text == "it" and index and tokens[index - 1].text in SPEECH_VERBS
            ):
                return True, self._pronoun(token.text, token.start)  # not "“a” but said it was “b”": what was said
            following = tokens[index + 1].text if index + 1 < len(tokens) else ""
            if token.text in UNNAMED_SOURCES and following in SUBJECT_VERBS:
                return True, None
        return None

    def _after_preposition(self, number: int, mention: Mention) -> bool:
        """Whether a mention is the object of a preposition ("at the Harbour Board"; "At the X depot, Y said" too,
        where one opening the sentence is capitalized, but not "For X, a nurse, the news felt distant": someone
        a sentence turns to is its subject for the pronouns after it)."""
        tokens = self.document.sentences[number].tokens
        back = bisect_left(self._token_starts(number), mention.start) - 1
        title = (self.entities[mention.entity].role or "").split()
        if title and back == len(title) + 1 and tokens[1].text == "by" and tokens[0].text.endswith("ed") and \
                all(word[:1].isupper() and word not in HONORIFICS for word in title) and \
                [t.text for t in tokens[2:back + 1]] == title and \
                self.document.masked[tokens[back].end:mention.start] == " ":
            back = 1  # "Asked by Deputy District Attorney X whether …, Y shook her head": Y is the subject
        determined = back >= 0 and tokens[back].text in DETERMINERS
        while back >= 0 and tokens[back].text in DETERMINERS:
            back -= 1
        while back >= 0 and tokens[back].possessive:
            back -= 1
        kinds = 0
        touching = back >= 0 and not self.document.masked[tokens[back].end:mention.start].strip()
        while touching and back >= 0 and kinds < 2 and tokens[back].text in ORG_CLASS_NOUNS:
            back, kinds = back - 1, kinds + 1  # "with the radio station WWOZ"
        while kinds and back >= 0 and tokens[back].text in DETERMINERS:
            back -= 1
        word = tokens[back].text if back >= 0 else ""
        if determined and back == 0:
            word = word.lower()
        return back >= 0 and (word in PREPOSITIONS or word in OBJECT_PREPOSITIONS)

    def _modifies_person(self, number: int, mention: Mention) -> bool:
        """Whether an organization only qualifies the person named next ("Transport Ministry official X")."""
        if self.entities[mention.entity].kind != "org":
            return False
        mentions = self.by_sentence.get(number, [])
        at = bisect_left(self.mention_starts[number], mention.start + 1)
        if at >= len(mentions) or self.entities[mentions[at].entity].kind != "person":
            return False
        following = mentions[at]
        between = self._tokens(number, mention.end, following.start)
        gap = self.document.masked[mention.end:following.start]
        apposition = bool(between) and gap.count(",") == 1 and gap.rstrip().endswith(",") \
            and all(is_role_noun(t.text) for t in between)  # "an OMB spokeswoman, Kelsey Arrington,"
        return len(between) <= 3 and ("," not in gap or apposition) \
            and all(is_role_noun(t.text) or t.text[0].isupper() for t in between)

    def _pronoun(self, word: str, position: int) -> int | None:
        """The entity a pronoun stands for: the latest compatible subject or speaker."""
        gender = PRONOUN_GENDER[word]
        only = self._only_person_in_paragraph(position, gender) if gender in ("m", "f") else None
        if only is not None:
            return only
        at = bisect_left(self.events, (position, -2))
        for _position, entity in reversed(self.events[max(0, at - LOOKBACK):at]):
            if _position in self.relative_events and not self._only_quoted_between(
                    self.relative_events[_position], self.document.sentence_at(position)):
                continue  # "X, who said …" names a speaker for the quote after it, not past another sentence
            if entity == UNNAMED:
                if gender == "p" or gender in ("m", "f") and _position in self.unnamed_people:
                    return None
                continue
            candidate = self.entities[entity]
            if gender in ("m", "f") and candidate.kind == "person" and candidate.gender in ("", gender):
                return entity
            if gender in ("o", "p") and candidate.kind == "org":
                return entity
        return None

    def _only_person_in_paragraph(self, position: int, gender: str) -> int | None:
        """The one person a paragraph names before `position`, of the pronoun's sex as their name tells it (or of a
        name that tells none: "led by Sok Chanthavy, … She said"), where it names no other and no unnamed source
        speaks: whom "she says" means after "… a café run by X, who moved here
        in 2015", though X is no sentence's subject."""
        paragraph = self._paragraph_of(position)
        at = bisect_left(self.all_mention_starts, position)
        people = set()
        for mention in reversed(self.found.mentions[max(0, at - LOOKBACK):at]):
            if self.document.sentences[mention.sentence].paragraph != paragraph:
                break
            if self.entities[mention.entity].kind == "person":
                people.add(mention.entity)
                if not self._acting(mention):
                    return None  # "he met the younger X. … he wrote": X is no one the sentence is about
        if len(people) != 1:
            return None
        start = self.document.sentences[self.document.sentence_at(position)].start
        while start > 0 and self._paragraph_of(start - 1) == paragraph:
            start = self.document.sentences[self.document.sentence_at(start - 1)].start
        events = self.events[bisect_left(self.events, (start, -2)):bisect_left(self.events, (position, -2))]
        if any(entity == UNNAMED for _, entity in events):
            return None
        person = people.pop()
        known = self.entities[person].gender
        if known == "" and self._pronoun_in_paragraph_before(paragraph, position, gender):
            return None  # "At a school built by Chea Vuthy, she handed out books": "she" was someone else already
        return person if known in (gender, "") else None

    def _pronoun_in_paragraph_before(self, paragraph: int, position: int, gender: str) -> bool:
        """Whether reporter's text of the paragraph has a pronoun of this sex before `position`."""
        number = self.document.sentence_at(position)
        while number >= 0 and self.document.sentences[number].paragraph == paragraph:
            for token in self.document.sentences[number].tokens:
                if token.start < position and PRONOUN_GENDER.get(token.text) == gender:
                    return True
            number -= 1
        return False

    def _acting(self, mention: Mention) -> bool:
        """Whether a person is named as someone acting: the agent after "by" ("a café run by X"), or before any
        pronoun, preposition or lowercase verb in their sentence ("Thomas' sister pleaded"), not as an object ("she
        met the young X", "with the younger X")."""
        tokens = self.document.sentences[mention.sentence].tokens
        index = bisect_left(self._token_starts(mention.sentence), mention.start)
        if any(token.text == "by" for token in tokens[max(0, index - 3):index]):
            return True
        return not any(token.text in PRONOUN_GENDER or token.text in OBJECT_PREPOSITIONS or
                       token.text in SHORT_PREPOSITIONS or token.text.islower() and token.text.endswith(("ed", "et"))
                       for token in tokens[:index])

    def _only_person_near(self, token: Token) -> int | None:
        """The one person named in this sentence or the one before, up to `token`; None when there are several
        (who "the Serbian" is cannot be told from who was named last: "Djokovic beat Alcaraz")."""
        at = bisect_left(self.all_mention_starts, token.start)
        people = set()
        for mention in reversed(self.found.mentions[max(0, at - LOOKBACK):at]):
            if mention.sentence < token.sentence - 1:
                break
            if self.entities[mention.entity].kind == "person":
                people.add(mention.entity)
        return people.pop() if len(people) == 1 else None

    def _recent(self, position: int, kind: str) -> int | None:
        """The entity of that kind named most recently before position."""
        at = bisect_left(self.all_mention_starts, position)
        for mention in reversed(self.found.mentions[max(0, at - LOOKBACK):at]):
            if self.entities[mention.entity].kind == kind:
                return mention.entity
        return None

    def _continuing(self, quote: QuoteSpan, previous: Attributed | None) -> int | None:
        """A quote with no attribution of its own continues the last speaker nearby."""
        latest = None
        at = bisect_left(self.events, (quote.start, -2))
        if at and self._paragraph_of(self.events[at - 1][0]) >= quote.paragraph - 1:
            latest = self.events[at - 1][1]
        near = previous is not None and previous.span.paragraph >= quote.paragraph - 1
        named_person = latest not in (None, UNNAMED) and self.entities[latest].kind == "person"
        if near and previous.speaker is not None and (latest in (None, previous.speaker) or not named_person):
            return previous.speaker
        if latest is None or latest == UNNAMED:
            return previous.speaker if near else None
        return latest

    def _paragraph_of(self, position: int) -> int:
        """The paragraph index of a text position."""
        return self.document.sentences[self.document.sentence_at(position)].paragraph

    def _unnamed_person(self, number: int, words: set[str]) -> int | None:
        """Where a sentence opens on someone new and unnamed ("Another fisherman, …", "At a clinic, a mother of
        three …") or says its source is left unnamed ("…, who declined to be named,"), and names no person: the
        position of its subject."""
        tokens = self.document.sentences[number].tokens
        if not tokens:
            return None
        opens = tokens[0].text in INDEFINITE_OPENERS
        if not opens and INDEFINITE_WORDS.isdisjoint(words) and ANONYMOUS_WORDS.isdisjoint(words):
            return None
        if any(self.entities[mention.entity].kind == "person" for mention in self.by_sentence.get(number, ())):
            return None  # "A spokeswoman for Acme, Jane Doe, said": named after all
        opener = 0 if opens else self._indefinite_after_comma(tokens)
        if opener is None:
            if ANONYMOUS_WORDS.isdisjoint(words):
                return None
            sentence = self.document.sentences[number]
            anonymous = ANONYMOUS.search(self.document.masked, sentence.start, sentence.end)
            return tokens[0].start if anonymous is not None else None
        first_named = self.mention_starts.get(number, [len(self.document.text)])[0]
        for token in tokens[opener + 1:opener + 4]:
            if token.start >= first_named or not token.text.islower():
                return None
            singular = token.text[:-1] if token.text.endswith("s") else token.text  # "One of its officials"
            if is_role_noun(token.text) or token.text in PERSON_NOUNS or opener == 0 and tokens[1].text == "of" and \
                    (is_role_noun(singular) or singular in PERSON_NOUNS):
                return tokens[0].start
        return None

    def _indefinite_after_comma(self, tokens: list[Token]) -> int | None:
        """Where the subject opens after a sentence's opening phrase ("At a clinic in Homa Bay, a mother of three
        … said"): "a", "an", "another" or "one" after the first comma, before any speech verb; None when none is."""
        masked = self.document.masked
        for index in range(1, len(tokens)):
            word = tokens[index].text
            if word in SPEECH_VERBS:
                return None
            if "," in masked[tokens[index - 1].end:tokens[index].start]:
                return index if word.capitalize() in INDEFINITE_OPENERS else None
        return None

    def _only_quoted_between(self, first: int, last: int) -> bool:
        """Whether every sentence strictly between these two is quoted speech."""
        return all(self.document.sentences[number].quoted for number in range(first + 1, last))

    def _relative_speakers(self, number: int) -> list[tuple[int, int]]:
        """The people a sentence names before ", who said" (an appositive may stand between: "led by X, the
        country's minister, who said …"): speakers a later "she said" may mean, where the sentence's subject is
        another ("Sudan's delegation")."""
        tokens = self.document.sentences[number].tokens
        found = []
        for mention in self.by_sentence.get(number, []):
            if self.entities[mention.entity].kind != "person":
                continue
            after = bisect_left(self._token_starts(number), mention.end)
            if after >= len(tokens) or self.document.masked[mention.end:tokens[after].start].strip() != ",":
                continue
            for index in range(after, min(after + RELATIVE_REACH, len(tokens) - 1)):
                if tokens[index].text == "who":
                    if tokens[index + 1].text in SPEECH_VERBS and \
                            self.document.masked[tokens[index - 1].end:tokens[index].start].strip() == ",":
                        found.append((tokens[index].start, mention.entity))
                    break
        return found

    def _pronoun_subject_before(self, tokens: list[Token], mention: Mention) -> bool:
        """Whether "he", "she" or "they" is the subject of the clause that names the first name, before it ("Later
        she met X", "He told X"), not in a clause of its own set off by a comma ("Asked whether she would come, X
        shrugged")."""
        for token in tokens:
            if token.start >= mention.start:
                return False
            if token.text in ("he", "she", "they", "He", "She", "They"):
                return "," not in self.document.masked[token.end:mention.start]
        return False

    def _speakers_set_off(self, number: int, subject: tuple[int, int] | None) -> list[tuple[int, int]]:
        """People set off by commas before a speech verb later in a sentence with another subject ("X was backed by
        a party whose chairman, Y, said …"): speakers a later "he said" means, as the last to speak."""
        tokens = self.document.sentences[number].tokens
        masked = self.document.masked
        found = []
        for mention in self.by_sentence.get(number, []):
            if self.entities[mention.entity].kind != "person" or subject is None or mention.start <= subject[0] \
                    or mention.entity == subject[1]:
                continue
            after = bisect_left(self._token_starts(number), mention.end)
            before = bisect_left(self._token_starts(number), mention.start) - 1
            if after >= len(tokens) or before < 0 or masked[tokens[before].end:mention.start].strip() != "," or \
                    masked[mention.end:tokens[after].start].strip() != ",":
                continue
            if after + 1 < len(tokens) and tokens[after].text in SPEECH_VERBS and tokens[after].text.islower() and \
                    not masked[tokens[after].end:tokens[after + 1].start].strip():
                found.append((mention.start, mention.entity))  # not "X, whose rival, Y, conceded, spoke first"
        return found

    def _named_subject(self, number: int, words: set[str]) -> tuple[int, int] | None:
        """The first named subject of a sentence (for pronouns), or an unnamed source that speaks; `words` holds
        the sentence's words."""
        sentence = self.document.sentences[number]
        unnamed = None
        tokens = sentence.tokens
        for index, token in enumerate(tokens if not UNNAMED_SOURCES.isdisjoint(words) else ()):
            if token.text not in UNNAMED_SOURCES:
                continue
            following = tokens[index + 1].text if index + 1 < len(tokens) else ""
            if following in SUBJECT_VERBS and SUBORDINATORS.isdisjoint(t.text for t in tokens[max(0, index - 2):index]):
                unnamed = (token.start, UNNAMED)
                break
        source = self._source_opening(number)
        if source is not None:
            return source
        opening_end = self._participle_opening_end(tokens)
        for mention in self.by_sentence.get(number, []):
            if mention.start < opening_end:
                continue  # "Asked whether Lantern would …, Venkataraman said": the subject follows the clause
            if not mention.possessive and not self._after_preposition(number, mention) and \
                    not self._modifies_person(number, mention):
                if unnamed is not None and unnamed[0] < mention.start:
                    return unnamed
                if self._pronoun_subject_before(tokens, mention):
                    return None  # "Later she met the young X": the subject is who "she" was
                return mention.start, mention.entity
        mentions = self.by_sentence.get(number, [])
        if unnamed is None and mentions and mentions[0].possessive and tokens and mentions[0].start == tokens[0].start \
                and not self.speech[number] and self.entities[mentions[0].entity].kind == "person":
            return mentions[0].start, mentions[0].entity  # "Kaczmarek's rise has been rapid. She reached …"
        return unnamed

    def _participle_opening_end(self, tokens: list[Token]) -> int:
        """Where a sentence's opening participle clause ends, at its comma ("Asked on the call whether …,", "Speaking
        to reporters in Lagos,"), or 0 when the sentence opens otherwise."""
        if len(tokens) < 3 or not tokens[0].sentence_start:
            return 0
        if tokens[0].text.lower() not in PARTICIPLES or not tokens[1].text.islower():
            return 0  # not "Acting Police Chief Maria Gomez said", "Retired nurse Jane Doe said"
        masked = self.document.masked
        for token in tokens[1:]:
            if token.text in SPEECH_VERBS:
                return 0  # "Speaking at the summit X said …, and Y agreed": no comma of its own
            if masked[token.end:token.end + 1] == ",":
                return token.end
        return 0

    def _source_opening(self, number: int) -> tuple[int, int] | None:
        """The person a sentence opens by citing ("According to X, an analyst at Y, the guidance is …"): the one a
        "she said" after it means, though named after a preposition; none when it names another person."""
        tokens = self.document.sentences[number].tokens
        if len(tokens) < 3 or tokens[0].text != "According" or tokens[1].text != "to":
            return None
        mentions = self.by_sentence.get(number, [])
        if not mentions or mentions[0].start != tokens[2].start or mentions[0].possessive or \
                self.entities[mentions[0].entity].kind != "person":
            return None
        if any(self.entities[m.entity].kind == "person" and m.entity != mentions[0].entity for m in mentions[1:]):
            return None  # "According to X, Mary Jones lied": the sentence's subject is hers
        return mentions[0].start, mentions[0].entity


RELATIVE_REACH = 16
"""Tokens after a person's name within which ", who said" is looked for."""


CALLED_OBJECTS = frozenset("it them him her this that".split())
"""What follows "called" when a quote after it says what someone called it, not what something is named."""


def _reports_another(tokens: list[Token]) -> bool:
    """Whether a sentence reports someone's words through a pronoun after a verb of speech ("One of the lawyers, who
    asked not to be named, said she had told the court: …")."""
    return any(token.text in SPEECH_VERBS and following.text in ("he", "she")
               for token, following in zip(tokens, tokens[1:], strict=False))


def _calls_something(before: list[Token]) -> bool:
    """Whether the words before a quote say that someone called something so ("called it “a complete
    performance”"): speech, where "a group called “X”" names a thing."""
    return len(before) >= 2 and before[-2].text in ("called", "dubbed") and before[-1].text in CALLED_OBJECTS


def _only_lead(before: list[Token]) -> bool:
    """Whether the words before a quote are only a lead-in like "And" (the quote still opens the sentence)."""
    return all(t.text in ("And", "But", "So", "Then") for t in before)


def quote_words(text: str) -> list[str]:
    """The words of a quote: stretches between spaces and dashes that hold a letter or digit.

    A quote of more than OUTLINE_WORDS words gives only its first OUTLINE_WORDS - 1 words and its last: what
    attribution reads of a quote is its first and last words and whether it is longer than a few words.
    """
    pieces = text.replace("—", " ").split()
    found: list[str] = []
    for piece in pieces:
        if _holds_alphanumeric(piece):
            found.append(piece)
            if len(found) == OUTLINE_WORDS:
                found[-1] = next(last for last in reversed(pieces) if _holds_alphanumeric(last))
                break
    return found


def _holds_alphanumeric(piece: str) -> bool:
    """Whether a stretch of text holds a letter or digit (most words start or end with one)."""
    return piece[0].isalnum() or piece[-1].isalnum() or ALPHANUMERIC.search(piece) is not None
