"""Benchmark ``workbench triage`` against a bare pyarrow parse of the same ES-003 CSV.

For each size (data rows of a generated ES-003 file), the script runs two fresh Python
processes on the same file:

* the bare parse: ``pyarrow.csv.read_csv`` with every column read as a string, nothing else;
* the triage: ``workbench.cape.run.run_triage``, which loads, validates, triages and writes
  every output file.

Each process times its own work (interpreter start and imports excluded), and the parent
reads the process's CPU time and peak resident memory from ``os.wait4``, so each figure
belongs to one run. The table shows the median time of the repeats, the ratio of triage to
parse time, the triage process's CPU seconds (less sensitive than wall time to other load on
a shared machine) and the largest peak memory. Target: 1M lines in at most 3x the bare parse
time and under 2 GiB peak.

    python benchmarks/triage_bench.py                    # 10k, 100k and 1M lines
    python benchmarks/triage_bench.py --sizes 100k --repeat 5
    python benchmarks/triage_bench.py --sizes 1M --profile /tmp/triage.prof

Generated files go to a temporary folder unless --data-dir names one to keep and reuse them.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_es003 import AS_OF, GENERATOR_VERSION, write_es003  # noqa: E402

SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
TARGET_RATIO = 3.0
TARGET_PEAK_MIB = 2048

PARSE_CHILD = """
import csv, json, sys, time
import pyarrow as pa, pyarrow.csv as pacsv
path = sys.argv[1]
with open(path, newline="", encoding="utf-8") as stream:
    names = next(csv.reader(stream))
started = time.perf_counter()
table = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(
    column_types={name: pa.string() for name in names}))
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "rows": table.num_rows}))
"""

TRIAGE_CHILD = """
import datetime as dt, json, sys, time
from workbench.cape.run import run_triage
path, out, as_of, profile = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
call = lambda: run_triage([path], out, as_of=dt.date.fromisoformat(as_of))
started = time.perf_counter()
if profile:
    import cProfile
    profiler = cProfile.Profile()
    result = profiler.runcall(call)
    profiler.dump_stats(profile)
else:
    result = call()
seconds = time.perf_counter() - started
check = result.summary["reconciliation"]
print(json.dumps({"seconds": seconds, "entries": result.summary["entries"],
                  "rows": check["rows_read"],
                  "balanced": check["rows_balanced"] and check["entries_balanced"]}))
"""


def run_child(code, args):
    """Run ``python -c code args``; return (its JSON output, wall s, CPU s, peak MiB)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen([sys.executable, "-c", code, *map(str, args)],
                                   stdout=subprocess.PIPE, stderr=errors)
        output = process.stdout.read()
        process.stdout.close()
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        if process.returncode != 0:
            errors.seek(0)
            sys.exit(f"benchmark child failed with exit status {process.returncode}:\n"
                     f"{errors.read().decode('utf-8', 'replace')[-3000:]}")
    # Linux reports ru_maxrss in KiB.
    return json.loads(output), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def machine():
    """Return a one-paragraph description of this machine and the library versions."""
    import numpy
    import pandas
    import pyarrow

    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} CPUs ({model}), {memory:.1f} GiB RAM, "
            f"{platform.system()} {platform.release()}; Python {platform.python_version()}, "
            f"pandas {pandas.__version__}, pyarrow {pyarrow.__version__}, "
            f"numpy {numpy.__version__}")


