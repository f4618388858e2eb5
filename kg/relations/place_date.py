"""Where and when each meeting took place: a locative in its sentences, the visited place, the
host's jurisdiction or the dateline; a date in its sentences, a day word (yesterday, on Monday) read
from the publication date, or the publication date. A meeting told as one more (also met) on the same
trip takes the place and date of the one before where it gives none."""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.lang import Case, DayKind, DayWord, Language, word_key
from kg.model import Mention, MentionKind, PartialDate
from kg.relations.posts import case_window, phrase_window, role_before, via
from kg.relations.state import DIPLOMATS, OF, MeetingDraft, State
from kg.reports import DATELINE_PLACE

# A dateline in capitals, a full stop, a comma or a dash after it (ASTANA. ..., АСТАНА, ..., NEW YORK – ...).
DATELINE = re.compile(
    r"^([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ-]{2,}(?: [A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ-]+)?)(?:[.,]|\s+[–—-]\s)")
# A dateline in running case: a place, a comma and the day, the year first, or the month (Баку, 30 ноября; Paris,
# 3 March; Аддис-Абеба, 2024 жылғы 21 қараша; Ankara, October 8, 2025).
DATED_LINE = re.compile(
    rf"^({DATELINE_PLACE}),\s+"
    r"(?:\d{1,2}|(?:19|20)\d\d|[A-Z][a-z]{2,8}\.?\s+\d{1,2})\b")
# At most this many words (a preposition, an article) between the person met and where.
MET_IN_WORDS = 2
# How many sentences before a meeting a visit sentence may set its place and date.
VISIT_REACH = 2
# Words after a place in the locative attribute (Токиодағы) within which the venue it holds stands (елшілігінде).
VENUE_WORDS = 4
# A date a week past the publication date belongs to the year before.
FUTURE_SLACK = timedelta(days=7)


def read_places_and_dates(s: State) -> None:
    windows = _post_windows(s)
    visitors = frozenset().union(*s.delegations.values())  # (the meetings pass read them)
    told: MeetingDraft | None = None  # the meeting told before
    dateline = _dateline_mention(s)
    undated = _undated(s, dateline)
    # the day year-less dates and day words are read from: the publication date, else the dateline's day
    day = s.report.published or (date(undated.year, undated.month, undated.day)
                                 if undated is not None and undated.day is not None else None)
    # with neither, the last day of the year of the first date the text writes with one, so that a date with no year
    # is in that year (2024 жылғы 3-7 маусым ... 4 маусымда)
    year = _written_year(s) if day is None else None
    year_end = date(year, 12, 31) if year is not None else None
    first: PartialDate | None = None  # the first meeting's day: a trip's first day
    for d in sorted(s.meetings, key=lambda d: min(d.sentences)):
        # Сондай-ақ Елші ... кездесті / Также посол встретился / The Ambassador also met: on the same trip
        # ... or a day told from the meeting before (сол күні, the next day): on the same trip too
        also = told is not None and (s.has_word(min(d.sentences), "also") or _days_after(
            s.language, [t.text for t in s.sentence_tokens(min(d.sentences))]) is not None)
        d.location = _location(s, d, windows, visitors)
        if d.location is None and not _called(s, d):
            d.location = (told.location if also and told else None) or _series_place(s, d, windows) or \
                _title_place(s, windows) or _default_location(s, d, visitors)
        before = told.date if told else _last_date_before(s, min(d.sentences), dateline, day or year_end)
        stated = _stated_date(s, d, day, dateline, before, first, year_end)
        d.date = stated or (told.date if told else None) or undated
        first = first or (d.date if d.date is not None and d.date.day is not None else None)
        told = d


def _post_windows(s: State) -> set[int]:
    """The mentions that belong to post phrases: they say whom a post serves, not where a meeting was."""
    out: set[int] = set()
    for p in s.mentions:
        if p.kind != MentionKind.PERSON:
            continue
        r = role_before(s, p)
        if r is None:
            continue
        window = case_window(s, r) if s.language.marks_case else phrase_window(s, r, p)
        out.update(id(m) for m in window)
    return out


