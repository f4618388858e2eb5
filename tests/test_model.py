"""The values between the stages pickle as the call that makes them again, and come back equal."""

import pickle
from dataclasses import fields, is_dataclass

import pytest

from kg import model
from kg.pipeline import extract
from kg.reports import parse_report

TEXTS = [
    " date 2025-03-04 Кездесу\nҚазақстанның Бельгиядағы Елшісі Роман Василенко Льеж провинциясының губернаторы "
    "Эрве Жамармен кездесті. Тараптар логистика және білім беру салаларындағы ынтымақтастықты талқылады.\n",
    " date 2025-03-04 Встреча\nПосол Казахстана в Японии Ерлан Байжанов встретился с губернатором префектуры "
    "Осака Хирофуми Ёсимурой. Стороны обсудили сотрудничество в области туризма.\n",
    " date 2025-03-04 Meeting\nKazakhstan's Ambassador to Portugal Zhan Galiyev met the Mayor of Guimaraes "
    "Ricardo Araujo on 3 March. They discussed tourism and culture.\n",
]


def _objects(value):
    """Every object of ``kg.model`` in ``value``, itself included."""
    if is_dataclass(value):
        yield value
        for f in fields(value):
            yield from _objects(getattr(value, f.name))
    elif isinstance(value, tuple | list | frozenset):
        for item in value:
            yield from _objects(item)


@pytest.mark.parametrize("text", TEXTS)
def test_an_extraction_pickles_as_calls_and_comes_back_equal(text):
    x = extract(parse_report("a.txt", text))
    found = list(_objects(x))
    assert {type(o) for o in found} >= {model.Extraction, model.Report, model.Mention, model.Entity, model.Meeting}
    for o in found:
        assert o.__reduce__() == (type(o), tuple(getattr(o, f.name) for f in fields(o)))
    back = pickle.loads(pickle.dumps(x, protocol=5))
    assert back == x and type(back.report) is model.Report
