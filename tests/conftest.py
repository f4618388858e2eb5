from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seeds_build():
    from kg.pipeline import build

    return build([ROOT / "seeds"])
