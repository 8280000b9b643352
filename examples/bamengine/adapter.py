#!/usr/bin/env python3
"""The original Python BAM model (bamengine, github.com/kganitis/bam-engine) behind the sweep's evaluator protocol.

Run it from a checkout of bam-engine with its dependencies installed (see README.md); the sweep starts one copy per
worker:  sweep run --evaluator "python3 examples/bamengine/adapter.py" ...

It answers 'describe' from the scenarios' defaults (bamengine's default configuration overlaid with each validation
scenario's DEFAULT_CONFIG), and 'evaluate' by calling the original's own validation function,
validation.get_validation_func(scenario)(seed=..., n_periods=..., **overrides). Logs go to stderr, answers to stdout.
"""
import json
import math
import os
import sys

SCENARIOS = ["baseline", "growth_plus", "buffer_stock"]


def log(message):
    print(f"bamengine-adapter[{os.getpid()}]: {message}", file=sys.stderr, flush=True)


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def engine_defaults():
    """bamengine's own default configuration (its packaged defaults.yml), or {} when it cannot be read."""
    try:
        import importlib.resources
        import yaml
        text = importlib.resources.files("bamengine").joinpath("config", "defaults.yml").read_text()
        return {k: v for k, v in (yaml.safe_load(text) or {}).items() if isinstance(v, (int, float, str)) and not isinstance(v, bool)}
    except Exception as e:  # the adapter still works on the scenarios' own defaults
        log(f"cannot read bamengine's defaults.yml ({e}); describing the scenarios' DEFAULT_CONFIG only")
        return {}


def scenario_defaults(name):
    import validation
    own = getattr(validation, f"{name.upper()}_DEFAULT_CONFIG", {}) or {}
    merged = dict(engine_defaults())
    merged.update({k: v for k, v in own.items() if isinstance(v, (int, float, str)) and not isinstance(v, bool)})
    return merged


def describe_parameter(name, value):
    if isinstance(value, int):
        return {"name": name, "type": "int", "default": value, "description": "bamengine parameter"}
    if isinstance(value, float):
        # JSON has no NaN: a derived default is sent as the string "NaN"
        return {"name": name, "type": "float", "default": value if math.isfinite(value) else "NaN", "description": "bamengine parameter"}
    return {"name": name, "type": "choice", "default": value, "choices": [value], "description": "bamengine parameter (only its default is known)"}


def describe():
    import validation
    version = "unknown"
    try:
        from importlib.metadata import version as package_version
        version = package_version("bamengine")
    except Exception:
        pass
    scenarios = []
    for name in SCENARIOS:
        try:
            validation.get_validation_func(name)
        except Exception as e:
            log(f"scenario {name} is not available here: {e}")
            continue
        defaults = scenario_defaults(name)
        scenarios.append({"name": name, "parameters": [describe_parameter(k, v) for k, v in sorted(defaults.items())]})
    return {"type": "describe", "protocol": 1, "name": "bamengine", "version": version, "scenarios": scenarios}


def plain(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def evaluate(item):
    import validation
    run = validation.get_validation_func(item["scenario"])
    result = run(seed=item["seed"], n_periods=item["periods"], **item["params"])
    metrics = {}
    for m in getattr(result, "metric_results", []) or []:
        name = getattr(m, "name", None)
        value = plain(getattr(m, "actual", getattr(m, "value", None)))
        if name is not None and value is not None and math.isfinite(value):
            metrics[name] = value
    n_fail = int(result.n_fail)
    return {
        "id": item["id"],
        "score": float(result.total_score),
        "passed": n_fail == 0,
        "counts": {"pass": int(result.n_pass), "warn": int(result.n_warn), "fail": n_fail},
        "metrics": metrics,
    }


def main():
    for line in sys.stdin:
        message = json.loads(line)
        if message["type"] == "describe":
            send(describe())
        elif message["type"] == "evaluate":
            for item in message["items"]:
                try:
                    answer = evaluate(item)
                except (TypeError, ValueError, KeyError) as e:   # a parameter the model rejects: refuse the item
                    answer = {"id": item["id"], "error": f"{type(e).__name__}: {e}"}
                send(answer)


if __name__ == "__main__":
    main()
