"""The pack of values a rebuild reads for every report: segments of pickled chunks that load back whole."""

import pickle
import zlib

import pytest

from kg import cache
from kg.cache import Pack


class _Strings(pickle.Unpickler):
    def persistent_load(self, pid):
        return pid


def _pickles(path) -> int:
    """How many pickles the file holds, one after another."""
    count = 0
    with open(path, "rb") as fh:
        while fh.peek(1):
            _Strings(fh).load()
            count += 1
    return count


@pytest.mark.parametrize(("values", "chunks"), [(0, 0), (1, 1), (3, 1), (4, 2), (7, 3)])
def test_a_segment_is_pickled_a_chunk_at_a_time_and_loads_whole(tmp_path, monkeypatch, values, chunks):
    monkeypatch.setattr(cache, "CHUNK", 3)
    wanted = {f"key{n}": ("outline", n) for n in range(values)}
    Pack(tmp_path, "outlines").save(wanted, ())
    segments = list((tmp_path / "outlines").iterdir()) if values else []
    assert [_pickles(p) for p in segments] == ([chunks] if values else [])
    assert Pack(tmp_path, "outlines").load() == wanted


def test_a_rebuild_appends_a_segment_and_reads_both(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "CHUNK", 2)
    first = {f"a{n}": n for n in range(5)}
    Pack(tmp_path, "outlines").save(first, ())
    pack = Pack(tmp_path, "outlines")
    held = pack.load()
    both = {**first, "b": 9}
    pack.save(both, held)
    assert len(list((tmp_path / "outlines").iterdir())) == 2
    assert Pack(tmp_path, "outlines").load() == both


def test_a_damaged_chunk_costs_only_the_values_after_it(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "CHUNK", 2)
    wanted = {f"k{n}": n for n in range(6)}
    Pack(tmp_path, "outlines").save(wanted, ())
    (segment,) = (tmp_path / "outlines").iterdir()
    data = segment.read_bytes()
    segment.write_bytes(data[: len(data) - 5])  # the last chunk cut short
    loaded = Pack(tmp_path, "outlines").load()
    assert loaded.items() <= wanted.items() and {"k0", "k1", "k2", "k3"} <= set(loaded)


@pytest.mark.parametrize("values", [2, 5, 9])
def test_a_shared_value_is_pickled_whole_once_a_segment_whatever_its_chunks(tmp_path, monkeypatch, values):
    monkeypatch.setattr(cache, "CHUNK", 2)
    name = "Әл-Фараби атындағы Қазақ ұлттық университеті " * 20
    wanted = {f"k{n}": (n, "".join([name, str(n % 2)])) for n in range(values)}
    Pack(tmp_path, "outlines").save(wanted, ())
    (segment,) = (tmp_path / "outlines").iterdir()
    assert segment.read_bytes().count(name.encode("utf-8")) == min(values, 2)  # each of the two names once
    loaded = Pack(tmp_path, "outlines").load()
    assert loaded == wanted
    assert loaded["k0"][1] is loaded[f"k{values - 1 - (values - 1) % 2}"][1]  # one object across the chunks


@pytest.mark.parametrize("pid", [7, (0,), (0, 1, 2), None, 1.5])
def test_a_persistent_id_the_file_never_gave_is_a_damaged_pickle(pid):
    from kg.cache import Shared, _Table

    with pytest.raises(pickle.UnpicklingError):
        _Table(Shared()).load(pid)


def test_a_segment_that_does_not_load_is_dropped_at_the_next_save(tmp_path):
    Pack(tmp_path, "outlines").save({"a": 1, "b": 2}, ())
    (segment,) = (tmp_path / "outlines").iterdir()
    segment.write_bytes(pickle.dumps({"a": 1}, protocol=5)[:-1] + b"Q.")  # a persistent id this pack never gave
    pack = Pack(tmp_path, "outlines")
    held = pack.load()
    pack.save({"a": 1, "b": 2}, held)
    assert len(list((tmp_path / "outlines").iterdir())) == 1 and not segment.exists()
    assert Pack(tmp_path, "outlines").load() == {"a": 1, "b": 2}


