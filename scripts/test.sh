#!/usr/bin/env bash
# Install docketgraph with its test extra into ./.venv (created if missing), install
# Chromium from the OS packages when it is missing (for the browser tests), run pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then "$PY" -m venv .venv; fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import docketgraph.queries.cli" # fail fast if the install is broken
set +e
.venv/bin/python -m pytest -q "$@"
rc=$?
set -e
exit $rc