def _visit_sentences(s: State, d: MeetingDraft, reach: int | None = VISIT_REACH) -> list[int]:
    """The sentences of a visit from the meeting's first back, ``reach`` sentences at most (None: to the first)."""
    first = min(d.sentences)
    stop = -1 if reach is None else max(-1, first - reach - 1)
    return [i for i in range(first, stop, -1) if any(m.value == "visit" for m in s.in_sentence(i, MentionKind.MEETING))]


def _location(s: State, d: MeetingDraft, windows: set[int], visitors: frozenset[str]) -> str | None:
    for idx in d.sentences:
        if idx != d.sentences[0] and s.has_word(idx, "planned"):
            continue  # Тараптар келесі жылы Астанада консультациялар өткізуге келісті: where talks are to be held
        for m in s.in_sentence(idx, MentionKind.PLACE):
            if id(m) not in windows and (_held_at(s, m, idx) or (
                    _met_at(s, m, idx) if s.language.marks_case else _where_met(s, m))):
                return _visited_key(s, m)
        for m in s.in_sentence(idx, MentionKind.ORGANIZATION):
            if id(m) not in windows and not s.nested(m) and (_held_at(s, m, idx, fronted=True) or (
                    not s.language.marks_case and via(s, m) == "in" and _where_met(s, m))):
                return s.key_of.get(m)  # the body the meeting was held in (в Палате ... состоялась встреча)
    if _called(s, d):
        return None  # a phone call or a video call is held nowhere a report need say
    for idx in _visit_sentences(s, d):
        for m in s.in_sentence(idx, MentionKind.PLACE) + s.in_sentence(idx, MentionKind.ORGANIZATION):
            # a visit to a place (Миланға барды), or in one (Милан қаласында болды)
            if s.language.has_case(s.last_word(m), Case.DATIVE) or (
                    m.kind == MentionKind.PLACE and id(m) not in windows and _visited_in(s, m, idx)) or (
                    not s.language.marks_case and id(m) not in windows and _where_met(s, m)):
                # a visit to a region, a meeting with the mayor of a town: the town
                town = next((k for k in _hosts(s, d, visitors) if _subtype(s, k) == "city"), None)
                key = _visited_key(s, m)
                return town if town and _subtype(s, key) == "region" else key
    # an event held in a place just before, within which the meeting took place (Астанада бизнес-форум өтті. Форум
    # аясында ... кездесу өткізді)
    for idx in _event_sentences(s, d, titles=True):
        for m in s.in_sentence(idx, MentionKind.PLACE):
            if id(m) not in windows and _held_at(s, m, idx, noun=False):
                return s.key_of.get(m)
    host_places = [k for k in _hosts(s, d, visitors) if k.startswith("place:")]
    # a visit to a foreign state: a place of its officials before one of the visitors' (посетила Республику Корея,
    # где провела встречи с губернатором провинции X)
    visited = _visited_states(s, _visit_sentences(s, d), windows)
    if visited:
        host_places.sort(key=lambda k: 0 if s.country_of(k) in visited else 1 if s.country_of(k) is None else 2)
    return host_places[0] if host_places else None


def _visited_key(s: State, m: Mention) -> str | None:
    """The key of what a place or body found as the meeting's names: a town in the name of a body visited is the
    body's (посетил Федеральный университет Параны, visited the Governorate of Ankara), the longest one that holds
    it; not a town after "in" (the Embassy in Rome)."""
    if m.kind != MentionKind.PLACE or via(s, m) == "in":
        return s.key_of.get(m)
    bodies = [o for o in s.in_sentence(s.sentence_of[m], MentionKind.ORGANIZATION)
              if o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start]
    return s.key_of.get(max(bodies, key=lambda o: o.end - o.start, default=m))


