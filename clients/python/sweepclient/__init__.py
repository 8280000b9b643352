"""The structured parameter sweep's Python API (``parse_stage``, ``parse_stages``, ``run_sweep``, ``StageResult``),
with the original's names, signatures and defaults, run on the SweepFunctions engine: on the service's HTTP API, or on
this machine through the ``sweep`` command."""

from .run import StageResult, SweepError, SweepInputError, run_sweep
from .stages import format_stage, parse_stage, parse_stages

__all__ = ["parse_stage", "parse_stages", "format_stage", "run_sweep", "StageResult", "SweepError", "SweepInputError"]
