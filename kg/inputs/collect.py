"""Inputs → ``Report`` values that keep where they came from (file, record number, URL).

A file or record that cannot be read becomes one line naming it and the problem, and is skipped;
an encoding that had to be guessed, or metadata that says nothing usable, becomes a note. The
caller decides whether a problem fails the build (``--strict``).
"""

from __future__ import annotations

import collections
import hashlib
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.cache import TextStore, text_digest
from kg.encodings import decode
from kg.errors import DipkgError
from kg.inputs import gzipped, reader_for, reader_named
from kg.inputs.base import Fields, Item, Reader, Skip
from kg.inputs.locate import Source, locate
from kg.inputs.memo import Gave, Memo
from kg.model import Report
from kg.reports import MAX_CHARS, parse_date, parse_report
from kg.segments import Location

# An address a report may carry: a scheme, then no space or control character.
URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f]+")
# What parts a language tag (en-GB, kk_KZ).
TAG_PARTS = re.compile(r"[-_]")
MAX_URL = 2_000
MAX_TITLE = 1_000
# A file changed less than this long ago (ns) is read even when its status is the one remembered.
RACY_NS = 2_000_000_000
# Files to read past which they are read on several processes: a plain text file takes far less than a process
# costs to start, an HTML page's main text milliseconds to find.
READ_PER_PROCESS = 64


@dataclass(frozen=True)
class InputOptions:
    """How inputs are read: the record fields, a format for every input (by suffix when None), and
    where standard input comes from (``sys.stdin`` when None)."""

    fields: Fields = field(default_factory=Fields)
    format: str | None = None
    strict: bool = False
    stdin: Callable[[], bytes] | None = None


@dataclass(frozen=True)
class Collected:
    """The reports read, each text's hash (``text_digest``) beside it, and the lines naming the inputs skipped and
    the encodings guessed. A report whose text ``collect`` kept in its ``TextStore`` has none here."""

    reports: tuple[Report, ...]
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    digests: tuple[str, ...] = ()


class UnreadableInputs(DipkgError):
    """Inputs that could not be read, under ``--strict``: the message is one line, ``problems``
    names each."""

    def __init__(self, problems: tuple[str, ...]) -> None:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"--strict: {len(problems)} input(s) could not be read; {first}{more}")
        self.problems = problems

    def __reduce__(self) -> tuple[type[UnreadableInputs], tuple[tuple[str, ...]]]:
        return type(self), (self.problems,)  # pickled by its problems (a build's process working apart raises it)


@dataclass
class _Log:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def collect(paths: Iterable[Path], options: InputOptions = InputOptions(), *,
            month: Callable[[str], int | None] | None = None, exclude: Iterable[Path] = (),
            memo: Memo | None = None, jobs: int = 1, texts: TextStore | None = None,
            into: Callable[[Iterator[tuple[Report, str]]], object] | None = None) -> Collected:
    """The reports of every input under ``paths``, each with a key no other has.

    Two files that share a relative path (``a/x.txt`` and ``b/x.txt`` given as files) are told
    apart by their text's hash, and the same text under the same key is read once. Nothing under
    the folders of ``exclude`` is read. ``memo`` keeps what each file gave (``kg.inputs.memo``), under the hash of
    its bytes, its names, the options and ``version`` (the reading code's), and under its unchanged
    status: a file met again is read but not parsed again, and not even read when its size, times
    and inode are those it had. Past ``READ_PER_PROCESS`` files to read, they are read on ``jobs``
    processes (an HTML page's main text takes milliseconds to find); what is collected does not
    depend on how many.

    With ``texts``, the texts are kept there (by the process that reads them) rather than in the reports: a
    large collection is not held in memory, and a file the memo knows gives its reports without being read
    while the store holds their texts. With ``into``, the reports and their texts' hashes are handed to it as
    they are read, and the ``Collected`` holds none of them."""
    log = _Log()
    pairs = _collected(paths, options, month, exclude, memo, jobs, texts, log)
    if into is not None:
        into(pairs)
        collections.deque(pairs, maxlen=0)  # whatever ``into`` left unread
        reports: tuple[tuple[Report, str], ...] = ()
    else:
        reports = tuple(pairs)
    if options.strict and log.problems:
        raise UnreadableInputs(tuple(log.problems))
    return Collected(tuple(r for r, _ in reports), tuple(log.problems), tuple(log.notes),
                     tuple(d for _, d in reports))


def _collected(paths: Iterable[Path], options: InputOptions, month: Callable[[str], int | None] | None,
               exclude: Iterable[Path], memo: Memo | None, jobs: int, texts: TextStore | None,
               log: _Log) -> Iterator[tuple[Report, str]]:
    """``collect``'s reports with their texts' hashes, as they are read; the problems and notes go to ``log``."""
    forced = reader_named(options.format) if options.format else None
    linked: list[str] = []
    sources = locate(paths, exclude=exclude, linked=linked)
    log.notes.extend(f"{folder}: a linked folder, not searched (name it to read it)" for folder in sorted(linked))
    seen: dict[str, str] = {}  # the reports' keys, and their texts' hashes
    for found in _gave(sources, [forced or reader_for(s.file) for s in sources], options, month, memo, jobs, texts):
        log.problems.extend(found.problems)
        log.notes.extend(found.notes)
        for report, digest in zip(found.reports, found.digests, strict=True):
            if seen.get(report.key, digest) != digest:
                report = replace(report, identity=f"{report.key}@{digest[:12]}")
            if report.key not in seen:
                seen[report.key] = digest
                yield report, digest


