#!/usr/bin/env bash
# Installs PostgreSQL (Debian package postgresql) for the SQL export test, if it is missing. The test starts its own
# throw-away server (initdb in a temp directory, 127.0.0.1, a free port) and stops it; it never uses a system cluster.
# Used by .ci/run; run it by hand on a development machine (as root, or with sudo).
set -euo pipefail
if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then echo "setup-postgres: no apt-get here; the PostgreSQL half of the SQL export test will be skipped" >&2; exit 0; fi
SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
$SUDO apt-get update -qq || { echo "setup-postgres: apt-get update failed; the PostgreSQL half of the SQL export test will be skipped" >&2; exit 0; }
# The package's own cluster is not needed: the test runs initdb itself.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null \
  || echo "setup-postgres: could not install postgresql; the PostgreSQL half of the SQL export test will be skipped" >&2
