"""Dates: a day, a month and maybe a year around a month's name, or a date written in figures."""

from __future__ import annotations

import re
from datetime import date

from kg.lang import Case, DayKind, profile, word_key
from kg.model import MentionKind
from kg.rules.state import State

# A day, or the first of a range (20-21), with an English ordinal ending if any (15th).
DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|[-‐]о?го)?(?:[-–](\d{1,2})(?:st|nd|rd|th)?)?$")
# A day joined to its month by a hyphen: 15-қазан, 15-қазанда.
DAY_HYPHEN_MONTH = re.compile(r"^(\d{1,2})[-‐](\w+)$")
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
ISO_DATE = re.compile(r"^(1[89]\d\d|20\d\d)-(\d\d)-(\d\d)$")
NUMBER = re.compile(r"^\d{1,2}$")
DATE_SEPARATORS = frozenset({".", "/"})
# The letters of an abbreviated word for a year, a full stop after it (2025 ж., 2025 г.).
ABBREVIATED_YEAR = 2
# The kinds of day words that say which day a text means, no other word (not: the next day, the first day).
DAY_KINDS = (DayKind.OFFSET, DayKind.WEEKDAY)
# The letters every form of a day's word opens with (сәрсенбіде: сәр; вчера, Wednesday's).
DAY_OPENING = 3
ORDINAL_DAY = re.compile(r"^(\d{1,2})[-‐](?:і|сі|ы|сы|інде|сінде|ында|сында|нде|нда|де|да|ші|шы|інші|ншы)$")


def mark_days(s: State) -> None:
    """A word for a day (Wednesday, сәрсенбіде, вчера) is no word of a name: Council of Heads of Government on
    Wednesday, Сәрсенбіде Тамм ... кездесті. Not a capitalised one inside a sentence before another capitalised word,
    which may be a given name (Жұма Әбдіров)."""
    language = profile(s.language)
    days = {day.words[0] for day in language.days if len(day.words) == 1 and day.kind in DAY_KINDS}
    if not days:
        return
    openings = {day[:DAY_OPENING] for day in days}  # a form of a day's word opens as the word does: lemmas only then
    for k, t in enumerate(s.texts):
        key = word_key(t)
        if key[:DAY_OPENING] not in openings or s.covered[k] or (
                t[:1].isupper() and not s.sentence_initial(k) and k + 1 < len(s.texts) and s.is_capitalised(k + 1)):
            continue
        if key in days or not days.isdisjoint(language.lemmas(t)):
            s.covered[k] = True


def read_dates(s: State) -> None:
    """Written dates as ``YYYY-MM-DD``, or ``--MM-DD`` without a year (the context gives it).

    15 October 2025, October 15, 2025 and Oct. 15 (where the language puts the day after the
    month), 15 октября 2025 года, 2025 жылғы 15 қазан, 15-қазанда, қазанның 15-і, 15.10.2025
    мамыр айының 15-і and 2025-10-15; a range (20-21 September, с 15 по 16 мая, from 15 to 16 May) gives its first day.
    """
    texts, toks = s.texts, s.toks
    starts: dict[str, bool] = s.lex.answers("date-start", s.language)  # may the word start a date
    i = 0
    while i < len(texts):
        # A date starts at a figure or at a month's name: any other token is passed over at once.
        t = texts[i]
        can_start = starts.get(t)
        if can_start is None:
            can_start = starts[t] = t[:1].isdigit() or _month_of(s, t) is not None
        found = None if toks[i].clutter or not can_start else (_numeric_date(s, i) or _month_date(s, i))
        if found is None:
            i += 1
            continue
        first, last, year, month, day = found
        if day is None:  # a month alone: в марте, in March 2025, наурыз айында
            value = f"{year:04d}-{month:02d}" if year else f"--{month:02d}"
        else:
            value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
        s.emit(MentionKind.DATE, first, last, value, cover=False)
        i = last + 1


def _month_of(s: State, token: str) -> int | None:
    if not (token[:1].isalpha() and len(token) >= 3):
        return None
    month = s.lex.month(token)
    return month if month is not None else s.lex.short_month(token, s.language)


def _joined(s: State, first: int, last: int) -> bool:
    """Tokens ``first``..``last`` written with no space between them."""
    return all(s.toks[k + 1].start == s.toks[k].end for k in range(first, last))


