#!/usr/bin/env bash
# End-to-end measurement behind BENCHMARKS.md: generate the synthetic inputs with cuiscope-gen,
# run a release `cuiscope analyze --format json` on them under /usr/bin/time -v (wall time,
# peak RSS), and time `xmllint --stream --noout` on the same XML files for the ingest
# comparison. Slow (minutes) and machine-dependent: not run by CI.
#
#   bash Benchmarks/measure.sh [WORKDIR]        (default WORKDIR: /tmp/cuiscope-measure)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/cuiscope-measure}"
mkdir -p "$work"

swift build -c release --scratch-path .build-release --product cuiscope
swift build -c release --scratch-path .build-release --product cuiscope-gen
cuiscope="$PWD/.build-release/release/cuiscope"
gen="$PWD/.build-release/release/cuiscope-gen"

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
for size in "10000 2000 100000" "100000 20000 1000000"; do
    set -- $size
    dir="$work/$1"
    [ -f "$dir/flows.xml" ] || "$gen" --assets "$1" --rules "$2" --flows "$3" --seed 42 -o "$dir" > /dev/null
    echo "== $1 assets, $2 rules, $3 flow records"
    /usr/bin/time -v "$cuiscope" analyze --inventory "$dir/inventory.csv" --rules "$dir/rules.xml" \
        --flows "$dir/flows.xml" --format json > "$dir/report.json" 2> "$dir/time.txt"
    grep -E "Elapsed \(wall|Maximum resident|Exit status" "$dir/time.txt"
    for f in rules.xml flows.xml; do
        /usr/bin/time -f "xmllint --stream --noout $f: %e s, %M KB" xmllint --stream --noout "$dir/$f"
    done
done
