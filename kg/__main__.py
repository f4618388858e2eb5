import os
import sys


def main() -> None:
    """The ``kg`` command: a plain ``kg query`` call runs without click (``kg.query_call``), any other
    command through ``kg.cli``."""
    if sys.argv[1:2] == ["query"]:
        from kg.query_call import main as query

        if query(sys.argv[2:]):
            # The answer is printed and the store was only read: leave without tearing down the
            # interpreter and the store, a tenth of a short call.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)
    from kg.cli import main as cli

    cli()


if __name__ == "__main__":
    main()