def _hosts(s: State, d: MeetingDraft, visitors: frozenset[str]) -> list[str]:
    """What those who took part and are no diplomats govern or head: places and bodies; not those of a visiting
    delegation's leader or members, ``visitors`` (the region a delegation comes from)."""
    holders = set(d.participants) - visitors
    return [p.jurisdiction for p in s.posts if p.holder in holders and p.role not in DIPLOMATS and p.jurisdiction]


def _called(s: State, d: MeetingDraft) -> bool:
    """Was the meeting a phone or video call?"""
    return any(s.has_word(idx, "call") for idx in d.sentences)


def _series_place(s: State, d: MeetingDraft, windows: set[int]) -> str | None:
    """Where a series of meetings told before the meeting was held, the nearest such sentence (провёл в Стамбуле
    серию встреч, held a series of meetings in Istanbul, Стамбулда бірқатар кездесулер өткізді): the place of each
    meeting of it whose own sentences name none."""
    for idx in range(min(d.sentences) - 1, -1, -1):
        if s.several(idx):
            return next((s.key_of.get(m) for m in s.in_sentence(idx, MentionKind.PLACE)
                         if id(m) not in windows and _held_at(s, m, idx)), None)
    return None


def _title_place(s: State, windows: set[int]) -> str | None:
    """Where the report's title says its meeting took place (Астанада ... кездесу өтті, В Риме прошла встреча, Kazakh
    Ambassador Meets Mayor in Rome): the place of a meeting its text leaves open."""
    opening = s.opening
    for idx in range(opening or 0):
        for m in s.in_sentence(idx, MentionKind.PLACE):
            if id(m) not in windows and (_held_at(s, m, idx) or (
                    _met_at(s, m, idx) if s.language.marks_case else _where_met(s, m))):
                return _visited_key(s, m)
    return None


def _default_location(s: State, d: MeetingDraft, visitors: frozenset[str]) -> str | None:
    """Where a meeting took place that its sentences, the visit and the hosts' places leave open: the dateline, or a
    body one who took part heads."""
    holders = set(d.participants)
    envoys_host = next((p.accredited_to for p in s.posts if p.holder in holders and p.role in DIPLOMATS
                        and p.accredited_to), None)
    host_country = envoys_host or s.home
    dateline = _dateline_place(s)
    # a foreign state a visit told before went to (a delegation is paying a visit to Türkiye)
    visited = _visited_states(s, _visit_sentences(s, d, reach=None))
    # the dateline, in the host state of a diplomat who took part; with none, in the state of one who took part, or
    # in the state visited
    sides = {p.country for p in s.posts if p.holder in holders and p.country} if envoys_host is None else set()
    if dateline and (s.country_of(dateline) in (None, host_country) or s.country_of(dateline) in sides | visited):
        return dateline
    # the town of a consulate (Consul General in Dubai), where its head took part with no word of going elsewhere
    seat = _seat(s, d)
    if seat is not None and not visited:
        return seat
    # a body one of them heads, not one known to be in another state than the one visited; not a company a
    # delegation's member comes from
    bodies = [k for k in _hosts(s, d, visitors) if ((e := s.entity(k)) is None or e.subtype != "company") and (
        not visited or s.country_of(k) in (*visited, None))]
    states = {c for p in s.posts if p.holder in holders for c in (p.country, p.accredited_to)} | {s.home}
    if dateline and not visited and s.country_of(dateline) not in states:
        # a third state's dateline, no visit told: where the sides met (on the sidelines of a session in New York),
        # not the seat of one side's body in its own state
        return dateline
    if bodies:
        # rather than a body one of them heads, the place where something the report told before was held (Доха
        # қаласында ... дөңгелек үстел өтті. Дөңгелек үстелден кейін ... кездесті)
        return _held_before(s, d) or bodies[0]
    return None


