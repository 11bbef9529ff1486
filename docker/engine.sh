#!/usr/bin/env bash
# Makes sure a Docker engine answers, and says which. Idempotent; .ci/run and ./novasim images call it.
#   - An engine already answers (Docker Desktop, a systemd docker service, an earlier run of this): nothing to do.
#   - On a Debian-like machine as root: installs Debian's docker.io if dockerd is missing, starts dockerd in the
#     background if nothing answers (log: /var/log/novasim-dockerd.log), and waits until it answers. It listens on
#     Docker's default socket, or on the unix socket DOCKER_HOST names (pid file beside it): .ci/run starts one of
#     its own so, which nothing else on the machine sees.
#   - Anywhere else it says what to start, and fails.
# DOCKER_ENGINE_TIMEOUT (60 s) bounds the wait.
set -euo pipefail

TIMEOUT=${DOCKER_ENGINE_TIMEOUT:-60}
LOG=/var/log/novasim-dockerd.log
say() { printf '[engine] %s\n' "$*"; }
fail() { printf '[engine] error: %s\n' "$*" >&2; exit 1; }

# Debian's own client first: the docker first on PATH may be a newer client that lacks the plugins we would use.
client() { if [[ -x /usr/bin/docker ]]; then echo /usr/bin/docker; else command -v docker || true; fi; }
answers() { local docker; docker=$(client); [[ -n $docker ]] && timeout 10 "$docker" version >/dev/null 2>&1; }
describe() {
  "$(client)" info --format 'Docker Engine {{.ServerVersion}}, storage driver {{.Driver}}, cgroup v{{.CgroupVersion}}' \
    2>/dev/null || true
}

if answers; then
  say "a Docker engine answers: $(describe)"
  exit 0
fi

[[ $(uname -s) == Linux ]] && command -v apt-get >/dev/null \
  || fail "no Docker engine answers. Start yours (Docker Desktop, colima, ...) and run this again."
((EUID == 0)) || fail "no Docker engine answers, and installing or starting one needs root: sudo $0"

if ! command -v dockerd >/dev/null; then
  say "installing Debian's docker.io (Docker Engine, containerd, runc) ..."
  if ! out=$( (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      docker.io) 2>&1); then
    printf '%s\n' "$out" >&2
    fail "apt-get could not install docker.io"
  fi
  # The package may have started it already (where an init system runs).
  if answers; then say "a Docker engine answers: $(describe)"; exit 0; fi
fi

SOCKET=/var/run/docker.sock
PIDFILE=/var/run/docker.pid
if [[ -n ${DOCKER_HOST:-} && $DOCKER_HOST != unix:///var/run/docker.sock ]]; then
  [[ $DOCKER_HOST == unix://* ]] || fail "no Docker engine answers at DOCKER_HOST=$DOCKER_HOST"
  SOCKET=${DOCKER_HOST#unix://}
  PIDFILE=$(dirname "$SOCKET")/docker.pid
fi
pid=$(cat "$PIDFILE" 2>/dev/null || true)
if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
  say "dockerd (pid $pid) runs but does not answer yet: waiting for it"
elif other=$(pgrep -x dockerd | head -n 1) && [[ -n $other ]]; then
  fail "a dockerd runs already (pid $other) but does not answer at $SOCKET: point DOCKER_HOST at its socket"
elif [[ -d /run/systemd/system && $SOCKET == /var/run/docker.sock ]]; then
  say "starting the docker service (systemd)"
  systemctl start docker
else
  say "starting dockerd on $SOCKET in the background (pid file $PIDFILE, log $LOG)"
  mkdir -p "$(dirname "$SOCKET")"
  # Its own session, so it outlives this script and whoever called it; dockerd starts its own containerd.
  setsid nohup dockerd -H "unix://$SOCKET" --pidfile "$PIDFILE" >>"$LOG" 2>&1 </dev/null &
fi

deadline=$((SECONDS + TIMEOUT))
until answers; do
  if ((SECONDS > deadline)); then
    tail -n 20 "$LOG" >&2 2>/dev/null || true
    fail "the Docker engine does not answer after $TIMEOUT s (log: $LOG)"
  fi
  sleep 1
done
say "a Docker engine answers: $(describe)"