@dataclass(frozen=True)
class _Reading:
    """What the processes reading the inputs of one ``collect`` share (they are forked: nothing of it is pickled;
    each file's own part comes with its ``_Task``)."""

    readers: Sequence[Reader]
    options: InputOptions
    month: Callable[[str], int | None] | None
    memo: Memo | None
    texts: TextStore | None


_READING: _Reading | None = None
# One file to read: its number among the sources, the source and its key by its status (``_unchanged_key``).
_Task = tuple[int, Source, bytes | None]


def _gave(sources: Sequence[Source], readers: Sequence[Reader], options: InputOptions,
          month: Callable[[str], int | None] | None, memo: Memo | None, jobs: int,
          texts: TextStore | None) -> Iterator[Gave]:
    """What each source gave, in their order: from the memo by its unchanged status, else read (standard input
    here, files on ``jobs`` processes when there are many to read; a file the memo knows whose texts left
    ``texts`` read here too). What was read is kept in the memo (``Memo.keep``), and the texts in ``texts``
    (where given)."""
    global _READING
    from kg.workers import Mapped, run

    # each file's status first: one that changes while it is read is read again by the next build
    unchanged = [_unchanged_key(s, r, options, memo.version) if memo is not None else None
                 for s, r in zip(sources, readers, strict=True)]
    if texts is not None:
        texts.index  # noqa: B018 (read before the reading processes are forked, which share it)
    unknown = memo.unknown(unchanged) if memo is not None else range(len(sources))
    files = [n for n in unknown if sources[n].file is not None]
    _READING = _Reading(readers, options, month, memo, texts)
    # each file's source and key go to the process that reads it: touching the lists here would copy their pages
    # into every reading process (at 100,000 files about 50 MB each)
    tasks = Mapped(lambda n: (n, sources[n], unchanged[n]), files)
    read = run(_read_source, tasks, jobs=jobs if len(files) >= READ_PER_PROCESS else 1, what="reading", unit="file")
    known = memo.by_status(unchanged) if memo is not None else iter(())
    try:
        next_known, next_file = next(known, None), 0
        for n, source in enumerate(sources):
            if next_known is not None and next_known[0] == n:
                found = _usable(next_known[1], texts)
                next_known = next(known, None)
                if found is not None:
                    yield found  # not even read
                    continue
            if next_file < len(files) and files[next_file] == n:
                keys, found, kept = next(read)
                next_file += 1
            else:  # standard input, or a file whose texts left the store: read here
                keys, found, kept = _read_source((n, source, unchanged[n]))
            if texts is not None:
                for digest, where in kept:
                    texts.note(digest, where)
            if memo is not None:
                memo.keep(keys, found)
            yield found
    finally:
        read.close()  # its processes stop, should the reading end early
        _READING = None


def _read_source(task: _Task) -> tuple[tuple[bytes, ...], Gave, tuple[tuple[str, Location], ...]]:
    """What source ``n`` of the reading under way gave (read, or found in its memo by the hash of its bytes), the
    keys the memo is to keep it under, and where the texts it kept lie (by their hashes)."""
    assert _READING is not None
    n, source, unchanged = task
    reader, options, month, memo = _READING.readers[n], _READING.options, _READING.month, _READING.memo
    if memo is None or source.file is None:
        return (), *_kept(_read_all(source, reader, options, month), _READING.texts)
    try:
        raw = _bytes(source, options)
    except DipkgError as exc:
        return (), Gave((), (), (str(exc),), ()), ()
    digest = hashlib.sha256(repr(_named(source, reader, options, memo.version)).encode("utf-8"))
    digest.update(raw)
    key = digest.digest()
    found = _usable(memo.get(key), _READING.texts)
    kept: tuple[tuple[str, Location], ...] = ()
    if found is None:
        found, kept = _kept(_read_all(source, reader, options, month, raw=raw), _READING.texts)
    return (key, unchanged) if unchanged else (key,), found, kept


def _kept(found: Gave, texts: TextStore | None) -> tuple[Gave, tuple[tuple[str, Location], ...]]:
    """What a source gave with its texts kept in ``texts`` (each one that could be written there), and where
    they lie."""
    if texts is None:
        return found, ()
    reports, kept = [], []
    for report in found.reports:
        digest, where = texts.put(report.text)
        if where is not None:
            report = replace(report, text="")
            kept.append((digest, where))
        reports.append(report)
    return found._replace(reports=tuple(reports)), tuple(kept)


def _usable(found: Gave | None, texts: TextStore | None) -> Gave | None:
    """What the memo says a source gave, unless a report of it left its text in a ``TextStore`` that no longer
    holds it (the source is then read again)."""
    if found is None or all(r.text or (texts is not None and d in texts.index)
                            for r, d in zip(found.reports, found.digests, strict=True)):
        return found
    return None


