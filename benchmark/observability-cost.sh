#!/usr/bin/env bash
# What metrics and tracing cost: boot-and-delete on three clouds at once (side-by-side.sh), so that all three run
# under the same load of the machine: metrics off (every meter a no-op), metrics on (the default, every service's
# /actuator/prometheus scraped every 5 s, as Prometheus would), and metrics plus tracing (./novasim run --trace,
# every request sampled). Options as side-by-side.sh's (--times, --warmup, --concurrency, --hosts, --out).
#
#   benchmark/observability-cost.sh [--times 1500] [--warmup 1000] [--concurrency 50] [--hosts 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
exec benchmark/side-by-side.sh --out benchmark/results/observability-cost "$@" \
  'metrics-off|.|MANAGEMENT_METRICS_ENABLE_ALL=false|' 'metrics-on|.|SCRAPE=1|' 'metrics-and-tracing|.|SCRAPE=1|--trace'
