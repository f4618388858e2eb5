"""English: the named-entity recogniser (``ner``) and its word lists."""
