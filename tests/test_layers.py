"""The house rules, checked on the source with `ast` (lazy imports inside functions count):
which package may import which, and where user-facing errors live."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import kg.errors
from tests.conftest import REPO

# What `extractors` may import from `kg`: the records it builds and the errors it raises.
EXTRACTORS_MAY_IMPORT = {"kg.model", "kg.errors"}


def modules(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in the file, `from a import b` as `a.b` when b is a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


@pytest.mark.parametrize("path", modules("extractors"), ids=lambda p: str(p.relative_to(REPO)))
def test_layers_extractors_import_only_the_model_and_errors_of_kg(path):
    # `from kg.model import Paper` is listed as kg.model and kg.model.Paper, `from kg import
    # model` as kg and kg.model: the bare package is judged by what is taken from it.
    wrong = [
        f"{path.relative_to(REPO)}:{line}: {module}"
        for line, module in imports(path)
        if within(module, "kg") and module != "kg" and not any(within(module, ok) for ok in EXTRACTORS_MAY_IMPORT)
    ]
    assert not wrong, "extractors may import only kg.model and kg.errors from kg:\n" + "\n".join(wrong)


@pytest.mark.parametrize("package", ["kg", "extractors", "tests", "bench"])
def test_layers_nothing_imports_the_cli(package):
    wrong = [
        f"{path.relative_to(REPO)}:{line}: {module}"
        for path in modules(package)
        for line, module in imports(path)
        if within(module, "cli")
    ]
    assert not wrong, "the CLI sits on top; nothing imports it:\n" + "\n".join(wrong)


def exception_classes(path: Path) -> list[tuple[int, str]]:
    """Classes whose bases are named like exceptions (…Error, …Exception, …Unavailable…)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ClassDef):
            bases = [ast.unparse(base).rpartition(".")[2] for base in node.bases]
            if any(b.endswith(("Error", "Exception")) or b in _ERROR_NAMES for b in bases):
                found.append((node.lineno, node.name))
    return found


_ERROR_NAMES = {name for name, value in vars(kg.errors).items() if inspect.isclass(value)}


@pytest.mark.parametrize("package", ["kg", "extractors"])
def test_layers_user_facing_errors_live_in_kg_errors(package):
    """A public exception class anywhere else would reach a user as "internal error"; a
    private one (`_Retry`) is a signal inside a module that never leaves it."""
    wrong = [
        f"{path.relative_to(REPO)}:{line}: class {name}"
        for path in modules(package)
        if path != REPO / "kg" / "errors.py"
        for line, name in exception_classes(path)
        if not name.startswith("_")
    ]
    assert not wrong, "define user-facing errors in kg/errors.py as KgErrors:\n" + "\n".join(wrong)


def test_layers_every_error_is_a_kg_error_drawn_in_the_tree():
    classes = [
        value for value in vars(kg.errors).values() if inspect.isclass(value) and value.__module__ == "kg.errors"
    ]
    assert all(issubclass(cls, kg.errors.KgError) for cls in classes)
    tree = kg.errors.__doc__ or ""
    missing = [cls.__name__ for cls in classes if f"── {cls.__name__} " not in tree and cls is not kg.errors.KgError]
    assert not missing, f"kg/errors.py's docstring tree lacks {missing}"