def _held_before(s: State, d: MeetingDraft) -> str | None:
    """The place of the last thing held that the sentences before the meeting's first tell (its title's too)."""
    for idx in range(min(d.sentences) - 1, -1, -1):
        for m in reversed(s.in_sentence(idx, MentionKind.PLACE)):
            if _held_at(s, m, idx, noun=False):
                return s.key_of.get(m)
    return None


def _seat(s: State, d: MeetingDraft) -> str | None:
    """The town a diplomat who took part serves in, as the phrase of his post names it (Генеральный консул в Дубае,
    Қазақстанның Франкфурттағы Бас консулы)."""
    holders = set(d.participants)
    for p in s.mentions:
        if p.kind != MentionKind.PERSON or s.key_of.get(p) not in holders:
            continue
        r = role_before(s, p)
        if r is None or r.value not in DIPLOMATS:
            continue
        window = case_window(s, r) if s.language.marks_case else phrase_window(s, r, p)
        town = next((k for m in window if m.kind == MentionKind.PLACE and _subtype(s, k := s.key_of.get(m)) == "city"),
                    None)
        if town is not None:
            return town
    return None


def _visited_states(s: State, sentences: list[int], windows: set[int] | frozenset[int] = frozenset()) -> set[str]:
    """The foreign states that visit ``sentences`` name, but in a post's phrase (``windows``)."""
    return {m.value for idx in sentences for m in s.in_sentence(idx, MentionKind.COUNTRY)
            if id(m) not in windows and m.value != s.home}


def _subtype(s: State, key: str | None) -> str | None:
    e = s.entity(key)
    return e.subtype if e is not None and e.kind == MentionKind.PLACE else None


def _visited_in(s: State, m: Mention, idx: int) -> bool:
    """``Милан қаласында жұмыс сапарында болды``: a place in the locative before the word of the visit."""
    return s.language.has_case(s.last_word(m), Case.LOCATIVE) and any(
        c.value == "visit" and c.start >= m.end for c in s.in_sentence(idx, MentionKind.MEETING))


def _held_at(s: State, m: Mention, idx: int, *, noun: bool = True, fronted: bool = False) -> bool:
    """Is ``m`` where the meeting named by its noun was held: in the place, with no other name between it and
    the verb of holding (Встреча прошла в здании администрации в Риме, Кездесу Римде өтті, The meeting was held
    in Rome; not the meeting held in the Office of the Governor pertained to work in Aktau)? Without ``noun``,
    where anything was held (Астанада бизнес-форум өтті). With ``fronted``, the place may also stand before the verb
    (в Палате ... состоялась встреча)."""
    if via(s, m) != "in" or (noun and not any(s.meeting_noun(c) for c in s.in_sentence(idx, MentionKind.MEETING))):
        return False
    holds = [start for start, _ in s.word_spans(idx, "hold")]
    # a state's name or a sector's word may qualify what was held (Қазақстан-Жапония бизнес-форумы), not a name
    other = (MentionKind.MEETING,) if noun else (MentionKind.MEETING, MentionKind.COUNTRY, MentionKind.SECTOR)
    # (the place's own short name in brackets is no other name: в Федерации ... (FIEP) состоялась встреча)
    names = [c for c in s.in_sentence(idx) if c is not m and c.kind not in other and not s.nested(c)
             and s.key_of.get(c, c) != s.key_of.get(m)]
    # where case endings mark the place, the verb ends the clause after it (Кездесу Римде өтті; not Кездесу
    # соңында ... атап өтті, оның ішінде Қонаев қаласында ...); elsewhere the place follows the verb
    # (an event's place may stand before its verb in any language: в Алматы прошел форум)
    ordered = [h for h in holds if (m.end <= h if s.language.marks_case else h <= m.start or not noun or fronted)]
    return any(not any(min(h, m.start) <= c.start < max(h, m.end) for c in names) for h in ordered)


