"""run_sweep on the service's HTTP API, named by SWEEP_ENDPOINT and SWEEP_FUNCTION_KEY. When SWEEP_COMMAND is set too,
the same sweep also runs on the sweep command, and both must agree: they run the same engine on the same seeds."""

import os
import subprocess
import sys
import unittest

from backend import QUICK, SEED_BASE, check_seed_results, require, seed_stages
from sweepclient import SweepError, parse_stages, run_sweep

HERE = os.path.dirname(os.path.abspath(__file__))


class HttpModeTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.endpoint = require("SWEEP_ENDPOINT")
        require("SWEEP_FUNCTION_KEY")

    def test_the_seed_example_runs_on_the_service_and_agrees_with_the_command(self):
        remote = run_sweep(base_params=SEED_BASE, stages=seed_stages(), scenario="baseline", n_workers=10,
                           poll_seconds=0.2, **QUICK)
        check_seed_results(self, remote)
        if os.environ.get("SWEEP_COMMAND"):
            saved = os.environ.pop("SWEEP_ENDPOINT")
            try:
                local = run_sweep(base_params=SEED_BASE, stages=seed_stages(), scenario="baseline", **QUICK)
            finally:
                os.environ["SWEEP_ENDPOINT"] = saved
            for r, l in zip(remote, local):
                self.assertEqual((l.label, l.winner_params, l.combined_score, l.mean_score, l.pass_rate, l.n_candidates, l.improved),
                                 (r.label, r.winner_params, r.combined_score, r.mean_score, r.pass_rate, r.n_candidates, r.improved))

    def test_the_seed_example_script_runs_on_the_service(self):
        env = dict(os.environ, SWEEP_EXAMPLE_QUICK="1", PYTHONPATH=os.path.dirname(HERE))
        env.pop("SWEEP_COMMAND", None)
        done = subprocess.run([sys.executable, os.path.join(HERE, "seed_example.py")], env=env,
                              capture_output=True, text=True)
        self.assertEqual(0, done.returncode, done.stderr)
        self.assertRegex(done.stdout, r"^Stage entry: (improved|no change)\n Winner: \{.*\}\nStage behavioral: (improved|no change)\n Winner: \{.*\}\n$")
        self.assertIn("started on " + self.endpoint, done.stderr)   # progress, on standard error
        self.assertIn("behavioral (2/2)", done.stderr)

    def test_bad_input_is_a_value_error_carrying_the_problem_details(self):
        with self.assertRaises(ValueError) as caught:
            run_sweep({"max_M": 2.5}, parse_stages(["A:bta=1,2"]), "baseline", n_periods=0, stability_tiers=QUICK["stability_tiers"])
        error = caught.exception
        self.assertEqual(400, error.details["status"])
        self.assertEqual(["Unknown parameter 'bta' in 'A:bta=1,2' for scenario 'baseline'. Did you mean 'beta'?"],
                         error.errors["stages[0]"])
        self.assertEqual(["Must be a whole number of at least 1; got 0."], error.errors["periods"])
        self.assertIn("base", error.errors)

    def test_a_wrong_key_is_a_sweep_error_with_the_status(self):
        with self.assertRaises(SweepError) as caught:
            run_sweep({}, seed_stages(), "baseline", function_key="wrong", **QUICK)
        self.assertEqual(401, caught.exception.status)


if __name__ == "__main__":
    unittest.main()
