import math

import numpy as np
import pytest

from scripts.bench.stats import LevelResult, percentile, ratios, summarize, table


@pytest.mark.parametrize("q", [0, 5, 50, 90, 95, 99, 100])
@pytest.mark.parametrize(
    "values",
    [[0.2], [3.0, 1.0], [5, 1, 4, 2, 3], [0.01 * i for i in range(101)][::-1]],
    ids=["one", "two", "five", "hundred-and-one"],
)
def test_percentile_matches_numpys_linear_definition(values, q):
    assert percentile(values, q) == pytest.approx(np.percentile(values, q))


def test_percentile_of_nothing_is_nan_and_bad_q_is_refused():
    assert math.isnan(percentile([], 50))
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_summarize_counts_throughput_over_the_window_and_reports_ms():
    result = summarize("ours", 10, [0.1, 0.2, 0.3, 0.4], 1, 2.0, 900.0, 600.0, 12.5)
    assert result.messages == 4
    assert result.errors == 1
    assert result.msg_per_s == pytest.approx(2.0)
    assert result.p50_ms == pytest.approx(250.0)
    assert result.p95_ms == pytest.approx(385.0)
    with pytest.raises(ValueError):
        summarize("ours", 10, [0.1], 0, 0.0, 1.0, 1.0, 1.0)


def _level(bot, msg_per_s, p95, rss=1000.0):
    return LevelResult(
        bot, 10, 100, 0, 10.0, msg_per_s, p95 / 2, p95, rss, rss / 2, 10.0
    )


def test_ratios_are_ours_over_stock_and_none_when_stock_is_zero():
    q = ratios(_level("ours", 60.0, 100.0), _level("stock", 20.0, 400.0, rss=0.0))
    assert q["msg_per_s"] == pytest.approx(3.0)
    assert q["p95_ms"] == pytest.approx(0.25)
    assert q["first_reply_s"] == pytest.approx(1.0)
    assert q["rss_mb"] is None
    assert q["pss_mb"] is None


def test_table_puts_stock_first_then_ours_then_the_ratio_per_level():
    rows = table([_level("ours", 60.0, 100.0), _level("stock", 20.0, 400.0)])
    lines = rows.splitlines()
    assert lines[2].startswith("| stock | 10 | 20.0 |")
    assert lines[3].startswith("| ours | 10 | 60.0 |")
    assert lines[4].startswith("| ours / stock | 10 | 3.00× | 0.25× | 0.25× |")
