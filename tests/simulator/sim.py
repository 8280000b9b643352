#!/usr/bin/env python3
"""A small model that speaks the sweep's evaluator protocol (docs/evaluator-protocol.md), for tests and examples.

Two scenarios, 'quadratic' and 'shifted': a smooth score in x and y with its peak at (3, 1), respectively (4, 0),
less 1 % per unit of n, plus noise drawn from the seed (the same for every configuration) and from the seed and the
configuration together. It passes when the score is at least 0.5. Standard library only.

It misbehaves on command, to test the sweep's handling of broken models:
  --fault KIND@WHEN   KIND is crash, hang, garbage, wrong-id, nan or refuse; WHEN is 'always', 'describe',
                      'seed=N' or 'PARAM=VALUE' (numbers compared as numbers). Repeatable.
  --fault-once PATH   every fault fires only while PATH does not exist, and creates it (a transient fault)
  --slow-start S      sleep S seconds before answering 'describe'
  --name, --version   what 'describe' says
"""
import argparse
import json
import math
import os
import random
import sys
import time

SCENARIOS = {
    "quadratic": {"peak": (3.0, 1.0)},
    "shifted": {"peak": (4.0, 0.0)},
}

PARAMETERS = [
    {"name": "x", "type": "float", "default": 5.0, "min": 0.0, "max": 10.0, "description": "position along x"},
    {"name": "y", "type": "float", "default": 0.0, "min": -5.0, "max": 5.0, "description": "position along y"},
    {"name": "n", "type": "int", "default": 2, "min": 1, "max": 8, "description": "costs 1 % of the score per unit"},
    {"name": "mode", "type": "choice", "default": "smooth", "choices": ["smooth", "rough"], "description": "rough adds noise"},
]


def log(message):
    print(f"sim[{os.getpid()}]: {message}", file=sys.stderr, flush=True)


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def matches(when, item):
    if when == "always":
        return True
    if "=" not in when:
        return False
    name, value = when.split("=", 1)
    actual = item.get("seed") if name == "seed" else item.get("params", {}).get(name)
    if actual is None:
        return False
    try:
        return float(actual) == float(value)
    except (TypeError, ValueError):
        return str(actual) == value


def fault_for(faults, once, stage, item=None):
    for kind, when in faults:
        hit = when == "describe" if stage == "describe" else when != "describe" and matches(when, item)
        if hit:
            if once:
                if os.path.exists(once):
                    return None
                open(once, "w").close()
            return kind
    return None


def score(item):
    params = {p["name"]: p["default"] for p in PARAMETERS}
    params.update(item["params"])
    px, py = SCENARIOS[item["scenario"]]["peak"]
    distance = math.hypot(params["x"] - px, params["y"] - py)
    # Noise shared by every configuration on a seed, plus a little of the configuration's own (the effective values,
    # defaults filled in, so {} and {"x": 5.0} meet the same noise, as the sweep's memo assumes).
    own = f'{item["seed"]}|{float(params["x"])!r}|{float(params["y"])!r}|{int(params["n"])}|{params["mode"]}'
    noise = random.Random(item["seed"]).gauss(0.0, 0.02) + random.Random(own).gauss(0.0, 0.01)
    if params["mode"] == "rough":
        noise += random.Random(item["seed"] + 100000).gauss(0.0, 0.05)
    value = math.exp(-distance * distance / 8.0) * (1.0 - 0.01 * params["n"]) + noise
    return {"id": item["id"], "score": value, "passed": value >= 0.5,
            "metrics": {"distance": distance, "noise": noise}}


def evaluate(item, faults, once):
    kind = fault_for(faults, once, "evaluate", item)
    if kind == "crash":
        log(f"crashing on id={item['id']} as told")
        sys.exit(3)
    if kind == "hang":
        log(f"hanging on id={item['id']} as told")
        while True:
            time.sleep(3600)
    if kind == "garbage":
        sys.stdout.write("this is not the protocol\n")
        sys.stdout.flush()
        return
    if kind == "refuse":
        send({"id": item["id"], "error": "refused as told"})
        return
    result = score(item)
    if kind == "wrong-id":
        result["id"] = "not-" + item["id"]
    if kind == "nan":
        result["score"] = float("nan")
    send(result)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fault", action="append", default=[])
    parser.add_argument("--fault-once")
    parser.add_argument("--slow-start", type=float, default=0.0)
    parser.add_argument("--name", default="test-sim")
    parser.add_argument("--version", default="1.0")
    args = parser.parse_args()
    faults = [tuple(f.split("@", 1)) if "@" in f else (f, "always") for f in args.fault]

    for line in sys.stdin:
        message = json.loads(line)
        if message["type"] == "describe":
            time.sleep(args.slow_start)
            kind = fault_for(faults, args.fault_once, "describe")
            if kind == "crash":
                log("cannot start: crashing before describe as told")
                sys.exit(4)
            if kind == "garbage":
                sys.stdout.write("hello, I am not a protocol\n")
                sys.stdout.flush()
                continue
            send({"type": "describe", "protocol": 1, "name": args.name, "version": args.version,
                  "scenarios": [{"name": name, "parameters": PARAMETERS} for name in SCENARIOS]})
        elif message["type"] == "evaluate":
            for item in message["items"]:
                evaluate(item, faults, args.fault_once)
    log("input closed, exiting")


if __name__ == "__main__":
    main()
