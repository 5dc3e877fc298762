"""A briefing as Markdown: the sections of the HTML page as lists and tables, papers as
links whose title (shown on hover where Markdown is rendered) is the evidence sentence,
a rising concept's papers per period as a text sparkline."""

from __future__ import annotations

from kg.report.model import Briefing, Item, Link

BARS = "▁▂▃▄▅▆▇█"
EVIDENCE_CHARS = 300


def to_markdown(b: Briefing) -> str:
    lines = [f"# Briefing {b.since} to {b.until}" + (f": {', '.join(b.topics)}" if b.topics else ""), ""]
    scope = [
        f"{_papers(len(b.papers))}, {b.previous_papers:,} in the previous window ({b.previous_since} to {b.previous_until})"
    ]
    if b.topics:
        scope.append(f"topics: {', '.join(b.topics)}")
    if b.excludes:
        scope.append(f"excluding: {', '.join(b.excludes)}")
    lines += ["; ".join(scope) + ".", *(f"{note}." for note in b.notes), ""]

    lines += [
        "## Papers added, by source",
        "",
        "| digest or feed | family | papers | newest |",
        "| --- | --- | ---: | --- |",
    ]
    lines += [f"| {_cell(s.name)} | {s.family or ''} | {s.papers:,} | {_links(s, '<br>')} |" for s in b.sources]

    lines += ["", "## Concepts seen for the first time", ""]
    for label, items in b.new.items():
        if items:
            lines += [f"**{label}** ({b.new_totals[label]:,} new)", ""]
            lines += [f"- {i.name} (first seen {i.first_seen}, {_papers(i.papers)}): {_links(i)}" for i in items]
            lines.append("")

    lines += ["## Rising", ""]
    lines += [
        f"- **{r.name}** ({r.label}) {_spark(r.series)} {_papers(r.papers)}, {r.previous} before, lift {r.lift:.1f}: {_links(r)}"
        for r in b.rising
    ] or ["Nothing rises in this window."]

    lines += ["", "## Company deployments and their online gains", ""]
    for d in b.deployments:
        gains = (
            ", ".join(
                f"{metric} {value or 'reported'}" + (f" ({method})" if method else "")
                for metric, value, _, method in d.gains
            )
            or "no gain stated"
        )
        lines.append(f"- **{d.company}**: {_link(Link(d.paper, d.evidence))}; {gains}")
    if not b.deployments:
        lines.append("No paper of the window states a deployment.")

    for heading, items in (("Most used datasets", b.datasets), ("Most used metrics", b.metrics),
                           ("Most active authors", b.authors)):  # fmt: skip
        lines += ["", f"## {heading}", ""]
        lines += [f"- {i.name} ({_papers(i.papers)}): {_links(i)}" for i in items] or ["None in the window."]
    return "\n".join(lines).rstrip() + "\n"


def _papers(n: int) -> str:
    return f"{n:,} paper" + ("" if n == 1 else "s")


def _links(item: Item, sep: str = "; ") -> str:
    return sep.join(_link(link) for link in item.links)


def _link(link: Link) -> str:
    title = _cell(link.paper.title).replace("[", "(").replace("]", ")")
    if not link.paper.url:
        return f"{title} ({link.paper.date})"
    hover = " ".join((link.evidence or link.paper.date).split())
    if len(hover) > EVIDENCE_CHARS:
        hover = hover[: EVIDENCE_CHARS - 1] + "…"
    hover = hover.replace('"', "'")
    return f'[{title}]({link.paper.url} "{hover}")'


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _spark(series: list[int]) -> str:
    top = max(series or [0])
    if not top:
        return BARS[0] * len(series)
    return "".join(BARS[min(len(BARS) - 1, round(n / top * (len(BARS) - 1)))] for n in series)
