"""``run_sweep`` and ``StageResult``: the original's Python API, run on the SweepFunctions engine.

A sweep runs on the service's HTTP API when an endpoint is given (the ``endpoint`` argument, or the environment
variable ``SWEEP_ENDPOINT`` with the function key in ``SWEEP_FUNCTION_KEY``), and otherwise on this machine through the
``sweep`` command: the command line in ``SWEEP_COMMAND`` (for example ``dotnet /opt/sweep/sweep.dll``), else ``sweep``
on the PATH. Either way ``run_sweep`` waits for the sweep, shows its progress on standard error and returns one
``StageResult`` per stage.
"""

import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from .stages import format_stage

__all__ = ["run_sweep", "StageResult", "SweepError"]


class SweepError(RuntimeError):
    """A sweep that could not run or did not finish. ``details`` holds the service's problem details or failure, or
    the command's JSON answer; ``status`` the HTTP status or the command's exit code."""

    def __init__(self, message, details=None, status=None):
        super().__init__(message)
        self.details = details
        self.status = status


class SweepInputError(ValueError):
    """Bad input, rejected before anything ran. ``errors`` maps each field (or flag) to its messages; ``details``
    holds the service's problem details or the command's JSON answer."""

    def __init__(self, message, errors=None, details=None):
        super().__init__(message)
        self.errors = errors or {}
        self.details = details


@dataclass
class StageResult:
    """Result of a single sweep stage: the original's six fields, then what the engine adds.

    ``improved`` is true when the winner is not the incumbent (the stage's starting configuration) and beat it on the
    same seeds. ``verdict`` says in one sentence how far to trust that, ``winner_vs_incumbent`` holds the paired
    comparison behind it, and ``decision`` the carry-forward rule that chose the winner.
    """

    label: str
    winner_params: dict
    combined_score: float
    mean_score: float
    pass_rate: float
    n_candidates: int
    improved: bool = False
    std_score: float = None
    n_seeds: int = None
    incumbent_combined: float = None
    verdict: str = None
    winner_vs_incumbent: dict = None
    decision: dict = None
    racing: dict = None
    cross_scenario: object = None
    evaluations_requested: int = None
    evaluations_executed: int = None
    extra: dict = field(default_factory=dict, repr=False)

    @classmethod
    def _from_json(cls, s, params_key):
        return cls(
            label=s["label"], winner_params=s.get(params_key) or {}, combined_score=s.get("combinedScore") or 0.0,
            mean_score=s.get("meanScore") or 0.0, pass_rate=s.get("passRate") or 0.0,
            n_candidates=s.get("nCandidates") or 0, improved=bool(s.get("improved")), std_score=s.get("stdScore"),
            n_seeds=s.get("nSeeds"), incumbent_combined=s.get("incumbentCombined"), verdict=s.get("verdict"),
            winner_vs_incumbent=s.get("winnerVsIncumbent"), decision=s.get("decision"), racing=s.get("racing"),
            cross_scenario=s.get("crossScenario"), evaluations_requested=s.get("evaluationsRequested"),
            evaluations_executed=s.get("evaluationsExecuted"), extra=s)


def run_sweep(base_params, stages, scenario, n_workers=10, n_periods=1000, stability_tiers=None, rank_by="combined",
              k_factor=1.0, cross_scenario=None, *, endpoint=None, function_key=None, output_dir=None,
              carry_forward=None, alpha=None, racing=False, race_block=None, poll_seconds=1.0):
    """Run a structured multi-stage parameter sweep and return a list of ``StageResult``, one per stage.

    The first nine arguments are the original's: ``base_params`` (dict, the starting configuration), ``stages`` (list
    of ``(label, param_grid)``, e.g. from ``parse_stages``), ``scenario``, ``n_workers`` (parallel evaluations of a
    local run; the service decides its own), ``n_periods``, ``stability_tiers`` (list of ``(configs, seeds)``, default
    ``[(100, 10), (50, 20), (10, 100)]``), ``rank_by``, ``k_factor`` and ``cross_scenario``. Keyword-only extras:
    ``endpoint`` and ``function_key`` (else ``SWEEP_ENDPOINT``, ``SWEEP_FUNCTION_KEY``), ``output_dir`` (a local run
    writes its result files there; by default into a temporary folder that is removed), ``carry_forward``
    (``"best"`` or ``"significant"``), ``alpha``, ``racing``, ``race_block`` and ``poll_seconds`` (how often a sweep on
    the service is asked how it stands).

    Raises ``ValueError`` (``SweepInputError``) for bad input, with the service's or the command's messages, before
    anything runs; ``SweepError`` when the sweep fails or cannot be started.
    """
    request = _request(base_params, stages, scenario, n_periods, stability_tiers, rank_by, k_factor, cross_scenario,
                       carry_forward, alpha, racing, race_block)
    endpoint = endpoint or os.environ.get("SWEEP_ENDPOINT")
    if endpoint:
        key = function_key if function_key is not None else os.environ.get("SWEEP_FUNCTION_KEY")
        return _run_remote(endpoint, key, request, poll_seconds)
    return _run_local(request, n_workers, output_dir)


