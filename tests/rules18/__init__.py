"""The table of issue 11: for every registered rule, its correct form and broken variants of it.

Each theory's rows are in a module of their own (``probability``, ``moments``, ...); ``ROWS``
joins them, and ``tests/test_rules18_registry.py`` asserts the table covers the registry.
"""