def _met_at(s: State, m: Mention, idx: int) -> bool:
    """``Павлодар қаласында кездесті``: a place in the locative before a word of meeting, where the verb
    ends the clause; one after it (Кездесу соңында ... Қонаев қаласында аймақ құру) is where something
    else is to happen. Or the town of the venue in the locative after it (Токиодағы Қазақстан елшілігінде)."""
    if not any(c.start >= m.end for c in s.in_sentence(idx, MentionKind.MEETING)):
        return False
    word = s.last_word(m)
    return s.language.has_case(word, Case.LOCATIVE) or (
        s.language.has_case(word, Case.LOCATIVE_ATTRIBUTE) and _venue_after(s, m, idx))


def _venue_after(s: State, m: Mention, idx: int) -> bool:
    """Does a word in the locative follow the place within ``VENUE_WORDS`` words, no person named between: the
    venue the place holds (Токиодағы Қазақстан елшілігінде, Анкарадағы министрлікте)?"""
    sentence = s.sentences[idx]
    after = [t for t in s.sentence_tokens(idx) if sentence.start + t.start >= m.end][:VENUE_WORDS]
    for t in after:
        if any(p.start <= sentence.start + t.start < p.end for p in s.in_sentence(idx, MentionKind.PERSON)):
            return False
        if s.language.has_case(t.text, Case.LOCATIVE):
            return True
    return False


def _where_met(s: State, m: Mention) -> bool:
    """``В Анкаре посол встретился`` / ``met the mayor in Izmir``: a place after ``in`` before the
    word of meeting, or right after it or the person met; one further on is where something else
    happened (work done in Aktau, a forum to come in Orenburg)."""
    sentence = s.in_sentence(s.sentence_of[m])
    before = [c for c in sentence if c.end <= m.start and not s.nested(c)]
    between = [w for w in s.text[before[-1].end:m.start].replace(",", " ").lower().split()
               if w not in s.language.determiners and w not in s.language.place_classes and w != OF] if before else []
    right_after = bool(before) and before[-1].kind in (MentionKind.PERSON, MentionKind.MEETING, MentionKind.DATE) \
        and len(between) <= MET_IN_WORDS
    if via(s, m) != "in":
        # ``visited the Governorate of Ankara``: the object of a verb of visit.
        return right_after and before[-1].kind == MentionKind.MEETING and before[-1].value != "group"
    # met X, Chairman of ABC Corporation, in Houston: past the apposition that a comma closes
    gap = s.text[before[-1].end:m.start].split() if before else []
    after_apposition = gap[:1] == [","] and all(
        w.lower() in s.language.in_prepositions or w.lower() in s.language.determiners for w in gap[1:]) and any(
        c.kind == MentionKind.MEETING for c in before)
    return right_after or after_apposition or any(c.kind == MentionKind.MEETING and c.start > m.end for c in sentence)


def _dateline_place(s: State) -> str | None:
    for sentence in s.sentences[:6]:
        m = DATELINE.match(sentence.text) or DATED_LINE.match(sentence.text)
        if not m:
            continue
        key = s.lex.place_named(m.group(1))
        if key and s.entity(f"place:{key}") is not None:  # (not a line of clutter, where no place is named)
            return f"place:{key}"
    return None


