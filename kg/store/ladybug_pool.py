"""How large LadybugDB's buffer pool is.

LadybugDB counts against its pool both the pages it caches and the memory a write and its
checkpoint allocate (a COPY's columns until the commit, the node groups the checkpoint
rewrites), and keeps every page it touched until the pool is full: the pool is what the
ingest's process grows to. So a store open for large writes gets the pool the work needs,
not one that grows with the store: a fixed part for one write (a 20,000-paper write and its
checkpoint fail with 512 MB, `buffer pool is full`) and twice the largest node group of a
relationship table, which its checkpoint reads and writes again whole. That part grows with
the store only where the links do not spread over node groups: every concept table is
smaller than a node group, so the backward lists of all the links into concepts of a type,
evidence included, are one group (with a 1 GB pool a load with extraction failed at ~640,000
papers)."""

from __future__ import annotations

import os
from typing import Any

WORK_POOL = 1 << 30  # one BATCH-paper write (kg.ingest) and its checkpoint
PAGE = 4096  # LadybugDB's page


def _machine_quarter() -> int:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 4


def _fixed() -> int:
    return int(os.environ.get("KG_LADYBUG_BUFFER_MB", "0")) << 20


def buffer_pool_bytes(store_bytes: int) -> int:
    """The pool a store is opened with before its first large write (an upper bound: a pool
    costs only the pages a process touches): half the store plus 768 MB, at least 1 GB, at
    most a quarter of the machine; KG_LADYBUG_BUFFER_MB fixes it."""
    return _fixed() or min(_machine_quarter(), max(1 << 30, store_bytes // 2 + (768 << 20)))


def work_pool_bytes(largest_group: int) -> int:
    """The pool for large writes to a store whose largest relationship node group holds
    `largest_group` bytes (`largest_group_bytes`); KG_LADYBUG_BUFFER_MB fixes it."""
    return _fixed() or min(_machine_quarter(), WORK_POOL + 2 * largest_group)


def largest_group_bytes(conn: Any, tables: list[str]) -> int:
    """The bytes on disk of the largest node group of these relationship tables, one
    direction (forward or backward lists) at a time: LadybugDB's own storage_info, which
    reads the tables' metadata only."""
    largest = 0
    for table in tables:
        pages: dict[tuple[int, str], int] = {}
        rows = conn.execute(f"CALL storage_info('{table}') RETURN node_group_id, column_name, num_pages").get_all()
        for group, column, count in rows:
            side = (group, column.split("_", 1)[0])
            pages[side] = pages.get(side, 0) + count
        largest = max(largest, *pages.values(), 0)
    return largest * PAGE
