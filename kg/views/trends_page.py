"""`kg view trends`: papers per period for the top concepts of a label, as an interactive
uPlot chart (the previous window shaded, a list to pick: most papers, rising, fading, new;
counts or shares of the period's papers), with the table of the list below. One offline
page, in the house style of kg's views."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.timeline import By
from kg.trends import SECTIONS, ConceptTrend, Trends, percent, summary_lines
from kg.views.charts import CHART_JS, HEAD, uplot_css, uplot_js

PAGE = (
    r"""<!DOCTYPE html>
<html lang="en">
<head>
"""
    + HEAD
    + r"""
</head>
<body>
<main>
<h1>{{ title }}</h1>
{% for line in summary %}<p class="kg-note">{{ line }}</p>{% endfor %}
<div class="kg-panel">
  <div class="kg-controls">
    <label>show <select id="kg-list">{% for key, caption in sections %}<option value="{{ key }}">{{ caption }}</option>{% endfor %}</select></label>
    <label><input type="checkbox" id="kg-share"> as a share of the period's papers</label>
    <span class="kg-muted">shaded: the previous window; click a name in the legend to hide it</span>
  </div>
  <div id="kg-chart"></div>
</div>
<div class="kg-panel"><table class="kg" id="kg-table"></table></div>
</main>
<script>
"""
    + CHART_JS
    + r"""
var DATA = {{ data|tojson }};
var plot = null;
function kgRows(list) {
  var table = document.getElementById("kg-table");
  table.textContent = "";
  var head = table.insertRow();
  ["concept", "first seen", "window", "previous", "growth", "lift"].forEach(function (h, i) {
    var th = document.createElement("th"); th.textContent = h; if (i > 1) th.className = "n"; head.append(th);
  });
  list.forEach(function (c) {
    var row = table.insertRow();
    [c.name, c.first_seen, c.window, c.previous, c.growth, c.lift].forEach(function (v, i) {
      var td = row.insertCell(); td.textContent = v; if (i > 1) td.className = "n";
    });
  });
  if (!list.length) { table.insertRow().insertCell().textContent = "nothing in this list for the window"; }
}
function kgDraw() {
  var list = DATA.lists[document.getElementById("kg-list").value];
  var share = document.getElementById("kg-share").checked;
  var series = list.map(function (c) {
    return {label: c.name, values: c.history.map(function (n, i) {
      var all = DATA.papers[i]; return share ? (all ? Math.round(1000 * n / all) / 10 : null) : n; })};
  });
  var el = document.getElementById("kg-chart");
  if (plot) { plot.destroy(); }
  el.textContent = "";
  plot = kgLineChart(el, {x: DATA.periods, series: series, ylabel: share ? "% of the period's papers" : "papers",
                          xlabel: DATA.by, shadeBefore: DATA.windowStart, width: el.clientWidth || 1100, height: 380,
                          format: share ? function (v) { return v + " %"; } : null});
  kgRows(list);
  document.body.setAttribute("data-rendered", "true");
}
document.getElementById("kg-list").onchange = kgDraw;
document.getElementById("kg-share").onchange = kgDraw;
kgDraw();
</script>
</body>
</html>
"""
)


def to_html(found: Trends) -> str:
    import jinja2

    lists = {section: [_concept(t) for t in getattr(found, section)] for section, _ in SECTIONS}
    sections = [(key, caption) for key, caption in SECTIONS if lists[key]] or [SECTIONS[0]]
    data = {
        "by": found.by.value,
        "periods": [*found.previous_periods, *found.periods],
        "papers": [*found.previous_papers_per_period, *found.papers_per_period],
        "windowStart": len(found.previous_periods),
        "lists": lists,
    }
    unit = "month" if found.by is By.month else "week"
    title = f"Trends: {found.label} papers per {unit}"
    return (
        jinja2.Environment(autoescape=True)
        .from_string(PAGE)
        .render(
            title=title,
            generator="kg view trends",
            summary=summary_lines(found),
            sections=sections,
            data=data,
            uplot_js=uplot_js(),
            uplot_css=uplot_css(),
            extra_css="",
        )
    )


def write_html(found: Trends, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_html(found), encoding="utf-8")
    return path


def _concept(t: ConceptTrend) -> dict[str, Any]:
    return {
        "name": t.name,
        "key": t.key,
        "first_seen": t.first_seen,
        "history": [*t.previous_counts, *t.counts],
        "window": t.window,
        "previous": t.previous,
        "growth": percent(t.growth) or ("new" if t.window else ""),
        "lift": "" if t.lift is None else f"{t.lift:.2f}",
    }