def _request(base_params, stages, scenario, n_periods, stability_tiers, rank_by, k_factor, cross_scenario,
             carry_forward, alpha, racing, race_block):
    """The sweep as the HTTP API's request body; its form is checked here, its content by the engine."""
    if base_params is not None and not isinstance(base_params, dict):
        raise SweepInputError(f"base_params must be a dict of parameter values; got {base_params!r}.")
    if isinstance(stages, (str, bytes)) or not isinstance(stages, (list, tuple)):
        raise SweepInputError(f"stages must be a list of (label, param_grid) tuples, e.g. from parse_stages; got {stages!r}.")
    wire = []
    for i, stage in enumerate(stages):
        if not (isinstance(stage, (list, tuple)) and len(stage) == 2 and isinstance(stage[0], str)
                and isinstance(stage[1], dict)):
            raise SweepInputError(f"stages[{i}] must be a (label, param_grid) tuple; got {stage!r}.")
        label, grid = stage
        wire.append({"label": label, "grid": {name: list(values) if isinstance(values, (list, tuple)) else [values]
                                              for name, values in grid.items()}})
    if not isinstance(scenario, str):
        raise SweepInputError(f"scenario must be a scenario name; got {scenario!r}.")
    body = {"scenario": scenario, "stages": wire, "periods": n_periods, "rankBy": rank_by, "kFactor": k_factor}
    if base_params:
        body["base"] = base_params
    if stability_tiers is not None:
        try:
            body["stabilityTiers"] = ",".join(f"{int(c)}:{int(s)}" for c, s in stability_tiers)
        except (TypeError, ValueError):
            raise SweepInputError(f"stability_tiers must be a list of (configs, seeds) pairs of integers; "
                                  f"got {stability_tiers!r}.") from None
    for name, value in (("crossScenario", cross_scenario), ("carryForward", carry_forward), ("alpha", alpha),
                        ("raceBlock", race_block)):
        if value is not None:
            body[name] = value
    if racing:
        body["racing"] = True
    return body


def _progress(line):
    print(line, file=sys.stderr, flush=True)


# --- on this machine, through the sweep command -------------------------------------------------------------------

def _command():
    text = os.environ.get("SWEEP_COMMAND")
    if text:
        return shlex.split(text)
    found = shutil.which("sweep")
    if found:
        return [found]
    raise SweepError("No sweep command to run the sweep on this machine: set SWEEP_COMMAND (for example "
                     "'dotnet /path/to/sweep.dll'), install the tool so that 'sweep' is on the PATH, or give an "
                     "endpoint (SWEEP_ENDPOINT) to run it on the service.")


