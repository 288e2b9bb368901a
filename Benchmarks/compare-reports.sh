#!/usr/bin/env bash
# Compares the reports of two cuiscope binaries (before and after a change) on the demos and
# on generated inputs: every output format of analyze, the check demo, validate. Prints the
# differing cases; exit 1 if any differ.
#
#   bash Benchmarks/compare-reports.sh OLD_BINARY NEW_BINARY [GENERATED_DIR...]
set -uo pipefail
cd "$(dirname "$0")/.."
old="$1"; new="$2"; shift 2
status=0
compare() {  # compare LABEL ARGS...
    local label="$1"; shift
    local a b
    a=$("$old" "$@" 2>&1; echo "exit $?")
    b=$("$new" "$@" 2>&1; echo "exit $?")
    if [ "$a" == "$b" ]; then echo "same: $label"; else echo "DIFFERENT: $label"; status=1; fi
}
demo=(--scope Fixtures/demo/scope.yaml --inventory Fixtures/demo/inventory.csv --rules Fixtures/demo/firewall.xml
      --flows Fixtures/demo/flows.xml --fedramp Fixtures/demo/fedramp-marketplace.json)
for f in text json markdown csv sarif junit oscal; do compare "demo $f" analyze --quiet --format "$f" "${demo[@]}"; done
compare "panos-demo json" analyze --quiet --format json --inventory Fixtures/panos-demo/inventory.csv \
    --rules Fixtures/panos-demo/firewall.xml
for d in Fixtures/opnsense-demo; do
    compare "$d json" analyze --quiet --format json $(for f in "$d"/*; do case "$f" in *.csv) echo --inventory "$f";; *.xml) echo --rules "$f";; esac; done)
done
compare "check demo" check --format json --baseline-rules Fixtures/check/baseline.xml --rules Fixtures/check/proposed.xml \
    --inventory Fixtures/demo/inventory.csv --scope Fixtures/check/scope.yaml --waivers Fixtures/check/waivers.yaml
compare "diagram demo" diagram --format dot "${demo[@]}"
for dir in "$@"; do
    compare "$dir native json" analyze --quiet --format json --inventory "$dir/inventory.csv" --rules "$dir/rules.xml" \
        --flows "$dir/flows.xml"
    compare "$dir PAN-OS json" analyze --quiet --format json --inventory "$dir/inventory.csv" --rules "$dir/panos.xml" \
        --flows "$dir/traffic.xml"
done
exit $status
