#!/usr/bin/env bash
# Writes docs/man/cuiscope.1 with swift-argument-parser's generate-manual plugin, from the
# command's own help (options, values and their descriptions, subcommands).
#   scripts/generate-manual.sh          regenerate docs/man/cuiscope.1
#   scripts/generate-manual.sh --check  fail when docs/man/cuiscope.1 is not current (CI runs this)
# The plugin stamps the page with a date; MANUAL_DATE fixes it so the page is byte-identical on
# every machine. Change it with ToolInfo.version (Sources/CUIScope/Support/ToolInfo.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
MANUAL_DATE=2026-12-04
swift package generate-manual --date "$MANUAL_DATE" --configuration debug >&2
generated=.build/plugins/GenerateManual/outputs/cuiscope/cuiscope.1
if [ "${1:-}" = "--check" ]; then
    if ! diff -u docs/man/cuiscope.1 "$generated"; then
        echo "docs/man/cuiscope.1 is out of date: run scripts/generate-manual.sh and commit it" >&2
        exit 1
    fi
    echo "docs/man/cuiscope.1 is current" >&2
else
    mkdir -p docs/man
    cp "$generated" docs/man/cuiscope.1
    echo "wrote docs/man/cuiscope.1" >&2
fi