def data_file(folder, lines, seed):
    """Return the path of the generated file for ``lines`` rows, generating it if needed."""
    path = Path(folder) / f"es003_{lines}_seed{seed}_v{GENERATOR_VERSION}.csv"
    if not path.exists():
        started = time.perf_counter()
        temporary = path.with_suffix(".part")
        with open(temporary, "w", encoding="utf-8", newline="") as stream:
            write_es003(stream, lines, seed)
        temporary.replace(path)
        print(f"  generated {path.name} ({path.stat().st_size / 2**20:.0f} MiB) in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
    return path


def measure(label, path, repeat, work, profile=None):
    """Run the parse and the triage ``repeat`` times each, alternating; return one table row."""
    parse_times, triage_times, walls, cpus, parse_peaks, triage_peaks = [], [], [], [], [], []
    result = None
    for attempt in range(repeat):
        parsed, _wall, _cpu, peak = run_child(PARSE_CHILD, [path])
        parse_times.append(parsed["seconds"])
        parse_peaks.append(peak)

        out = Path(work) / f"out_{label}_{attempt}"
        result, wall, cpu, peak = run_child(TRIAGE_CHILD, [path, out, AS_OF.isoformat(), ""])
        shutil.rmtree(out, ignore_errors=True)
        triage_times.append(result["seconds"])
        walls.append(wall)
        cpus.append(cpu)
        triage_peaks.append(peak)
        if parsed["rows"] != result["rows"]:
            sys.exit(f"{label}: pyarrow read {parsed['rows']} rows, the triage "
                     f"{result['rows']}")
        if not result["balanced"]:
            sys.exit(f"{label}: the triage reconciliation does not balance")
    if profile:
        out = Path(work) / f"out_{label}_profile"
        run_child(TRIAGE_CHILD, [path, out, AS_OF.isoformat(), profile])
        shutil.rmtree(out, ignore_errors=True)

    parse, triage = statistics.median(parse_times), statistics.median(triage_times)
    return {
        "label": label, "lines": result["rows"], "entries": result["entries"],
        "mib": Path(path).stat().st_size / 2**20, "parse": parse, "triage": triage,
        "process": statistics.median(walls), "cpu": statistics.median(cpus),
        "ratio": triage / parse,
        "parse_peak": max(parse_peaks), "triage_peak": max(triage_peaks),
    }


def print_table(rows, repeat):
    """Print the results table and the verdict on the 1M-line target."""
    print()
    print(f"Median of {repeat} run(s). process s and CPU s: the whole triage process, imports "
          f"included. Peak: largest resident set of one process.")
    header = (f"{'lines':>9} {'entries':>8} {'file MiB':>8} {'parse s':>8} {'triage s':>9} "
              f"{'ratio':>6} {'process s':>9} {'CPU s':>6} {'parse peak':>10} "
              f"{'triage peak':>11}")
    print(header)
    print("-" * len(header))
    for row in rows:
        print(f"{row['lines']:>9,} {row['entries']:>8,} {row['mib']:>8.0f} "
              f"{row['parse']:>8.2f} {row['triage']:>9.2f} {row['ratio']:>5.1f}x "
              f"{row['process']:>9.2f} {row['cpu']:>6.1f} {row['parse_peak']:>6.0f} MiB "
              f"{row['triage_peak']:>7.0f} MiB")
    print()
    target = f"target: 1M lines in at most {TARGET_RATIO:.0f}x the parse time, " \
             f"peak under {TARGET_PEAK_MIB} MiB"
    million = [row for row in rows if row["lines"] == SIZES["1M"]]
    if not million:
        print(f"{target} (not measured: run with --sizes 1M)")
        return
    row = million[0]
    speed = "met" if row["ratio"] <= TARGET_RATIO else "missed"
    memory = "met" if row["triage_peak"] < TARGET_PEAK_MIB else "missed"
    print(f"{target}: time {speed} ({row['ratio']:.1f}x), memory {memory} "
          f"({row['triage_peak']:.0f} MiB)")


def parse_sizes(text):
    """Parse a comma-separated list of sizes such as 10k,100k,1M or 250000."""
    sizes = []
    for item in text.split(","):
        item = item.strip()
        if item in SIZES:
            sizes.append((item, SIZES[item]))
        elif item.isdigit() and int(item) >= 2:
            sizes.append((item, int(item)))
        else:
            raise argparse.ArgumentTypeError(
                f"size {item!r} is not one of {', '.join(SIZES)} or a row count of at least 2")
    return sizes


def main(argv=None):
    """Run the benchmark and print the table; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("10k,100k,1M"),
                        help="comma-separated data row counts (default: 10k,100k,1M)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each process per size; the median is shown (default: 3)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: 1)")
    parser.add_argument("--data-dir", help="folder to keep and reuse generated files "
                                           "(default: a temporary folder, deleted at the end)")
    parser.add_argument("--profile", metavar="FILE",
                        help="also run the largest size once under cProfile and write the "
                             "statistics to FILE (read them with python -m pstats FILE)")
    args = parser.parse_args(argv)

    print(machine())
    print(f"as of {AS_OF}, seed {args.seed}, {args.repeat} run(s) per size")
    work = tempfile.mkdtemp(prefix="triage_bench_")
    data = args.data_dir or work
    Path(data).mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        largest = max(lines for _label, lines in args.sizes)
        for label, lines in args.sizes:
            print(f"{label}: {lines:,} lines", flush=True)
            path = data_file(data, lines, args.seed)
            profile = args.profile if lines == largest else None
            rows.append(measure(label, path, args.repeat, work, profile))
            row = rows[-1]
            print(f"  parse {row['parse']:.2f} s, triage {row['triage']:.2f} s "
                  f"({row['ratio']:.1f}x), triage peak {row['triage_peak']:.0f} MiB", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table(rows, args.repeat)
    if args.profile:
        print(f"profile of the {largest:,}-line triage: {args.profile}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
