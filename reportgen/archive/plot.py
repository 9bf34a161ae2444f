"""A unit's percent over time against the median of its peers (matplotlib,
Agg backend), written as PNG. Scores become floats only as chart positions."""
from __future__ import annotations

from pathlib import Path

from .periods import label_vi, midpoint
from .queries import History


def plot_history(histories: list[History], path: Path, *, indicator: str | None = None) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=120)
    try:
        labels: dict[float, str] = {}
        for h in histories:
            entries = [e for e in h.entries if (e.value if indicator else e.percent) is not None]
            if not entries:
                continue
            xs = [midpoint(e.period) for e in entries]
            ys = [float(e.value if indicator else e.percent) for e in entries]
            suffix = f" ({h.province})" if len(histories) > 1 and h.province else ""
            ax.plot(xs, ys, marker="o", linewidth=2, label=f"{h.unit}{suffix}")
            med = [(x, float(e.median)) for x, e in zip(xs, entries) if e.median is not None]
            if med:
                ax.plot([m[0] for m in med], [m[1] for m in med], linestyle="--", marker=".", color="grey",
                        label=f"Trung vị cùng cấp{suffix}")
            labels.update({x: label_vi(e.period) for x, e in zip(xs, entries)})
        ax.set_xticks(sorted(labels), [labels[x] for x in sorted(labels)], rotation=30, ha="right")
        ax.set_ylabel(f"Điểm chỉ số {indicator}" if indicator else "Tỷ lệ điểm đạt (%)")
        title = histories[0].unit if histories else ""
        ax.set_title(f"{title}: diễn biến qua các kỳ")
        ax.grid(True, alpha=0.3)
        ax.legend(loc="best", fontsize=8)
        fig.tight_layout()
        fig.savefig(path, format="png")
    finally:
        plt.close(fig)
