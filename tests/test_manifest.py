"""kg.manifest: what a store holds, kept in SQLite."""

from __future__ import annotations

import sqlite3

import pytest

from kg.manifest import MANIFEST_NAME, OLD_MANIFEST_NAME, Manifest, Signatures, new_signatures
from kg.store import DATABASE_NAME, store_dir

GRAPHS = [
    {},
    {"urn:report:a": "1"},
    {"urn:report:b": "2", "urn:report:a": "1", "https://example.org/kg/tally/Қазақстан": "3"},
    {f"urn:report:{n:05d}": f"{n:064x}" for n in range(3_000)},
]


@pytest.mark.parametrize("graphs", GRAPHS)
def test_signatures_map_graphs_as_a_dict_does_in_the_order_of_their_names(tmp_path, graphs):
    signatures = Signatures(tmp_path / "s.sqlite")
    signatures.update(graphs)
    assert dict(signatures) == graphs and len(signatures) == len(graphs)
    assert list(signatures) == sorted(graphs)
    assert "urn:report:none" not in signatures and signatures.get("urn:report:none") is None
    with pytest.raises(KeyError):
        signatures["urn:report:none"]
    for graph in list(graphs)[:2]:
        signatures[graph] = "changed"
        assert signatures[graph] == "changed"
        del signatures[graph]
        assert graph not in signatures
    with pytest.raises(KeyError):
        del signatures["urn:report:none"]


@pytest.mark.parametrize("graphs", GRAPHS)
@pytest.mark.parametrize(("triples", "tables"), [(None, None), (12, 3)])
def test_a_manifest_written_is_read_back(tmp_path, graphs, triples, tables):
    Manifest(dict(graphs), "v1", triples, tables).write(tmp_path)
    read = Manifest.read(tmp_path)
    assert (dict(read.graphs), read.extractor, read.triples, read.tables) == (graphs, "v1", triples, tables)
    read.close()


@pytest.mark.parametrize("graphs", GRAPHS)
def test_signatures_set_in_the_new_file_are_kept_by_write_and_the_old_file_is_only_read(tmp_path, graphs):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    Manifest({"urn:report:gone": "0"}, "v0").write(old)
    before = (old / MANIFEST_NAME).read_bytes()
    read = Manifest.read(old)
    signatures = new_signatures(new)
    signatures.update(graphs)
    assert Manifest(signatures, "v1", 5).write(new) == new / MANIFEST_NAME
    assert dict(Manifest.read(new).graphs) == graphs
    assert dict(read.graphs) == {"urn:report:gone": "0"} and (old / MANIFEST_NAME).read_bytes() == before
    with pytest.raises(sqlite3.OperationalError):
        read.graphs["urn:report:a"] = "1"  # type: ignore[index]


@pytest.mark.parametrize("content", [None, b"", b"not a database", "version"])
def test_a_missing_unreadable_or_other_versions_manifest_is_read_as_none(tmp_path, content):
    path = tmp_path / MANIFEST_NAME
    if content == "version":
        Manifest({"urn:report:a": "1"}, "v1").write(tmp_path)
        with sqlite3.connect(path) as db:
            db.execute("UPDATE about SET value = 1 WHERE name = 'version'")
    elif content is not None:
        path.write_bytes(content)
    assert Manifest.read(tmp_path) == Manifest({})


@pytest.mark.parametrize("name", [MANIFEST_NAME, OLD_MANIFEST_NAME])
def test_a_store_with_either_manifest_is_a_store_and_only_the_new_one_is_read(tmp_path, name):
    (tmp_path / "store" / DATABASE_NAME).mkdir(parents=True)
    if name == MANIFEST_NAME:
        Manifest({"urn:report:a": "1"}).write(tmp_path / "store")
    else:
        (tmp_path / "store" / name).write_text('{"version": 1, "graphs": {"urn:report:a": "1"}}', encoding="utf-8")
    assert store_dir(tmp_path) == tmp_path / "store"
    assert dict(Manifest.read(tmp_path / "store").graphs) == ({"urn:report:a": "1"} if name == MANIFEST_NAME else {})


@pytest.mark.parametrize("count", [1, 4095, 4096, 4097, 9000])
def test_signatures_set_in_batches_are_read_and_kept_whole(tmp_path, count):
    graphs = {f"urn:report:{n:05d}": str(n) for n in range(count)}
    signatures = Signatures(tmp_path / "s.sqlite")
    for graph, signature in graphs.items():
        signatures[graph] = signature
    assert signatures["urn:report:00000"] == "0" and len(signatures) == count
    signatures["urn:report:00000"] = "again"
    assert dict(signatures) == {**graphs, "urn:report:00000": "again"}
    signatures.commit({})
    signatures.close()
    assert dict(Signatures(tmp_path / "s.sqlite", readonly=True)) == {**graphs, "urn:report:00000": "again"}
