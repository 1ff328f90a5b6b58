"""Throughput and latency over time of one bench run: python chart.py bench.json bench.png"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

with open(sys.argv[1]) as f:
    report = json.load(f)
series = report["timeseries"]
t = [p["t"] for p in series]
o = report["options"]

fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6), sharex=True)
top.plot(t, [p["deliveries"] for p in series], color="tab:blue", label="deliveries/s")
top.axhline(report["ceiling_http_per_s"], color="tab:green", linestyle="--", label="raw-HTTP ceiling")
top.axhline(report["ceiling_kafka_per_s"], color="tab:orange", linestyle=":", label="raw-Kafka ceiling")
top.set_ylabel("deliveries / s")
top.set_ylim(bottom=0)
top.legend(loc="upper right")
top.grid(alpha=0.3)
# Seconds without arrivals have no latency: gaps, not zeros.
def latency(key):
    return [p[key] if p["deliveries"] else float("nan") for p in series]


bottom.plot(t, latency("p50_ms"), color="tab:blue", marker=".", label="p50")
bottom.plot(t, latency("p99_ms"), color="tab:red", marker=".", label="p99")
bottom.set_ylabel("publish → arrival, ms")
bottom.set_xlabel("seconds since first publish (by arrival time)")
bottom.set_ylim(bottom=0)
bottom.legend(loc="upper right")
bottom.grid(alpha=0.3)
fig.suptitle(
    f"{o['events']} events × fan-out {o['fanout']}, {o['payload_bytes']} B, rate {o['rate']}: "
    f"{report['deliveries_per_s']}/s, p99 {report['p99_ms']} ms, lost {report['lost']}"
)
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=100)
