from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seeds_build():
    from kg.pipeline import build

    return build([ROOT / "seeds"])


@pytest.fixture(scope="session")
def seed_files(seeds_build, tmp_path_factory) -> dict[str, Path]:
    """The seeds' graph written once as Turtle (every triple once) and TriG (a graph per report)."""
    from kg.graph import write_dataset

    folder = tmp_path_factory.mktemp("seed-files")
    seeds_build.graph.serialize(folder / "diplomacy.ttl", format="turtle")
    write_dataset(seeds_build.dataset, folder / "diplomacy.trig", "trig")
    return {"ttl": folder / "diplomacy.ttl", "trig": folder / "diplomacy.trig"}
