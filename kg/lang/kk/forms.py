"""Kazakh word forms: endings stripped in order, with consonant assimilation and vowel harmony checked."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.lang.forms import StemForms, comparable
from kg.model import MentionKind
from kg.morphology import KK_PLURAL, case_candidates, dictionary_form_kk, kk_possessive_form, kk_stems
from kg.text import fold

# The plural suffix after a stem of at least three letters, then a possessive and a case ending, if any.
KK_PLURAL_INFLECTED = re.compile(
    r"^\w{3,}(?:лар|лер|дар|дер|тар|тер)(?:ы|і)?(?:|н|ның|нің|на|не|нда|нде|нан|нен|мен|ды|ді|ға|ге|да|де)$",
    re.IGNORECASE)

# A verb in the past tense (қабылдады, кездесті), the form cue words are written in; and the endings of its
# other forms: past, converb (қабылдап, кездесіп), participle with any ending (кездескен, қабылдағаннан).
KK_VERB_CUE = re.compile(r"^(\w{4,}?)(?:ды|ді|ты|ті)$", re.IGNORECASE)
# The endings of its forms, each with how many letters may follow it: none after the past and the converb
# (кездесіп), a case or possessive ending after the participle (кездескеннен).
KK_VERB_ENDINGS = (("ды", 0), ("ді", 0), ("ты", 0), ("ті", 0), ("ып", 0), ("іп", 0), ("п", 0),
                   ("ған", 5), ("ген", 5), ("қан", 5), ("кен", 5))

# The endings a name takes after its whole self, in their order: a plural, a possessive (or the 3rd person's
# -сы, -сі, -ы, -і), a case (Қазақстанның, провинциясының, Алматыдағы, Корольдігіндегі, Астанаға, Омбыдан).
KK_NAME_ENDINGS = re.compile(
    r"^(?:лар|лер|дар|дер|тар|тер)?(?:сы|сі|ы|і|ымыз|іміз|мыз|міз)?"
    r"(?:ның|нің|дың|дің|тың|тің|ны|ні|ды|ді|ты|ті|н|ға|ге|қа|ке|на|не|а|е|да|де|та|те|нда|нде|дан|ден|нан|нен"
    r"|тан|тен|мен|бен|пен|менен|дағы|дегі|тағы|тегі|ндағы|ндегі|ша|ше|ча|че)?$")

# Vowels by harmony: a word whose last of them is back takes the back ending (облысының), a front one the front
# ending (өлкесінің).
BACK_VOWELS = frozenset("аоұы")
FRONT_VOWELS = frozenset("әөүіе")

# Shared stems must be at least this long (or the whole cue), not a two-letter accident.
SHARED_STEM = 4
# A verbal noun (талқылау, қарастыру: the stem and -у) names the verb whose forms it stands for; its stem
# must be at least this long.
VERBAL_NOUN = re.compile(r"^(\w{4,})у$", re.IGNORECASE)


class KazakhForms(StemForms):
    def stem(self, word: str) -> str:  # type: ignore[override]
        return word.lower()

    def keys(self, word: str, derivation: bool = False) -> frozenset[str]:
        low = word.lower()
        return frozenset({fold(s) for s in kk_stems(word, derivation=derivation) | _verb_stems(low)
                          | _verbal_noun_stem(low) | _soft_stem(low)} | {fold(word)})

    def name_matches(self, token: str, name: str) -> bool | None:
        """A place name takes endings after its whole self: Елбасанда is Елбасан, Елбасы is not; and they are
        endings in their order, a plural, a possessive, a case (Парламентінің is no Парла+мен+тінің)."""
        t, n = fold(token), fold(name)
        return t == n or (t.startswith(n) and n in {fold(x) for x in kk_stems(token)} and bool(
            KK_NAME_ENDINGS.match(t[len(n):])))

    def matches(self, token: str, cue: str, derivation: bool = False) -> bool:
        t, c = comparable(token), comparable(cue)
        if t == c:
            return True
        shared = kk_stems(t, derivation=derivation) & (kk_stems(c, derivation=derivation) | _soft_stem(c))
        common = max((len(s) for s in shared), default=0)
        return (bool(shared) and (common >= min(len(c), SHARED_STEM) or common == len(c))) or _same_verb(t, c)

    def cue_keys(self, cue: str) -> frozenset[str]:
        c = comparable(cue)
        return frozenset({f"={c}", *(f"~{s}" for s in kk_stems(c) | _soft_stem(c)),
                          *(f"v{s}" for s in _verb_cue_stems(c))})

    def token_keys(self, token: str) -> frozenset[str]:
        t = comparable(token)
        return frozenset({f"={t}", *(f"~{s}" for s in kk_stems(t)), *(f"v{s}" for s in _verb_stems(t))})

    def whole_form(self, token: str, cue: str) -> bool:
        """Елбасының is Елбасы with an ending; Елбанмен only shares a stem with it."""
        return bool(({fold(cue)} | {fold(x) for x in _soft_stem(cue.lower())})
                    & ({fold(x) for x in kk_stems(token)} | {fold(token)}))

    def noun_form(self, token: str, noun: str) -> bool:
        """келіссөзге is a form of келіссөздер too: a noun written in the plural has singular forms."""
        return self.whole_form(token, noun) or (bool(KK_PLURAL.search(noun)) and self.whole_form(
            token, KK_PLURAL.sub("", noun)))

    def name_candidates(self, word: str) -> frozenset[str]:
        return frozenset(case_candidates(word, person=True))

    def short_forms(self, word: str) -> frozenset[str]:
        return frozenset({fold(word)} | {fold(x) for x in kk_stems(word)})

    def head_fits(self, token: str, head: str) -> bool:
        """A possessive head noun takes a case ending only: министрлігінің, not министрлігімен-дей."""
        return token == head or kk_possessive_form(token, head)

    def plural_head(self, token: str, head: str, before: str = "") -> bool:
        return fold(token).startswith(fold(head)[:-1]) and not KK_PLURAL.search(head) and any(
            KK_PLURAL.search(x) for x in kk_stems(token))


def _soft_stem(word: str) -> set[str]:
    """A loanword's stem without its soft sign, which its Kazakh endings drop: король, королі, королімен."""
    return {word[:-1]} if word.endswith("ь") and len(word) > SHARED_STEM else set()


