#!/usr/bin/env bash
# What metrics and tracing cost: boot-and-delete throughput of the same cloud with metrics off, metrics on (and
# scraped every 5 s, as Prometheus would), and metrics plus tracing on, one after the other in one run, each on a
# fresh cloud with the same warm-up. Prints a table and writes each run's report under --out.
#
#   benchmark/observability-cost.sh [--times 2000] [--warmup 3000] [--concurrency 50] [--hosts 1000]
#                                   [--out benchmark/results/observability-cost]
#
# Uses ./novasim on ports 4877x, its own data folder and RabbitMQ virtual host (created through the management API
# at 127.0.0.1:15672), like the commands in BENCHMARKS.md. Needs the jars: ./mvnw -B -q -o package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."

TIMES=2000 WARMUP=3000 CONCURRENCY=50 HOSTS=1000 OUT=benchmark/results/observability-cost
while (($#)); do
  case $1 in
    --times) TIMES=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --hosts) HOSTS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

export NOVASIM_API_PORT=${NOVASIM_API_PORT:-48774} NOVASIM_SCHEDULER_PORT=${NOVASIM_SCHEDULER_PORT:-48775} \
  NOVASIM_COMPUTE_PORT=${NOVASIM_COMPUTE_PORT:-48776} NOVASIM_NETWORK_PORT=${NOVASIM_NETWORK_PORT:-48777}
export RABBITMQ_VHOST=novasim-bench-cost NOVASIM_DATA_DIR=/tmp/novasim-bench-cost NOVASIM_JAVA_OPTS="-Xmx1g"
PORTS=("$NOVASIM_API_PORT" "$NOVASIM_SCHEDULER_PORT" "$NOVASIM_COMPUTE_PORT" "$NOVASIM_NETWORK_PORT")
curl -sf -u guest:guest -X PUT http://127.0.0.1:15672/api/vhosts/novasim-bench-cost >/dev/null
curl -sf -u guest:guest -X PUT http://127.0.0.1:15672/api/permissions/novasim-bench-cost/guest \
  -H 'content-type: application/json' -d '{"configure":".*","write":".*","read":".*"}' >/dev/null
mkdir -p "$OUT"

scraper=""
stop_scraper() { if [[ -n $scraper ]]; then kill "$scraper" 2>/dev/null || true; wait "$scraper" 2>/dev/null || true; scraper=""; fi; }
cleanup() { stop_scraper; ./novasim stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

service_cpu() { # user + system clock ticks of the four services' JVMs so far
  local total=0 name pid
  for name in network-service scheduler-service api-service compute-service; do
    pid=$(cat ".novasim/$name.pid")
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

run() { # name, then ./novasim run options; the environment decides metrics on or off
  local name=$1; shift
  ./novasim stop >/dev/null 2>&1 || true
  ./novasim clean >/dev/null 2>&1 || true
  echo "== $name: starting a fresh cloud ($*)"
  ./novasim run --hosts "$HOSTS" --spawn-delay 0ms "$@" >"$OUT/$name-start.log"
  if [[ ${SCRAPE:-0} == 1 ]]; then
    # Prometheus' part: every service's /actuator/prometheus every 5 s, for as long as the run lasts (bounded).
    ( for _ in $(seq 1 720); do
        for port in "${PORTS[@]}"; do curl -s -o /dev/null "http://127.0.0.1:$port/actuator/prometheus"; done
        sleep 5
      done ) &
    scraper=$!
  fi
  echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  local cpu_before; cpu_before=$(service_cpu)
  java -jar benchmark/target/novasim-benchmark.jar boot-and-delete --url "http://127.0.0.1:$NOVASIM_API_PORT" \
    --times "$TIMES" --concurrency "$CONCURRENCY" --hosts "$HOSTS" --warmup "$WARMUP" --out "$OUT/$name" \
    >"$OUT/$name.log" 2>&1
  stop_scraper
  # CPU the four services spent per boot+delete (warm-up included): unlike throughput, hardly moved by what else
  # runs on the machine, so runs under different loads compare.
  echo "$(( ($(service_cpu) - cpu_before) * 1000 / $(getconf CLK_TCK) )) $((WARMUP + TIMES))" >"$OUT/$name.cpu"
  echo "   load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
  ./novasim stop >/dev/null
}

MANAGEMENT_METRICS_ENABLE_ALL=false run metrics-off
SCRAPE=1 run metrics-on
SCRAPE=1 run metrics-and-tracing --trace

python3 - "$OUT" <<'PY'
import json, sys, os
out = sys.argv[1]
rows = []
for name in ["metrics-off", "metrics-on", "metrics-and-tracing"]:
    r = json.load(open(os.path.join(out, name, "report.json")))
    cpu_ms, iterations = map(int, open(os.path.join(out, name + ".cpu")).read().split())
    rows.append((name, r["throughput"], cpu_ms / iterations, r["launchMs"]["p50"], r["launchMs"]["p99"],
                 r["failures"], r["machine"]["load average before"].split()[:3]))
base, base_cpu = rows[0][1], rows[0][2]
print("\n| run | boot+delete /s | vs off | services' CPU ms per boot+delete | vs off | launch p50 ms | p99 ms | failures | load before |")
print("|---|---|---|---|---|---|---|---|---|")
for name, tput, cpu, p50, p99, failures, load in rows:
    print(f"| {name} | {tput:.1f} | {100 * (tput - base) / base:+.1f} % | {cpu:.1f} | {100 * (cpu - base_cpu) / base_cpu:+.1f} % "
          f"| {p50:.0f} | {p99:.0f} | {failures} | {' '.join(load)} |")
PY
