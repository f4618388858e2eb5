"""The ASCII spelling of name letters is anyascii's, read from the lexicon file without importing anyascii."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from anyascii import anyascii

from kg import ascii_letters

ROOT = Path(__file__).resolve().parent.parent


def test_the_file_is_what_anyascii_spells_now():
    # regenerate with python -m kg.ascii_letters when this fails after anyascii changed
    assert Path(ascii_letters.TARGET).read_text(encoding="utf-8") == ascii_letters.contents()


@pytest.mark.parametrize("text", [
    "Жомарт Көшербаев", "Әлихан Бөкейхан", "Ғалым Құдайбергенұлы", "Нұрлан Үсенов", "Ілияс Жансүгіров",
    "Роман Василенко", "Пётр Щербаков", "Эрве Жамар", "Yermek Köşerbayev", "Əliyev", "Öztürk Çağlar",
    "Müller-Lüdenscheidt", "Đorđe Šćepanović", "Ελευθέριος Βενιζέλος", "Ӏ Ҷ Ӯ", "Sun Yat-sen", "",
    "孫中山", "Ali bin Hamad 🙂",
])
def test_a_name_is_spelt_as_anyascii_spells_it(text):
    assert ascii_letters.spell(text) == anyascii(text)


def test_a_name_in_the_file_s_letters_is_spelt_without_anyascii():
    script = ("import sys; from kg.ascii_letters import spell; print(spell('Жомарт Көшербаев Öztürk')); "
              "print('anyascii' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.split("\n")[:2] == ["Zhomart Kosherbaev Ozturk", "False"], done.stderr
