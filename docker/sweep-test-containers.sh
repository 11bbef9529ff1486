#!/usr/bin/env bash
# Removes test containers whose JVM is gone. Testcontainers removes a test JVM's containers when it exits; a JVM that
# was killed leaves them running. test-support's TestContainers labels each with its JVM's pid
# (org.novasim.test.pid): those of a JVM that still runs on this machine (another test run) stay. .ci/run calls
# this before and after the tests.
set -euo pipefail

if [[ -x /usr/bin/docker ]]; then DOCKER=/usr/bin/docker; else DOCKER=docker; fi
"$DOCKER" version >/dev/null 2>&1 || exit 0 # no engine, no containers

alive_jvm() { [[ $1 =~ ^[0-9]+$ && -r /proc/$1/comm && $(cat "/proc/$1/comm" 2>/dev/null) == java ]]; }

removed=0 kept=0
while read -r id pid; do
  [[ -n $id ]] || continue
  if alive_jvm "$pid"; then
    kept=$((kept + 1))
  else
    "$DOCKER" rm -f -v "$id" >/dev/null
    removed=$((removed + 1))
  fi
done < <("$DOCKER" ps -a --filter label=org.novasim.test.pid --format '{{.ID}} {{.Label "org.novasim.test.pid"}}')
printf '[sweep] test containers: %d removed (their JVM is gone), %d of running JVMs kept\n' "$removed" "$kept"