def _stated_date(s: State, d: MeetingDraft, published: date | None, dateline: Mention | None,
                 told: PartialDate | None = None, first: PartialDate | None = None,
                 year_end: date | None = None) -> PartialDate | None:
    """The first date its sentences give, then its visit sentences'.

    In a sentence a written date comes first (one with no year in the year ``year_end`` ends, where nothing gives
    ``published``), then a day word (yesterday, on Monday) read from ``published`` (the publication date, or the
    dateline's day), or from the meeting told before (the next day). The ``dateline``'s date is the report's, not one
    the text gives the meeting.
    """
    candidates = list(d.sentences) + [i for i in _visit_sentences(s, d) if i not in d.sentences]
    candidates += [i for i in _event_sentences(s, d) if i not in candidates]  # (no title's day: it dates the report)
    for idx in candidates:
        for m in s.in_sentence(idx, MentionKind.DATE):
            if m is dateline:
                continue  # the report's date, not one the text gives the meeting (Каир, 21 ноября – ... 19 ноября)
            if idx != d.sentences[0] and published and _ahead(m.value, published):
                continue  # a day ahead in the year, in what the sides discussed (summit to be held in November)
            pd = resolve_date(m.value, published or year_end)
            if pd and published and pd.day is not None and date(pd.year, pd.month, pd.day) > published:
                continue  # after the report's day: an event ahead (в преддверии заседания 4 июля), no meeting told
            if pd:
                return pd
        words = [t.text for t in s.sentence_tokens(idx)]
        if (trip_day := _trip_day(s, words, first)) is not None:
            return trip_day
        if told is not None and told.day is not None:  # a day after the meeting told before (the next day)
            after = _days_after(s.language, words)
            if after is not None:
                day = date(told.year, told.month, told.day) + timedelta(days=after)
                return PartialDate(day.year, day.month, day.day)
        if published and s.sentences:
            day = day_word_date(s.language, words, published)
            if day:
                return PartialDate(day.year, day.month, day.day)
    return None


def _last_date_before(s: State, idx: int, dateline: Mention | None, published: date | None) -> PartialDate | None:
    """The last day the text writes before sentence ``idx`` (not the dateline's): what a day told from the one before
    is told from where no meeting was told before it (On September 30 the consulate opened. The same day ...)."""
    for m in reversed([m for m in s.mentions if m.kind == MentionKind.DATE and m is not dateline
                       and s.sentence_of.get(m, idx) < idx]):
        if (pd := resolve_date(m.value, published)) is not None and pd.day is not None:
            return pd
    return None


def _written_year(s: State) -> int | None:
    """The year of the first date the text writes with its year."""
    return next((int(m.value[:4]) for m in s.mentions if m.kind == MentionKind.DATE and not m.value.startswith("--")),
                None)


def _undated(s: State, dateline: Mention | None) -> PartialDate | None:
    """The date of a meeting the text gives none for: the dateline's (``dateline``: its date mention), else the
    publication date."""
    published = s.report.published
    return _dateline_date(s, dateline) or (
        PartialDate(published.year, published.month, published.day) if published else None)


def _dateline_date(s: State, dateline: Mention | None) -> PartialDate | None:
    """The day in the place and date that open the first sentence (``dateline``, its date: Каир, 21 ноября 2024
    года – Посол ...), which a line of publication before it does not override (Опубликовано: 12.03.2025 / Люблин,
    11 марта 2025 г. ...); else the day the report opens with, before anyone or any meeting is named (РИМ, 14 мая.)."""
    pd = resolve_date(dateline.value, s.report.published) if dateline is not None else None
    if pd is not None and pd.day is not None:
        return pd
    for idx in range(len(s.sentences)):
        if any(m.kind in (MentionKind.PERSON, MentionKind.ROLE, MentionKind.MEETING) for m in s.in_sentence(idx)):
            break
        for m in s.in_sentence(idx, MentionKind.DATE):
            pd = resolve_date(m.value, s.report.published)
            if pd and pd.day is not None:
                return pd
    return None


def _dateline_mention(s: State) -> Mention | None:
    """The date of a dateline that opens the first sentence after the title: a place, a comma and the day (Каир,
    21 ноября ...)."""
    opening = s.opening
    if opening is None:
        return None
    first = s.sentences[opening]
    line = DATED_LINE.match(first.text)
    if line is None:
        return None
    day = first.start + line.end()
    return next((m for m in s.in_sentence(opening, MentionKind.DATE) if m.start < day <= m.end), None)


