"""Rich text at its structure limit (hooks/ogi/records/text.py): how long the worst allowed text takes to render, and
how long `make check` takes to refuse the attack of issue 22 (half a million nested quotes in a 1-MB file).

Measured in-process, as the median of a few runs; the tests only check that these texts sit where they should
(tests/test_bench_synthetic.py), never how fast they are.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial

from ogi.records.text import MAX_ELEMENTS, MAX_NESTING, rich_text, structure_problem

# Each shape uses the whole allowance: every element, and the deepest nesting where the shape nests.
WORST_ALLOWED: dict[str, str] = {
    "Zitate und Listen, volle Tiefe": ("> " * (MAX_NESTING - 1) + "- *x*\n\n") * (MAX_ELEMENTS // (MAX_NESTING + 2)),
    "rohes HTML, ineinander": "<div>" * (MAX_ELEMENTS - 1),
    "rohe Listenpunkte, ungeschlossen": "<li>" * (MAX_ELEMENTS - 1),
    "Absätze": "x\n\n" * (MAX_ELEMENTS - 1),
}
ATTACK = "> " * 500_000 + "x"  # 1.000.001 bytes: just under the reader's 1-MB limit


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(runs: int) -> tuple[float, float]:
    """(slowest worst-allowed render, refusal of the attack), seconds, each the median of `runs`."""
    render = max(median_seconds(partial(rich_text, text), runs) for text in WORST_ALLOWED.values())
    refuse = median_seconds(partial(structure_problem, ATTACK), runs)
    return render, refuse
