#!/usr/bin/env python3
"""Prints the README's accuracy tables from experiment reports (issue 25: the README's
tables are regenerated from the reports, never typed in).

    scripts/accuracy-tables.py report DIR     # one run: DIR/report.json
    scripts/accuracy-tables.py seeds DIR      # a seed study: DIR/seeds.json
"""
import json
import sys
from pathlib import Path


def pct(v):
    return f"{v * 100:.1f}"


def timing(t):
    return f"{t['median']:.2f} s ({t['min']:.2f}–{t['max']:.2f})" if t["runs"] else "–"


def speed(v):
    return f"{v:.1f}×" if v else "–"


def forget_label(forget_set):
    """What AD_f (test) measures: the attack success rate for a backdoor, the accuracy on
    unseen samples of the requesters' classes for a random subset."""
    if forget_set.get("backdoor"):
        return "ASR test"
    if forget_set.get("random_subset"):
        return "AD_f train"
    return "AD_f test"


def report(d):
    r = json.loads((Path(d) / "report.json").read_text())
    label = forget_label(r["forget_set"])
    key = "ad_f_train" if label == "AD_f train" else "ad_f_test"
    print(f"| method | AD_r test mean / worst | {label} mean / worst | worst AD_r gap to re-training | latency, median (min–max) | work, median (min–max) | latency / work speed-up |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for m in r["summary"]:
        gap = "–" if m["method"] == "retrain" else f"{m['ad_r_gap_to_retrain_worst'] * 100:+.1f}"
        print(
            f"| `{m['method']}` | {pct(m['ad_r_test_mean'])} / {pct(m['ad_r_test_worst'])} % "
            f"| {pct(m[key + '_mean'])} / {pct(m[key + '_worst'])} % | {gap} "
            f"| {timing(m['latency'])} | {timing(m['work'])} "
            f"| {speed(m['latency_speedup'])} / {speed(m['work_speedup'])} |"
        )


def seeds(d):
    s = json.loads((Path(d) / "seeds.json").read_text())
    print(f"Seeds {s['seeds']}; mean [95 % t-interval] over the seeds, gaps paired with the same seed's re-training.\n")
    if s.get("backdoor"):
        f_col, f_target = "worst ASR excess over re-training (points)", "ASR ≤ re-training + 2"
    elif s.get("random_subset"):
        f_col, f_target = "worst AD_f train gap to re-training (points)", "within ±3"
    else:
        f_col, f_target = "worst AD_f test (%)", "AD_f ≤ 5 %"
    print(f"| method | worst model's AD_r gap (points) | AD_r ≤ 3 | {f_col} | {f_target} | latency speed-up | ≥ 10× | work speed-up |")
    print("|---|---:|---|---:|---|---:|---|---:|")
    for m in s["methods"]:
        g = max(m["models"], key=lambda x: x["ad_r_gap"]["high"])
        f = max(m["models"], key=lambda x: x["ad_f_test"]["high"])
        gi, fi, li, wi = g["ad_r_gap"], f["ad_f_test"], m["latency_speedup"], m["work_speedup"]
        print(
            f"| `{m['method']}` | {gi['mean'] * 100:+.1f} [{gi['low'] * 100:+.1f}, {gi['high'] * 100:+.1f}] ({g['model_id']}) "
            f"| {m['ad_r_target']} | {fi['mean'] * 100:.1f} [{fi['low'] * 100:.1f}, {fi['high'] * 100:.1f}] ({f['model_id']}) "
            f"| {m['ad_f_target']} | {li['mean']:.1f}× [{li['low']:.1f}, {li['high']:.1f}] | {m['latency_target']} "
            f"| {wi['mean']:.1f}× [{wi['low']:.1f}, {wi['high']:.1f}] |"
        )


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("report", "seeds"):
        sys.exit(__doc__)
    {"report": report, "seeds": seeds}[sys.argv[1]](sys.argv[2])
