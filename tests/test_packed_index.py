"""The segments' index packed (``kg.packed_index``): it answers as a dict of the same entries would, whatever its
keys, through changes and a pickle."""

from __future__ import annotations

import hashlib
import pickle

import pytest

from kg.packed_index import PackedIndex


def h(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


A, B, C = h("a"), h("b"), h("c")
# keys that are not packed: short, upper case, spaced, not hexadecimal
OTHERS = ["key", A.upper(), " ".join([A[:2], A[2:64]])[:64], "g" * 64]


@pytest.mark.parametrize(("entries", "changes"), [
    ({A: ("s1", 0, 10), B: ("s1", 10, 5)}, []),
    ({A: ("s1", 0, 10), B: ("s2", 0, 5)}, [("set", C, ("s3", 7, 1)), ("set", A, ("s2", 5, 3))]),
    ({A: ("s1", 0, 10), B: ("s1", 10, 5), C: ("s2", 0, 1)}, [("del", B, None), ("set", B, ("s1", 1, 1))]),
    ({k: ("s", n, 1) for n, k in enumerate(OTHERS)}, [("del", "key", None), ("set", A, ("s", 99, 2))]),
    ({}, [("set", "key", ("s", 0, 1)), ("set", A, ("s", 1, 1)), ("del", A, None)]),
    ({h(str(n)): (f"s{n % 3}", n * 10, n) for n in range(500)}, [("del", h("7"), None), ("set", h("x"), ("t", 0, 1))]),
    # a few new hash keys are inserted where they go, many make it packed again whole
    ({h(str(n)): ("s", n, 1) for n in range(500)}, [("set", h(f"new{n}"), ("t", n, 2)) for n in range(20)]),
    ({h(str(n)): ("s", n, 1) for n in range(50)}, [("set", h(f"new{n}"), ("t", n, 2)) for n in range(20)]),
])
def test_a_packed_index_answers_as_the_dict_of_its_entries(entries, changes):
    index, model = PackedIndex(entries), dict(entries)
    for kind, key, where in changes:
        if kind == "set":
            index[key] = model[key] = where
        else:
            del index[key]
            del model[key]
    wanted = [*list(model)[::2], h("absent"), "absent"]
    assert dict(index.only(wanted)) == {k: model[k] for k in wanted if k in model}
    for answer in (index, pickle.loads(pickle.dumps(index)), PackedIndex(index), index.only(list(model))):
        assert dict(answer) == model and len(answer) == len(model)
        assert sorted(answer) == sorted(model)
        for key in [*model, A, B, C, h("absent"), *OTHERS]:
            assert (key in answer) == (key in model) and answer.get(key) == model.get(key)
        with pytest.raises(KeyError):
            answer[h("absent")]
        assert answer.segments() == {segment for segment, _, _ in model.values()}
        assert answer.value_bytes() == sum(size for _, _, size in model.values())
    some = next(iter(model.values()), ("none", 0, 0))[0]
    index.drop_segments({some})
    assert dict(index) == {k: where for k, where in model.items() if where[0] != some}


def test_a_packed_index_is_pickled_as_packed_arrays_and_a_segment_name_once():
    index = PackedIndex({h(str(n)): ("1234-abcd.segment", n * 100, 100) for n in range(1000)})
    data = pickle.dumps(index)
    assert data.count(b"1234-abcd.segment") == 1
    assert len(data) < 1000 * (32 + 8 + 4 + 8 + 8) + 1000  # about the arrays' bytes
    assert pickle.loads(data)[h("999")] == ("1234-abcd.segment", 99900, 100)
