"""A View as one self-contained HTML page: pyvis nodes and edges styled by label and
relationship type, a legend, tooltips (title, date, arXiv link, evidence, metric value),
a layout that stabilises for a bounded number of iterations and then stops."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypedDict

from kg.graph import Row
from kg.views.build import COAUTHOR
from kg.views.charts import uplot_css, uplot_js
from kg.views.landscape import SHARED
from kg.views.page import PAGE
from kg.views.view import RANK_NAMES, View

# label -> (colour, vis shape, legend glyph)
STYLES = {
    "Paper": ("#4c78a8", "dot", "●"),
    "Author": ("#9d755d", "dot", "●"),
    "Method": ("#f58518", "diamond", "◆"),
    "Dataset": ("#54a24b", "square", "■"),
    "Company": ("#e45756", "star", "★"),
    "Metric": ("#b279a2", "triangleDown", "▼"),
    "Task": ("#d4a017", "triangle", "▲"),
    "Source": ("#9e9e9e", "hexagon", "⬢"),
    "Result": ("#72b7b2", "box", "▭"),
}
EDGE_COLOURS = {
    "WROTE": "#b9a18f",
    "PROPOSES": "#d62728",
    "USES": "#f5a55c",
    "EVALUATES_ON": "#7fbf77",
    "MENTIONS": "#ee8e8d",
    "REPORTS": "#c9a3c0",
    "ADDRESSES": "#e3c55b",
    "LISTED_IN": "#cfcfcf",
    "PART_OF": "#e45756",
    "CLAIMS": "#8cc7c2",
    "MEASURES": "#c9a3c0",
    "MEASURED_ON": "#7fbf77",
    "ACHIEVED_BY": "#f5a55c",
    "AGAINST": "#9a9a9a",
    "OUTPERFORMS": "#2f7f4f",
    COAUTHOR: "#b0b0b0",
    SHARED: "#a9b4c2",
}
DERIVED = {COAUTHOR: "co-author", SHARED: "shared papers"}  # relationship types kg derives, as the legend names them
# Communities of the co-author view: colour-blind-safe Tableau 10, then grey.
COMMUNITY_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
OTHER_COMMUNITY = "#d9d9d9"
EDGE_LABELS_UP_TO = 80  # edges; a larger view shows the type in tooltips only
# Concepts (and the authors of the co-author view) always carry their name; papers do in
# small views only, else their title shows on hover. vis-network scales text with the zoom,
# so names are drawn large enough to read when a few hundred nodes are fitted to the screen.
PAPER_LABELS_UP_TO = 25
NAME_FONT = (18, 40)  # smallest and largest name, in graph units, by the node's score
_EVIDENCE_CHARS = 400

# What the page hands vis-network: nodes, edges and options, plain JSON of many shapes.
VisJson = dict[str, Any]
# A node's attributes in a View's graph: label, key, props, score and, by view, hop, papers, community.
NodeData = dict[str, Any]


class LegendItem(TypedDict):
    glyph: str
    color: str
    name: str
    count: int


def to_html(view: View) -> str:
    """The page of a view: nodes, edges, options and vis-network inlined, no network use."""
    import jinja2
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    graph = view.graph
    names = {node: _name(data) for node, data in graph.nodes(data=True)}
    scale = _Scale(
        top_score=max([d.get("score", 0.0) or 0.0 for _, d in graph.nodes(data=True)] or [1.0]) or 1.0,
        papers=sum(1 for _, d in graph.nodes(data=True) if d["label"] == "Paper"),
    )
    for node, data in graph.nodes(data=True):
        net.add_node(node, **_node(view, node, data, names[node], scale))
    show_labels = graph.number_of_edges() <= EDGE_LABELS_UP_TO
    for src, dst, key, data in graph.edges(keys=True, data=True):
        # pyvis's add_edge scans its node list per edge; the ends are known to exist here.
        # An edge's key is its type, or where two of a type join the same nodes (one per
        # paper in `kg view method`) `type` says it.
        rel = data.get("type", key)
        net.edges.append(
            {"from": src, "to": dst, **_edge(rel, data.get("props") or {}, names[src], names[dst], show_labels)}
        )
    net.options = _options(graph.number_of_nodes())
    nodes, edges, _, _, _, _ = net.get_network_data()
    for item in nodes:  # pyvis puts the node id where a label is left out
        if item.pop("kgUnlabelled", False):
            item.pop("label", None)

    legend_nodes, legend_title, size_note = _legend(view)
    rel_counts = Counter(data.get("type", key) for _, _, key, data in graph.edges(keys=True, data=True))
    env = jinja2.Environment(autoescape=True)
    return env.from_string(PAGE).render(
        kind=view.kind,
        title=view.title,
        shown=f"{view.shown:,}",
        edge_count=f"{graph.number_of_edges():,}",
        rank_name=RANK_NAMES.get(view.rank, view.rank),
        message=view.message,
        notes=view.notes,
        legend_title=legend_title,
        legend_nodes=legend_nodes,
        size_note=size_note,
        legend_edges=[
            {"name": DERIVED.get(rel, rel), "color": EDGE_COLOURS.get(rel, "#999"), "count": n}
            for rel, n in sorted(rel_counts.items())
        ],
        nodes=nodes,
        edges=edges,
        options=net.options,
        vis_js=_asset("vis-network.min.js"),
        vis_css=_asset("vis-network.css"),
        summary=view.summary,
        uplot_js=uplot_js() if view.summary else "",
        uplot_css=uplot_css() if view.summary else "",
    )


def write_html(view: View, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_html(view), encoding="utf-8")
    return path


@cache
def _asset(name: str) -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")


def _options(n_nodes: int) -> VisJson:
    iterations = 400 if n_nodes <= 200 else 250 if n_nodes <= 1000 else 150
    return {
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= 100},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "centralGravity": 0.015,
                "springLength": 130 if n_nodes <= 100 else 90,
                "springConstant": 0.08,
                "damping": 0.5,
                "avoidOverlap": 0.2,
            },
            "minVelocity": 1.0,
            "timestep": 0.5,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n_nodes > 200, "multiselect": False},
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 12, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"min": 8, "max": 36, "label": {"enabled": False, "drawThreshold": 3}},
        },
        "edges": {
            "smooth": False,
            "width": 1,
            "scaling": {"min": 1, "max": 6},
            "selectionWidth": 2,
            "font": {"size": 9, "color": "#666", "strokeWidth": 2, "align": "middle"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
        },
    }


def _name(data: NodeData) -> str:
    props = data.get("props") or {}
    if data["label"] == "Result":  # a number (or, without one, the claim to beat a method)
        return " ".join(str(props[p]) for p in ("value", "setting") if props.get(p)) or "claim"
    name: str = props.get("title") or props.get("name") or data["key"]
    return name


def _short(text: str, width: int = 36) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _arxiv_url(props: Row) -> str | None:
    if props.get("arxiv_id"):
        return f"https://arxiv.org/abs/{props['arxiv_id']}"
    url = props.get("url")
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else None


@dataclass
class _Scale:
    """What every node's look depends on: the view's best score and how many papers it holds."""

    top_score: float
    papers: int


def _node(view: View, node: str, data: NodeData, name: str, scale: _Scale) -> VisJson:
    label, props = data["label"], data.get("props") or {}
    colour, shape, _ = STYLES.get(label, ("#888", "dot", "●"))
    if view.kind == "authors":
        group = data.get("community", -1)
        colour = COMMUNITY_COLOURS[group] if 0 <= group < len(COMMUNITY_COLOURS) else OTHER_COMMUNITY
    rows: list[list[str]] = []
    if label == "Paper":
        for field, caption in (
            ("arxiv_id", "arXiv"),
            ("published", "published"),
            ("digest_date", "digest"),
            ("venue", "venue"),
            ("category", "category"),
            ("n_authors", "authors"),
            ("upvotes", "upvotes"),
        ):
            if props.get(field) not in (None, ""):
                rows.append([caption, str(props[field])])
    elif label == "Source":
        rows += [[f, str(props[f])] for f in ("family", "date") if props.get(f)]
    if data.get("papers") is not None:
        rows.append(["papers", str(data["papers"])])
    if view.kind == "authors" and data.get("community") is not None:
        rows.append(["community", str(data["community"] + 1)])
    if data.get("hop"):
        rows.append(["hops away", str(data["hop"])])
    rows.append(["links here", str(view.graph.degree(node))])
    url = _arxiv_url(props) if label == "Paper" else None
    tooltip = "\n".join(
        [f"{label}: {name}", *(f"{k}: {v}" for k, v in rows), *([url] if url else []), "(click for details)"]
    )
    # sizes by square root: a few hubs would otherwise leave every other node at the minimum
    value = (data["papers"] if view.kind == "authors" else data.get("score", 0.0) or 0.0) ** 0.5
    item = {
        "label": _short(name),
        "shape": shape,
        "color": colour,
        "title": tooltip,
        "value": float(value or 0.0),
        "kg": {"kind": label, "heading": name, "rows": rows, "url": url, "linkText": "open on arXiv" if url else None},
    }
    top = scale.top_score
    if label == "Paper" and data.get("hop") != 0 and scale.papers > PAPER_LABELS_UP_TO:
        item["kgUnlabelled"] = True
    elif label not in ("Paper", "Source"):
        share = ((data.get("score", 0.0) or 0.0) / top) ** 0.5
        size = NAME_FONT[0] + (NAME_FONT[1] - NAME_FONT[0]) * share
        item["font"] = {"size": round(size), "color": "#1b1b1b", "strokeWidth": 5, "strokeColor": "#ffffff"}
    if data.get("hop") == 0:  # the centre of a paper or concept view
        item.update(borderWidth=4, color={"background": colour, "border": "#111"}, value=top**0.5 * 1.5 + 1.0)
        item["font"] = {
            "size": NAME_FONT[1] + 6,
            "color": "#000",
            "strokeWidth": 6,
            "strokeColor": "#ffffff",
            "bold": True,
        }
    return item


def _edge(rel: str, props: Row, src: str, dst: str, show_label: bool) -> VisJson:
    detail = ""
    if rel == "REPORTS":
        detail = " ".join(str(props[p]) for p in ("value", "setting") if props.get(p))
    elif rel == "OUTPERFORMS":
        detail = props.get("gain") or ""
    elif rel == "MENTIONS" and props.get("deployed"):
        detail = "deployed"
    elif rel == "WROTE" and props.get("position") is not None:
        detail = f"author #{props['position']}"
    elif rel in DERIVED:
        detail = f"{props.get('papers', 1)} paper{'s' if props.get('papers', 1) != 1 else ''} together"
    caption = DERIVED.get(rel, rel)
    lines = [f"{_short(src, 60)} → {_short(dst, 60)}", f"{caption} {detail}".strip()]
    if props.get("title"):  # the paper an edge of `kg view method` is read from
        lines.append(f"in: {_short(props['title'], 120)}")
    if props.get("results"):
        lines.append(_short(props["results"], _EVIDENCE_CHARS))
    if props.get("evidence"):
        lines.append(f"“{_short(props['evidence'], _EVIDENCE_CHARS)}”")
    edge = {
        "title": "\n".join(lines),
        "color": EDGE_COLOURS.get(rel, "#999"),
        "kg": {
            "kind": caption,
            "heading": f"{_short(src, 80)} → {_short(dst, 80)}",
            "rows": [[k, str(v)] for k, v in props.items() if v not in (None, "")],
        },
    }
    if rel in DERIVED:
        edge.update(arrows={"to": {"enabled": False}}, value=props.get("papers", 1))
    if show_label:
        edge["label"] = detail if rel in ("REPORTS", "OUTPERFORMS") and detail else caption
    return edge


def _legend(view: View) -> tuple[list[LegendItem], str, str | None]:
    counts = Counter(data["label"] for _, data in view.graph.nodes(data=True))
    if view.kind == "authors":
        groups = Counter(data.get("community") for _, data in view.graph.nodes(data=True))
        items: list[LegendItem] = []
        for group, n in sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
            if group is not None and group < len(COMMUNITY_COLOURS):
                members = [d for _, d in view.graph.nodes(data=True) if d.get("community") == group]
                top = max(members, key=lambda d: (d.get("papers", 0), d.get("score", 0.0)))
                items.append(
                    {
                        "glyph": "●",
                        "color": COMMUNITY_COLOURS[group],
                        "name": f"community {group + 1}: {_short(_name(top), 24)} et al.",
                        "count": n,
                    }
                )
        rest = sum(n for g, n in groups.items() if g is None or g >= len(COMMUNITY_COLOURS))
        if rest:
            items.append({"glyph": "●", "color": OTHER_COMMUNITY, "name": "smaller communities", "count": rest})
        return items, "Author communities", "size: papers written"
    items = [
        {"glyph": STYLES[label][2], "color": STYLES[label][0], "name": label, "count": counts[label]}
        for label in STYLES
        if counts.get(label)
    ]
    return items, "Nodes", "size: " + {"pagerank": "PageRank", "papers": "papers"}.get(view.rank, "links")