def _report(**fields):
    from kg.model import Report

    return Report(**{"source_file": "a.txt", "text": "Елші кездесті.", "language": "kk", **fields})


@pytest.mark.parametrize(("other", "same"), [
    (_report(source_path="a.txt"), False),
    (_report(), True),
    (_report(text="Елші кездесті!"), False),
    (_report(text="Елші кездесті.\ud800"), False),  # a lone surrogate is hashed, not refused
    (_report(title="Елші кездесті."), False),
    (_report(language="ru"), False),
    (_report(source_record=0), False),
])
def test_the_extraction_key_reads_a_reports_fields_not_which_strings_are_one_object(other, same):
    from kg.cache import extraction_key

    shared = "a.txt"
    one = _report(source_file=shared, source_path=shared)
    two = _report(source_file="".join(["a", ".t", "xt"]), source_path="".join(["a.", "txt"]))
    assert extraction_key(one, ["rules"]) == extraction_key(two, ["rules"])
    assert (extraction_key(_report(), ["rules"]) == extraction_key(other, ["rules"])) == same
    assert extraction_key(_report(), ["rules"]) != extraction_key(_report(), ["rules", "ner"])


def test_values_loaded_with_one_table_share_their_equal_strings():
    from kg.cache import Shared, shared_dumps, shared_loads

    shared = Shared()
    first = shared_loads(shared_dumps(_report(language="".join(["k", "k"]))), shared)
    second = shared_loads(shared_dumps(_report(language="".join(["k", "k"]))), shared)
    assert first == second == _report()
    assert first.language is second.language and first.text is second.text
    assert shared_loads(shared_dumps(_report()), Shared()).language is not first.language


def _values():
    from datetime import date

    from kg.cache import NO_EVIDENCE
    from kg.model import Label, PartialDate, Post, Topic

    return [Label("Астана", "kk"), Topic("trade", NO_EVIDENCE), PartialDate(2024, 5), NO_EVIDENCE,
            Post("person:marat-aliev", "ambassador", NO_EVIDENCE, country="KZ", accredited_to="BE"), date(2024, 5, 2)]


@pytest.mark.parametrize("n", range(len(_values())))
def test_equal_names_sectors_dates_posts_and_evidence_loaded_with_one_table_are_one_object(n):
    from kg.cache import Shared, shared_dumps, shared_loads

    shared = Shared()
    first, second = (shared_loads(shared_dumps(("x", _values()[n])), shared)[1] for _ in range(2))
    assert first == second == _values()[n] and first is second
    assert shared_loads(shared_dumps(("x", _values()[n])), Shared())[1] is not first


def test_an_outline_keeps_each_entitys_mentions_without_their_places_and_loads_them_as_one_object():
    from kg.cache import Shared, outline, shared_dumps, shared_loads
    from kg.model import Entity, Extraction, Label, Mention

    said = [Mention("place", 0, 8, "Астанада", "Астана", "city", "rules"),
            Mention("place", 40, 48, "Астанада", "Астана", "city", "rules"),
            Mention("place", 60, 66, "Астана", "Астана", "city", "rules")]
    x = Extraction(report=_report(), mentions=tuple(said),
                   entities=(Entity("place:astana", "place", (Label("Астана", "kk"),), "city", "KZ", tuple(said)),))
    brief = shared_loads(shared_dumps(outline(x)), Shared())
    kept = brief.entities[0].mentions
    assert [(m.text, m.value, m.kind, m.subtype) for m in kept] == [(m.text, m.value, m.kind, m.subtype) for m in said]
    assert {(m.start, m.end) for m in kept} == {(0, 0)}
    assert kept[0] is kept[1] and kept[1] is not kept[2]
    assert brief.mentions == () and brief.report.text == ""


