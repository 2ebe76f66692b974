#!/usr/bin/env bash
# Prints each county's workbook the way a clerk would (A4, the page setup the workbook carries), with
# headless LibreOffice, and turns every page into a PNG to look at: out/workbook-pages/<id>-<page>.png.
# Needs soffice (scripts/setup-libreoffice.sh) and pdftoppm (Debian: poppler-utils). `npm run build` first.
set -euo pipefail
out=out/workbook-pages
mkdir -p "$out"
profile=$(mktemp -d)
for spec in 岢岚:2022:kelan-2022 乡宁:2023:xiangning-2023 陵川:2023:lingchuan-2023 民权:2024:minquan-2024 沁水:2025:qinshui-2025; do
  IFS=: read -r county year id <<<"$spec"
  node dist/cli.js workbook --county "$county" --year "$year" --out "$out/$id.xlsx" >/dev/null
done
soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$out" "$out"/*.xlsx >/dev/null
for pdf in "$out"/*.pdf; do
  pdftoppm -r 80 -png "$pdf" "${pdf%.pdf}"
  echo "$(basename "$pdf"): $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages"
done
rm -rf "$profile"
