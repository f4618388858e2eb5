"""Writing a build's files into an output folder: one build at a time, all files at once.

``output_lock`` holds an exclusive lock on ``OUT/.dipkg.lock`` for the whole build, so a second
build into the same folder stops with a one-line error instead of interleaving its files.
``publish`` writes every file into a fresh hidden folder beside the output folder, links into it
whatever else the output folder holds, and then swaps the two folders in one step (Linux
``renameat2`` with ``RENAME_EXCHANGE``): a reader meets the whole old build or the whole new one.
Where the system cannot swap folders, the files are renamed into place one after another once
all are written. A build killed while writing leaves the old files whole, and the next build
removes what it left. Errors of the file system (a full disk, a read-only folder, a path below a
regular file) become a ``DipkgError`` naming the path.
"""

from __future__ import annotations

import ctypes
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
# renameat2's flag that swaps two paths, and the "current folder" file descriptor.
RENAME_EXCHANGE = 2
AT_FDCWD = -100
# What a system or file system that cannot swap answers.
NO_EXCHANGE = frozenset({errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EXDEV})


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
        for stale in [*out_dir.glob(STAGING_PREFIX + "*"), *out_dir.parent.glob(_sibling_prefix(out_dir) + "*")]:
            shutil.rmtree(stale, ignore_errors=True)
        yield
    finally:
        os.close(fd)


def publish(out_dir: Path, write: Callable[[Path], list[Path]], *, move: tuple[str, ...] = (),
            drop: tuple[str, ...] = ()) -> tuple[Path, ...]:
    """Call ``write`` with an empty staging folder, then put what it wrote (files or folders) in
    ``out_dir`` at once. The entries of ``out_dir`` named in ``move`` (a cache no reader needs
    whole) are moved into the new folder rather than linked file by file; those named in ``drop``
    (files this build makes out of date without writing them) are not kept."""
    out = out_dir.resolve()
    try:
        staging = Path(tempfile.mkdtemp(prefix=_sibling_prefix(out), dir=out.parent))
    except OSError:
        staging = None  # a parent we may not write into: stage inside the folder, rename file by file
    if staging is None:
        try:
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
        except OSError as exc:
            raise fs_error(out_dir, exc) from exc
    try:
        try:
            files = write(staging)
            targets = [out_dir / f.relative_to(staging) for f in files]
            if staging.parent != out and _swap_in(staging, out, files, move, drop):
                return tuple(targets)
            for name in drop:
                (out / name).unlink(missing_ok=True)
            for source, target in zip(files, targets, strict=True):
                target.parent.mkdir(parents=True, exist_ok=True)
                if source.is_dir() and target.is_dir():
                    aside = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
                    os.replace(target, aside / target.name)
                    os.replace(source, target)
                    shutil.rmtree(aside, ignore_errors=True)
                else:
                    os.replace(source, target)
        except OSError as exc:
            raise fs_error(out_dir, exc) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return tuple(targets)


def _sibling_prefix(out: Path) -> str:
    return f".{out.resolve().name}{STAGING_PREFIX}"


def _swap_in(staging: Path, out: Path, files: list[Path], move: tuple[str, ...] = (),
             drop: tuple[str, ...] = ()) -> bool:
    """Give ``staging`` the rest of ``out`` (hard links) and swap the two folders; False where impossible.

    After the swap ``staging`` holds the old build, which the caller removes.
    """
    written = {f.relative_to(staging).parts[0] for f in files}
    for entry in out.iterdir():
        if entry.name in written or entry.name in drop or entry.name.startswith(STAGING_PREFIX):
            continue
        target = staging / entry.name
        if entry.name in move:
            os.replace(entry, target)
        elif entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target)
    shutil.copystat(out, staging)
    return _exchange(staging, out)


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    if Path(source).is_symlink():
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2``); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in NO_EXCHANGE:
        return False
    raise OSError(err, os.strerror(err), str(b))
