"""The weekly chart as a PNG (matplotlib, rendered on the server; no JavaScript library)."""
from __future__ import annotations

import io

from .stats import Week


def render_png(weeks: list[Week]) -> bytes:
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7.0, 2.8), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    labels = [w.start.strftime("%d %b") for w in weeks]
    x = list(range(len(weeks)))
    ax.bar(x, [w.escalations for w in weeks], color="#f2b8b5", label="escalations")
    ax.set_ylabel("escalations")
    ax.set_xticks(x)
    ax.set_xticklabels(labels, fontsize=8)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylim(0, max([w.escalations for w in weeks] + [1]) * 1.45)      # headroom for the legend
    ax2 = ax.twinx()
    # a week without patient messages has no rate: a gap, not 0 %
    ax2.plot(x, [100 * w.rate if w.messages else float("nan") for w in weeks], color="#0b5cad", marker="o",
             label="fallback rate")
    ax2.set_ylabel("fallback rate (%)")
    ax2.set_ylim(0, max([100 * w.rate for w in weeks] + [10]) * 1.45)
    for i, w in enumerate(weeks):
        if w.messages:
            ax2.annotate(f"{100 * w.rate:.0f}%", (i, 100 * w.rate), textcoords="offset points", xytext=(0, 6),
                         ha="center", fontsize=7, color="#0b5cad")
    ax.set_title("Weekly fallback rate (patient messages the assistant did not understand) and escalations",
                 fontsize=8)
    handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    ax.legend(handles, ["escalations", "fallback rate"], loc="upper right", ncol=2, fontsize=7)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
