"""What the backend tests share: the seed's stages, the short settings, and the checks of a seed-example result."""

import os

from sweepclient import parse_stages

SEED_STAGES = ["entry:new_firm_size_factor=0.1,0.2", "behavioral:beta=0.5,1.0,2.5 max_M=2,4"]
SEED_BASE = {"beta": 5.0, "max_M": 4}
QUICK = {"n_periods": 50, "stability_tiers": [(3, 2), (2, 3)]}


def require(name):
    value = os.environ.get(name)
    if not value:
        raise AssertionError(f"These tests need {name}; the .NET test PythonClientTests sets it.")
    return value


def check_seed_results(test, results):
    """Two stages, the seed's labels and grid sizes, a full configuration carried from the first to the second."""
    test.assertEqual(["entry", "behavioral"], [r.label for r in results])
    test.assertEqual([2, 6], [r.n_candidates for r in results])
    first, second = results
    test.assertEqual({"beta", "max_M", "new_firm_size_factor"}, set(first.winner_params))
    test.assertEqual(first.winner_params["new_firm_size_factor"], second.winner_params["new_firm_size_factor"])
    test.assertIs(float, type(second.winner_params["beta"]))
    test.assertIs(int, type(second.winner_params["max_M"]))
    for r in results:
        test.assertEqual(3, r.n_seeds)
        test.assertTrue(0.0 <= r.pass_rate <= 1.0)
        test.assertTrue(0.0 < r.mean_score < 1.0)
        test.assertIsInstance(r.improved, bool)
        test.assertTrue(r.verdict.startswith("winner"), r.verdict)
        test.assertIn(r.decision["policy"], ("best", "Best"))


def seed_stages():
    return parse_stages(SEED_STAGES)
