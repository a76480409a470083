#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A distributed sweep of decode energy through the thermoai package, on Dask.

Every configuration of model x hardware x batch x context x weight precision is costed
with thermoai.cost_decode() (energy per generated token, throughput, power) and set
against the Landauer bound of the entropy model (thermoai.ter_per_token()). The grid is
split into chunks; each chunk is one Dask task that imports thermoai on the worker, so
the library does the work and Dask only ships configurations and rows. Rows come back
in grid order: the CSV is the same, byte for byte, whatever the cluster.

    python3 sweep_dask.py --out sweep.csv                     # a LocalCluster
    python3 sweep_dask.py --scheduler tcp://host:8786 ...     # an existing cluster
    python3 sweep_dask.py --serial ...                        # no Dask at all

Multi-node: start `dask scheduler` on one machine and `dask worker tcp://host:8786` on
each node (Debian: python3-distributed), with libthermoai and this package installed on
every node (`make install`, or `pip install bindings/python`); then pass --scheduler.
Nothing else changes: workers import thermoai themselves. A configuration the library
rejects becomes a row whose `status` column holds the status name (e.g.
THERMOAI_E_INVALID) instead of a number; the sweep never stops on one.
"""
import argparse
import csv
import io
import itertools
import sys

COLUMNS = ["model", "hardware", "batch", "context", "weight_bits", "status",
           "energy_per_token_j", "tokens_per_s", "average_power_w", "bound",
           "ter"]


def grid(models, hardware, batches, contexts, weight_bits):
    """The configurations, in a fixed order (the CSV's order)."""
    return list(itertools.product(models, hardware, batches, contexts, weight_bits))


def evaluate(configs):
    """Rows for a list of configurations (runs on a worker: imports thermoai there)."""
    import thermoai
    archs, hws, rows = {}, {}, []
    serving = thermoai.CostServing()
    for model, hw_name, batch, context, bits in configs:
        row = [model, hw_name, batch, context, bits]
        try:
            if model not in archs:
                archs[model] = thermoai.ModelArch.from_preset(model)
            if hw_name not in hws:
                hws[hw_name] = thermoai.hardware_preset_find(hw_name)
            arch = archs[model]
            work = thermoai.WorkParams(batch=batch, context=context, weight_bits=bits,
                                       kv_bits=bits)
            r = thermoai.cost_decode(arch, work, hws[hw_name], serving)
            ter = thermoai.ter_per_token(arch, None, r.energy_per_token_j)
            row += ["THERMOAI_OK", repr(r.energy_per_token_j), repr(r.tokens_per_s),
                    repr(r.average_power_w), r.bound, repr(ter)]
        except thermoai.Error as e:
            row += [e.name, "", "", "", "", ""]
        rows.append(row)
    return rows


def chunks(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)]


def run_serial(configs):
    return evaluate(configs)


def run_dask(configs, client, chunk=64):
    """The same rows as run_serial(), computed as one Dask task per chunk."""
    futures = client.map(evaluate, chunks(configs, chunk), pure=False)
    rows = []
    for part in client.gather(futures):  # gather keeps the order of the futures
        rows.extend(part)
    return rows


def to_csv(rows, fh):
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(COLUMNS)
    w.writerows(rows)


def csv_text(rows):
    buf = io.StringIO()
    to_csv(rows, buf)
    return buf.getvalue()


def _list(kind):
    return lambda s: [kind(x) for x in s.split(",") if x]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--models", type=_list(str), default=["llama-2-7b", "llama-2-70b"])
    ap.add_argument("--hardware", type=_list(str), default=["a100-80-sxm", "h100-sxm"])
    ap.add_argument("--batch", type=_list(int), default=[1, 8, 64])
    ap.add_argument("--context", type=_list(int), default=[512, 2048, 8192])
    ap.add_argument("--weight-bits", type=_list(float), default=[16.0, 8.0, 4.0])
    ap.add_argument("--out", default="-", help="CSV file (default: stdout)")
    ap.add_argument("--scheduler", help="address of a Dask scheduler (default: LocalCluster)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--chunk", type=int, default=64, help="configurations per task")
    ap.add_argument("--serial", action="store_true", help="no Dask: one process")
    a = ap.parse_args(argv)
    configs = grid(a.models, a.hardware, a.batch, a.context, a.weight_bits)
    if a.serial:
        rows = run_serial(configs)
    else:
        from dask.distributed import Client, LocalCluster
        if a.scheduler:
            with Client(a.scheduler) as client:
                rows = run_dask(configs, client, a.chunk)
        else:
            with LocalCluster(n_workers=a.workers, threads_per_worker=1,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                rows = run_dask(configs, client, a.chunk)
    if a.out == "-":
        to_csv(rows, sys.stdout)
    else:
        with open(a.out, "w", newline="") as fh:
            to_csv(rows, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