def _told(at: int, text: str = "Астанада"):
    """An outline of a report that names Astana once, ``at`` in its text."""
    from kg.cache import outline
    from kg.model import Entity, Extraction, Label, Mention

    said = (Mention("place", at, at + len(text), text, "Астана", "city", "rules"),)
    return outline(Extraction(report=_report(), mentions=said, entities=(
        Entity("place:astana", "place", (Label("Астана", "kk"),), "city", "KZ", said),)))


@pytest.mark.parametrize(("other", "equal", "one"), [
    (_told(9), True, True),  # told alike in another place of another report
    (_told(0, "Астана"), False, False),  # in another form
])
def test_equal_entities_of_outlines_loaded_with_one_table_are_one_object(other, equal, one):
    from kg.cache import Shared, shared_dumps, shared_loads

    shared = Shared()
    first, second = (shared_loads(shared_dumps(x), shared).entities[0] for x in (_told(0), other))
    assert (first == second) == equal and (first is second) == one
    assert first.labels[0] is second.labels[0]  # the names are shared all the same
    assert shared_loads(shared_dumps(other), Shared()).entities[0] is not second


def test_a_pack_loads_the_equal_entities_of_its_outlines_as_one_object(tmp_path):
    Pack(tmp_path, "outlines").save({"a": _told(0), "b": _told(9)}, ())
    loaded = Pack(tmp_path, "outlines").load()
    assert loaded == {"a": _told(0), "b": _told(9)}
    assert loaded["a"].entities[0] is loaded["b"].entities[0]


@pytest.mark.parametrize(("wanted", "loaded"), [({"k1", "k4"}, {"k1", "k4"}), (set(), set()), ({"x"}, set()),
                                                (None, {"k0", "k1", "k2", "k3", "k4"})])
def test_a_pack_loads_only_the_values_of_the_wanted_keys(tmp_path, monkeypatch, wanted, loaded):
    monkeypatch.setattr(cache, "CHUNK", 2)
    Pack(tmp_path, "outlines").save({f"k{n}": n for n in range(5)}, ())
    assert set(Pack(tmp_path, "outlines").load(wanted=wanted)) == loaded


def test_values_not_wanted_still_count_towards_compacting_the_pack(tmp_path):
    Pack(tmp_path, "outlines").save({f"old{n}": n for n in range(6)}, ())
    pack = Pack(tmp_path, "outlines")
    held = pack.load(wanted={"old0", "new"})
    pack.save({"old0": 0, "new": 1}, held)
    assert len(list((tmp_path / "outlines").iterdir())) == 1, "rewritten as one segment: most values are stale"
    assert Pack(tmp_path, "outlines").load() == {"old0": 0, "new": 1}


@pytest.mark.parametrize(("limit", "held"), [(10**6, True), (0, False)])
def test_a_small_pack_is_preloaded_whole_with_the_table_its_equal_values_share(tmp_path, monkeypatch, limit, held):
    from kg import resolution

    monkeypatch.setattr(resolution, "PRELOAD_BYTES", limit)
    pack = Pack(tmp_path, "outlines")
    assert pack.size() == 0 and resolution.preload(pack) is None  # nothing held: nothing to load ahead
    pack.save({"a": _told(0), "b": _told(9)}, ())
    assert pack.size() == sum(f.stat().st_size for f in (tmp_path / "outlines").iterdir()) > 0
    loaded = resolution.preload(Pack(tmp_path, "outlines"))
    assert (loaded is not None) == held
    if loaded is not None:
        assert loaded.outlines == {"a": _told(0), "b": _told(9)}
        place = loaded.outlines["a"].entities[0]
        assert place is loaded.outlines["b"].entities[0] and loaded.shared[place] is place


def _extraction(name: str):
    from kg.model import Extraction, Report

    return Extraction(Report(f"{name}.txt", f"{name} met the Ambassador.", "en"), (), ())


