#!/usr/bin/env bash
# Installs LibreOffice Calc (Debian package libreoffice-calc) for the workbook test, if it is missing.
# Used by .ci/run; run it by hand on a development machine (as root, or with sudo).
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then echo "setup-libreoffice: no apt-get here; the workbook test will be skipped" >&2; exit 0; fi
SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
$SUDO apt-get update -qq || { echo "setup-libreoffice: apt-get update failed; the workbook test will be skipped" >&2; exit 0; }
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc >/dev/null \
  || echo "setup-libreoffice: could not install libreoffice-calc; the workbook test will be skipped" >&2
