#!/usr/bin/env bash
# Browser checks of the service-guide site (issue 10), run by .ci/run.
#
# Builds the site of the shipped catalog with the release binary, runs
# Pagefind over it (the post-build step), builds the hostile-content fixture,
# then opens a sample of pages in Debian's Chromium (scripts/browser/check.mjs):
# axe-core WCAG 2.0/2.1 A+AA, the Nu HTML Checker, console errors, failed
# requests, phone widths, the 一次告知单 printed on A4, the search recall list
# (tests/guide/recall.json) and the hostile pages. Exit 1 on any failure.
#
# On a fresh machine it installs what it needs: Debian's chromium and
# fonts-noto-cjk (apt-get, only when missing; needs root, as CI has) and the
# npm packages pinned in scripts/browser/package-lock.json into
# target/browser-check/ (npm ci --ignore-scripts: no browser or Java download).
#
#   bash scripts/browser_check.sh                    # the check
#   SCREENSHOTS=docs bash scripts/browser_check.sh   # also rewrite docs/*-screenshot*.png
#   CHROMIUM=/usr/bin/google-chrome bash scripts/browser_check.sh   # another Chromium build
# Not root: the apt-get step runs through sudo when sudo is there.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
tool=target/browser-check
site=target/site
hostile=target/site-hostile

chromium=${CHROMIUM:-/usr/bin/chromium}
need_apt=()
[ -x "$chromium" ] || need_apt+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
command -v java >/dev/null || need_apt+=(openjdk-17-jre-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "== apt-get install ${need_apt[*]}"
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null; then
            echo "浏览器检查需要 ${need_apt[*]}：请以 root 运行，或先安装：apt-get install -y ${need_apt[*]}" >&2
            exit 1
        fi
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

mkdir -p "$tool"
if ! cmp -s scripts/browser/package-lock.json "$tool/package-lock.json" || [ ! -d "$tool/node_modules" ]; then
    echo "== npm ci (pinned: scripts/browser/package-lock.json)"
    cp scripts/browser/package.json scripts/browser/package-lock.json "$tool/"
    (cd "$tool" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
# The check scripts run beside their node_modules.
cp scripts/browser/*.mjs "$tool/"

echo "== build the site of the shipped catalog"
cargo build --release --locked --quiet
rm -rf "$site" "$hostile"
./target/release/tongbiao guide catalog --out "$site"

echo "== search index (Pagefind $("$tool/node_modules/.bin/pagefind" --version | cut -d' ' -f2))"
"$tool/node_modules/.bin/pagefind" --site "$site" --quiet

echo "== build the hostile-content fixture"
./target/release/tongbiao guide tests/guide/hostile --out "$hostile"
"$tool/node_modules/.bin/pagefind" --site "$hostile" --quiet

echo "== browser checks"
shots=()
[ -n "${SCREENSHOTS:-}" ] && shots=(--screenshots "$SCREENSHOTS")
node "$tool/check.mjs" \
    --site "$site" \
    --sample tests/guide/sample.json \
    --recall tests/guide/recall.json \
    --hostile-site "$hostile" \
    --vnu "$tool/node_modules/vnu-jar/build/dist/vnu.jar" \
    --out "$tool/out" \
    --chromium "$chromium" \
    "${shots[@]}"
echo "浏览器检查用时 $(( $(date +%s) - start )) 秒"
