#!/usr/bin/env bash
# Install docketgraph with its test extra into ./.venv (created if missing), install
# Chromium (for the browser tests) and Tesseract with its English data (OCR of scanned PDF
# pages) from the OS packages when they are missing, run the static checks (ruff, mypy) and
# pytest. Arguments go to pytest: `bash scripts/test.sh -m "not slow" -n 2` is the fast loop.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then "$PY" -m venv .venv; fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import docketgraph.queries.cli" # fail fast if the install is broken
# Chromium from the OS packages for the browser tests (no browser download).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
      || echo "warning: could not install chromium; browser tests will fail under CI" >&2
  fi
fi
# Tesseract from the OS packages for OCR of scanned PDF pages.
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx eng; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-eng) >/dev/null 2>&1 \
      || echo "warning: could not install tesseract-ocr; OCR tests will fail under CI" >&2
  fi
fi
set +e
# Static checks on graph/ and queries/ (settings in pyproject.toml): lint, format, types.
checks=0
.venv/bin/python -m ruff check || checks=1
.venv/bin/python -m ruff format --check || checks=1
.venv/bin/python -m mypy || checks=1
.venv/bin/python -m pytest -q "$@"
rc=$?
set -e
if [ $rc -eq 0 ] && [ $checks -ne 0 ]; then echo "static checks failed (ruff check, ruff format --check, mypy)" >&2; rc=1; fi
exit $rc
