#!/usr/bin/env bash
# The docker compose demo, end to end, as a user runs it where no registry answers (.ci/run calls this):
#   1. ./novasim images: the local stand-in images and docker/offline.env
#   2. docker-compose --env-file docker/offline.env up -d --build, then every container's health check passes
#   3. a server launched through the REST API from outside the containers reaches ACTIVE with an address, and the
#      request id of that launch is in the logs of all four service containers
#   4. --scale compute-service=3: 12 hosts with distinct names in os-hypervisors, and servers land on every
#      compute container
#   5. down -v leaves no container, network or volume of the demo behind
# Prints the time of each step. Runs as its own compose project (COMPOSE_PROJECT, default novasimcheck) on
# NOVASIM_API_PORT (8774) and RABBITMQ_MANAGEMENT_PORT (15673); a leftover of an earlier run is removed first.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT=${COMPOSE_PROJECT:-novasimcheck}
export NOVASIM_API_PORT=${NOVASIM_API_PORT:-8774}
export RABBITMQ_MANAGEMENT_PORT=${RABBITMQ_MANAGEMENT_PORT:-15673}
API=http://127.0.0.1:$NOVASIM_API_PORT
HEALTH_TIMEOUT=${DEMO_HEALTH_TIMEOUT:-300}
IMAGE_ID=b5a0c9a4-4c1e-4f7a-9b2d-6c3f0e1d2a7b # cirros, one of the images api-service starts with
COMPUTES=3
HOSTS_PER_COMPUTE=4

say() { printf '[demo] %s\n' "$*"; }
fail() {
  printf '[demo] FAILED: %s\n' "$*" >&2
  compose ps >&2 || true
  compose logs --no-color --tail=40 >&2 || true
  exit 1
}
now_ms() { date +%s%3N; }
since() { local ms=$(($(now_ms) - $1)); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }
step() { STEP_NAME=$1; STEP_START=$(now_ms); say "$1 ..."; }
done_step() { say "$STEP_NAME: done in $(since "$STEP_START")${1:+ ($1)}"; }

if [[ -x /usr/bin/docker ]]; then DOCKER=/usr/bin/docker; else DOCKER=docker; fi
compose() { docker-compose -p "$PROJECT" -f "$ROOT/docker-compose.yml" --env-file "$ROOT/docker/offline.env" "$@"; }
# Everything of the project Docker knows, by kind: what `down -v` must leave empty.
leftovers() {
  local filter="label=com.docker.compose.project=$PROJECT"
  "$DOCKER" ps -aq --filter "$filter"
  "$DOCKER" network ls -q --filter "$filter"
  "$DOCKER" volume ls -q --filter "$filter"
}

