"""Evaluation gates read from Rasa's JSON reports.

    python tools/gates.py nlu reports/nlu/intent_report.json --min-macro-f1 0.92
"""
from __future__ import annotations

import argparse
import json
import sys


def nlu_gate(report_path: str, min_macro_f1: float) -> int:
    with open(report_path, encoding="utf-8") as fh:
        report = json.load(fh)
    macro = report["macro avg"]["f1-score"]
    weak = sorted((v["f1-score"], k) for k, v in report.items()
                  if isinstance(v, dict) and "f1-score" in v and k not in ("macro avg", "weighted avg", "micro avg"))
    print(f"held-out intent macro F1 = {macro:.3f} (gate {min_macro_f1}); accuracy = {report.get('accuracy', 0):.3f}")
    for f1, name in weak[:5]:
        print(f"  lowest: {name:32s} F1 {f1:.3f}")
    if macro < min_macro_f1:
        print("FAILED: held-out macro F1 below the gate")
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="gate", required=True)
    nlu = sub.add_parser("nlu")
    nlu.add_argument("report")
    nlu.add_argument("--min-macro-f1", type=float, default=0.92)
    args = parser.parse_args()
    return nlu_gate(args.report, args.min_macro_f1)


if __name__ == "__main__":
    sys.exit(main())