def day_word_date(language: Language, words: list[str], published: date) -> date | None:
    """The day the first day word among ``words`` names: an offset from ``published``, or the last
    such weekday on or before it."""
    day = _day_word(language, words, (DayKind.OFFSET, DayKind.WEEKDAY))
    if day is None:
        return None
    if day.kind is DayKind.OFFSET:
        return published + timedelta(days=day.value)
    return published - timedelta(days=(published.weekday() - day.value) % 7)


def _trip_day(s: State, words: list[str], first: PartialDate | None) -> PartialDate | None:
    """``Сапардың екінші күні``, во второй день визита, on the second day of the visit: so many days after the day of
    the first meeting told, a trip's first day."""
    if first is None or first.year is None or first.month is None or first.day is None:
        return None
    day = _day_word(s.language, words, (DayKind.TRIP,))
    if day is None:
        return None
    when = date(first.year, first.month, first.day) + timedelta(days=day.value - 1)
    return PartialDate(when.year, when.month, when.day)


def _days_after(language: Language, words: list[str]) -> int | None:
    """The days a phrase among ``words`` puts after the meeting told before (the next day: 1)."""
    day = _day_word(language, words, (DayKind.AFTER,))
    return day.value if day is not None else None


def _day_word(language: Language, words: list[str], kinds: tuple[DayKind, ...]) -> DayWord | None:
    """The first of the language's day words of one of ``kinds`` among ``words``, the longest at a place."""
    days = [day for day in language.days if day.kind in kinds]
    firsts = {day.words[0] for day in days}
    forms: dict[int, set[str]] = {}

    def forms_of(i: int) -> set[str]:  # what ``Language.word_is`` compares a token with
        if i not in forms:
            forms[i] = {word_key(words[i]), *language.lemmas(words[i])}
        return forms[i]

    for i in range(len(words)):
        if firsts.isdisjoint(forms_of(i)):
            continue
        for day in days:
            n = len(day.words)
            if i + n <= len(words) and all(w in forms_of(i + k) for k, w in enumerate(day.words)):
                return day
    return None


def _event_sentences(s: State, d: MeetingDraft, *, titles: bool = False) -> list[int]:
    """The sentences right before a meeting's, up to ``VISIT_REACH``, that name no one, nearest first: the event it
    took place within, whose place or day they may tell (Кеше ... меморандумға қол қойылды. Құжатқа A мен B қол
    қойды); the title's lines among them only with ``titles``."""
    out = []
    for idx in range(min(d.sentences) - 1, max(-1, min(d.sentences) - VISIT_REACH - 1), -1):
        if s.in_sentence(idx, MentionKind.PERSON) or (
                not titles and s.opening is not None and idx < s.opening):
            break
        out.append(idx)
    return out


def _ahead(value: str, published: date) -> bool:
    """Is a date written with no year (``--MM-DD``, ``--MM``) later in the publication year than the publication?"""
    if not value.startswith("--"):
        return False
    mo, *da = (int(x) for x in value[2:].split("-"))
    if not da:
        return mo > published.month
    try:
        return date(published.year, mo, da[0]) > published + FUTURE_SLACK
    except ValueError:
        return False


def resolve_date(value: str, published: date | None) -> PartialDate | None:
    """``YYYY-MM-DD`` and ``YYYY-MM`` as they are; ``--MM-DD`` and ``--MM`` in the publication year, or the year
    before if later."""
    if not value.startswith("--"):
        y, mo, *da = (int(x) for x in value.split("-"))
        return PartialDate(y, mo, da[0] if da else None)
    if published is None:
        return None
    if value.count("-") == 2:  # --MM: a month alone
        mo = int(value[2:])
        return PartialDate(published.year - (mo > published.month), mo)
    mo, da = (int(x) for x in value[2:].split("-"))
    year = published.year
    try:
        if date(year, mo, da) > published + FUTURE_SLACK:
            year -= 1
        date(year, mo, da)
    except ValueError:
        return None
    return PartialDate(year, mo, da)