def test_an_extraction_whose_segment_is_damaged_is_made_again_not_misread(tmp_path):
    store = cache.ExtractionCache(tmp_path)
    segment, offset, size = store.put("a", _extraction("a"))
    store.save()
    path = tmp_path / cache.EXTRACTIONS / segment
    path.write_bytes(path.read_bytes()[: offset + size // 2])  # cut short
    assert cache.ExtractionCache(tmp_path).get("a") is None
    assert cache.ExtractionCache(tmp_path).read_extraction((segment, offset, size)) is None
    path.unlink()
    assert cache.ExtractionCache(tmp_path).get("a") is None
    assert cache.ExtractionCache(tmp_path).read_extraction((segment, offset, size)) is None


def test_an_extraction_and_a_text_are_read_where_they_were_put_without_an_index(tmp_path):
    extractions, texts = cache.ExtractionCache(tmp_path), cache.TextStore(tmp_path)
    kept = extractions.put("a", _extraction("a"))
    _, where = texts.put("Посол встретился с губернатором.")
    assert kept is not None and where is not None
    extractions.save()
    texts.save()
    assert cache.ExtractionCache(tmp_path / "elsewhere").read_extraction(kept) is None  # not in that folder
    assert cache.ExtractionCache(tmp_path).read_extraction(kept) == _extraction("a")
    assert cache.TextStore(tmp_path).read_text(where) == "Посол встретился с губернатором."


@pytest.mark.parametrize("text", [
    "Қазақстан елшісі әкіммен кездесті.",
    "Посол встретился с губернатором.",
    "A lone surrogate \udc80 read from a file.",
])
def test_a_text_is_kept_under_its_hash_and_read_back_as_it_was(tmp_path, text):
    store = cache.TextStore(tmp_path)
    digest, where = store.put(text)
    assert where is not None and digest == cache.text_digest(text)
    store.save()
    assert cache.TextStore(tmp_path).get(digest) == text
    assert cache.TextStore(tmp_path).get(cache.text_digest(text + " ")) is None
    # a text held is not written again (a build that reads every file again keeps the texts where they are)
    written = {p.name: p.stat().st_size for p in (tmp_path / cache.TEXTS).iterdir()}
    assert cache.TextStore(tmp_path).put(text) == (digest, where)
    assert {p.name: p.stat().st_size for p in (tmp_path / cache.TEXTS).iterdir()} == written


def test_the_extraction_key_is_the_same_from_the_text_or_its_hash():
    from kg.model import Report

    report = Report("a.txt", "The Ambassador met the Governor.", "en")
    assert cache.extraction_key(report, ["rules"]) == cache.extraction_key(
        Report("a.txt", "", "en"), ["rules"], cache.text_digest(report.text))
    assert cache.extraction_key(report, ["rules"]) != cache.extraction_key(
        Report("a.txt", "The Ambassador met the Mayor.", "en"), ["rules"])


@pytest.mark.parametrize("pieces", [[], [b"<a> <b> <c> .\n"], [b"<a> <b> <c> .\n", b"<a> <b> <d> .\n"]])
def test_a_graph_kept_in_pieces_gives_them_as_they_come_and_keeps_them_joined(tmp_path, pieces):
    graphs = cache.GraphCache(tmp_path)
    assert list(graphs.kept("sig", iter(pieces))) == pieces
    assert graphs.get("sig") == b"".join(pieces)
    assert [p.name for p in graphs.folder.iterdir()] == ["sig" + cache.GRAPH_SUFFIX]


@pytest.mark.parametrize("lines", [0, 1, 3, 20_000])
def test_a_kept_graph_is_read_back_in_pieces_of_whole_lines(tmp_path, monkeypatch, lines):
    monkeypatch.setattr(cache, "PIECE_BYTES", 4096)
    data = b"".join(f'<x:{n}> <x:rank> "{n}" .\n'.encode() for n in range(lines))
    graphs = cache.GraphCache(tmp_path)
    graphs.put("sig", data)
    pieces = list(graphs.pieces("sig"))
    assert b"".join(pieces) == data and all(p.endswith(b"\n") for p in pieces)
    assert (len(pieces) > 1) == (lines == 20_000)


@pytest.mark.parametrize(("damage", "error"), [
    (lambda path: path.unlink(), FileNotFoundError),
    (lambda path: path.write_bytes(path.read_bytes()[:-9]), zlib.error),  # cut short
    (lambda path: path.write_bytes(b"not compressed"), zlib.error),
])
def test_a_kept_graph_that_cannot_be_read_whole_is_an_error_after_its_pieces(tmp_path, monkeypatch, damage, error):
    monkeypatch.setattr(cache, "PIECE_BYTES", 4096)
    graphs = cache.GraphCache(tmp_path)
    graphs.put("sig", b"".join(f'<x:{n}> <x:rank> "{n}" .\n'.encode() for n in range(5_000)))
    damage(graphs.path("sig"))
    with pytest.raises(error):
        list(graphs.pieces("sig"))


def test_a_graph_whose_pieces_stop_coming_is_not_kept(tmp_path):
    graphs = cache.GraphCache(tmp_path)
    parts = graphs.kept("sig", iter([b"<a> <b> <c> .\n", b"<a> <b> <d> .\n"]))
    assert next(parts) == b"<a> <b> <c> .\n"
    parts.close()
    assert graphs.get("sig") is None and list(graphs.folder.iterdir()) == []


def test_a_graph_that_cannot_be_kept_still_gives_its_pieces(tmp_path):
    (tmp_path / cache.GRAPHS).write_text("a file where the folder would be")
    graphs = cache.GraphCache(tmp_path)
    assert list(graphs.kept("sig", iter([b"<a> <b> <c> .\n"]))) == [b"<a> <b> <c> .\n"]
    assert graphs.get("sig") is None


@pytest.fixture
def fresh_lexicon(monkeypatch):
    """A process that has not loaded the lexicon yet, and counts its loads from the files; as it was afterwards."""
    from kg import lexicon

    loads: list[object] = []
    real = lexicon._load_lexicon
    lexicon.load_lexicon.cache_clear()
    monkeypatch.setattr(lexicon, "_load_lexicon", lambda onto: (loads.append(onto), real(onto))[1])
    monkeypatch.setattr(lexicon, "_GIVEN", {})
    yield loads
    lexicon.load_lexicon.cache_clear()


@pytest.mark.parametrize(("kept", "loads"), [
    ("this version", 0),  # read back
    ("another version", 1),  # written by other code or data: loaded from the files, and pickled anew
    ("not a pickle", 1),
    (None, 1),  # none yet
])
def test_the_lexicon_is_read_back_from_the_cache_only_for_this_version(tmp_path, fresh_lexicon, kept, loads):
    from kg.lexicon import load_lexicon

    path = tmp_path / cache.LEXICON_FILE
    if kept == "not a pickle":
        path.write_bytes(b"\x80\x05 not a pickle")
    elif kept is not None:
        with open(path, "wb") as fh:
            pickle.dump(cache.extractor_version() if kept == "this version" else "0" * 64, fh)
            pickle.dump(load_lexicon(), fh)
        load_lexicon.cache_clear()
        fresh_lexicon.clear()
    lexicon = cache.kept_lexicon(tmp_path)
    assert len(fresh_lexicon) == loads and load_lexicon() is lexicon
    assert lexicon.month("наурызда") == 3 and lexicon.country_named("Жапония") == "JP"
    with open(path, "rb") as fh:
        assert pickle.load(fh) == cache.extractor_version()


def test_a_held_text_that_no_longer_reads_back_whole_is_written_again(tmp_path):
    store = cache.TextStore(tmp_path)
    digest, (segment, offset, size) = store.put("Посол встретился с губернатором.")
    store.save()
    path = tmp_path / cache.TEXTS / segment
    path.write_bytes(path.read_bytes()[:offset + size // 2])  # cut short
    again = cache.TextStore(tmp_path)
    _, where = again.put("Посол встретился с губернатором.")
    assert where is not None and where != (segment, offset, size)
    assert again.read_text(where) == "Посол встретился с губернатором." and again.get(digest) is not None
