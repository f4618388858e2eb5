"""How the Russian and Kazakh spellings of a name in Latin letters may say it (``said_forms``): forms a Latin name
is compared by when it is joined with a Cyrillic spelling of the same person (``kg.merging``).

Apart from ``kg.names``, whose keys a query call computes for a name asked for: these patterns take longer to
compile than the rest of that module, and only a build needs them.
"""

from __future__ import annotations

import re
from itertools import islice, product

from kg.letters import CYRILLIC

# How the Russian and Kazakh spellings of a name in Latin letters may say it where the key cannot tell (``said_forms``),
# one change each: a c said k before a, o, u, a consonant or at the end (Victor, Виктор; Marco, Марко; Luc, Люк), but
# not in cc, ch, ck, cs, cz (Ricci, Charles, Czesław); a c said s before e, i or y (Vincent, Винсент; García,
# Гарсия); a word's first h left out before a vowel but a (Hervé, Эрве; Hugo, Юго: before an a, an ü or an ö it is
# mostly a said х, Hasan, Хасан); a Spanish j said х before a vowel (Juan, Хуан; José, Хосе) and z said с (Pérez,
# Перес; Domínguez, Домингес); a French last t, d, s, x or z left out after a vowel, n or r (Dupont, Дюпон; Nicolas,
# Никола); a French ch or a German sch said ш (Charles Michel, Шарль Мишель; Scholz, Шольц), a German z said ц and j
# said й (Jens, Йенс); a g said дж or ж before e or i, an Italian i after it silent before a vowel (Giuseppe, Джузеппе;
# Luigi, Луиджи; George, Джордж; Gérard, Жерар), an Italian ch said к before e or i (Michele, Микеле), an s between
# vowels said з (Giuseppe, Джузеппе; Rosa, Роза), a gn said нь (Ferragni, Ферраньи) and a French oi said уа (François,
# Франсуа; Dubois, Дюбуа; Antoine, Антуан) and its ç said с (a Turkish ç is ч: Çavuşoğlu, Чавушоглу).
# (Never the zh of Ж: Zhanar.)
SAID = (
    (re.compile(r"c(?![cehiyszkéèêëíìî])", re.IGNORECASE), ("k",)),
    (re.compile(r"c(?=[eiyéèêí])", re.IGNORECASE), ("s",)),
    (re.compile(r"(?<![^\W\d_])[Hh](?=[eiouéèêëíìîóòôúùûEIOUÉÈÊÍÓÔÚ])"), ("",)),
    (re.compile(r"j(?=[aeiouáéíóúäöü])", re.IGNORECASE), ("h", "y")),
    (re.compile(r"z(?!h)", re.IGNORECASE), ("s", "ts")),
    (re.compile(r"(?<=[aeiouyéèênr])[tdsxz](?![^\W\d_])", re.IGNORECASE), ("",)),
    (re.compile(r"s?ch", re.IGNORECASE), ("sh",)),
    (re.compile(r"gg?(?:i(?=[aouàòóù])|(?=[eiéèì]))", re.IGNORECASE), ("j",)),
    (re.compile(r"(?<!s)ch(?=[eiéèì])", re.IGNORECASE), ("k",)),
    (re.compile(r"(?<=[aeiouàèéìòóù])s(?=[aeiouàèéìòóù])", re.IGNORECASE), ("z",)),
    (re.compile(r"gn(?=[aeiouàèéìòóù])", re.IGNORECASE), ("n",)),
    (re.compile(r"o[iî]", re.IGNORECASE), ("ua",)),
    (re.compile(r"ç", re.IGNORECASE), ("s",)),
)
# The most forms ``said_forms`` gives a name.
SAID_FORMS = 64


def said_forms(name: str) -> tuple[str, ...]:
    """A name in Latin letters as its Cyrillic spelling may say it: each word with any of the changes of ``SAID``
    made wherever it applies (``Hervé Cabral`` → ``Hervé Kabral``, ``ervé Cabral``, ``ervé Kabral``), at most
    ``SAID_FORMS`` forms; none for a name in Cyrillic or one none applies to. Only a Cyrillic spelling tells them
    apart, and Latin spellings keep their letters (Cavusoglu for Çavuşoğlu): these forms are for joining one with a
    Cyrillic spelling (``kg.merging``)."""
    if CYRILLIC.search(name):
        return ()
    words = []
    for word in name.split():
        forms = [word]
        for pattern, sounds in SAID:
            forms += [changed for said in sounds for f in forms
                      if (changed := pattern.sub(lambda m, s=said: _cased(s, m.group()), f)) != f]
        words.append(tuple(dict.fromkeys(forms)))
    return tuple(" ".join(w) for w in islice(product(*words), 1, SAID_FORMS + 1))


def _cased(sound: str, letters: str) -> str:
    """A sound written in the case of the letters it stands for: CH → SH, Gi → J, ch → sh."""
    return sound.upper() if letters.isupper() else sound.capitalize() if letters[:1].isupper() else sound


