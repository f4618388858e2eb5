import os
import sys

# Commands after whose success the process leaves without tearing the interpreter down: a build's
# files are all written and published by then, and freeing what it loaded once (the word lists, the
# models) takes a tenth of a rebuild that adds one report.
LEAVE_AT_ONCE = frozenset({"build"})


def main() -> None:
    """The ``kg`` command: a plain ``kg query`` call runs without click (``kg.query_call``), any other
    command through ``kg.cli``."""
    if sys.argv[1:2] == ["query"]:
        from kg.query_call import main as query

        if query(sys.argv[2:]):
            # The answer is printed and the store was only read: leave without tearing down the
            # interpreter and the store, a tenth of a short call.
            _leave()
    from kg.cli import main as cli

    try:
        cli()
    except SystemExit as done:
        if done.code in (0, None) and sys.argv[1:2] and sys.argv[1] in LEAVE_AT_ONCE:
            _leave()
        raise


def _leave() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
