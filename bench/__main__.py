"""`python -m bench [filter ...]`: run every benchmark (or those whose name contains a filter).

Prints `BENCH <name> <value> <unit>` as each figure is measured; exits 1 if any benchmark raised.
"""
import importlib
import pkgutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

import bench
from bench.env import BenchContext


def discover() -> list[Callable]:
    """The BENCHES of every module of this package, modules in name order."""
    benches = []
    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            benches.extend(getattr(importlib.import_module(f"bench.{info.name}"), "BENCHES", ()))
    return benches


def format_value(value: float | int) -> str:
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def main(filters: list[str]) -> int:
    failed = []
    with tempfile.TemporaryDirectory(prefix="hrapp-bench-") as workdir:
        ctx = BenchContext(Path(workdir))
        for function in discover():
            if filters and not any(f in function.__name__ for f in filters):
                continue
            try:
                for name, value, unit in function(ctx):
                    print(f"BENCH {name} {format_value(value)} {unit}", flush=True)
            except Exception:  # report it, run the others, fail at the end
                failed.append(function.__name__)
                traceback.print_exc()
    if failed:
        print(f"bench: failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
