"""The README and the CLI stay in step."""

from __future__ import annotations

import re

from tests.conftest import REPO, run_kg


def cli_commands() -> set[str]:
    help_text = run_kg("--help").stdout
    return set(re.findall(r"^│ (\w+)\s", help_text, re.M))


def test_docs_readme_names_every_command():
    readme = (REPO / "README.md").read_text()
    commands = cli_commands()
    assert {"ingest", "stats", "query", "queries"} <= commands
    missing = [c for c in sorted(commands) if f"`kg {c}" not in readme]
    assert not missing, f"README lacks commands: {missing}"


def test_docs_readme_setup_commands_exist():
    readme = (REPO / "README.md").read_text()
    for script in ("scripts/demo", "scripts/test"):
        assert script in readme and (REPO / script).exists()
    assert "scripts/test" in (REPO / ".ci" / "run").read_text()