def _run_local(request, n_workers, output_dir):
    args = ["run", "--json", "--scenario", request["scenario"], "--periods", str(request["periods"]),
            "--rank-by", str(request["rankBy"]), "--k-factor", repr(request["kFactor"]), "--workers", str(n_workers)]
    for flag, name in (("--stability-tiers", "stabilityTiers"), ("--cross-scenario", "crossScenario"),
                       ("--carry-forward", "carryForward"), ("--alpha", "alpha"), ("--race-block", "raceBlock")):
        if name in request:
            args += [flag, str(request[name])]
    if request.get("racing"):
        args.append("--racing")
    args.append("--stages")
    args += [format_stage(s["label"], s["grid"]) for s in request["stages"]]

    with tempfile.TemporaryDirectory(prefix="sweep-") as scratch:
        if "base" in request:
            base_file = os.path.join(scratch, "base.json")
            with open(base_file, "w", encoding="utf-8") as f:
                json.dump({"scenario": request["scenario"],
                           "results": [{"params": request["base"], "single_score": 0.0}], "_schema_version": 1}, f)
            args += ["--base", base_file]
        args += ["--output", output_dir or os.path.join(scratch, "output")]
        command = _command() + args
        try:
            done = subprocess.run(command, stdout=subprocess.PIPE, stderr=None, text=True)
        except OSError as e:
            raise SweepError(f"Could not start the sweep command {command[0]!r}: {e}.") from None

    try:
        answer = json.loads(done.stdout)
    except ValueError:
        raise SweepError(f"The sweep command exited with code {done.returncode} without its JSON answer "
                         f"(see its messages above).", status=done.returncode) from None
    status = answer.get("status")
    if status == "invalid":
        errors = answer.get("errors") or {}
        raise SweepInputError("\n".join(f"{flag}: {m}" for flag, messages in errors.items() for m in messages),
                              errors=errors, details=answer)
    if status != "completed":
        raise SweepError(answer.get("error") or answer.get("message") or f"The sweep ended as {status}.",
                         details=answer, status=done.returncode)
    return [StageResult._from_json(s, "winner") for s in answer["stages"]]


# --- on the service, through its HTTP API -------------------------------------------------------------------------

def _call(method, url, key, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if key:
        request.add_header("x-functions-key", key)
    try:
        with urllib.request.urlopen(request, timeout=100) as response:
            return response.status, json.loads(response.read().decode("utf-8") or "null")
    except urllib.error.HTTPError as e:
        text = e.read().decode("utf-8", "replace")
        try:
            problem = json.loads(text) if text else None
        except ValueError:
            problem = text
        return e.code, problem
    except urllib.error.URLError as e:
        raise SweepError(f"Could not reach the sweep service at {url}: {e.reason}.") from None


def _problem_message(status, problem):
    if isinstance(problem, dict):
        lines = [problem.get("title") or f"HTTP {status}"]
        if problem.get("detail"):
            lines.append(problem["detail"])
        for name, messages in (problem.get("errors") or {}).items():
            lines += [f"{name}: {m}" for m in (messages if isinstance(messages, list) else [messages])]
        return "\n".join(lines)
    return f"HTTP {status}" + (f": {problem}" if problem else "")


def _run_remote(endpoint, key, request, poll_seconds):
    base = endpoint.rstrip("/")
    if not base.endswith("/api"):
        base += "/api"
    status, answer = _call("POST", base + "/sweeps", key, request)
    if status == 400:
        raise SweepInputError(_problem_message(status, answer),
                              errors=answer.get("errors") if isinstance(answer, dict) else None, details=answer)
    if status != 202:
        raise SweepError(f"The service did not start the sweep: {_problem_message(status, answer)}",
                         details=answer, status=status)
    sweep_id = answer["id"]
    url = f"{base}/sweeps/{urllib.parse.quote(sweep_id)}"
    _progress(f"Sweep {sweep_id} started on {endpoint}")
    last = None
    while True:
        status, view = _call("GET", url, key)
        if status != 200:
            raise SweepError(f"Could not read sweep {sweep_id}: {_problem_message(status, view)}",
                             details=view, status=status)
        progress = view.get("progress")
        line = view["runtimeStatus"] if progress is None else (
            f"{progress['stageLabel']} ({progress['stage']}/{progress['stageCount']}): {progress['phase']}; "
            f"{progress['evaluationsExecuted']} evaluations of at most {progress['evaluationsPlannedAtMost']}")
        if line != last:
            _progress(f"  {line}")
            last = line
        runtime = view["runtimeStatus"]
        if runtime == "Completed":
            return [StageResult._from_json(s, "params") for s in view["stages"]]
        if runtime in ("Failed", "Terminated", "Canceled"):
            failure = view.get("failure") or {}
            raise SweepError(f"Sweep {sweep_id} ended as {runtime}" + (f": {failure['message']}" if failure else "."),
                             details=view, status=status)
        time.sleep(poll_seconds)
