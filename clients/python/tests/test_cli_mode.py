"""run_sweep on this machine, through the sweep command named by SWEEP_COMMAND."""

import os
import subprocess
import sys
import tempfile
import unittest

from backend import QUICK, SEED_BASE, check_seed_results, require, seed_stages
from sweepclient import SweepError, parse_stages, run_sweep

HERE = os.path.dirname(os.path.abspath(__file__))


class CliModeTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        require("SWEEP_COMMAND")
        os.environ.pop("SWEEP_ENDPOINT", None)

    def test_the_seed_example_runs_on_the_sweep_command(self):
        results = run_sweep(base_params=SEED_BASE, stages=seed_stages(), scenario="baseline", n_workers=10, **QUICK)
        check_seed_results(self, results)

    def test_the_seed_example_script_prints_each_stage_and_its_winner(self):
        env = dict(os.environ, SWEEP_EXAMPLE_QUICK="1", PYTHONPATH=os.path.dirname(HERE))
        done = subprocess.run([sys.executable, os.path.join(HERE, "seed_example.py")], env=env,
                              capture_output=True, text=True)
        self.assertEqual(0, done.returncode, done.stderr)
        lines = done.stdout.splitlines()
        self.assertEqual(4, len(lines), done.stdout)
        self.assertRegex(lines[0], r"^Stage entry: (improved|no change)$")
        self.assertRegex(lines[1], r"^ Winner: \{'beta': 5\.0, 'max_M': 4, 'new_firm_size_factor': 0\.[125]\}$")
        self.assertRegex(lines[2], r"^Stage behavioral: (improved|no change)$")
        self.assertIn("Stage 'entry' (1/2)", done.stderr)   # the command's progress, on standard error

    def test_output_dir_keeps_the_result_files(self):
        with tempfile.TemporaryDirectory() as folder:
            run_sweep({}, [("A", {"beta": [1.0, 2.5]})], "baseline", n_workers=2, output_dir=folder, **QUICK)
            self.assertIn("baseline_sweep_stage_A.json", os.listdir(folder))
            self.assertIn("baseline_sweep.json", os.listdir(folder))

    def test_an_unknown_parameter_is_a_value_error_with_the_commands_message(self):
        with self.assertRaises(ValueError) as caught:
            run_sweep(SEED_BASE, parse_stages(["A:bta=1,2"]), "baseline", **QUICK)
        self.assertEqual({"--stages #1": ["Unknown parameter 'bta' in 'A:bta=1,2' for scenario 'baseline'. Did you mean 'beta'?"]},
                         caught.exception.errors)

    def test_bad_settings_are_value_errors_naming_each_value(self):
        with self.assertRaises(ValueError) as caught:
            run_sweep({"max_M": 2.5}, seed_stages(), "baseline", n_periods=0, stability_tiers=[(3, 0)], rank_by="best")
        message = str(caught.exception)
        for part in ("--base", "2.5", "--periods: Must be a whole number of at least 1; got 0.", "--stability-tiers", "--rank-by", "'best'"):
            self.assertIn(part, message)

    def test_an_unknown_scenario_is_a_value_error(self):
        with self.assertRaises(ValueError) as caught:
            run_sweep({}, seed_stages(), "baseline2", **QUICK)
        self.assertIn("Unknown scenario 'baseline2'", str(caught.exception))

    def test_malformed_arguments_are_value_errors_before_anything_runs(self):
        with self.assertRaises(ValueError):
            run_sweep([("beta", 1.0)], seed_stages(), "baseline")
        with self.assertRaises(ValueError):
            run_sweep({}, "A:beta=1", "baseline")
        with self.assertRaises(ValueError):
            run_sweep({}, seed_stages(), "baseline", stability_tiers=[(3,)])

    def test_a_missing_command_is_a_sweep_error_saying_how_to_name_it(self):
        saved = os.environ["SWEEP_COMMAND"]
        os.environ["SWEEP_COMMAND"] = "/nonexistent/sweep"
        try:
            with self.assertRaises(SweepError) as caught:
                run_sweep({}, seed_stages(), "baseline", **QUICK)
            self.assertIn("/nonexistent/sweep", str(caught.exception))
        finally:
            os.environ["SWEEP_COMMAND"] = saved


if __name__ == "__main__":
    unittest.main()
