"""The package as a wheel installs it: every data file the source folder has (the ontology too, which the package
holds as a link to the project's folder), and a build, a query and a validation run from it alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORT = ("Minister of Foreign Affairs of Kazakhstan Aibek Nurlanuly Seitov met Ambassador of Japan to Kazakhstan "
          "Kenji Morita in Astana on 12 March 2025. The parties discussed trade, energy and education.\n")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built from a copy of its files (the build leaves its own files where it runs)."""
    pytest.importorskip("setuptools", minversion="77")
    where = tmp_path_factory.mktemp("wheel")
    source = where / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("kg", "ontology"):
        shutil.copytree(ROOT / name, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "--wheel-dir", str(where / "dist"), str(source)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    (built,) = (where / "dist").glob("*.whl")
    return built


def _package_files() -> set[str]:
    """The files of the source folder's package (through its links), as a wheel names them."""
    out = set()
    for folder, dirs, files in os.walk(ROOT / "kg", followlinks=True):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        out.update(Path(folder, f).relative_to(ROOT).as_posix() for f in files if not f.endswith(".pyc"))
    return out


def test_the_wheel_holds_every_file_of_the_package_and_the_ontology(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as whl:
        names = set(whl.namelist())
    assert _package_files() <= names
    assert {f"kg/ontology/{p.name}" for p in (ROOT / "ontology").glob("*.ttl")} <= names


def test_an_installed_wheel_builds_queries_and_validates(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as whl:
        whl.extractall(site)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "2025-03-12_visit.txt").write_text(REPORT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}

    def kg(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=600,
                              env=env, cwd=tmp_path)

    found = subprocess.run([sys.executable, "-c", "import kg.files; print(kg.files.ONTOLOGY_DIR)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    assert Path(found.stdout.strip()) == site / "kg" / "ontology", found.stderr
    built = kg("build", "in", "--out", "out", "--no-views")
    assert built.returncode == 0, built.stderr
    asked = kg("query", "SELECT (COUNT(*) AS ?n) { ?m a <https://w3id.org/dipkg/ontology#Meeting> }",
               "--graph", "out", "--format", "csv")
    assert asked.returncode == 0 and asked.stdout.split() == ["n", "1"], asked.stderr
    checked = kg("validate", "--graph", "out")
    assert checked.returncode == 0 and "conforms" in checked.stdout, checked.stderr
