#!/usr/bin/env python3
"""Runs pgbench -n -c1 -t50 -f SCRIPT on DB REPEAT times (CHECKPOINT before each unless NO_CHECKPOINT is
set: every page then pays its full-page WAL image in the run), sampling the pgbench
backend's CPU time (utime+stime from /proc/<pid>/stat) until it exits. 50 batches x 2 000 rows = 100 000 rows,
so the backend's CPU seconds per run are its CPU seconds per 100k rows.
Usage: run.py DB SCRIPT [REPEAT] [TRANSACTIONS]"""
import os, re, subprocess, sys, time, statistics
db, script = sys.argv[1], sys.argv[2]
repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 3
tx = int(sys.argv[4]) if len(sys.argv) > 4 else 50
tick = os.sysconf('SC_CLK_TCK')
def psql(sql):
    return subprocess.run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-Atc', sql],
                          check=True, capture_output=True, text=True).stdout.strip()
lat, cpu = [], []
for i in range(repeat):
    if not os.environ.get('NO_CHECKPOINT'):
        psql('CHECKPOINT')
    p = subprocess.Popen(['pgbench', '-h', '127.0.0.1', '-U', 'postgres', '-n', '-c1', '-t', str(tx), '-f', script, db],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    pid, last = None, 0.0
    while p.poll() is None:
        if pid is None:
            out = psql("SELECT pid FROM pg_stat_activity WHERE application_name = 'pgbench' AND datname = current_database()")
            pid = int(out) if out else None
        if pid is not None:
            try:
                f = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
                last = (int(f[11]) + int(f[12])) / tick
            except (FileNotFoundError, ProcessLookupError):
                pass
        time.sleep(0.02)
    out = p.stdout.read()
    m = re.search(r'latency average = ([\d.]+) ms', out)
    if not m or p.returncode != 0:
        sys.exit(out)
    lat.append(float(m.group(1))); cpu.append(last)
    print(f'run {i + 1}: {lat[-1]:.1f} ms per batch, backend CPU {last:.2f} s per {tx * 2000} rows', flush=True)
sys.stdout.flush(); print(f"median: {statistics.median(lat):.1f} ms per 2000 rows, backend CPU {statistics.median(cpu):.2f} s per {tx * 2000} rows")
