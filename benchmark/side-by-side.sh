#!/usr/bin/env bash
# Boot-and-delete on several clouds at once, one per variant, so that every variant runs under the same load of the
# machine: on a shared 2-core machine, runs one after the other differ by more than what is being measured. Each
# variant is a fresh cloud (its own ports, RabbitMQ virtual host, data, pid and log folders) started from a
# checkout with extra environment and ./novasim run options; one benchmark client per cloud, all started together.
#
#   benchmark/side-by-side.sh [--times 1500] [--warmup 1000] [--concurrency 50] [--hosts 1000]
#                             [--out benchmark/results/side-by-side] VARIANT...
#
#   VARIANT  name|checkout|environment|run options, e.g.
#            'metrics-off|.|MANAGEMENT_METRICS_ENABLE_ALL=false|'   'tracing|.|SCRAPE=1|--trace'
#            'f396c06|/work/bench-old||'   (a worktree of an older commit, built with package -DskipTests)
#            SCRAPE=1 in the environment reads every service's /actuator/prometheus every 5 s, as Prometheus would.
#
# The figure that compares is the CPU the four services spent per boot+delete (from /proc/<pid>/stat, warm-up
# included): it hardly depends on what else runs. Throughputs are printed too, but the clients do not end together,
# and the last ones run on a machine the first have left. Needs this checkout's benchmark jar and RabbitMQ's
# management API at 127.0.0.1:15672 (guest/guest) for the virtual hosts.
set -euo pipefail
cd "$(dirname "$0")/.."
HERE=$PWD

TIMES=1500 WARMUP=1000 CONCURRENCY=50 HOSTS=1000 OUT=benchmark/results/side-by-side VARIANTS=()
while (($#)); do
  case $1 in
    --times) TIMES=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --hosts) HOSTS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) VARIANTS+=("$1"); shift ;;
  esac
