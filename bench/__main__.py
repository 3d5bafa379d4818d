"""`python -m bench [filter ...]`: run every benchmark (or those whose name contains a filter).

The benchmarks are this package's core ones (CORE) and those each registered module names in its record
(`Module.benches`: bench modules such as "bench.roster", whose BENCHES list is run), in module order.
Prints `BENCH <name> <value> <unit>` as each figure is measured; exits 1 if any benchmark raised.
"""
import importlib
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from bench.env import BenchContext
from config import Config
from hrapp.core.module import load_modules

CORE = ("bench.seed",)


def discover() -> list[Callable]:
    """The BENCHES of the core bench modules, then of each registered module's, without repeats."""
    names = [*CORE, *(name for module in load_modules(Config.MODULES) for name in module.benches)]
    benches = []
    for name in dict.fromkeys(names):
        benches.extend(importlib.import_module(name).BENCHES)
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
