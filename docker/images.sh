#!/usr/bin/env bash
# ./novasim images: local stand-ins for the official images novasim's Dockerfile, docker-compose.yml and tests use,
# built from Debian's packages, so everything runs where no image registry answers. Writes docker/offline.env
# naming them. A second run takes seconds: the Debian base is rebuilt only when its recipe changes, the others come
# from Docker's build cache. --rebuild builds everything again (e.g. for Debian's latest security updates).
#
#   novasim/debian:bookworm   debootstrap --variant=minbase bookworm, imported      (the base of the others)
#   novasim/jdk:17            OpenJDK 17 JDK, wget, unzip       for eclipse-temurin:17-jdk        (build stage)
#   novasim/jre:17            OpenJDK 17 runtime, wget          for eclipse-temurin:17-jre-alpine (the services)
#   novasim/rabbitmq:3.10     rabbitmq-server + management      for rabbitmq:3.13-management
#   novasim/postgres:15       postgresql-15, the official entrypoint's contract   for postgres:16-alpine
#
# NOVASIM_DEBIAN_MIRROR (this machine's apt mirror, else deb.debian.org) and NOVASIM_DEBIAN_SECURITY_MIRROR choose
# where packages come from.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OFFLINE_ENV="$HERE/offline.env"
BASE=novasim/debian:bookworm
declare -A IMAGE=([jdk]=novasim/jdk:17 [jre]=novasim/jre:17 [rabbitmq]=novasim/rabbitmq:3.10
                  [postgres]=novasim/postgres:15)
RECIPE_LABEL=org.novasim.recipe
REBUILD=0

say() { printf '[images] %s\n' "$*"; }
fail() { printf '[images] error: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
since() { local ms=$(($(now_ms) - $1)); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }

case ${1:-} in
  --rebuild) REBUILD=1 ;;
  "") ;;
  -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) fail "unknown option '$1' (./novasim images [--rebuild])" ;;
esac

"$HERE/engine.sh"
if [[ -x /usr/bin/docker ]]; then DOCKER=/usr/bin/docker; else DOCKER=docker; fi
WORK=$(mktemp -d "${TMPDIR:-/var/tmp}/novasim-images.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

size_of() { "$DOCKER" image inspect -f '{{.Size}}' "$1" | awk '{printf "%d MB", $1 / 1000000}'; }
recipe_of() { "$DOCKER" image inspect -f "{{index .Config.Labels \"$RECIPE_LABEL\"}}" "$1" 2>/dev/null || true; }

# The first Debian mirror of this machine's apt sources (it is reachable from here), else Debian's own.
debian_mirror() {
  local uri
  uri=$(grep -rhoE '^(URIs:|deb)[[:space:]]+(\[[^]]*\][[:space:]]+)?https?://[^[:space:]]+/debian/?([[:space:]]|$)' \
    /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | grep -oE 'https?://[^[:space:]]+' | head -n 1 || true)
  echo "${NOVASIM_DEBIAN_MIRROR:-${uri:-http://deb.debian.org/debian}}"
}

build_base() {
  local started recipe mirror security
  started=$(now_ms)
  mirror=$(debian_mirror)
  security=${NOVASIM_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
  recipe=$( { echo "debootstrap --variant=minbase bookworm"; cat "$HERE/images/debian/setup.sh"; } \
    | sha256sum | cut -c1-16)
  if ((!REBUILD)) && [[ $(recipe_of "$BASE") == "$recipe" ]]; then
    say "$BASE is up to date ($(size_of "$BASE"))"
    return
  fi
  if ! command -v debootstrap >/dev/null; then
    command -v apt-get >/dev/null && ((EUID == 0)) \
      || fail "$BASE is made with debootstrap (Debian's package), run as root on a Debian-like machine. Elsewhere \
use the official images: docker compose up --build"
    say "installing debootstrap"
    apt-get install -y -qq --no-install-recommends debootstrap >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; }
  fi
  say "building $BASE: debootstrap --variant=minbase bookworm from $mirror (about a minute and a half) ..."
  local rootfs="$WORK/rootfs" log="$WORK/debootstrap.log"
  if ! debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    fail "debootstrap failed"
  fi
  "$HERE/images/debian/setup.sh" "$rootfs" "$mirror" "$security"
  tar -C "$rootfs" --numeric-owner -c . \
    | "$DOCKER" import --change 'ENV LANG=C.UTF-8' --change 'CMD ["bash"]' \
        --change "LABEL $RECIPE_LABEL=$recipe" - "$BASE" >/dev/null
  rm -rf "$rootfs"
  say "$BASE built in $(since "$started") ($(size_of "$BASE"))"
}

build_image() { # name (a folder of docker/images)
  local name=$1 image=${IMAGE[$1]} started context="$WORK/$1" log="$WORK/$1.log"
  started=$(now_ms)
  cp -a "$HERE/images/$name" "$context"
  if [[ $name == jdk ]]; then
    mkdir -p "$context/certs"
    find /usr/local/share/ca-certificates -name '*.crt' -type f -exec cp {} "$context/certs/" \; 2>/dev/null || true
  fi
  local options=(--build-arg "BASE=$BASE" -t "$image")
  ((REBUILD)) && options+=(--no-cache)
  if ! "$DOCKER" build "${options[@]}" "$context" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    fail "building $image failed"
  fi
  local how="built"
  grep -qE '^ ---> Running in|^#[0-9]+ \[.*\] RUN' "$log" || how="up to date"
  say "$image $how in $(since "$started") ($(size_of "$image"))"
}

build_base
for name in jdk jre rabbitmq postgres; do build_image "$name"; done

cat >"$OFFLINE_ENV" <<ENV
# Written by ./novasim images: local images that stand in for the official ones, so nothing needs a registry.
#   docker-compose --env-file docker/offline.env up -d --build
# The tests read it too (TestBroker, TestDatabase). Remove it to use the official images again.
NOVASIM_JDK_IMAGE=${IMAGE[jdk]}
NOVASIM_JRE_IMAGE=${IMAGE[jre]}
NOVASIM_RABBITMQ_IMAGE=${IMAGE[rabbitmq]}
NOVASIM_POSTGRES_IMAGE=${IMAGE[postgres]}
ENV
say "wrote docker/offline.env; the demo without a registry: docker-compose --env-file docker/offline.env up -d --build"
