"""dipkg: a knowledge graph of diplomatic meetings, extracted offline from news reports."""

__version__ = "0.1.0"
