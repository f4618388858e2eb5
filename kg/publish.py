"""Writing a build's files into an output folder: one build at a time, all files at once.

``output_lock`` holds an exclusive lock on ``OUT/.dipkg.lock`` for the whole build, so a second
build into the same folder stops with a one-line error instead of interleaving its files.
``publish`` writes every file into a fresh hidden folder beside the outputs and then renames
them into place one after another, after all of them are written: a reader meets the old files or
the new ones (a build killed while writing leaves the old files whole, and the next build removes
what it left). Errors of the file system (a full disk, a read-only folder, a path below a
regular file) become a ``DipkgError`` naming the path.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import DipkgError

LOCK_NAME = ".dipkg.lock"
STAGING_PREFIX = ".dipkg-build-"


def fs_error(path: Path | str, exc: OSError) -> DipkgError:
    """A one-line error naming the path the file system refused, and why."""
    where = exc.filename or path
    reason = {errno.ENOSPC: "no space left on the device", errno.EROFS: "read-only file system",
              errno.EACCES: "permission denied", errno.EPERM: "operation not permitted",
              errno.ENOTDIR: "a part of the path is a file, not a folder",
              errno.EEXIST: "a file is in the way"}.get(exc.errno or 0, exc.strerror or str(exc))
    return DipkgError(f"{where}: cannot write: {reason}")


@contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold the output folder's lock; another build already holding it is an error."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(out_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise fs_error(out_dir, exc) from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DipkgError(f"{out_dir}: another build is writing into this folder") from None
        for stale in out_dir.glob(STAGING_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True)
        yield
    finally:
        os.close(fd)


def publish(out_dir: Path, write: Callable[[Path], list[Path]]) -> tuple[Path, ...]:
    """Call ``write`` with an empty staging folder, then move the files it wrote into ``out_dir``."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
    except OSError as exc:
        raise fs_error(out_dir, exc) from exc
    try:
        try:
            files = write(staging)
            targets = [out_dir / f.relative_to(staging) for f in files]
            for source, target in zip(files, targets, strict=True):
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
        except OSError as exc:
            raise fs_error(out_dir, exc) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return tuple(targets)
