"""How kg's schema and values cross into LadybugDB and back: the tables' DDL, columns as
Arrow tables, results as plain values, LadybugDB's errors as kg's."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kg.errors import QueryError, StoreError, StoreInUse
from kg.schema import BOOL, FLOAT, INT, NODES, RELATIONSHIPS, STRING, STRINGS

Columns = dict[str, tuple[str, list[Any]]]  # name -> (kg.schema kind, values)
_LOCK = re.compile(r"Could not set lock on file.*?Lock is held by PID (\d+)", re.S)


def arrow_type(kind: str) -> Any:
    import pyarrow as pa

    kinds = {
        STRING: pa.string(),
        INT: pa.int64(),
        FLOAT: pa.float64(),
        BOOL: pa.bool_(),
        STRINGS: pa.list_(pa.string()),
    }
    return kinds[kind]


# LadybugDB indexes only primary keys, so the paper look-ups by id, title and abstract
# fingerprint (kg.resolve) go through this table: `<property>:<value>` -> the paper's key.
# It is kg's own bookkeeping, not part of the graph model.
MATCH_TABLE = "PaperMatch"


def ddl() -> list[str]:
    statements = [f"CREATE NODE TABLE IF NOT EXISTS {MATCH_TABLE}(key STRING, paper STRING, PRIMARY KEY (key))"]
    for label, props in NODES.items():
        columns = ", ".join(f"{name} {kind}" for name, kind in props.items())
        statements.append(f"CREATE NODE TABLE IF NOT EXISTS {label}({columns}, PRIMARY KEY (key))")
    for rel, rel_type in RELATIONSHIPS.items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in rel_type.pairs)
        columns = "".join(f", {name} {kind}" for name, kind in rel_type.props.items())
        statements.append(f"CREATE REL TABLE IF NOT EXISTS {rel}({ends}{columns})")
    return statements


def quote(text: str) -> str:
    """Text inside a single-quoted Cypher string literal."""
    return text.replace("\\", "\\\\").replace("'", "\\'")


def arrow_table(columns: Columns) -> Any:
    import pyarrow as pa

    return pa.table({name: pa.array(values, arrow_type(kind)) for name, (kind, values) in columns.items()})


def plain(value: Any) -> Any:
    """Nodes and relationships as plain dicts: properties plus `_label`, without internal ids.
    A sum comes back as a Decimal (an INT128): a number, as Neo4j gives it."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict) and "_LABEL" in value:
        props = {k: v for k, v in value.items() if not k.startswith("_")}
        props["_label"] = value["_LABEL"]
        return props
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def store_error(path: str, exc: RuntimeError) -> StoreError:
    message = str(exc)
    lock = _LOCK.search(message)
    if lock:
        return StoreInUse(f"store {path} is in use by another process (PID {lock.group(1)})")
    return StoreError(f"store {path} cannot be opened: {message.splitlines()[0]}")


def query_error(exc: RuntimeError) -> QueryError:
    return QueryError(str(exc).splitlines()[0])
