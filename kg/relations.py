"""Entities and mentions → relations: posts, meetings, their places, dates and topics.

Kazakh marks the relations of a post phrase with case endings: in ``Жапонияның Қазақстандағы
Елшісі Джун Ямада`` the genitive names the state the ambassador serves and the locative the
state he is accredited to; in ``Льеж провинциясының губернаторы`` the genitive names what the
governor governs. Meetings are read from sentences that say one took place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from kg.lexicon import Lexicon
from kg.model import Entity, Evidence, Meeting, Mention, MentionKind, PartialDate, Post, Report, Span, Topic
from kg.morphology import KK_GENITIVE
from kg.text import fold, sentences

LOCATIVE = re.compile(r"(?:дағы|дегі|тағы|тегі|ндағы|ндегі|да|де|та|те|нда|нде)$", re.IGNORECASE)
LOCATIVE_ADJ = re.compile(r"(?:дағы|дегі|тағы|тегі|ндағы|ндегі)$", re.IGNORECASE)
DATIVE = re.compile(r"(?:ға|ге|қа|ке|на|не)$", re.IGNORECASE)
INSTRUMENTAL = re.compile(r"(?:мен|бен|пен)$", re.IGNORECASE)
RU_GENITIVE_PLACE = re.compile(r"(?:ии|ы|а|я)$")
PARLIAMENT = re.compile(
    r"парламент|мәжіліс|мажилис|сенат|палата|хурал|меджлис|мәслихат|жиналыс|kurultai|parliament|senate", re.IGNORECASE)
MUNICIPAL = re.compile(r"муниципал|municipal|мэри|қаласы әкімдігі|city council|городск", re.IGNORECASE)
MINISTRY = re.compile(r"министрлі|министерств|ministry", re.IGNORECASE)
DATELINE = re.compile(r"^([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ-]{2,})[.,]")
TODAY = frozenset({"бүгін", "сегодня", "today"})
YESTERDAY = frozenset({"кеше", "вчера", "yesterday"})
DIPLOMATS = frozenset({"ambassador", "charge-daffaires", "consul-general", "consul", "honorary-consul", "diplomat"})
HEADS = frozenset({"head-of-state", "head-of-government"})
# A Kazakh- or Russian-language report is Kazakhstani press: an unqualified head of state is Kazakhstan's.
HOME_COUNTRY = {"kk": "KZ", "ru": "KZ"}
WINDOW = 12
# Russian and English: at most this many words between a post and the name (of X to Y, в Z).
PHRASE_WORDS = 20
IN_PREPOSITIONS = frozenset({"to", "in", "at", "в", "во", "при", "на"})


@dataclass
class _PostDraft:
    holder: str
    role: str
    evidence: Evidence
    country: str | None = None
    accredited_to: str | None = None
    jurisdiction: str | None = None


@dataclass
class _MeetingDraft:
    participants: list[str]
    sentences: list[int]
    evidence: Evidence
    location: str | None = None
    date: PartialDate | None = None
    topics: dict[str, Evidence] = field(default_factory=dict)


class Reader:
    """Relations of one report, from its mentions and resolved entities."""

    def __init__(self, report: Report, mentions: Sequence[Mention], entities: Sequence[Entity],
                 key_of: dict[Mention, str], lexicon: Lexicon, *, spans: Sequence[Span] | None = None) -> None:
        self.report = report
        self.mentions = list(mentions)
        self.entities = {e.key: e for e in entities}
        self.key_of = key_of
        self.lex = lexicon
        self.sentences = list(spans) if spans is not None else sentences(report.text, start=report.body_start)
        self._sentence_of: dict[Mention, int] = {m: self._sentence_index(m.start) for m in self.mentions}
        self.home = HOME_COUNTRY.get(report.language)

    # ------------------------------------------------------------ helpers

    def _sentence_index(self, offset: int) -> int:
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def _evidence(self, m: Mention, *, end: int | None = None) -> Evidence:
        s = self.sentences[self._sentence_of[m]] if self.sentences else Span(m.start, m.end, m.text)
        stop = max(m.end, end or m.end)
        return Evidence(self.report.source_file, s, Span(m.start, stop, self.report.text[m.start:stop]))

    def _in_sentence(self, index: int, kind: str | None = None) -> list[Mention]:
        return [m for m in self.mentions if self._sentence_of[m] == index and (kind is None or m.kind == kind)]

    def _entity(self, m: Mention) -> Entity | None:
        key = self.key_of.get(m)
        return self.entities.get(key) if key else None

    def _country_of(self, key: str | None) -> str | None:
        if key is None:
            return None
        e = self.entities.get(key)
        return e.country_code if e else None

    # ------------------------------------------------------------ posts

    def posts(self) -> list[_PostDraft]:
        out: list[_PostDraft] = []
        persons = [m for m in self.mentions if m.kind == MentionKind.PERSON]
        for p in persons:
            role = self._role_before(p)
            if role is None:
                continue
            window = self._window(role, p) if self.report.language == "kk" else self._phrase(role, p)
            draft = _PostDraft(self.key_of[p], role.value, self._evidence(role, end=p.end))
            if role.value in DIPLOMATS:
                self._diplomat(draft, window)
            else:
                self._official(draft, window, role)
            out.append(draft)
        return self._dedupe(out)

    def _role_before(self, p: Mention) -> Mention | None:
        roles = [m for m in self.mentions if m.kind == MentionKind.ROLE and m.end <= p.start
                 and self._sentence_of[m] == self._sentence_of[p]]
        if not roles:
            return None
        r = roles[-1]
        if self.report.language != "kk":
            between = [m for m in self.mentions if r.end <= m.start and m.end <= p.start
                       and m.kind in (MentionKind.PERSON, MentionKind.MEETING, MentionKind.DATE)]
            gap = self.report.text[r.end:p.start]
            return r if not between and len(gap.split()) <= PHRASE_WORDS and not re.search(r"[;:«»]", gap) else None
        gap = self.report.text[r.end:p.start]
        return r if len(gap) <= 12 and not re.search(r"[,;:()«»]", gap) and (
            not gap.strip() or all(w.lower() in ("мырза", "ханым", "господин", "mr", "mrs") for w in gap.split())) \
            else None

    def _window(self, role: Mention, person: Mention) -> list[Mention]:
        """Name mentions in the post phrase before the role word, back to the previous name or comma."""
        idx = self._sentence_of[role]
        before = [m for m in self.mentions if self._sentence_of[m] == idx and m.end <= role.start
                  and not self._nested(m)]
        out: list[Mention] = []
        for m in reversed(before):
            gap_text = self.report.text[m.end:(out[-1].start if out else role.start)]
            if m.kind == MentionKind.PERSON or re.search(r"[,;:—–]|\s-\s", gap_text) or len(out) >= 4:
                break
            last = m.text.split()[-1]
            if m.kind in (MentionKind.PLACE, MentionKind.ORGANIZATION) and self.report.language == "kk" and (
                    DATIVE.search(last) or (LOCATIVE.search(last) and not LOCATIVE_ADJ.search(last))):
                break
            if m.kind in (MentionKind.COUNTRY, MentionKind.PLACE, MentionKind.ORGANIZATION) and m in self.key_of:
                out.append(m)
            elif m.kind in (MentionKind.MEETING, MentionKind.DATE):
                break
        return out

    def _phrase(self, role: Mention, person: Mention) -> list[Mention]:
        """Russian and English post phrases: names between the post and the holder, and adjectives before it.

        The preposition before each name says its part: ``to``/``в`` the host, ``of``/genitive the state
        or body; a Kazakh-style case reading does not apply, so such names come back tagged by ``_via``.
        """
        idx = self._sentence_of[role]
        inside = [m for m in self.mentions if self._sentence_of[m] == idx and role.end <= m.start
                  and m.end <= person.start and not self._nested(m) and m in self.key_of
                  and m.kind in (MentionKind.COUNTRY, MentionKind.PLACE, MentionKind.ORGANIZATION)]
        before = [m for m in self.mentions if self._sentence_of[m] == idx and m.end <= role.start
                  and m.kind == MentionKind.COUNTRY and not self.report.text[m.end:role.start].strip()]
        return before[-1:] + inside

    def _via(self, m: Mention) -> str:
        """How a name attaches to a post: ``in`` (locative, or after to/in/в) or ``of``."""
        if self.report.language == "kk":
            last = m.text.split()[-1]
            return "in" if m.subtype == "home" or LOCATIVE.search(last) else "of"
        words = self.report.text[max(0, m.start - 12):m.start].split()
        return "in" if words and words[-1].lower() in IN_PREPOSITIONS else "of"

    def _nested(self, m: Mention) -> bool:
        """A name inside a longer name (Парламент Сенаты in Парламент Сенаты Аппараты)."""
        return m.kind in (MentionKind.COUNTRY, MentionKind.PLACE, MentionKind.ORGANIZATION) and any(
            o is not m and o.kind in (MentionKind.PLACE, MentionKind.ORGANIZATION) and o.start <= m.start
            and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in self.mentions)

    def _diplomat(self, d: _PostDraft, window: list[Mention]) -> None:
        for m in window:
            key = self.key_of[m]
            via = self._via(m)
            if m.kind == MentionKind.COUNTRY:
                if via == "in":
                    d.accredited_to = d.accredited_to or m.value
                else:
                    d.country = d.country or m.value
            elif via == "in" and self._country_of(key):
                d.accredited_to = d.accredited_to or self._country_of(key)

    def _official(self, d: _PostDraft, window: list[Mention], role: Mention) -> None:
        for i, m in enumerate(window):
            key = self.key_of[m]
            if m.kind == MentionKind.COUNTRY:
                d.country = d.country or m.value
            elif d.jurisdiction is None and (i == 0 or KK_GENITIVE.search(m.text) or self.report.language != "kk"):
                d.jurisdiction = key
                d.country = d.country or self._country_of(key)
        if d.jurisdiction is None:
            d.jurisdiction = self._head_anaphor(role)
            d.country = d.country or self._country_of(d.jurisdiction)
        if d.jurisdiction is None and d.role in ("minister", "deputy-minister"):
            d.jurisdiction = self._ministry_before(role)
        if d.jurisdiction is None and d.role in ("governor", "deputy-governor", "mayor", "deputy-mayor"):
            d.jurisdiction = self._main_place("city" if "mayor" in d.role else "region")
            d.country = d.country or self._country_of(d.jurisdiction)
        d.role = self._refine_role(d.role, d.jurisdiction)
        if d.country is None and d.role in HEADS and d.jurisdiction is None:
            d.country = self.home

    def _head_anaphor(self, role: Mention) -> str | None:
        """``Университеттің ... проректоры``: a bare head noun points back to the last body of its kind."""
        s = self.sentences[self._sentence_of[role]]
        words = self.report.text[s.start:role.start].split()
        heads = [h for h in self.lex.heads_for(self.report.language) if h.kind == "organization"]
        for w in words[:3]:
            clean_word = fold(w)
            head = next((h for h in heads if clean_word.startswith(fold(h.word)[:-1]) and len(h.word) > 4), None)
            if head is None:
                continue
            earlier = [m for m in self.mentions if m.kind == MentionKind.ORGANIZATION and m.end <= s.start
                       and m.subtype == head.subtype and m in self.key_of]
            if earlier:
                return self.key_of[earlier[-1]]
        return None

    def _ministry_before(self, role: Mention) -> str | None:
        """``Көлік вице-министрі``: the ministry whose name starts with the word before the role."""
        before = self.report.text[max(0, role.start - 40):role.start].split()
        if not before:
            return None
        word = fold(before[-1])
        for m in self.mentions:
            if m.kind == MentionKind.ORGANIZATION and MINISTRY.search(m.value) and fold(m.value).startswith(word[:4]):
                return self.key_of.get(m)
        return None

    def _main_place(self, subtype: str) -> str | None:
        counts = Counter(self.key_of[m] for m in self.mentions
                         if m.kind == MentionKind.PLACE and m.subtype == subtype and m in self.key_of)
        return counts.most_common(1)[0][0] if counts else None

    def _refine_role(self, role: str, jurisdiction: str | None) -> str:
        """The same word names different posts: a president of a municipal chamber is a mayor."""
        e = self.entities.get(jurisdiction) if jurisdiction else None
        if e is None:
            return role
        label = " ".join(lb.text for lb in e.labels)
        is_city = (e.kind == MentionKind.PLACE and e.subtype == "city") or bool(MUNICIPAL.search(label))
        if role in ("head-of-state", "governor", "official") and is_city:
            return "mayor"
        if role == "official" and e.kind == MentionKind.PLACE and e.subtype == "region":
            return "governor"
        if role == "deputy-governor" and is_city:
            return "deputy-mayor"
        if role == "head-of-state" and e.kind == MentionKind.ORGANIZATION:
            return {"university": "rector", "company": "executive"}.get(e.subtype or "", "official")
        head_word = e.labels[0].text.split()[-1] if e.labels else ""
        if role == "official" and e.kind == MentionKind.ORGANIZATION and PARLIAMENT.search(head_word):
            return "parliamentarian"
        if role == "official" and e.kind == MentionKind.ORGANIZATION and e.subtype == "company":
            return "executive"
        return role

    @staticmethod
    def _dedupe(drafts: list[_PostDraft]) -> list[_PostDraft]:
        """One post per holder and role, the fields of all its statements filled in."""
        merged: dict[tuple[str, str], _PostDraft] = {}
        for d in drafts:
            key = (d.holder, d.role)
            if key not in merged:
                merged[key] = d
            else:
                m = merged[key]
                m.country = m.country or d.country
                m.accredited_to = m.accredited_to or d.accredited_to
                m.jurisdiction = m.jurisdiction or d.jurisdiction
        return list(merged.values())

    # ------------------------------------------------------------ meetings

    def meetings(self, posts: list[_PostDraft]) -> list[_MeetingDraft]:
        role_of: dict[str, str] = {}
        for p in posts:
            role_of.setdefault(p.holder, p.role)
        protagonist = next((p.holder for p in posts if p.role in DIPLOMATS), None)
        if protagonist is None and posts:
            protagonist = posts[0].holder
        out: list[_MeetingDraft] = []
        cue_sentences = sorted({self._sentence_of[m] for m in self.mentions
                                if m.kind == MentionKind.MEETING and m.value == "meeting"})
        for idx in cue_sentences:
            cue = next(m for m in self._in_sentence(idx, MentionKind.MEETING) if m.value == "meeting")
            people: list[str] = []
            inflected = 0
            for m in self._in_sentence(idx, MentionKind.PERSON):
                key = self.key_of[m]
                if (KK_GENITIVE.search(m.text) and role_of.get(key) in HEADS) or self._aside(m):
                    continue
                if m.text.split()[-1] != m.value.split()[-1]:
                    inflected += 1
                if key not in people:
                    people.append(key)
            for r in self._in_sentence(idx, MentionKind.ROLE):
                if self._named_after(r):
                    continue
                holder = self._earlier_holder(r, posts)
                if holder and holder not in people:
                    people.append(holder)
            implicit_subject = self.report.language == "kk" and people and inflected == len(people)
            if (len(people) == 1 or implicit_subject) and protagonist and protagonist not in people:
                people.insert(0, protagonist)
            if len(people) < 2:
                if (out and not people) or (out and people and set(people) <= set(out[-1].participants)):
                    out[-1].sentences.append(idx)
                continue
            target = next((d for d in out if set(people) <= set(d.participants)
                           or len(set(people) & set(d.participants)) >= 2), None)
            if target:
                target.participants.extend(p for p in people if p not in target.participants)
                target.sentences.append(idx)
            else:
                out.append(_MeetingDraft(people, [idx], self._evidence(cue)))
        self._visits(out, posts, protagonist)
        for d in out:
            d.location = self._location(d, posts)
            d.date = self._date(d)
        self._topics(out)
        return out

    def _visits(self, out: list[_MeetingDraft], posts: list[_PostDraft], protagonist: str | None) -> None:
        """A visit to a body followed by words of its head is a meeting with that head."""
        if protagonist is None:
            return
        met = {p for d in out for p in d.participants}
        visits = sorted({self._sentence_of[m] for m in self.mentions if m.kind == MentionKind.MEETING
                         and m.value == "visit"})
        for idx in visits:
            places = {self.key_of[m] for m in self._in_sentence(idx) if m in self.key_of
                      and m.kind in (MentionKind.ORGANIZATION, MentionKind.PLACE)}
            for p in posts:
                if p.holder in met or p.holder == protagonist or p.jurisdiction not in places or p.role in DIPLOMATS:
                    continue
                said = [m for m in self.mentions if self.key_of.get(m) == p.holder
                        and idx <= self._sentence_of[m] <= idx + 1]
                if said:
                    cue = next(m for m in self._in_sentence(idx, MentionKind.MEETING) if m.value == "visit")
                    out.append(_MeetingDraft([protagonist, p.holder], [idx, self._sentence_of[said[0]]],
                                             self._evidence(cue, end=said[0].end)))
                    met.add(p.holder)

    def _aside(self, m: Mention) -> bool:
        """A credit in slashes or brackets, or a name an institution bears (Уәлиханов атындағы)."""
        before = self.report.text[max(0, m.start - 2):m.start]
        after = self.report.text[m.end:m.end + 12].lower()
        return "/" in before or "(" in before or after.lstrip().startswith(("атындағы", "имени", "/", ")"))

    def _earlier_holder(self, role: Mention, posts: list[_PostDraft]) -> str | None:
        """The person a bare post word (Елші, Губернатор) refers back to: one named before it."""
        for p in posts:
            if p.role != role.value:
                continue
            if any(self.key_of.get(m) == p.holder and m.start < role.start for m in self.mentions):
                return p.holder
        return None

    def _named_after(self, role: Mention) -> bool:
        return any(m.kind == MentionKind.PERSON and 0 <= m.start - role.end <= 12 for m in self.mentions)

    def _location(self, d: _MeetingDraft, posts: list[_PostDraft]) -> str | None:
        roles_windows = {id(m) for p in self.mentions if p.kind == MentionKind.PERSON
                         for r in [self._role_before(p)] if r for m in self._window(r, p)}
        for idx in d.sentences:
            for m in self._in_sentence(idx, MentionKind.PLACE):
                last = m.text.split()[-1]
                if id(m) not in roles_windows and LOCATIVE.search(last) and not LOCATIVE_ADJ.search(last):
                    return self.key_of.get(m)
        first = min(d.sentences)
        for idx in range(first, max(-1, first - 3), -1):
            if not any(m.value == "visit" for m in self._in_sentence(idx, MentionKind.MEETING)):
                continue
            for m in self._in_sentence(idx, MentionKind.PLACE) + self._in_sentence(idx, MentionKind.ORGANIZATION):
                last = m.text.split()[-1]
                if DATIVE.search(last) or (self.report.language != "kk" and id(m) not in roles_windows):
                    return self.key_of.get(m)
        holders = set(d.participants)
        hosts = [p.jurisdiction for p in posts if p.holder in holders and p.role not in DIPLOMATS and p.jurisdiction]
        host_places = [k for k in hosts if k.startswith("place:")]
        if host_places:
            return host_places[0]
        dateline = self._dateline_place()
        host_country = next((p.accredited_to for p in posts if p.holder in holders and p.role in DIPLOMATS
                             and p.accredited_to), self.home)
        if dateline and self._country_of(dateline) in (None, host_country):
            return dateline
        return hosts[0] if hosts else None

    def _dateline_place(self) -> str | None:
        for s in self.sentences[:6]:
            m = DATELINE.match(s.text)
            if not m:
                continue
            key = self.lex.place_named(m.group(1))
            if key:
                return f"place:{key}"
        return None

    def _date(self, d: _MeetingDraft) -> PartialDate | None:
        published = self.report.published
        candidates = list(d.sentences) + [i for i in range(min(d.sentences) - 1, max(-1, min(d.sentences) - 3), -1)
                                          if any(m.value == "visit" for m in self._in_sentence(i, MentionKind.MEETING))]
        for idx in candidates:
            for m in self._in_sentence(idx, MentionKind.DATE):
                pd = self._resolve_date(m.value, published)
                if pd:
                    return pd
            words = {fold(w) for w in self.sentences[idx].text.split()[:3]} if self.sentences else set()
            if published and words & TODAY:
                return PartialDate(published.year, published.month, published.day)
            if published and words & YESTERDAY:
                y = published - timedelta(days=1)
                return PartialDate(y.year, y.month, y.day)
        if published:
            return PartialDate(published.year, published.month, published.day)
        return None

    @staticmethod
    def _resolve_date(value: str, published: date | None) -> PartialDate | None:
        if not value.startswith("--"):
            y, mo, da = (int(x) for x in value.split("-"))
            return PartialDate(y, mo, da)
        if published is None:
            return None
        mo, da = (int(x) for x in value[2:].split("-"))
        year = published.year
        try:
            if date(year, mo, da) > published + timedelta(days=7):
                year -= 1
            date(year, mo, da)
        except ValueError:
            return None
        return PartialDate(year, mo, da)

    def _topics(self, meetings: list[_MeetingDraft]) -> None:
        if not meetings:
            return
        first = min(min(d.sentences) for d in meetings)
        talk = {i for i in range(len(self.sentences)) if self._is_talk(i)}
        for m in self.mentions:
            if m.kind != MentionKind.SECTOR:
                continue
            idx = self._sentence_of[m]
            if idx not in talk or idx < first - 2:
                continue
            owner = max((d for d in meetings if min(d.sentences) <= idx), key=lambda d: min(d.sentences),
                        default=meetings[0])
            owner.topics.setdefault(m.value, self._evidence(m))

    def _is_talk(self, index: int) -> bool:
        """A sentence about the talks: it says a meeting took place, or uses a word of discussion."""
        if any(m.kind == MentionKind.MEETING for m in self._in_sentence(index)):
            return True
        words = self.sentences[index].text.split()
        return any(self.lex.is_word(w.strip(".,;:«»\"()"), "discussion", self.report.language) for w in words)

    # ------------------------------------------------------------ countries left open

    def infer_countries(self, posts: list[_PostDraft], meetings: list[_MeetingDraft]) -> None:
        """Fill the states a report leaves implicit: the host of a diplomat, the state of a foreign official."""
        counts = Counter(m.value for m in self.mentions if m.kind == MentionKind.COUNTRY and m.subtype != "home")
        foreign = [c for c, _ in counts.most_common() if c != self.home]
        for p in posts:
            if p.role not in DIPLOMATS:
                continue
            if p.accredited_to is None:
                p.accredited_to = self.home if p.country and p.country != self.home else (
                    foreign[0] if foreign else None)
            if p.country is None:
                p.country = self.home if p.accredited_to and p.accredited_to != self.home else (
                    foreign[0] if foreign else None)
        by_holder: dict[str, list[_PostDraft]] = {}
        for p in posts:
            by_holder.setdefault(p.holder, []).append(p)
        for p in posts:
            if p.country is not None or p.role in DIPLOMATS:
                continue
            for d in meetings:
                if p.holder not in d.participants:
                    continue
                for other in d.participants:
                    for q in by_holder.get(other, []):
                        if q.role in DIPLOMATS and q.country and q.accredited_to:
                            p.country = q.accredited_to
                if p.country:
                    break


def relate(report: Report, mentions: Sequence[Mention], entities: Sequence[Entity], key_of: dict[Mention, str],
           lexicon: Lexicon, *, sentences: Sequence[Span] | None = None
           ) -> tuple[tuple[Post, ...], tuple[Meeting, ...]]:
    """Posts and meetings of one report."""
    reader = Reader(report, mentions, entities, key_of, lexicon, spans=sentences)
    drafts = reader.posts()
    meeting_drafts = reader.meetings(drafts)
    reader.infer_countries(drafts, meeting_drafts)
    posts = tuple(Post(holder=d.holder, role=d.role, evidence=d.evidence, country=d.country,
                       accredited_to=d.accredited_to, jurisdiction=d.jurisdiction) for d in drafts)
    meetings = tuple(Meeting(participants=tuple(d.participants), evidence=d.evidence, location=d.location,
                             date=d.date, topics=tuple(Topic(s, ev) for s, ev in d.topics.items()))
                     for d in meeting_drafts)
    return posts, meetings
