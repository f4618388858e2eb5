"""Word forms: Kazakh case endings, Russian and English stems, Kazakh dictionary forms of names.

Russian names go to the nominative in `kg.lang.ru.morph` (pymorphy3).

Kazakh is agglutinative: a name in a report carries one case ending (Жамар+мен,
Тоқаев+тың, Хань Чуньлинь+ді), and the head noun of a place name carries the possessive
before it (провинция+сы+ның). The ending's first letter follows the last sound of the
stem and its vowel follows the stem's last vowel; both checks keep a name that merely ends
like a suffix (Гиоге, Бакрадзе) whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.lang import profile

VOWELS = frozenset("аәеиоөұүыіэюяёу")
BACK_VOWELS = frozenset("аоұыя")
FRONT_VOWELS = frozenset("әөүіеэ")
# A stem's final қ and к, written ғ and г before a vowel ending (аймақ: аймағы).
SOFTENED = {"ғ": "қ", "г": "к"}
# Final sounds that take т-/п-/қ-/к- endings; Kazakh spelling treats final б, в, г, д as voiceless.
VOICELESS = frozenset("птқксшфхцчщбвгдғ")
# м н ң take н- genitive and ablative; л р й у з ж ь take д-.
NASAL = frozenset("мнң")
VOICED = frozenset("лрйузжь")
SIGNS = frozenset("ьъ")
# Kazakh и and у stand for ій/ый and ұу/үу: a final и or у takes a sonorant's endings (Әлидің, Шойгудың,
# Саниді), as the names of KazNERD show (never Әлинің).
GLIDES = frozenset("иу")

# One Kazakh case ending: (suffix, the stem-final classes it follows). Classes: V vowel,
# N nasal, D voiced or sonorant, T voiceless, P after a 3rd-person possessive ы/і/сы/сі.
CASE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ның", "VN"), ("нің", "VN"), ("дың", "D"), ("дің", "D"), ("тың", "T"), ("тің", "T"),
    ("ны", "V"), ("ні", "V"), ("ды", "DN"), ("ді", "DN"), ("ты", "T"), ("ті", "T"), ("н", "P"),
    ("ға", "VDN"), ("ге", "VDN"), ("қа", "T"), ("ке", "T"), ("на", "P"), ("не", "P"), ("а", "P"), ("е", "P"),
    ("да", "VDN"), ("де", "VDN"), ("та", "T"), ("те", "T"), ("нда", "P"), ("нде", "P"),
    ("дан", "VD"), ("ден", "VD"), ("нан", "NP"), ("нен", "NP"), ("тан", "T"), ("тен", "T"),
    ("мен", "VNDP"), ("бен", "D"), ("пен", "T"), ("менен", "VND"), ("бенен", "D"), ("пенен", "T"),
    ("дағы", "VDN"), ("дегі", "VDN"), ("тағы", "T"), ("тегі", "T"), ("ндағы", "P"), ("ндегі", "P"),
)
# Names made of a verb in the past tense (Сатыбалды "bought", Құдайберді "God gave", Бекболды): their -ды, -ді
# is the verb's, not the accusative ending.
VERB_NAME = re.compile(r"^\w{3,}(?:алды|болды|берді|келді)$", re.IGNORECASE)
ACCUSATIVE_ENDINGS = frozenset({"ды", "ді", "ты", "ті"})
INVARIANT_ENDINGS = frozenset({"мен", "бен", "пен", "менен", "бенен", "пенен"})
# A person does not take the locative: Ямада is a name, not Яма+да.
LOCATIVE_ENDINGS = frozenset({"да", "де", "та", "те", "нда", "нде", "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі"})
# Endings stripped when looking for the stem of a word: case, possessive, plural ...
INFLECTION_SUFFIXES: tuple[str, ...] = tuple(sorted({
    "ның", "нің", "дың", "дің", "тың", "тің", "ны", "ні", "ды", "ді", "ты", "ті", "н",
    "ға", "ге", "қа", "ке", "на", "не", "а", "е", "да", "де", "та", "те", "нда", "нде",
    "дан", "ден", "нан", "нен", "тан", "тен", "мен", "бен", "пен", "менен",
    "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
    "ы", "і", "сы", "сі", "ымыз", "іміз", "мыз", "міз", "ың", "ің", "ңыз", "ңіз",
    "лар", "лер", "дар", "дер", "тар", "тер",
}, key=len, reverse=True))
# ... and, for cue words of sectors, derivation too (логистика → логистикалық; экспорт → экспорттау, the verb
# suffix -ла/-да/-та with the verbal noun -у).
DERIVATION_SUFFIXES: tuple[str, ...] = tuple(sorted({
    "лық", "лік", "дық", "дік", "тық", "тік", "лы", "лі", "шы", "ші", "ғы", "гі", "қы", "кі",
    "ндыру", "ландыру", "леу", "лау", "деу", "дау", "теу", "тау", "у",
}, key=len, reverse=True))
CYRILLIC_WORD = re.compile(r"^[\u0400-\u04FF-]+$")
# A word in the genitive (Қазақстанның), and a plural, possibly possessive (Парламенттері).
KK_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$", re.IGNORECASE)
KK_PLURAL = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ы|і)?$", re.IGNORECASE)
# The case endings a possessive noun (министрлігі, қоры) takes: министрлігінің, қорына, университетінде.
KK_POSSESSIVE_CASE = re.compile(r"^(?:|н|ның|нің|на|не|нда|нде|нан|нен|мен|ндағы|ндегі|-\w+)$", re.IGNORECASE)
# A Latin name with a Cyrillic case ending after a hyphen (Toyota-мен).
LATIN_HYPHEN_ENDING = re.compile(r"^(.*[A-Za-z0-9])[-‐][\u0400-\u04FF]+$")



def _final_class(stem: str) -> str:
    last = stem[-1].lower()
    if last in GLIDES:
        return "D"
    if last in VOWELS:
        return "V"
    if last in NASAL:
        return "N"
    if last in VOICED:
        return "D"
    if last in VOICELESS:
        return "T"
    return ""


def _last_vowel(word: str) -> str | None:
    for ch in reversed(word.lower()):
        if ch in VOWELS:
            return ch
    return None


def _harmonises(stem: str, suffix: str) -> bool:
    """Front suffixes follow front stems, back suffixes back ones; и, у, ю and е fit either, and a surname's -ов
    lets the ending follow the root before it.

    The instrumental (мен, бен, пен) has one form only and follows any stem, and so does any ending a
    final soft sign.
    """
    if suffix in INVARIANT_ENDINGS or stem[-1:] in SIGNS:
        return True  # a final soft sign may take front endings after a back vowel: Игорьді
    if stem.lower().endswith("ов") and len(stem) > 4 and _harmonises(stem[:-2], suffix):
        return True  # a Russian surname's -ов: the ending may follow the root (Есеновті, Есеновты)
    sv, xv = _last_vowel(stem), _last_vowel(suffix)
    if sv is None or xv is None or sv in "иуюэ" or (xv == "е" and sv not in BACK_VOWELS):
        return True
    if xv in BACK_VOWELS:
        return sv not in FRONT_VOWELS or sv == "е"
    return sv not in BACK_VOWELS


def _possessive_before(stem: str) -> bool:
    low = stem.lower()
    return len(low) >= 3 and low[-1] in "ыі"


def case_candidates(word: str, *, person: bool = False) -> list[str]:
    """Stems of ``word`` left by removing one Kazakh case ending, most plausible first.

    The word itself comes last, so a caller can take the first candidate it can confirm.
    ``person`` leaves out the locative endings and those after a possessive only, which names of
    people do not take.
    """
    return list(_case_candidates(word, person))


@lru_cache(maxsize=32768)
def _case_candidates(word: str, person: bool) -> tuple[str, ...]:
    """``case_candidates``, worked out once per word: names repeat across reports."""
    low = word.lower()
    out: list[tuple[int, str]] = []
    for suffix, classes in CASE_ENDINGS:
        # A person takes neither the locative nor the endings that follow a possessive only (Арын, not Ары+н).
        if person and (suffix in LOCATIVE_ENDINGS or classes == "P"):
            continue
        if not low.endswith(suffix) or (len(word) - len(suffix) < 2 and not (person and syllable_letter(word[0]))):
            continue
        if person and suffix in ACCUSATIVE_ENDINGS and VERB_NAME.search(low):
            continue  # Сатыбалды, Құдайберді: a name made of a past verb, not Сатыбал+ды
        stem = word[: len(word) - len(suffix)]
        if not any(ch.lower() in VOWELS for ch in stem):
            continue
        cls = _final_class(stem)
        # a foreign name's final soft sign (Надь, Игорь) is written before any form of an ending
        ok = cls in classes or ("P" in classes and _possessive_before(stem)) or (
            stem[-1] in SIGNS and classes != "P")
        if not ok:
            continue
        strength = len(suffix) * 2 + (1 if _harmonises(stem, suffix) else -4)
        if not _harmonises(stem, suffix) and (len(suffix) < 3 or len(stem) < 5):
            continue
        out.append((strength, stem))
    out.sort(key=lambda p: -p[0])
    return (*(s for _, s in out), word)


def syllable_letter(letter: str) -> bool:
    """A capital vowel, which may be a name's word of one syllable (Ван И, Ван Имен: with Wang Yi)."""
    return letter.isupper() and letter.lower() in VOWELS


