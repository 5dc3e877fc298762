"""User lexicons: an analyst teaches kg a company, dataset, metric, method or task without
editing the package.

A folder (`--lexicon DIR`, or KG_LEXICON_DIR) holds JSON Lines files in the package's
lexicon format and names (`companies.jsonl`, `datasets.jsonl`, `methods.jsonl`,
`metrics.jsonl`, `tasks.jsonl`; see extractors.entities.lexicon), e.g. in companies.jsonl:

    {"name": "Acme Shop", "aliases": ["AcmeShop"], "parent": "Acme"}

An entry adds a name, or replaces the package's entry of the same kind and name (names
compared by concept key). The combined lexicons are written to a temporary folder, which
the extractor reads as it is built, the way it reads the package's own."""

from __future__ import annotations

import gc
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import LexiconError
from kg.model import concept_key

if TYPE_CHECKING:
    from extractors.entities import EntityExtractor

LEXICON_ENV = "KG_LEXICON_DIR"


def lexicon_files() -> dict[str, str]:
    """File name -> kind, as the package names its lexicons."""
    from extractors.entities.lexicon import FILES

    return {f"{stem}.jsonl": kind for kind, stem in FILES.items()}


def user_lexicon_dir(given: str | os.PathLike[str] | None = None) -> str | None:
    """The user's lexicon folder: the one given, else $KG_LEXICON_DIR, else None."""
    found = given or os.environ.get(LEXICON_ENV) or None
    return str(found) if found else None


def read_user_lexicons(directory: str | os.PathLike[str]) -> dict[str, list[dict[str, Any]]]:
    """The entries of a user's lexicon folder as the lines give them, by kind. A file the
    package does not know, or a line that is not a valid entry, is a LexiconError naming
    the file (and line)."""
    from extractors.entities.lexicon import read_lexicon

    root = Path(directory)
    if not root.is_dir():
        raise LexiconError(f"{root}: no such lexicon folder")
    files = lexicon_files()
    found: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(root.iterdir()):
        if path.suffix != ".jsonl":
            continue
        kind = files.get(path.name)
        if kind is None:
            raise LexiconError(f"{path}: not a lexicon file name; use {', '.join(sorted(files))}")
        read_lexicon(path, kind)  # every line checked as the package checks its own: `file:line: problem`
        found[kind] = _lines(path)
    return found


def _lines(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip() and not line.lstrip().startswith("//")]


def combine(package: list[dict[str, Any]], user: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The package's entries of one kind with the user's: a user entry takes the place of
    the package's entries of the same name (the first; any later one, from another list,
    goes); new names follow."""
    by_key = {concept_key(entry["name"]): entry for entry in user}
    combined, placed = [], set()
    for entry in package:
        key = concept_key(entry["name"])
        if key not in by_key:
            combined.append(entry)
        elif key not in placed:
            combined.append(by_key[key])
            placed.add(key)
    return combined + [entry for key, entry in by_key.items() if key not in placed]


@contextmanager
def combined_lexicon_dir(*directories: str | os.PathLike[str]) -> Iterator[str]:
    """A temporary folder holding the package's lexicon files with the entries of each
    folder combined in, in order (`combine`: a later folder's entry takes the place of an
    earlier one of the same name); removed on exit."""
    from extractors.entities.lexicon import LEXICON_DIR

    layers = [read_user_lexicons(directory) for directory in directories]
    files = {kind: name for name, kind in lexicon_files().items()}
    with tempfile.TemporaryDirectory(prefix="kg-lexicon-") as tmp:
        target = Path(tmp) / "lexicons"
        shutil.copytree(LEXICON_DIR, target)  # whatever else the package keeps there comes along
        for user in layers:
            for kind, entries in user.items():
                path = target / files[kind]
                package = _lines(path) if path.exists() else []
                text = "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in combine(package, entries))
                path.write_text(text, encoding="utf-8")
        yield str(target)


def entity_extractor(
    lexicon_dir: str | os.PathLike[str] | None = None, learned_dir: str | os.PathLike[str] | None = None
) -> EntityExtractor:
    """The entity extractor with the package's lexicons, the names the corpus taught
    (`learned_dir`, kg.knowledge) and the user's from `lexicon_dir`, which win over both.
    The pipeline reads the lexicons as it is built."""
    with _collections_paused():
        from extractors.entities import EntityExtractor

        folders = [folder for folder in (learned_dir, lexicon_dir) if folder is not None]
        if not folders:
            return EntityExtractor()
        with combined_lexicon_dir(*folders) as combined:
            return EntityExtractor(lexicon_dir=combined)


@contextmanager
def _collections_paused() -> Iterator[None]:
    """No cycle collection while spaCy is imported and the pipeline built: both allocate
    hundreds of thousands of objects that live as long as the process and make no garbage
    cycles, and the collector, run every 700 allocations, walked them again and again
    (0.4-0.5 s of a 1.5 s start-up's CPU, a third)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
