"""``kg query`` without the command-line framework: a query call starts in the time Python and the
store take to open.

``python -m kg query ...`` and the ``kg`` command come here first (``kg.__main__``). The plain
forms of the command (a query, ``--graph``, ``--format``, ``--param``, ``--limit``, ``--offset``)
are read here; anything else (``--help``, ``--list``, ``--lang``, an unknown option or a malformed
value) goes to the click command in ``kg.cli``, which prints its usual help and errors.
Both run the query the same way (``run_query``).
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

# The output formats of a query (kg.query renders them); here so that reading the options imports nothing.
FORMATS = ("table", "csv", "tsv", "json")
# A plain call keeps the graph's path as written: it imports neither pathlib nor typing (``kg.files``).
DEFAULT_GRAPH = os.path.join("exports", "diplomacy.ttl")
# The stacks of the threads on which RocksDB opens a store's tables in a plain call (``kg.files.thread_stacks``): with
# glibc's default of 8 MB, opening the store of 10,000 reports took 9.7 to 10.9 ms, with 1 MB 6.0 to 6.5 ms (7 opens
# each), and whole calls of who-met-whom, explain, reports-mentioning-organization and countries took 1.6, 2.0, 2.6
# and 2.4 ms less (medians of 50 calls each, taken in turn with the calls opening it as before), the import of
# ctypes (1.7 ms) included. The first store a process opens also starts RocksDB's background threads, which keep
# those stacks: a plain call only reads the store and ends, where a longer process may compact one on them.
OPENING_STACK = 1 << 20
# Options that take a value, by the keyword argument of ``run_query`` they fill.
VALUED = {"--graph": "graph_path", "--format": "fmt", "--param": "params", "--limit": "limit", "--offset": "offset"}


def param(text: str) -> tuple[str, str]:
    """``NAME=VALUE`` of a ``--param`` option."""
    from kg.errors import DipkgError

    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise DipkgError(f"--param {text!r}: expected NAME=VALUE")
    return name, value


def run_query(query: str, graph_path: str | os.PathLike[str], fmt: str, params: Sequence[str], limit: int | None,
              offset: int, *, thread_stack: int | None = None) -> str:
    """The text ``kg query`` prints: the rows of QUERY on the graph, rendered in ``fmt``; a table
    shows ``TABLE_ROWS`` rows unless a limit is given. ``thread_stack``: see ``OPENING_STACK``."""
    from kg import query as q
    from kg.files import thread_stacks

    given = dict(param(p) for p in params)
    with thread_stacks(thread_stack):
        store = q.load_store(graph_path)
    if limit is None and fmt == "table":
        limit = q.TABLE_ROWS
    return q.render(q.ask(store, query, given, limit=limit, offset=offset), fmt)


def parse(args: Sequence[str]) -> dict | None:
    """The keyword arguments of ``run_query`` for a plain call, or None for anything else."""
    out: dict = {"graph_path": DEFAULT_GRAPH, "fmt": "table", "params": [], "limit": None, "offset": 0}
    query = None
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in VALUED:
            if not eq:
                if not rest:
                    return None
                value = rest.pop(0)
            key = VALUED[name]
            if key == "params":
                out[key].append(value)
            elif key in ("limit", "offset"):
                if not value.isdigit():
                    return None
                out[key] = int(value)
            elif key == "fmt":
                if value not in FORMATS:
                    return None
                out[key] = value
            else:
                out[key] = value
        elif arg.startswith("-") or query is not None:
            return None
        else:
            query = arg
    if query is None:
        return None
    return {"query": query, **out}


def main(args: Sequence[str]) -> bool:
    """Run a plain ``kg query`` call (the arguments after ``query``) and exit; False when click should
    read the arguments instead."""
    options = parse(args)
    if options is None:
        return False
    from kg.errors import DipkgError

    try:
        text = run_query(**options, thread_stack=OPENING_STACK)
    except DipkgError as exc:
        sys.stderr.write(f"Error: {exc}\n")
        sys.exit(1)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
    return True
