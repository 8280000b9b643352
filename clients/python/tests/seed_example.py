"""The seed document's Python example, unchanged but for the import line and, when SWEEP_EXAMPLE_QUICK is set, a short
run (fewer periods, small tiers) so that tests stay fast. Run it as `python3 tests/seed_example.py`."""

import os

from sweepclient import run_sweep, parse_stages

quick = {"n_periods": 50, "stability_tiers": [(3, 2), (2, 3)]} if os.environ.get("SWEEP_EXAMPLE_QUICK") else {}

stages = parse_stages(
    [
        "entry:new_firm_size_factor=0.1,0.2",
        "behavioral:beta=0.5,1.0,2.5 max_M=2,4",
    ]
)
results = run_sweep(
    base_params={"beta": 5.0, "max_M": 4},
    stages=stages,
    scenario="baseline",
    n_workers=10,
    **quick,
)
for stage in results:
    print(f"Stage {stage.label}: {'improved' if stage.improved else 'no change'}")
    print(f" Winner: {stage.winner_params}")
