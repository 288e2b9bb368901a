#!/usr/bin/env bash
# Installs what cuiscope needs beyond Swift, only when it is missing, so it is cheap to run
# before every build: libxml2 headers (the XML readers), zlib headers (gzip-compressed inputs),
# Graphviz (diagram rendering and its tests), Chromium (the HTML report's tests load it in a
# headless browser), Python's jsonschema (the tests validate JSON and
# SARIF output against schemas), compliance-trestle (the tests load the OSCAL output into its
# models), regex (NIST's OSCAL schema uses Unicode classes that Python's re lacks) and
# markdown-it-py (the tests parse the Markdown report with a CommonMark parser).
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=()
pkg-config --exists libxml-2.0 2>/dev/null || packages+=(libxml2-dev pkg-config)
pkg-config --exists zlib 2>/dev/null || packages+=(zlib1g-dev pkg-config)
command -v xmllint >/dev/null 2>&1 || packages+=(libxml2-utils)
command -v dot >/dev/null 2>&1 || packages+=(graphviz)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)

if [ ${#packages[@]} -gt 0 ]; then
    echo "bootstrap: installing ${packages[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >&2
    $SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2
fi

if ! python3 -c 'import jsonschema' >/dev/null 2>&1; then
    echo "bootstrap: installing python jsonschema" >&2
    python3 -m pip install --quiet jsonschema >&2 || $SUDO apt-get install -y -qq python3-jsonschema >&2
fi

if ! python3 -c 'import trestle, regex; assert trestle.__version__ == "5.2.0"' >/dev/null 2>&1; then
    echo "bootstrap: installing python compliance-trestle 5.2.0 and regex" >&2
    python3 -m pip install --quiet "compliance-trestle==5.2.0" regex >&2
fi

if ! python3 -c 'import markdown_it' >/dev/null 2>&1; then
    echo "bootstrap: installing python markdown-it-py" >&2
    python3 -m pip install --quiet markdown-it-py >&2 || $SUDO apt-get install -y -qq python3-markdown-it >&2
fi
