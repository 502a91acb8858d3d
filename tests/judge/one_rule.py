"""The one finding a rule gives on a text: what the judge's unit tests look at."""

from __future__ import annotations

from mandatekit import check
from mandatekit.judge import Finding


def finding(text: str, rule: str) -> Finding:
    report = check(text, only=[rule])
    assert len(report.findings) == 1
    return report.findings[0]
