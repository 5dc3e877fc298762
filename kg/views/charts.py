"""What kg's chart pages share (`kg view trends`, `kg report`, the concept view's summary):
uPlot inlined from kg/views/vendor/ (see its README for why uPlot), the page head with the
Content Security Policy of the graph views, the house style for a page that reads as a
document, and two small JavaScript helpers, a line chart of counts per period and a
sparkline.

A page marks `<body data-rendered="true">` once every chart is drawn, for the browser
tests."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

VENDOR = Path(__file__).resolve().parent / "vendor"
# Tableau 10: colour-blind-safe, as the co-author view's communities.
SERIES_COLOURS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip


@cache
def uplot_js() -> str:
    return (VENDOR / "uPlot.iife.min.js").read_text(encoding="utf-8")


@cache
def uplot_css() -> str:
    return (VENDOR / "uPlot.min.css").read_text(encoding="utf-8")


# The head of a chart page: {{ title }}, {{ generator }} and {{ extra_css }} from the caller.
HEAD = r"""<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{ generator }}">
<title>{{ title }} - kg</title>
<style>{{ uplot_css|safe }}</style>
<script>{{ uplot_js|safe }}</script>
<style>
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; background: #f6f6f4; }
main { max-width: 1180px; margin: 0 auto; padding: 16px 20px 40px; }
h1 { font-size: 22px; margin: 8px 0 4px; } h2 { font-size: 17px; margin: 22px 0 6px; }
h3 { font-size: 14px; margin: 12px 0 4px; }
.kg-panel { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px; margin: 10px 0;
            box-shadow: 0 1px 3px rgba(0,0,0,0.08); }
.kg-note { color: #555; margin: 2px 0; } .kg-muted { color: #777; }
table.kg { border-collapse: collapse; width: 100%; }
table.kg th, table.kg td { text-align: left; padding: 3px 8px 3px 0; border-bottom: 1px solid #eee; vertical-align: top; }
table.kg th { color: #555; font-weight: 600; font-size: 12px; }
table.kg td.n, table.kg th.n { text-align: right; font-variant-numeric: tabular-nums; }
a { color: #1f5fa8; text-decoration: none; } a:hover { text-decoration: underline; }
a[title] { border-bottom: 1px dotted #9bb7d9; }
.kg-tag { display: inline-block; font-size: 11px; color: #fff; border-radius: 3px; padding: 0 5px; margin-right: 4px; }
.kg-up { color: #1a7f37; } .kg-down { color: #b42318; }
.kg-controls label { margin-right: 14px; }
.u-legend { font-size: 12px; text-align: left; } .u-legend .u-series { padding: 1px 6px; }
{{ extra_css|safe }}
</style>"""

# kgLineChart(element, {x: [labels], series: [{label, values}], ylabel, width, height, shadeBefore})
# kgSparkline(element, values, {labels, colour}): a 200 x 44 line without axes.
CHART_JS = (
    "\nvar KG_COLOURS = "
    + json.dumps(list(SERIES_COLOURS))
    + r""";
function kgLineChart(el, spec) {
  var labels = spec.x;
  var series = [{label: spec.xlabel || "period", value: function (u, v) { return v == null ? "–" : labels[v]; }}].concat(spec.series.map(function (s, i) {
    return {label: s.label, stroke: s.colour || KG_COLOURS[i % KG_COLOURS.length], width: 2,
            points: {show: labels.length <= 40, size: 5}, value: function (u, v) { return v == null ? "–" : spec.format ? spec.format(v) : v; }};
  }));
  var data = [labels.map(function (_, i) { return i; })].concat(spec.series.map(function (s) { return s.values; }));
  var opts = {
    width: spec.width || Math.max(320, el.clientWidth || 900), height: spec.height || 360, series: series,
    scales: {x: {time: false}, y: {range: function (u, lo, hi) { return [0, hi > 0 ? hi * 1.08 : 1]; }}},
    axes: [
      {values: function (u, splits) { return splits.map(function (v) { return Number.isInteger(v) && labels[v] !== undefined ? labels[v] : ""; }); },
       space: 60, grid: {stroke: "#eee"}},
      {label: spec.ylabel || "papers", grid: {stroke: "#eee"}, size: 56}
    ],
    legend: {live: true},
    hooks: {drawClear: [function (u) {
      if (!spec.shadeBefore) return;
      var x = u.valToPos(spec.shadeBefore - 0.5, "x", true);
      u.ctx.save(); u.ctx.fillStyle = "rgba(0,0,0,0.035)";
      u.ctx.fillRect(u.bbox.left, u.bbox.top, Math.max(0, x - u.bbox.left), u.bbox.height); u.ctx.restore();
    }]}
  };
  return new uPlot(opts, data, el);
}
function kgSparkline(el, values, opt) {
  opt = opt || {};
  var xs = values.map(function (_, i) { return i; });
  return new uPlot({
    width: opt.width || 200, height: opt.height || 44, pxAlign: false, cursor: {show: false}, legend: {show: false},
    scales: {x: {time: false}, y: {range: function (u, lo, hi) { return [0, hi > 0 ? hi : 1]; }}},
    axes: [{show: false}, {show: false}],
    series: [{}, {stroke: opt.colour || KG_COLOURS[0], width: 1.5, fill: (opt.colour || KG_COLOURS[0]) + "22",
                  points: {show: values.length <= 16, size: 3}}]
  }, [xs, values], el);
}
"""
)
