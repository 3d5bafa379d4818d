"""Performance benchmarks: `python -m bench [filter ...]` prints one `BENCH <name> <value> <unit>` line per figure.

To add a benchmark, add a module here (any name not starting with "_") defining `BENCHES`: a list of
functions `bench_x(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]`. Each function yields
(name, value, unit) as it measures; `ctx` (bench/env.py) gives fresh or seeded apps on temporary SQLite files.
"""
