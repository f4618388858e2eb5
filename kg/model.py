"""The values that pass between the stages: reports → mentions → entities and relations → graph.

Every class is a frozen dataclass with slots (no dictionary of attributes per object: a build of a
large collection keeps the outlines of every report in memory), pickled as the call that makes it
again from its fields (``_pickled_by_fields``). Character offsets are half-open and index the
report's full text, so that ``report.text[m.start:m.end] == m.text`` holds for every span.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def _pickled_by_fields(cls: type[T]) -> type[T]:
    """A class whose objects pickle as ``(cls, field values)``, read back by calling ``cls``: a dataclass with
    slots otherwise pickles through a ``__setstate__`` written in Python that looks its fields up again for
    every object, and a build reads hundreds of thousands of them from its cache (twice as slow)."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    values: Callable[[Any], Any] = attrgetter(*names)
    if len(names) == 1:
        def reduce(self: Any) -> tuple[type, tuple]:
            return type(self), (values(self),)
    else:
        def reduce(self: Any) -> tuple[type, tuple]:
            return type(self), values(self)
    cls.__reduce__ = reduce  # type: ignore[assignment,method-assign]
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Report:
    """One report: its text, what its header, first lines or metadata say about it, and where it came
    from (``source_file`` is the file's base name, ``source_path`` its path relative to the folder it
    was found in, ``source_record`` the record's number in a file of many, ``source_url`` the page's
    address)."""

    source_file: str
    text: str
    language: str
    published: date | None = None
    title: str | None = None
    body_start: int = 0
    identity: str = ""
    source_path: str = ""
    source_record: int | None = None
    source_url: str | None = None

    @property
    def key(self) -> str:
        """What tells this report from every other of a build: its path relative to the folder it
        was found in (``source_file`` is the base name, which two folders may share), and its record
        number in a file of many (``feed.jsonl#12``)."""
        return self.identity or self.source_file


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range of a report's text."""

    start: int
    end: int
    text: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of report text that names something or cues a fact.

    ``kind`` is one of the ``MentionKind`` values; ``value`` is what it means, normalised:
    the dictionary form of a name, a role or sector notation, an ISO country code, an ISO date.
    ``subtype`` refines the kind (``region``, ``city``, ``company``, ``university`` ...).
    """

    kind: str
    start: int
    end: int
    text: str
    value: str
    subtype: str | None = None
    extractor: str = ""


class JoinRule:
    """Why two names were taken for one entity; recorded on the evidence of each mention (``kg explain``)."""

    SAME_NAME = "same name"
    SAME_KEY = "same key"
    TRANSLITERATION = "transliteration"
    INITIAL = "initial matches given name"
    SURNAME = "surname of a full name"
    PATRONYMIC = "given name and patronymic of a full name"
    LONGER_NAME = "words of a longer name"
    SPELLING = "close spelling"
    SAME_MEETING = "same meeting, name in another case"
    CASE_FORM = "name in another case"
    GAZETTEER = "gazetteer entry"
    HEAD = "head word of a longer name"
    ORGANIZATION_KEY = "translated head word"
    ACRONYM = "acronym"
    STATE_LEFT_OUT = "name without its state"

    @staticmethod
    def name_part(value: str) -> str:
        return f"name:{value}"


class MentionKind:
    PERSON = "person"
    ROLE = "role"
    COUNTRY = "country"
    PLACE = "place"
    ORGANIZATION = "organization"
    SECTOR = "sector"
    DATE = "date"
    MEETING = "meeting"


# The subtype of a person a body is named after (Әл-Фараби атындағы университет, университет имени Абая).
EPONYM = "eponym"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact is stated: the report, the sentence and the span inside it."""

    source_file: str
    sentence: Span
    quote: Span


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Label:
    text: str
    language: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Entity:
    """One real person, place or organization, with every label the reports give it.

    ``key`` identifies it across reports and runs; ``kind`` is a ``MentionKind`` value and
    ``subtype`` the ontology class below it (``country``, ``region``, ``city``, ``company`` ...).
    """

    key: str
    kind: str
    labels: tuple[Label, ...]
    subtype: str | None = None
    country_code: str | None = None
    mentions: tuple[Mention, ...] = ()
    joins: tuple[tuple[str, str], ...] = ()
    """Why each part joined this entity: ``(JoinRule.name_part(value), rule)`` for a name a report
    wrote in another form than the entity's own, ``(key, rule)`` for another report's entity."""

    @property
    def name(self) -> str:
        return self.labels[0].text if self.labels else self.key

    def rule(self, part: str) -> str | None:
        """The rule that joined ``part`` (a per-report key or ``JoinRule.name_part(value)``), if any."""
        return next((rule for p, rule in self.joins if p == part), None)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Post:
    """A post a person holds, as one report states it."""

    holder: str
    role: str
    evidence: Evidence
    country: str | None = None
    accredited_to: str | None = None
    jurisdiction: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Topic:
    sector: str
    evidence: Evidence


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting the report says took place between named persons."""

    participants: tuple[str, ...]
    evidence: Evidence
    location: str | None = None
    date: PartialDate | None = None
    topics: tuple[Topic, ...] = ()


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read out of one report, with entity keys resolved within the report."""

    report: Report
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    posts: tuple[Post, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    sentences: tuple[Span, ...] = field(default=())

    def sentence_at(self, offset: int) -> Span:
        """The sentence that holds ``offset`` (or the offset itself, outside every sentence)."""
        lo, hi = 0, len(self.sentences) - 1
        if hi < 0 or offset < self.sentences[0].start:
            return Span(offset, offset, "")
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return self.sentences[lo]