def _numeric_date(s: State, i: int) -> tuple[int, int, int | None, int, int] | None:
    """15.10.2025, 15/10/2025 or 2025-10-15."""
    texts = s.texts
    iso = ISO_DATE.match(texts[i])
    if iso:
        return _valid_date(i, i, int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    if i + 4 >= len(texts) or not NUMBER.match(texts[i]) or texts[i + 1] not in DATE_SEPARATORS \
            or not NUMBER.match(texts[i + 2]) or texts[i + 3] != texts[i + 1] or not YEAR.match(texts[i + 4]) \
            or not _joined(s, i, i + 4) or (i > 0 and _joined(s, i - 1, i) and texts[i - 1] not in "(«\"'"):
        return None
    return _valid_date(i, i + 4, int(texts[i + 4]), int(texts[i + 2]), int(texts[i]))


def _month_date(s: State, i: int) -> tuple[int, int, int | None, int, int | None] | None:
    """A date around the month word at ``i``: the day before or after it, the year after or before."""
    texts = s.texts
    joined = DAY_HYPHEN_MONTH.match(texts[i])
    month = _month_of(s, joined.group(2)) if joined else _month_of(s, texts[i])
    if month is None:
        return None
    day: int | None = None
    first = last = i
    if joined:
        day = int(joined.group(1))
    elif i >= 3 and texts[i - 2] in "-–" and DAY_MONTH.match(texts[i - 3]) and DAY_MONTH.match(texts[i - 1]):
        day, first = int(DAY_MONTH.match(texts[i - 3]).group(1)), i - 3
    elif i >= 3 and DAY_MONTH.match(texts[i - 1]) and _range_word(s, texts[i - 2]) and NUMBER.match(texts[i - 3]):
        day, first = int(texts[i - 3]), i - 3  # с 15 по 16 мая, from 15 to 16 May: the first day
    elif i > 0 and DAY_MONTH.match(texts[i - 1]):
        day, first = int(DAY_MONTH.match(texts[i - 1]).group(1)), i - 1
    elif i > 1 and texts[i - 1].lower() == "of" and DAY_MONTH.match(texts[i - 2]):
        day, first = int(DAY_MONTH.match(texts[i - 2]).group(1)), i - 2  # the 15th of October
        if first > 1 and texts[first - 1].lower() == "and" and DAY_MONTH.match(texts[first - 2]):
            day, first = int(DAY_MONTH.match(texts[first - 2]).group(1)), first - 2  # the 20th and 21st of
    elif profile(s.language).day_after_month:
        j = i + 2 if i + 2 < len(texts) and texts[i + 1] == "." else i + 1
        if j < len(texts) and DAY_MONTH.match(texts[j]):
            day, last = int(DAY_MONTH.match(texts[j]).group(1)), j
            if last + 2 < len(texts) and texts[last + 1] in "-–" and DAY_MONTH.match(texts[last + 2]):
                last += 2
            if last + 2 < len(texts) and texts[last + 1] == "," and YEAR.match(texts[last + 2]):
                last += 1
    elif i + 1 < len(texts):
        k = i + 2 if i + 2 < len(texts) and _month_noun(s, texts[i + 1]) else i + 1  # мамыр айының 15-і
        om = ORDINAL_DAY.match(texts[k]) or (
            DAY_MONTH.match(texts[k]) if k + 1 < len(texts) and texts[k + 1] in "-‐" else None)
        if om:
            day = int(om.group(1))
            last = min(k if ORDINAL_DAY.match(texts[k]) else k + 2, len(texts) - 1)
    if day is None:
        return _month_alone(s, i, month)
    year = None
    if last + 1 < len(texts) and YEAR.match(texts[last + 1]):
        year, last = int(texts[last + 1]), last + 1
    else:
        before = first - 1
        if before >= 2 and texts[before] == "." and len(texts[before - 1]) <= ABBREVIATED_YEAR:
            before -= 1  # 2025 ж. 15 қазан, 2025 г. 15 октября; not 2024 года. 4 июня: a sentence ends
        if before >= 1 and _year_word(s, texts[before]) and YEAR.match(texts[before - 1]) \
                and "\n" not in s.view[s.toks[before - 1].end:s.toks[first].start]:
            year, first = int(texts[before - 1]), before - 1  # (not a line's year before the next line's day)
    return _valid_date(first, last, year, month, day)


def _month_alone(s: State, i: int, month: int) -> tuple[int, int, int | None, int, None] | None:
    """A month named alone as the time of something: after a preposition of time (в марте, in March, during
    March: ``month-in`` words), in the locative (наурызда, наурыз айында), with the year after it if written (in
    March 2025, в марте 2025 года)."""
    texts, lang = s.texts, profile(s.language)
    last = i
    if i + 1 < len(texts) and _month_noun(s, texts[i + 1]):
        last = i + 1  # наурыз айында
    if lang.marks_case:
        if not lang.has_case(texts[last], Case.LOCATIVE):
            return None
    elif not (i > 0 and any(w.word == texts[i - 1].lower() for w in s.lex.words_of("month-in", s.language))):
        return None  # на март (for March), to March: a time to come, not when something took place
    year = None
    if last + 1 < len(texts) and YEAR.match(texts[last + 1]):
        year, last = int(texts[last + 1]), last + 1
    return i, last, year, month, None


def _range_word(s: State, token: str) -> bool:
    return any(w.word == token.lower() for w in s.lex.words_of("day-range", s.language))


def _month_noun(s: State, token: str) -> bool:
    lang = profile(s.language)
    return any(lang.word_is(token, w.word) for w in s.lex.words_of("month-noun", s.language))


def _year_word(s: State, token: str) -> bool:
    lang = profile(s.language)
    return any(lang.word_is(token, w.word) for w in s.lex.words_of("year", s.language))


def _valid_date(first: int, last: int, year: int | None, month: int, day: int
                ) -> tuple[int, int, int | None, int, int] | None:
    """The date if the calendar has it (29 February in any leap year when no year is written)."""
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return first, last, year, month, day