def _verb_stems(token: str) -> set[str]:
    """The stems a verb form may have: кездесіп, кездескен, кездесті → кездес; жолығып → жолық."""
    out: set[str] = set()
    for ending, tail_reach in KK_VERB_ENDINGS:
        at = token.rfind(ending, 4)
        while at >= 4:
            tail = token[at + len(ending):]
            if len(tail) <= tail_reach:
                stem = token[:at]
                out.add(stem[:-1] + {"ғ": "қ", "г": "к"}[stem[-1]] if stem[-1] in "ғг" else stem)
            at = token.rfind(ending, 4, at)
    return out


def _verbal_noun_stem(word: str) -> set[str]:
    """The verb stem of a verbal noun: қарастыру → қарастыр, талқылау → талқыла."""
    m = VERBAL_NOUN.match(word)
    return {m.group(1)} if m else set()


def _same_verb(token: str, cue: str) -> bool:
    """Is ``token`` a form of the verb ``cue`` names in the past tense (қабылдап, кездескен of қабылдады, кездесті)
    or as a verbal noun (қарастырды, қарастырып of қарастыру)?"""
    return bool(_verb_cue_stems(cue) & _verb_stems(token))


def _verb_cue_stems(cue: str) -> set[str]:
    """The stem of the verb a cue names in the past tense or as a verbal noun (қабылдады, қарастыру)."""
    m = KK_VERB_CUE.match(cue)
    return {m.group(1)} if m else _verbal_noun_stem(cue)


def nominative(words: Sequence[str], kind: str, governor: str = "") -> str:
    """Only the last word of a Kazakh name carries the case ending: ``Эрве Жамармен`` → ``Эрве Жамар``."""
    return " ".join([*words[:-1], dictionary_form_kk(words[-1], person=kind == MentionKind.PERSON)])


def common_word(word: str, *, inflected: bool = False) -> bool:
    """A word that Kazakh news writes in lower case (Қазақша, Елорда), or a plural (Парламенттері).

    With ``inflected``, only a common word with a case ending (Кездесуде): a given name before
    a surname takes no ending, but may be a common word too (Бақыт, Ерік).
    """
    from kg.lexicon import load_lexicon

    common = load_lexicon().common
    folded = fold(word)
    stems = {fold(x) for x in kk_stems(word)} - {folded}
    if inflected:
        return bool(stems & common)
    return bool(({folded} | stems) & common) or bool(KK_PLURAL.search(dictionary_form_kk(word)))


def plural(word: str, before: str = "") -> bool:
    """A noun with the plural suffix, whatever possessive or case follows it: кездесулер, кездесулерінде; of a
    compound, its last part (вице-министрлер)."""
    return bool(KK_PLURAL_INFLECTED.search(word.rsplit("-", 1)[-1]))


def genitive(name: str) -> str | None:
    """A name whose last word ends in a vowel, in the genitive: Қостанай облысы → Қостанай облысының, Шығыс Қазақстан
    өлкесі → ... өлкесінің; None for another ending, which no name of a place's class ends in."""
    last = name.rstrip()[-1:].lower()
    if last not in BACK_VOWELS | FRONT_VOWELS:
        return None
    return name.rstrip() + ("ның" if last in BACK_VOWELS else "нің")
