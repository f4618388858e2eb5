"""The state the relation passes share: one report's mentions, entities and sentences, and drafts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from kg.lang import Language, profile
from kg.lexicon import Lexicon
from kg.model import Entity, Evidence, Mention, MentionKind, PartialDate, Report, Span
from kg.morphology import word_matches
from kg.text import Token, fold, sentences, tokens

NAME_KINDS = (MentionKind.COUNTRY, MentionKind.PLACE, MentionKind.ORGANIZATION)
DIPLOMATS = frozenset({"ambassador", "charge-daffaires", "consul-general", "consul", "honorary-consul", "diplomat"})
HEADS = frozenset({"head-of-state", "head-of-government"})
# Punctuation stripped from a sentence's words before they are looked up.
WORD_EDGES = ".,;:«»\"()"
# Characters more read back for a word of a place's class (the city of) before the preposition.
PLACE_CLASS_REACH = 12
# Characters read after a name for an honorific that follows it (Новак ханыммен).
HONORIFIC_REACH = 16
# Characters read before a noun of meeting for the word that governs it (провёл встречи: several meetings).
GOVERNOR_REACH = 16
OF = "of"
# The lines of a title a report may open with before its dateline (a headline, a subtitle): whole lines with no
# closing stop.
TITLE_LINES = 2
TITLE_STOPS = ".!?:;"


@dataclass
class PostDraft:
    holder: str
    role: str
    evidence: Evidence
    country: str | None = None
    accredited_to: str | None = None
    jurisdiction: str | None = None
    cue: str = ""  # the post its word names before what it heads refines it (a region's president: governor)
    assumed: bool = False  # its state is the home state by default, no word of the report says so
    title: str | None = None  # the local head's title its phrase names the place of (Түркістан облысының әкімі: әкім)


@dataclass
class MeetingDraft:
    participants: list[str]
    sentences: list[int]
    evidence: Evidence
    location: str | None = None
    date: PartialDate | None = None
    topics: dict[str, Evidence] = field(default_factory=dict)


class State:
    """One report's mentions by sentence, its resolved entities, and the drafts the passes fill in."""

    def __init__(self, report: Report, mentions: Sequence[Mention], entities: Sequence[Entity],
                 key_of: dict[Mention, str], lexicon: Lexicon, *, spans: Sequence[Span] | None = None) -> None:
        self.report = report
        self.text = report.text
        self.language: Language = profile(report.language)
        # a person's mention that resolved to no one (initials alone: М. Ю.) takes no part in any relation
        self.mentions = [m for m in mentions if m.kind != MentionKind.PERSON or m in key_of]
        self.entities = {e.key: e for e in entities}
        self.key_of = key_of
        self.lex = lexicon
        self.sentences = list(spans) if spans is not None else sentences(report.text, start=report.body_start)
        self.sentence_of: dict[Mention, int] = {}
        self.by_sentence: dict[int, list[Mention]] = {}
        self._by_kind: dict[tuple[int, str], list[Mention]] = {}  # a sentence's mentions of one kind
        for m in self.mentions:
            index = self.sentence_of[m] = self._sentence_index(m.start)
            self.by_sentence.setdefault(index, []).append(m)
            self._by_kind.setdefault((index, m.kind), []).append(m)
        self.home = self.language.home_country
        self.posts: list[PostDraft] = []
        self.meetings: list[MeetingDraft] = []
        # the delegation's leader or members each sentence speaks of, from the first that names them (the meetings
        # pass reads them: ``kg.relations.leaders.delegation_leaders``; the places pass asks who came visiting)
        self.delegations: dict[int, tuple[str, ...]] = {}
        self._tokens: dict[int, list[Token]] = {}  # a sentence's tokens, read once for the passes that ask
        self._words: dict[int, list[str]] = {}  # a sentence's words as ``has_word`` reads them, split once
        self._has_word: dict[tuple[int, str], bool] = {}  # the passes ask of one sentence and category again
        self._several: dict[int, bool] = {}  # and whether a sentence speaks of meetings in the plural
        self._word_spans: dict[tuple[int, str], list[tuple[int, int]]] = {}  # and where its words are
        self._word_values: dict[tuple[int, str, bool], list[tuple[int, int, str]]] = {}  # with their values
        self._mentions_of: dict[str | None, list[Mention]] | None = None  # by key, made when first asked

    @cached_property
    def opening(self) -> int | None:
        """The first sentence after the title lines the report may open with (``TITLE_LINES``; the title of a header
        line `` date YYYY-MM-DD title`` is one); the first sentence of a report that is all such lines."""
        for idx, sentence in enumerate(self.sentences[:TITLE_LINES + 1]):
            whole_line = self.text[sentence.end:sentence.end + 1] in ("", "\n") and (
                sentence.start in (0, self.report.body_start) or self.text[sentence.start - 1] == "\n")
            if not whole_line or sentence.text[-1] in TITLE_STOPS or idx == TITLE_LINES:
                return idx
        return 0 if self.sentences else None

    @cached_property
    def paragraphs(self) -> list[int]:
        """The paragraph (line) of each sentence, counted from 0."""
        out: list[int] = []
        number = 0
        for k, sentence in enumerate(self.sentences):
            if k and "\n" in self.text[self.sentences[k - 1].end:sentence.start]:
                number += 1
            out.append(number)
        return out

    def _sentence_index(self, offset: int) -> int:
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def evidence(self, m: Mention, *, end: int | None = None) -> Evidence:
        s = self.sentences[self.sentence_of[m]] if self.sentences else Span(m.start, m.end, m.text)
        stop = max(m.end, end or m.end)
        return Evidence(self.report.source_file, s, Span(m.start, stop, self.text[m.start:stop]))

    def in_sentence(self, index: int, kind: str | None = None) -> list[Mention]:
        if kind is None:
            return list(self.by_sentence.get(index, ()))
        return list(self._by_kind.get((index, kind), ()))

    def mentions_of(self, key: str | None) -> list[Mention]:
        """The mentions resolved to ``key`` (None: to no one), in the order of ``mentions``; not to be changed."""
        if self._mentions_of is None:
            self._mentions_of = {}
            for m in self.mentions:
                self._mentions_of.setdefault(self.key_of.get(m), []).append(m)
        return self._mentions_of.get(key, [])

    def entity(self, key: str | None) -> Entity | None:
        return self.entities.get(key) if key else None

    def country_of(self, key: str | None) -> str | None:
        e = self.entity(key)
        return e.country_code if e else None

    def _inside(self, m: Mention, kinds: tuple[MentionKind, ...]) -> bool:
        """Does another mention of ``kinds``, longer than ``m``, in its sentence hold it?"""
        return any(o is not m and o.kind in kinds and o.start <= m.start and m.end <= o.end
                   and (o.end - o.start) > (m.end - m.start) for o in self.by_sentence.get(self.sentence_of[m], ()))

    def nested(self, m: Mention) -> bool:
        """A name inside a longer name (Парламент Сенаты in Парламент Сенаты Аппараты)."""
        return m.kind in NAME_KINDS and self._inside(m, (MentionKind.PLACE, MentionKind.ORGANIZATION))

    @cached_property
    def eponyms(self) -> frozenset[Mention]:
        """The persons' names inside a body's (имени Абылкаса Сагинова in a university's name): no one is named
        there; found once, as the posts' and meetings' passes ask of every person."""
        return frozenset(m for m in self.mentions
                         if m.kind == MentionKind.PERSON and self._inside(m, (MentionKind.ORGANIZATION,)))

    def has_word(self, index: int, category: str) -> bool:
        """Does sentence ``index`` hold a word or a two-word phrase of a lexicon category (a word of discussion:
        обсудили, қол қойды ...)?"""
        key = (index, category)
        known = self._has_word.get(key)
        if known is None:
            known = self._has_word[key] = self._holds_word(index, category)
        return known

    def _holds_word(self, index: int, category: str) -> bool:
        language = self.report.language
        words = self._words.get(index)
        if words is None:
            words = self._words[index] = [w.strip(WORD_EDGES) for w in self.sentences[index].text.split()]
        starts = self.lex.phrase_starts(category, language)
        is_word = self.lex.is_word
        if any(is_word(w, category, language) for w in words):
            return True
        return bool(starts) and any(
            is_word(f"{a} {b}", category, language) for a, b in pairwise(words) if fold(a) in starts)

    def sentence_tokens(self, index: int) -> list[Token]:
        """The tokens of sentence ``index``, offsets into the sentence's text; read once (not to be changed)."""
        found = self._tokens.get(index)
        if found is None:
            found = self._tokens[index] = tokens(self.sentences[index].text)
        return found

    def word_spans(self, index: int, category: str) -> list[tuple[int, int]]:
        """Where sentence ``index`` holds words of a lexicon category (по приглашению, прошла), as offsets; read once
        (not to be changed)."""
        key = (index, category)
        found = self._word_spans.get(key)
        if found is None:
            start = self.sentences[index].start
            language = self.report.language
            is_word = self.lex.is_word
            found = self._word_spans[key] = [(start + t.start, start + t.end) for t in self.sentence_tokens(index)
                                             if is_word(t.text, category, language)]
        return found

    def word_values(self, index: int, category: str, *, inflected: bool = True) -> list[tuple[int, int, str]]:
        """Where sentence ``index`` holds words of a lexicon category (one word in any of its forms, or only as written
        without ``inflected``; a phrase as written), as offsets, each with the word's value (the side of it a name
        stands on: бастаған, led by); read once (not to be changed)."""
        key = (index, category, inflected)
        found = self._word_values.get(key)
        if found is None:
            found = self._word_values[key] = self._find_values(index, category, inflected)
        return found

    def _find_values(self, index: int, category: str, inflected: bool) -> list[tuple[int, int, str]]:
        language = self.report.language
        words = self.lex.words_of(category, language)
        sentence = self.sentences[index]
        toks = self.sentence_tokens(index)
        entries = [(w, len(w.word.split()), fold(w.word)) for w in words]
        is_word = self.lex.is_word
        out = []
        for k, tok in enumerate(toks):
            # A token no word of the category is a form of starts none (the lexicon's table of cues by key says so
            # at once); a phrase as written starts with the token as written.
            one = inflected and is_word(tok.text, category, language)
            first = fold(tok.text)
            for w, n, folded in entries:
                if k + n > len(toks):
                    continue
                if n == 1 and inflected:
                    if one and word_matches(tok.text, w.word, language):
                        out.append((sentence.start + tok.start, sentence.start + tok.end, w.value))
                elif folded.startswith(first) and fold(" ".join(t.text for t in toks[k:k + n])) == folded:
                    out.append((sentence.start + tok.start, sentence.start + toks[k + n - 1].end, w.value))
        return out

    def several(self, index: int) -> bool:
        """Does sentence ``index`` speak of meetings in the plural (кездесулер өткізді, провёл встречи, held
        meetings)? Read once: the meetings pass asks of a sentence several times, the places pass of the sentences
        before each meeting."""
        known = self._several.get(index)
        if known is None:
            known = self._several[index] = any(
                self.lex.is_word(word, "meeting-noun", self.report.language) and self.language.is_plural(
                    word, self.word_before(m.start, GOVERNOR_REACH) or "")
                for m in self.in_sentence(index, MentionKind.MEETING) if (word := self.last_word(m).strip(".,;:")))
        return known

    def meeting_noun(self, m: Mention) -> bool:
        """Is a word of meeting the noun of one (кездесу, встреча, meeting; held online: бейнеконференция, video call)
        or of talks (келіссөздер, переговоры, talks: one meeting, plural as they are), in any of its forms? Its last
        word says so, or its last two (video call, not call); the noun itself with endings, not a verb that shares its
        stem (кездесуде, not кездесті)."""
        words = [w.strip(WORD_EDGES) for w in m.text.split()] or [m.text]
        forms = [words[-1], " ".join(words[-2:])] if len(words) > 1 else words
        return any(self.lex.is_noun(w, c, self.report.language) for w in forms for c in ("meeting-noun", "talks-noun"))

    def words_before(self, end: int, reach: int) -> list[str]:
        """The words (lower case) of the ``reach`` characters before ``end``, past the articles that end them."""
        words = [w.lower() for w in self.text[max(0, end - reach):end].split()]
        while words and words[-1] in self.language.determiners:
            words.pop()
        return words

    def word_before(self, end: int, reach: int) -> str | None:
        """The last of ``words_before``: ``to`` in ``to the Republic``; past the word for a place's class, if
        any (в г. Уральске, in the city of Uralsk)."""
        words = self.words_before(end, reach + PLACE_CLASS_REACH)
        classes = self.language.place_classes
        if len(words) >= 2 and words[-1] == OF and words[-2] in classes:
            del words[-2:]
        elif words and words[-1] in classes:
            words.pop()
        else:
            words = self.words_before(end, reach)
        while words and words[-1] in self.language.determiners:
            words.pop()
        return words[-1] if words else None

    def last_word(self, m: Mention) -> str:
        words = m.text.split()
        return words[-1] if words else m.text

    def case_word(self, m: Mention) -> str:
        """The word that carries a person's case ending: an honorific right after the name where the language
        writes one there (Аттила Петерфалви мырзамен), else the name's last word."""
        if self.language.honorific_after_name:
            after = self.text[m.end:m.end + HONORIFIC_REACH].split()
            if after and self.lex.is_word(after[0].strip(WORD_EDGES), "honorific", self.report.language):
                return after[0].strip(WORD_EDGES)
        return self.last_word(m)
