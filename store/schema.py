"""A store's tables as this whosaid reads them: its manifest read, its schema checked, earlier ones upgraded in memory.

A reader that needs no writer (a search read by key) imports this module alone, not the store's writer and snapshot.
"""

from __future__ import annotations

from pathlib import Path

from store.errors import StoreError, shown_path
from store.migrations import READ_AS_IS_FROM, SCHEMA_VERSION, migrate
from store.storage import TableFilesStorage, Tables


def check_schema(schema: int, path: Path) -> None:
    """Refuse a store written by a newer whosaid, whose shape this one does not know."""
    if not isinstance(schema, int) or schema < 1:
        raise StoreError(f"{shown_path(path)}: damaged store manifest (no schema version); pass another --db")
    if schema > SCHEMA_VERSION:
        raise StoreError(
            f"{shown_path(path)}: written by a newer whosaid (schema {schema}); upgrade whosaid to open it"
        )


def read_tables(path: Path) -> Tables | None:
    """The store's tables at its current version, brought to the current schema in memory."""
    return upgraded(TableFilesStorage(path, SCHEMA_VERSION).read(), path)


def whole_tables(tables: Tables) -> list[str]:
    """The tables a store written before segments keeps in one file each."""
    return [name for name, segments in tables.files.items() if any(count is None for _file, count in segments)]


def needs_upgrade(tables: Tables) -> bool:
    """Whether tables just read must be upgraded and written before a writer changes them, or a reader reads them
    by key: a schema's before READ_AS_IS_FROM, or with a table in one file. A store of a later schema is read as it
    is, and its next write records this one."""
    return tables.schema < READ_AS_IS_FROM or bool(tables.changed) or bool(whole_tables(tables))


def upgraded(tables: Tables | None, path: Path) -> Tables | None:
    """Tables just read, brought to the current schema in memory (a newer or damaged one is refused)."""
    if tables is not None:
        check_schema(tables.schema, path)
        migrate(tables, tables.schema)
    return tables