wait_healthy() { # number of containers expected
  local deadline=$((SECONDS + HEALTH_TIMEOUT)) ids states
  while :; do
    mapfile -t ids < <(compose ps -q)
    states=$("$DOCKER" inspect -f '{{.Name}} {{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' \
      "${ids[@]}" 2>/dev/null || true)
    if ((${#ids[@]} == $1)) && ! grep -qv ' healthy$' <<<"$states"; then return 0; fi
    grep ' exited$' <<<"$states" && fail "a container exited"
    ((SECONDS < deadline)) || fail "not every container is healthy after $HEALTH_TIMEOUT s: $(tr '\n' ' ' <<<"$states")"
    sleep 2
  done
}

# --- REST, from outside the containers ------------------------------------------------------------------------
login() {
  local headers body
  headers=$(mktemp)
  body=$(curl -sf -D "$headers" "$API/identity/v3/auth/tokens" -H 'Content-Type: application/json' -d '{"auth":
    {"identity": {"methods": ["password"], "password": {"user": {"name": "admin", "domain": {"name": "Default"},
    "password": "admin"}}}, "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}') \
    || fail "no token from $API/identity/v3/auth/tokens"
  TOKEN=$(awk 'tolower($1) == "x-subject-token:" {print $2}' "$headers" | tr -d '\r')
  PROJECT_ID=$(jq -r .token.project.id <<<"$body")
  rm -f "$headers"
}
api() { # method path [body]: the response body; fails on an HTTP error
  curl -sf -X "$1" "$API/compute/v2.1$2" -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' \
    ${3:+-d "$3"} || fail "$1 $2 failed"
}
launch() { # name: prints "<server id> <request id>"
  local headers body
  headers=$(mktemp)
  body=$(curl -sf -D "$headers" "$API/compute/v2.1/servers" -H "X-Auth-Token: $TOKEN" \
    -H 'Content-Type: application/json' \
    -d "{\"server\": {\"name\": \"$1\", \"flavorRef\": \"1\", \"imageRef\": \"$IMAGE_ID\"}}") \
    || fail "POST /servers ($1) failed"
  echo "$(jq -r .server.id <<<"$body") $(awk 'tolower($1) == "x-openstack-request-id:" {print $2}' "$headers" \
    | tr -d '\r')"
  rm -f "$headers"
}
wait_active() { # server id: prints the server's JSON once ACTIVE
  local deadline=$((SECONDS + 60)) server status
  while :; do
    server=$(api GET "/servers/$1")
    status=$(jq -r .server.status <<<"$server")
    [[ $status == ACTIVE ]] && { echo "$server"; return 0; }
    [[ $status == ERROR ]] && fail "server $1 went to ERROR: $(jq -c .server.fault <<<"$server")"
    ((SECONDS < deadline)) || fail "server $1 is still $status after 60 s"
    sleep 0.5
  done
}

started_all=$(now_ms)
command -v jq >/dev/null || fail "jq is needed (apt-get install jq)"
command -v docker-compose >/dev/null || fail "docker-compose is needed (apt-get install docker-compose)"

step "stand-in images (./novasim images)"
"$ROOT/novasim" images
done_step

say "removing what an earlier run may have left (compose project $PROJECT)"
compose down -v --remove-orphans >/dev/null 2>&1 || true
volumes_before=$("$DOCKER" volume ls -q | sort)
if (exec 3<>"/dev/tcp/127.0.0.1/$NOVASIM_API_PORT") 2>/dev/null; then
  fail "port $NOVASIM_API_PORT is taken on 127.0.0.1: stop what listens there or set NOVASIM_API_PORT"
fi

step "build the service images"
build_log=$(mktemp)
compose build >"$build_log" 2>&1 || { tail -n 40 "$build_log"; fail "docker-compose build"; }
rm -f "$build_log"
# The build stage's dependency layer is the next build's cache: keep it under a name, and prune only what earlier
# builds of this Dockerfile left behind (its label), nothing else on the machine.
set -a; . "$ROOT/docker/offline.env"; set +a
"$DOCKER" build -q --target build --build-arg "JDK_IMAGE=$NOVASIM_JDK_IMAGE" -t novasim/build-cache "$ROOT" >/dev/null
"$DOCKER" image prune -f --filter label=org.novasim.build >/dev/null
done_step "$("$DOCKER" image inspect -f '{{.Size}}' "${PROJECT}_api-service" | awk '{printf "api-service image %d MB", $1 / 1e6}')"

step "up -d, until every health check passes"
compose up -d --no-build >/dev/null 2>&1 || fail "docker-compose up"
wait_healthy 6
done_step

step "launch a server through the REST API"
login
read -r SERVER REQUEST_ID < <(launch demo-1)
server=$(wait_active "$SERVER")
address=$(jq -r '[.server.addresses[][] | .addr] | first // empty' <<<"$server")
[[ -n $address ]] || fail "server $SERVER is ACTIVE without an address"
say "server $SERVER ACTIVE on host $(jq -r '.server["OS-EXT-SRV-ATTR:host"]' <<<"$server") with address $address"
for service in api-service scheduler-service compute-service network-service; do
  lines=$(compose logs --no-color "$service" | grep -c -- "$REQUEST_ID" || true)
  ((lines > 0)) || fail "request id $REQUEST_ID is not in the log of $service"
  say "  $service: $lines log lines carry request id $REQUEST_ID"
done
done_step

step "scale compute-service to $COMPUTES"
compose up -d --no-build --no-recreate --scale compute-service=$COMPUTES >/dev/null 2>&1 || fail "scale"
wait_healthy $((5 + COMPUTES))
expected=$((COMPUTES * HOSTS_PER_COMPUTE))
deadline=$((SECONDS + 120))
until [[ $(api GET /os-hypervisors | jq '[.hypervisors[] | select(.state == "up") | .hypervisor_hostname] | unique
    | length') == "$expected" ]]; do
  ((SECONDS < deadline)) || fail "os-hypervisors does not list $expected hosts up: $(api GET /os-hypervisors)"
  sleep 1
done
say "os-hypervisors: $expected hosts up, with distinct names"
# Admin's quota must hold a server per host; the weighers spread them (most free RAM first).
api PUT "/os-quota-sets/$PROJECT_ID" '{"quota_set": {"instances": 50, "cores": 100}}' >/dev/null
servers=()
for i in $(seq 1 "$expected"); do
  read -r id _ < <(launch "scaled-$i")
  servers+=("$id")
done
hosts=()
for id in "${servers[@]}"; do
  server=$(wait_active "$id")
  hosts+=("$(jq -r '.server["OS-EXT-SRV-ATTR:host"]' <<<"$server")")
done
for container in $(compose ps -q compute-service); do
  name=$("$DOCKER" inspect -f '{{.Config.Hostname}}' "$container")
  placed=$(printf '%s\n' "${hosts[@]}" | grep -c "^$name-" || true)
  ((placed > 0)) || fail "no server landed on compute container $name (hosts: ${hosts[*]})"
  say "  compute container $name: $placed of ${#servers[@]} servers"
done
done_step

step "down -v"
compose down -v --remove-orphans >/dev/null 2>&1 || fail "docker-compose down -v"
[[ -z $(leftovers) ]] || fail "down -v left these behind: $(leftovers | tr '\n' ' ')"
new_volumes=$(comm -13 <(echo "$volumes_before") <("$DOCKER" volume ls -q | sort))
[[ -z $new_volumes ]] || fail "volumes left behind: $new_volumes"
done_step "no container, network or volume left"

say "the compose demo passed in $(since "$started_all")"
