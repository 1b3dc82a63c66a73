#!/usr/bin/env bash
# Install docketgraph into ./.venv, ingest the sample filings into a fresh demo store,
# write the interactive views to output/ and print the firms-before-judges table.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then "$PY" -m venv .venv; fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e . 2>&1 | grep -v "^WARNING: Location" || true
STORE=${DOCKETGRAPH_STORE:-output/demo-store}
rm -rf "$STORE"
.venv/bin/docketgraph ingest samples/ --store "$STORE"
.venv/bin/docketgraph view firms-before-judges --store "$STORE" -o output/firms-before-judges.html
.venv/bin/docketgraph view platforms-by-firm --store "$STORE" -o output/platforms-by-firm.html
.venv/bin/docketgraph query firms-before-judges --store "$STORE"
