import sys


def main() -> None:
    """The ``kg`` command: a plain ``kg query`` call runs without click (``kg.query_call``), any other
    command through ``kg.cli``."""
    if sys.argv[1:2] == ["query"]:
        from kg.query_call import main as query

        if query(sys.argv[2:]):
            return
    from kg.cli import main as cli

    cli()


if __name__ == "__main__":
    main()