def dictionary_form_kk(word: str, *, known: frozenset[str] = frozenset(), person: bool = False) -> str:
    """The nominative of a Kazakh-inflected name word.

    ``known`` holds forms already seen standing alone (case-folded): a candidate found
    there wins; otherwise the most plausible single ending is removed.
    """
    if not CYRILLIC_WORD.match(word):
        return _strip_latin_suffix(word)
    cands = _case_candidates(word, person)
    for c in cands:
        if c.lower() in known:
            return c
    return cands[0]


def _strip_latin_suffix(word: str) -> str:
    """A Latin name with a Cyrillic case ending after a hyphen: ``Toyota-мен`` → ``Toyota``."""
    m = LATIN_HYPHEN_ENDING.match(word)
    return m.group(1) if m else word


@lru_cache(maxsize=65536)
def kk_stems(word: str, *, derivation: bool = False) -> frozenset[str]:
    """Every stem reachable by stripping Kazakh endings, the word itself included.

    Inflection only by default, so that әкімдігі (akimat) does not reach әкім (akim);
    ``derivation`` also strips word-forming endings, for matching sector cue words.
    """
    low = word.lower()
    seen = {low}
    softened: set[str] = set()
    frontier = [low]
    suffixes = INFLECTION_SUFFIXES + DERIVATION_SUFFIXES if derivation else INFLECTION_SUFFIXES
    while frontier:
        w = frontier.pop()
        for suffix in suffixes:
            if w.endswith(suffix) and len(w) - len(suffix) >= 2:
                stem = w[: len(w) - len(suffix)]
                if stem[-1] in SOFTENED and suffix[0] in VOWELS:
                    # қ/к soften to ғ/г before a vowel ending (аймақ → аймағы), and only there: Грег is no form of грек
                    softened.add(stem[:-1] + SOFTENED[stem[-1]])
                if stem not in seen and any(ch in VOWELS for ch in stem):
                    seen.add(stem)
                    frontier.append(stem)
    return frozenset(seen | softened)


def stem(word: str, language: str) -> str:
    """One stem of a word, as the language's word forms give it (Snowball for Russian and English)."""
    return profile(language).forms.stem(word)


def word_matches(token: str, cue: str, language: str, *, derivation: bool = False) -> bool:
    """Does a report token stand for a cue word, in any of its inflected (or derived) forms?"""
    return profile(language).forms.matches(token, cue, derivation)


def kk_possessive_form(token: str, head: str) -> bool:
    """Is ``token`` the possessive noun ``head`` in one of its cases (қорының), not a longer word (қорытындысы)?"""
    t, h = token.lower(), head.lower()
    return t.startswith(h) and bool(KK_POSSESSIVE_CASE.match(t[len(h):]))
