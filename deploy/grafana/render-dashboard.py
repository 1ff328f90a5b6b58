#!/usr/bin/env python3
"""Renders the main panels of deploy/grafana/dashboard.json to a PNG (docs/dashboard.png).

The data are real: Prometheus query_range results of the dashboard's own expressions, written
by the observability e2e test while the platform runs under its small load (200 and 500
endpoints, retries, dead letters, throttling). Panel titles, units and legends come from the
dashboard file, so the picture follows the dashboard.

    DASHBOARD_DATA_OUT=/tmp/dashboard-data.json \\
      npx jest --selectProjects e2e --runInBand test/e2e/observability.e2e.spec.ts
    python3 -m venv /tmp/render-venv && /tmp/render-venv/bin/pip install 'matplotlib==3.10.*'
    /tmp/render-venv/bin/python deploy/grafana/render-dashboard.py /tmp/dashboard-data.json docs/dashboard.png
"""

import json
import math
import re
import sys
from datetime import datetime

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

DASHBOARD = "deploy/grafana/dashboard.json"
# The panels an operator looks at first, in reading order.
MAIN_PANELS = [
    "Deliveries per second by outcome",
    "Delivery success ratio",
    "Attempt latency",
    "End-to-end latency (accepted to 2xx)",
    "Retries per tier",
    "Dead-lettered per second",
    "Throttled (requeued) by reason",
    "Tasks in flight",
    "Consumer lag by group and topic",
    "Delay-tier depth",
    "Ingested events per second",
    "Rejections by reason",
]
UNITS = {"reqps": "req/s", "ops": "/s", "s": "seconds", "percentunit": "ratio", "short": ""}


def legend(template, metric):
    text = re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: metric.get(m.group(1), ""), template)
    # Test platforms prefix group names (t1a2b3c4.dispatch): show the group as deployed.
    return re.sub(r"\bt[0-9a-f]{8}\.", "", text) or "value"


def main(data_path, out_path):
    with open(DASHBOARD) as f:
        dashboard = json.load(f)
    units = {p["title"]: p.get("fieldConfig", {}).get("defaults", {}).get("unit", "") for p in dashboard["panels"]}
    with open(data_path) as f:
        data = json.load(f)
    by_panel = {}
    for query in data["panels"]:
        by_panel.setdefault(query["panel"], []).append(query)

    plt.style.use("dark_background")
    cols = 4
    rows = math.ceil(len(MAIN_PANELS) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(cols * 5, rows * 3.2), constrained_layout=True)
    fig.patch.set_facecolor("#111217")
    fig.suptitle(f"{dashboard['title']} (Grafana dashboard, main panels; data: Prometheus during the e2e load)", fontsize=13)
    for ax, title in zip(axes.flat, MAIN_PANELS):
        ax.set_facecolor("#181b1f")
        ax.set_title(title, fontsize=10, loc="left")
        ax.grid(color="#2c3235", linewidth=0.6)
        for query in by_panel.get(title, []):
            for series in query["result"]:
                points = [(datetime.fromtimestamp(t), float(v)) for t, v in series["values"] if v != "NaN"]
                if points:
                    xs, ys = zip(*points)
                    ax.plot(xs, ys, linewidth=1.4, label=legend(query["legend"], series["metric"]))
        ax.set_ylabel(UNITS.get(units.get(title, ""), ""), fontsize=8)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M:%S"))
        ax.tick_params(labelsize=7)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=7, loc="upper left", framealpha=0.3)
        else:
            ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes, color="#8e8e8e")
    for ax in list(axes.flat)[len(MAIN_PANELS):]:
        ax.axis("off")
    fig.savefig(out_path, dpi=90, facecolor=fig.get_facecolor())


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
