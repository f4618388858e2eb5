"""Files compressed with gzip (``feed.jsonl.gz``, ``pages/2024-03-01.html.gz``), as scrapers and archives
keep large exports: each is read as the file inside it, whose format its name without ``.gz`` says.

Nothing is unpacked on disk. A file that grows past ``MAX_BYTES`` once decompressed stops being read there
(a small file can hold gigabytes of zeros), and a damaged one is named as such, each in one line."""

from __future__ import annotations

import gzip
import io
import zlib

from kg.errors import DipkgError

SUFFIX = ".gz"
# What a compressed file may hold once decompressed: far more than a collection's export of 100,000 reports.
MAX_BYTES = 2 << 30
# What is read of it at a time.
CHUNK = 1 << 20


def compressed(name: str) -> bool:
    """Is a file of this name compressed with gzip?"""
    return name.lower().endswith(SUFFIX)


def inner_name(name: str) -> str:
    """The name of the file a compressed file holds (``feed.jsonl.gz`` → ``feed.jsonl``); other names as they are."""
    return name[: -len(SUFFIX)] if compressed(name) else name


def decompress(raw: bytes, shown: str, *, limit: int | None = None) -> bytes:
    """The bytes a gzip file holds (all of its members, as ``zcat`` reads them), or a one-line error naming it;
    ``limit``: ``MAX_BYTES`` unless given."""
    limit = MAX_BYTES if limit is None else limit
    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as fh:
            while chunk := fh.read(CHUNK):
                out += chunk
                if len(out) > limit:
                    raise DipkgError(f"{shown}: more than {limit:,} bytes once decompressed; "
                                     "split it or decompress it")
    except EOFError as exc:
        raise DipkgError(f"{shown}: a gzip file cut short") from exc
    except (OSError, zlib.error) as exc:
        if isinstance(exc, gzip.BadGzipFile) and str(exc).startswith("Not a gzip"):
            raise DipkgError(f"{shown}: not a gzip file, though its name ends in {SUFFIX}") from exc
        raise DipkgError(f"{shown}: a damaged gzip file ({str(exc).rstrip('.') or type(exc).__name__})") from exc
    return bytes(out)
