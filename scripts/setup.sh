#!/usr/bin/env bash
# One-time set-up of a fresh Debian machine for reportgen: system packages
# (LibreOffice for PDF output, Chromium for browser-made PDF fixtures, Tesseract for scans, PostgreSQL for the
# archive's server tests, Liberation fonts), the Python package with its test
# extras, and a running PostgreSQL with a test database. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libreoffice-writer-nogui libreoffice-calc-nogui tesseract-ocr tesseract-ocr-vie
          poppler-utils postgresql fonts-liberation2 ghostscript redis-server
          chromium)  # chromium: the web server's end-to-end tests (Playwright drives it) and the browser-made PDF fixtures; redis-server: batch tests
need_apt=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -e ".[test]" 2>&1 | grep -v -E "^(WARNING|DEPRECATION)" || true

# PostgreSQL for the archive tests: start the Debian cluster and make a test
# role and database (ignored where it already exists).
if command -v pg_ctlcluster >/dev/null && [ "$(id -u)" = 0 ]; then
  ver=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1)
  if [ -n "$ver" ]; then
    pg_ctlcluster "$ver" main start >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
    su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='reportgen'\"" | grep -q 1 \
      || su postgres -c "psql -qc \"CREATE ROLE reportgen LOGIN SUPERUSER PASSWORD 'reportgen'\""
    su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='reportgen_test'\"" | grep -q 1 \
      || su postgres -c "createdb -O reportgen reportgen_test"
  fi
fi
echo "reportgen: cài đặt xong." >&2
