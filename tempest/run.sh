#!/usr/bin/env bash
# Tempest's compute API tests against novasim: starts a fresh cloud of its own (its own ports, virtual host, data,
# logs), configures Debian's tempest for it (tempest.conf.in, accounts.yaml), runs tempest.api.compute and
# writes the results under target/tempest/: tempest.log (what tempest printed), results.subunit, summary.txt
# (totals, failures, skips by reason). Exits non-zero when a test fails, or when none ran.
#
#   tempest/run.sh                        the whole of tempest.api.compute on a fresh cloud, but for the tests
#                                         known-failures.txt lists (each line says why)
#   tempest/run.sh --all                  those too
#   tempest/run.sh 'servers\.test_list'   only tests whose id matches (after tempest.api.compute.)
#   TEMPEST_AGAINST=http://127.0.0.1:8774 tempest/run.sh ...   against a cloud that already runs (the same accounts
#                                         must exist there: start it with tempest/api-service.yml)
#   TEMPEST_KEEP=1 tempest/run.sh         leave the fresh cloud running afterwards (stop: tempest/run.sh stop)
#
# Needs Debian's tempest (apt-get install -y --no-install-recommends tempest).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
OUT=${TEMPEST_OUT:-$ROOT/target/tempest}
CLOUD=$OUT/cloud
CONCURRENCY=${TEMPEST_CONCURRENCY:-2}
VHOST=${TEMPEST_VHOST:-novasim-tempest}
export NOVASIM_API_PORT=${TEMPEST_API_PORT:-18774} NOVASIM_SCHEDULER_PORT=${TEMPEST_SCHEDULER_PORT:-18775}
export NOVASIM_COMPUTE_PORT=${TEMPEST_COMPUTE_PORT:-18776} NOVASIM_NETWORK_PORT=${TEMPEST_NETWORK_PORT:-18777}
export NOVASIM_STATE_DIR=$CLOUD/state NOVASIM_LOG_DIR=$CLOUD/logs NOVASIM_DATA_DIR=$CLOUD/data
export RABBITMQ_VHOST=$VHOST

log() { printf '[tempest] %s\n' "$*"; }
fail() { printf '[tempest] error: %s\n' "$*" >&2; exit 1; }

stop_cloud() { [[ -d $NOVASIM_STATE_DIR ]] && "$ROOT/novasim" stop >/dev/null || true; }

if [[ ${1:-} == stop ]]; then stop_cloud; exit 0; fi
EXCLUDE=(--exclude-list "$HERE/known-failures.txt")
if [[ ${1:-} == --all ]]; then EXCLUDE=(); shift; fi

command -v tempest >/dev/null || fail "no tempest: apt-get install -y --no-install-recommends tempest"
FILTER='^tempest\.api\.compute'
[[ -n ${1:-} ]] && FILTER="^tempest\.api\.compute\..*($1)"

# A virtual host of its own on the local RabbitMQ, emptied first: queues a previous run left would hand this
# cloud's messages to nobody.
fresh_vhost() {
  rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true
  rabbitmqctl -q add_vhost "$VHOST" >/dev/null
  rabbitmqctl -q set_permissions -p "$VHOST" "${RABBITMQ_USER:-guest}" '.*' '.*' '.*' >/dev/null
}

drop_vhost() { [[ -z ${broker_embedded:-} ]] && rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true; }

start_cloud() {
  stop_cloud
  rm -rf "$CLOUD"
  mkdir -p "$CLOUD"
  local broker=()
  if command -v rabbitmqctl >/dev/null && rabbitmqctl -q status >/dev/null 2>&1; then
    fresh_vhost
  else
    # No RabbitMQ of ours to give a virtual host: the embedded broker, on a port of its own.
    broker=(--embedded-broker)
    broker_embedded=1
    export NOVASIM_EMBEDDED_BROKER_PORT=${TEMPEST_BROKER_PORT:-18672}
  fi
  log "starting a fresh cloud on port $NOVASIM_API_PORT (logs in ${CLOUD#"$ROOT"/}/logs)"
  local started=$SECONDS
  "$ROOT/novasim" run "${broker[@]}" \
    --set "api-service:spring.config.additional-location=file:$HERE/api-service.yml" >"$CLOUD/run.log" 2>&1 \
    || { cat "$CLOUD/run.log" >&2; fail "the cloud did not start"; }
  log "cloud up in $((SECONDS - started)) s"
}

configure() { # the API's base URL
  local ws=$OUT/workspace
  rm -rf "$ws"
  mkdir -p "$ws/etc" "$OUT/logs" "$OUT/locks"
  cp "$HERE/accounts.yaml" "$ws/etc/accounts.yaml"
  sed -e "s|@API@|$1|g" -e "s|@LOG_DIR@|$OUT/logs|g" -e "s|@LOCK_DIR@|$OUT/locks|g" \
    -e "s|@ACCOUNTS@|$ws/etc/accounts.yaml|g" "$HERE/tempest.conf.in" >"$ws/etc/tempest.conf"
  # What 'tempest init' would write, without registering the workspace in ~/.tempest.
  local tests
  tests=$(/usr/bin/python3 -c 'import os, tempest; print(os.path.dirname(tempest.__file__))')
  printf '[DEFAULT]\ntest_path=%s/test_discover\ntop_dir=%s\ngroup_regex=([^\\.]*\\.)*\n' \
    "$tests" "$(dirname "$tests")" >"$ws/.stestr.conf"
}

mkdir -p "$OUT"
if [[ -n ${TEMPEST_AGAINST:-} ]]; then
  API=${TEMPEST_AGAINST%/}
else
  start_cloud
  [[ -n ${TEMPEST_KEEP:-} ]] || trap 'stop_cloud; drop_vhost' EXIT
  API=http://127.0.0.1:$NOVASIM_API_PORT
fi
configure "$API"

log "running tempest: --regex '$FILTER' --concurrency $CONCURRENCY ${EXCLUDE[*]} against $API"
started=$SECONDS
status=0
(cd "$OUT/workspace" && tempest run --config-file etc/tempest.conf --regex "$FILTER" \
  --concurrency "$CONCURRENCY" "${EXCLUDE[@]}") >"$OUT/tempest.log" 2>&1 || status=$?
(cd "$OUT/workspace" && stestr last --subunit) >"$OUT/results.subunit" 2>/dev/null || true
count_tests() { # tempest run options: how many tests they select
  (cd "$OUT/workspace" && tempest run --config-file etc/tempest.conf --list-tests --regex "$FILTER" "$@" 2>/dev/null) \
    | grep -c '^tempest\.' || true
}
left_out=$(($(count_tests) - $(count_tests "${EXCLUDE[@]}")))
/usr/bin/python3 "$HERE/summary.py" "$OUT/results.subunit" "$left_out" >"$OUT/summary.txt" || status=1
log "tempest took $((SECONDS - started)) s; summary in ${OUT#"$ROOT"/}/summary.txt"
sed -n '/^Failed:/,/^$/p' "$OUT/summary.txt"
tail -n 1 "$OUT/summary.txt"
if ((status != 0)); then
  tail -n 30 "$OUT/tempest.log" >&2
  fail "tempest failed (exit $status): ${OUT#"$ROOT"/}/tempest.log has every test's result"
fi
