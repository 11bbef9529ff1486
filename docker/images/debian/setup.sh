#!/usr/bin/env bash
# Turns a fresh `debootstrap --variant=minbase` tree into novasim/debian, the base of every local image.
# Usage: setup.sh ROOTFS MIRROR SECURITY_MIRROR. Part of the image's recipe: a change here rebuilds the base.
set -euo pipefail
root=$1 mirror=$2 security=$3

# The same archives as Debian's official image: the release, its updates and its security updates.
rm -f "$root/etc/apt/sources.list"
cat >"$root/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES

# Packages installed in an image build must not try to start their services (there is no init to run them).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"

# Smaller images: no manuals, documentation or translations (copyright files stay). The man1 folder must exist:
# OpenJDK's packages register alternatives for their manual pages there.
cat >"$root/etc/dpkg/dpkg.cfg.d/novasim-slim" <<'SLIM'
path-exclude=/usr/share/man/*
path-exclude=/usr/share/doc/*
path-include=/usr/share/doc/*/copyright
path-exclude=/usr/share/locale/*
path-exclude=/usr/share/info/*
SLIM
rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/*
find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
mkdir -p "$root/usr/share/man/man1"

# No package lists or downloaded packages in the image: every build that installs runs apt-get update first.
cat >"$root/etc/apt/apt.conf.d/novasim-clean" <<'APT'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };
APT::Install-Recommends "false";
Acquire::Languages "none";
APT
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/log/*.log "$root"/var/log/apt/*
# debootstrap leaves the build machine's name and resolver behind; docker provides its own.
: >"$root/etc/hostname"
rm -f "$root/etc/resolv.conf"
