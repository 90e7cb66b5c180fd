"""Means and 95% confidence intervals for paired changes, without scipy.

The database returns, for each measure, the number of pairs ``n``, the sum of the
changes and the sum of their squares; these functions turn those three numbers into a
mean change and a t-based interval.
"""

import math
from dataclasses import dataclass

# Two-sided 95% critical values of Student's t (the 0.975 quantile) by degrees of
# freedom, from standard tables. Between tabled values we interpolate linearly in 1/df,
# which is accurate to the third decimal place over this range.
T_975 = {
    1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
    9: 2.262, 10: 2.228, 11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131,
    16: 2.120, 17: 2.110, 18: 2.101, 19: 2.093, 20: 2.086, 21: 2.080, 22: 2.074,
    23: 2.069, 24: 2.064, 25: 2.060, 26: 2.056, 27: 2.052, 28: 2.048, 29: 2.045,
    30: 2.042, 40: 2.021, 60: 2.000, 80: 1.990, 100: 1.984, 120: 1.980, 1000: 1.962,
}  # fmt: skip
Z_975 = 1.959964


def t_critical_95(df: int) -> float:
    """The 97.5th percentile of t with ``df`` degrees of freedom."""
    if df < 1:
        raise ValueError("Degrees of freedom must be at least 1.")
    if df in T_975:
        return T_975[df]
    keys = sorted(T_975)
    if df > keys[-1]:
        lower_df, lower_t, upper_inv, upper_t = keys[-1], T_975[keys[-1]], 0.0, Z_975
        return lower_t + (upper_t - lower_t) * (1 / lower_df - 1 / df) / (1 / lower_df - upper_inv)
    upper_df = next(k for k in keys if k > df)
    lower_df = max(k for k in keys if k < df)
    share = (1 / lower_df - 1 / df) / (1 / lower_df - 1 / upper_df)
    return T_975[lower_df] + (T_975[upper_df] - T_975[lower_df]) * share


@dataclass(frozen=True)
class PairedChange:
    n: int
    mean_change: float | None
    sd: float | None
    ci_low: float | None
    ci_high: float | None


def paired_change(n: int, sum_change: float | None, sum_squares: float | None) -> PairedChange:
    """Mean of paired differences and its 95% confidence interval (t distribution).

    With one pair there is a mean but no interval; with none, nothing.
    """
    if not n:
        return PairedChange(0, None, None, None, None)
    mean = float(sum_change or 0) / n
    if n < 2:
        return PairedChange(n, mean, None, None, None)
    variance = max((float(sum_squares or 0) - n * mean * mean) / (n - 1), 0.0)
    sd = math.sqrt(variance)
    margin = t_critical_95(n - 1) * sd / math.sqrt(n)
    return PairedChange(n, mean, sd, mean - margin, mean + margin)
