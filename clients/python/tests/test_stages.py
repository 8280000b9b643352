"""parse_stage and parse_stages against the cases the service's parser is tested against (stage_cases.json)."""

import json
import os
import unittest

from sweepclient import format_stage, parse_stage, parse_stages

CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stage_cases.json")


def typed(grid):
    """The grid with each value's type, since 1 and 1.0 compare equal in Python but are different values."""
    return {name: [(type(v).__name__, v) for v in values] for name, values in grid.items()}


class StageCasesTests(unittest.TestCase):
    def test_every_case_parses_or_fails_as_the_service_parser_does(self):
        with open(CASES, encoding="utf-8") as f:
            cases = json.load(f)
        self.assertEqual(28, len(cases))
        for case in cases:
            with self.subTest(stage=case["stage"]):
                if "errors" in case:
                    with self.assertRaises(ValueError) as caught:
                        parse_stage(case["stage"])
                    self.assertEqual(case["errors"], str(caught.exception).split("\n"))
                else:
                    label, grid = parse_stage(case["stage"])
                    self.assertEqual(case["label"], label)
                    self.assertEqual(typed(case["grid"]), typed(grid))


class ParseStagesTests(unittest.TestCase):
    def test_the_seeds_stages_parse_with_ints_and_floats_kept_apart(self):
        stages = parse_stages(["entry:new_firm_size_factor=0.1,0.2", "behavioral:beta=0.5,1.0,2.5 max_M=2,4"])
        self.assertEqual([("entry", {"new_firm_size_factor": [0.1, 0.2]}),
                          ("behavioral", {"beta": [0.5, 1.0, 2.5], "max_M": [2, 4]})], stages)
        self.assertIs(float, type(stages[1][1]["beta"][1]))
        self.assertIs(int, type(stages[1][1]["max_M"][0]))

    def test_two_stages_with_one_label_are_rejected(self):
        with self.assertRaises(ValueError) as caught:
            parse_stages(["A:beta=1", "a:max_M=2"])
        self.assertEqual("Label 'A' is used by 2 stages ('A:beta=1', 'a:max_M=2'); each stage needs its own label.",
                         str(caught.exception))

    def test_every_bad_stage_is_reported_at_once(self):
        with self.assertRaises(ValueError) as caught:
            parse_stages(["A beta=1", "B:beta"])
        self.assertEqual(["Missing ':' after the label in 'A beta=1'. Write LABEL:param=v1,v2.",
                          "'beta' has no '=' in 'B:beta'. Write param=v1,v2."], str(caught.exception).split("\n"))

    def test_one_string_instead_of_a_list_is_rejected(self):
        with self.assertRaises(ValueError):
            parse_stages("A:beta=1")

    def test_a_parsed_stage_formats_back_to_text_that_parses_to_the_same_stage(self):
        stage = parse_stage("A:beta=0.5,1.0,1e-05 max_M=2,4 mode=x")
        self.assertEqual("A:beta=0.5,1.0,1E-05 max_M=2,4 mode=x", format_stage(*stage))
        self.assertEqual(typed(stage[1]), typed(parse_stage(format_stage(*stage))[1]))


if __name__ == "__main__":
    unittest.main()
