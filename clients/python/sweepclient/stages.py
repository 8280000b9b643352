"""The stage syntax ``LABEL:param1=v1,v2 param2=v3,v4``, parsed as the ``sweep`` command parses it.

The rules and messages are those of the service's stage parser (src/SweepDomain/Stages/StageParser.cs) for
everything that needs no scenario; the parameter names and values are checked against the scenario when the sweep
starts. tests/stage_cases.json holds the cases both parsers are tested against.
"""

import re

__all__ = ["parse_stage", "parse_stages", "format_stage"]

_QUOTE_LENGTH = 120
_RESERVED = ("seed", "n_periods")
_WHITESPACE = re.compile(r"\s+")
_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][+-]?[0-9]+)?")
_NON_FINITE = re.compile(r"[+-]?(nan|inf|infinity)", re.IGNORECASE)
_SAFE_LABEL = re.compile(r"[A-Za-z0-9_.\-]+")


def _short(text):
    if len(text) <= _QUOTE_LENGTH:
        return text
    return f"{text[:_QUOTE_LENGTH]}... ({len(text):,} characters)"


def _value(text):
    """int for ``-?digits`` (within 64 bits), float for a decimal or exponent form, else the text itself."""
    if _INT.fullmatch(text) and -(2 ** 63) <= int(text) < 2 ** 63:
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def _format_value(value):
    """A value as the stage syntax (and the service's messages) write it: floats always with a point or exponent."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        text = repr(value).replace("e", "E")
        return text if any(c in text for c in ".E") or text in ("nan", "inf", "-inf") else text + ".0"
    return str(value)


def _key(value):
    """Equality as the service compares values: an int and a float of the same size are different values."""
    return (type(value).__name__, value)


def _parse(source, errors):
    """The stage as (label, grid), or None with the problems appended to ``errors``."""
    if source is None or not source.strip():
        errors.append("A stage is empty. Write LABEL:param=v1,v2.")
        return None
    colon = source.find(":")
    if colon < 0:
        errors.append(f"Missing ':' after the label in '{_short(source)}'. Write LABEL:param=v1,v2.")
        return None

    before = len(errors)
    tokens = [t for t in _WHITESPACE.split(source[colon + 1:].strip()) if t]
    axes = []
    for i, token in enumerate(tokens):
        eq = token.find("=")
        if eq < 0:
            if i > 0 and tokens[i - 1].endswith(","):
                errors.append(f"Space after a comma before '{_short(token)}' in '{_short(source)}'. "
                              "Separate values with commas only: v1,v2.")
            else:
                errors.append(f"'{_short(token)}' has no '=' in '{_short(source)}'. Write param=v1,v2.")
            continue
        name, items = token[:eq], token[eq + 1:].split(",")
        if any(item == "" for item in items):
            errors.append(f"Parameter '{_short(name)}' has an empty value in '{_short(source)}'. "
                          f"Write {name or 'param'}=v1,v2.")
            continue
        non_finite = next((item for item in items if _NON_FINITE.fullmatch(item)), None)
        if non_finite is not None:
            errors.append(f"Parameter '{_short(name)}' has the non-finite value '{_short(non_finite)}' in "
                          f"'{_short(source)}'. Use a finite number.")
            continue
        axes.append((name, [_value(item) for item in items]))

    label = source[:colon].strip()
    if not label:
        errors.append(f"The label is empty in '{_short(source)}'. Write LABEL:param=v1,v2.")
    elif not _SAFE_LABEL.fullmatch(label) or label in (".", ".."):
        errors.append(f"Label '{_short(label)}' in '{_short(source)}' may only use letters, digits, '_', '-' and "
                      "'.', because it names result files.")
    if not tokens:
        errors.append(f"Stage '{_short(source)}' has no parameters. Write {label}:param=v1,v2.")

    grid = {}
    for name, values in axes:
        if name in grid:
            errors.append(f"Parameter '{_short(name)}' appears twice in '{_short(source)}'. "
                          f"List all its values once: {name}=v1,v2.")
        elif not name:
            errors.append(f"A parameter name is empty in '{_short(source)}'. Write param=v1,v2.")
        elif name in _RESERVED:
            errors.append(f"'{_short(name)}' is reserved in '{_short(source)}': the sweep sets seeds and periods "
                          "itself (use the periods option).")
        else:
            seen = {}
            for value in values:
                seen[_key(value)] = seen.get(_key(value), 0) + 1
            duplicate = next((v for v in values if seen[_key(v)] > 1), None)
            if duplicate is not None:
                errors.append(f"Parameter '{_short(name)}' lists the value {_format_value(duplicate)} more than once "
                              f"in '{_short(source)}'.")
            else:
                grid[name] = values
    return (label, grid) if len(errors) == before else None


def parse_stage(stage_str):
    """Parse a single stage definition, ``LABEL:param1=v1,v2,v3 param2=v4,v5``.

    Returns ``(label, param_grid)``: the label and a dict from parameter name to its list of values, in the order
    written. ``2`` is an int, ``1.0`` and ``1e3`` are floats, anything else stays a string. Raises ``ValueError``
    naming the problem and quoting the stage.
    """
    errors = []
    stage = _parse(stage_str, errors)
    if errors:
        raise ValueError("\n".join(errors))
    return stage


def parse_stages(stage_args):
    """Parse several stage definitions; returns a list of ``(label, param_grid)`` tuples.

    Every problem of every stage is reported at once in one ``ValueError``, and two stages may not share a label
    (their result files would collide).
    """
    if isinstance(stage_args, str):
        raise ValueError(f"parse_stages takes a list of stage strings, not one string: '{_short(stage_args)}'.")
    errors, stages, sources = [], [], []
    for source in stage_args:
        stage = _parse(source, errors)
        if stage is not None:
            stages.append(stage)
            sources.append(source)
    groups = {}
    for (label, _), source in zip(stages, sources):
        groups.setdefault(label.lower(), []).append((label, source))
    for group in groups.values():
        if len(group) > 1:
            quoted = ", ".join(f"'{_short(source)}'" for _, source in group)
            errors.append(f"Label '{group[0][0]}' is used by {len(group)} stages ({quoted}); "
                          "each stage needs its own label.")
    if errors:
        raise ValueError("\n".join(errors))
    return stages


def format_stage(label, param_grid):
    """A ``(label, param_grid)`` stage back in the text form ``LABEL:param=v1,v2``."""
    return f"{label}:" + " ".join(f"{name}=" + ",".join(_format_value(v) for v in values)
                                  for name, values in param_grid.items())