done
((${#VARIANTS[@]})) || { echo "give at least one variant: name|checkout|environment|run options" >&2; exit 2; }
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
BENCH_JAR=$HERE/benchmark/target/novasim-benchmark.jar
[[ -f $BENCH_JAR ]] || { echo "no $BENCH_JAR: ./mvnw -B -q -o package -DskipTests" >&2; exit 2; }

# name -> its settings, filled by configure
declare -A CHECKOUT ENVS OPTS API_PORT STATE
PIDS=()

configure() { # index, variant
  local i=$1 name checkout envs opts
  IFS='|' read -r name checkout envs opts <<<"$2"
  [[ $name =~ ^[A-Za-z0-9._-]+$ ]] || { echo "variant name '$name': letters, digits, . _ - only" >&2; exit 2; }
  CHECKOUT[$name]=$(cd "$checkout" && pwd) ENVS[$name]=$envs OPTS[$name]=$opts
  API_PORT[$name]=$((48774 + 100 * i)) STATE[$name]=$OUT/$name/state
  rm -rf "${OUT:?}/$name"; mkdir -p "$OUT/$name"
  curl -sf -u guest:guest -X PUT "http://127.0.0.1:15672/api/vhosts/novasim-sbs-$name" >/dev/null
  curl -sf -u guest:guest -X PUT "http://127.0.0.1:15672/api/permissions/novasim-sbs-$name/guest" \
    -H 'content-type: application/json' -d '{"configure":".*","write":".*","read":".*"}' >/dev/null
}

novasim() { # name, then ./novasim arguments: that variant's launcher with its own ports, folders and environment
  local name=$1 port=${API_PORT[$1]}; shift
  # shellcheck disable=SC2086 # the environment is a list of assignments
  (cd "${CHECKOUT[$name]}" && env NOVASIM_API_PORT="$port" NOVASIM_SCHEDULER_PORT=$((port + 1)) \
    NOVASIM_COMPUTE_PORT=$((port + 2)) NOVASIM_NETWORK_PORT=$((port + 3)) RABBITMQ_VHOST="novasim-sbs-$name" \
    NOVASIM_DATA_DIR="$OUT/$name/data" NOVASIM_STATE_DIR="${STATE[$name]}" NOVASIM_LOG_DIR="$OUT/$name/logs" \
    NOVASIM_JAVA_OPTS=-Xmx1g ${ENVS[$name]} ./novasim "$@")
}

pid_of() { # name, service: an older launcher keeps its pid files in its checkout's .novasim
  local file=${STATE[$1]}/$2.pid
  [[ -f $file ]] || file=${CHECKOUT[$1]}/.novasim/$2.pid
  cat "$file"
}

service_cpu() { # name: user + system clock ticks of its four services so far
  local total=0 service
  for service in network-service scheduler-service api-service compute-service; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$(pid_of "$1" "$service")/stat")))
  done
  echo "$total"
}

cleanup() {
  local pid name
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for name in "${!CHECKOUT[@]}"; do novasim "$name" stop >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

i=0
for variant in "${VARIANTS[@]}"; do configure "$i" "$variant"; i=$((i + 1)); done
for name in "${!CHECKOUT[@]}"; do
  echo "== $name: starting a cloud from ${CHECKOUT[$name]} (${ENVS[$name]:-no extra environment}; ${OPTS[$name]:-no options})"
  # shellcheck disable=SC2086 # run options are words
  novasim "$name" run --hosts "$HOSTS" --spawn-delay 0ms ${OPTS[$name]} >"$OUT/$name/start.log" 2>&1 \
    || { echo "   did not start: $OUT/$name/start.log"; tail -5 "$OUT/$name/start.log"; exit 1; }
done

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg); ${#CHECKOUT[@]} clients of $((WARMUP + TIMES)) boot+deletes each"
for name in "${!CHECKOUT[@]}"; do
  if [[ " ${ENVS[$name]} " == *" SCRAPE=1 "* ]]; then
    port=${API_PORT[$name]}
    ( for _ in $(seq 1 720); do # Prometheus' part, bounded to an hour
        for p in "$port" $((port + 1)) $((port + 2)) $((port + 3)); do
          curl -s -o /dev/null "http://127.0.0.1:$p/actuator/prometheus"
        done
        sleep 5
      done ) &
    PIDS+=($!)
  fi
  service_cpu "$name" >"$OUT/$name/cpu-before"
  ( java -jar "$BENCH_JAR" boot-and-delete --url "http://127.0.0.1:${API_PORT[$name]}" --times "$TIMES" \
      --concurrency "$CONCURRENCY" --hosts "$HOSTS" --warmup "$WARMUP" --rpc-calls 0 --out "$OUT/$name/report" \
      >"$OUT/$name/client.log" 2>&1
    echo $(($(service_cpu "$name") - $(cat "$OUT/$name/cpu-before"))) >"$OUT/$name/cpu-ticks" ) &
  PIDS+=($!)
done
for name in "${!CHECKOUT[@]}"; do
  until [[ -f $OUT/$name/cpu-ticks ]]; do sleep 2; done
  echo "   $name done"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "| variant | services' CPU ms per boot+delete | vs first | boot+delete /s | launch p50 ms | p99 ms | failures |"
  echo "|---|---|---|---|---|---|---|"
  first=""
  for variant in "${VARIANTS[@]}"; do
    name=${variant%%|*}
    python3 - "$OUT/$name" "$((WARMUP + TIMES))" "$(getconf CLK_TCK)" "${first:-}" "$name" <<'PY'
import json, sys, os
folder, iterations, tck, first, name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
cpu = int(open(os.path.join(folder, "cpu-ticks")).read()) * 1000 / tck / iterations
r = json.load(open(os.path.join(folder, "report", "report.json")))
vs = f"{100 * (cpu - float(first)) / float(first):+.1f} %" if first else "+0.0 %"
print(f"| {name} | {cpu:.1f} | {vs} | {r['throughput']:.1f} | {r['launchMs']['p50']:.0f} | {r['launchMs']['p99']:.0f} "
      f"| {r['failures']} |")
open(os.path.join(folder, "cpu-per-op"), "w").write(f"{cpu}")
PY
    [[ -n $first ]] || first=$(cat "$OUT/$name/cpu-per-op")
  done
} | tee "$OUT/summary.md"