def _unchanged_key(source: Source, reader: Reader, options: InputOptions, version: str) -> bytes | None:
    """The key of what a file gave by its names and its status (``_status``), None where that cannot be trusted."""
    status = _status(source)
    if status is None:
        return None
    return hashlib.sha256(repr((*_named(source, reader, options, version), status)).encode("utf-8")).digest()


def _named(source: Source, reader: Reader, options: InputOptions, version: str) -> tuple[object, ...]:
    """What every memo key of a file holds: the reading code's version, the reader, the fields and its names."""
    return version, reader.name, options.fields, source.identity, source.shown, source.name


def _read_all(source: Source, reader: Reader, options: InputOptions, month: Callable[[str], int | None] | None,
              *, raw: bytes | None = None) -> Gave:
    own = _Log()
    reports = tuple(_read(source, reader, options, month, own, raw=raw))
    return Gave(reports, tuple(text_digest(r.text) for r in reports), tuple(own.problems), tuple(own.notes))


def _status(source: Source) -> tuple[str, int, int, int, int] | None:
    """A file's path, size, modification and change times (ns) and inode; None if it cannot be read, or was
    changed so lately that a change within the file system's time resolution could leave its status as it
    was (a "racy" file, as git calls it: it is read)."""
    if source.file is None:
        return None
    try:
        st = os.stat(source.file)
    except OSError:
        return None
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS:
        return None
    return os.path.join(os.getcwd(), source.file), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def _read(source: Source, reader: Reader, options: InputOptions, month: Callable[[str], int | None] | None,
          log: _Log, *, raw: bytes | None = None) -> Iterator[Report]:
    try:
        raw = _bytes(source, options) if raw is None else raw
        decoded = decode(raw, source.shown, declared=reader.declared(raw) if reader.declared else None)
    except DipkgError as exc:
        log.problems.append(str(exc))
        return
    if decoded.guessed:
        log.notes.append(f"{source.shown}: encoding guessed as {decoded.encoding}")
    try:
        for item in reader.items(decoded.text, options.fields):
            where = f"{source.shown} record {item.record}" if item.record else source.shown
            if isinstance(item, Skip):
                log.problems.append(f"{where}: {item.problem}")
                continue
            try:
                yield _report(source, item, where, month, log)
            except DipkgError as exc:
                log.problems.append(str(exc))
    except Exception as exc:  # a parser's failure on one file must not end the build
        log.problems.append(f"{source.shown}: cannot read it as {reader.name}: {_one_line(str(exc))}")


def _bytes(source: Source, options: InputOptions) -> bytes:
    if source.file is None:
        return options.stdin() if options.stdin is not None else sys.stdin.buffer.read()
    try:
        with open(source.file, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise DipkgError(f"{source.shown}: cannot read it: {exc.strerror or exc}") from exc
    return gzipped.decompress(raw, source.shown) if gzipped.compressed(source.file) else raw


def _report(source: Source, item: Item, where: str, month: Callable[[str], int | None] | None,
            log: _Log) -> Report:
    if len(item.text) > MAX_CHARS:
        raise DipkgError(f"{where}: {len(item.text):,} characters, more than the {MAX_CHARS:,} a report may "
                         f"have; split it")
    try:
        report = parse_report(source.name, item.text, month=month)
    except DipkgError as exc:
        raise DipkgError(f"{where}: {str(exc).removeprefix(source.name + ': ')}") from exc
    published = parse_date(item.date, month) if item.date else None
    if item.date and published is None:
        log.notes.append(f"{where}: no date in {_one_line(item.date)[:40]!r}; the text's dateline is used")
    url = _one_line(item.url or "") or None
    if url and (len(url) > MAX_URL or not URL.fullmatch(url)):
        log.notes.append(f"{where}: {url[:40]!r} is no URL; left out")
        url = None
    title = _one_line(item.title or "")[:MAX_TITLE] or None
    identity = f"{source.identity}#{item.record}" if item.record is not None else source.identity
    return replace(report, published=published or report.published, title=title or report.title,
                   language=_language(item.language, report, where, log), identity=identity,
                   source_path=source.identity, source_record=item.record, source_url=url or report.source_url)


def _language(given: str | None, report: Report, where: str, log: _Log) -> str:
    """The language a record names, when it is one dipkg reads (``ru``, ``ru-RU``, ``rus``); else the
    language detected from the text."""
    if not given:
        return report.language
    from kg.lang import languages

    code = TAG_PARTS.split(given.strip().lower(), maxsplit=1)[0]
    if len(code) == 3:
        import pycountry

        found = pycountry.languages.get(alpha_3=code)
        code = getattr(found, "alpha_2", code) if found is not None else code
    if code in languages():
        return code
    log.notes.append(f"{where}: language {_one_line(given)[:20]!r} is not one dipkg reads; "
                     f"read as {report.language}, the language of its text")
    return report.language


def _one_line(text: str) -> str:
    return " ".join(text.split())
