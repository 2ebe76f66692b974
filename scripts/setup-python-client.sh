#!/usr/bin/env bash
# Installs what the generated Python client's e2e test needs (test/e2e/serve-python.test.ts), if it is missing:
# java (to run openapi-generator 4.3.1, the JAR bundled in the devDependency @openapitools/openapi-generator-cli)
# and Debian's Python 3 with the libraries the generated client imports (urllib3, six, python-dateutil, certifi).
# Used by .ci/run; run it by hand on a development machine (as root, or with sudo).
set -euo pipefail
need=()
command -v javac >/dev/null 2>&1 || need+=(default-jdk-headless) # javac too: test/e2e/serve-java.test.ts compiles the hand-written client
/usr/bin/python3 -c 'import urllib3, six, dateutil, certifi' >/dev/null 2>&1 || need+=(python3 python3-urllib3 python3-six python3-dateutil python3-certifi)
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then echo "setup-python-client: no apt-get here; the generated-client test will be skipped (it fails under CI=true)" >&2; exit 0; fi
SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
$SUDO apt-get update -qq || { echo "setup-python-client: apt-get update failed" >&2; exit 0; }
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
  || echo "setup-python-client: could not install ${need[*]}; the generated-client test will be skipped (it fails under CI=true)" >&2
