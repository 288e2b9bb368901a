#!/usr/bin/env bash
# Measurements behind BENCHMARKS.md "Realistic profile": for each size, a release
# `cuiscope analyze` on the native files and on the PAN-OS files, the plain-Python baseline on
# both, and `xmllint --stream --noout` over the same XML. Wall time and peak RSS from
# /usr/bin/time; cuiscope runs under a virtual-memory cap and a time limit (it is expected to
# fail at 100k before the reachability rewrite). Slow (up to an hour) and machine-dependent.
#
#   bash Benchmarks/measure-realistic.sh [WORKDIR] [SIZES...]   (default /tmp/realistic, 1k 10k 100k)
set -uo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/realistic}"
shift || true
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(1k 10k 100k); fi
cap_kb="${CAP_KB:-8000000}"
limit_s="${LIMIT_S:-900}"

swift build -c release --scratch-path .build-release --product cuiscope > /dev/null
swift build -c release --scratch-path .build-release --product cuiscope-gen > /dev/null
cuiscope="$PWD/.build-release/release/cuiscope"
gen="$PWD/.build-release/release/cuiscope-gen"
py="$PWD/Benchmarks/python/categorise.py"

# run LABEL CMD...: one line "LABEL: wall s, peak MiB, exit N"
run() {
    local label="$1"; shift
    local t; t=$(mktemp)
    /usr/bin/time -f "%e %M %x" -o "$t" "$@" > /dev/null 2>&1
    read -r wall kb rc < <(tail -1 "$t")
    printf '%-34s %8s s %8s MiB  exit %s\n' "$label:" "$wall" "$((kb / 1024))" "$rc"
    rm -f "$t"
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
for size in "${sizes[@]}"; do
    case "$size" in
        1k) a=1000 r=200 f=10000 ;;
        10k) a=10000 r=2000 f=100000 ;;
        100k) a=100000 r=20000 f=1000000 ;;
        *) echo "unknown size $size"; continue ;;
    esac
    dir="$work/$size"
    [ -f "$dir/traffic.xml" ] || "$gen" --assets "$a" --rules "$r" --flows "$f" --seed 42 -o "$dir" > /dev/null
    echo "== $size: $a assets, $r rules, $f flow records (load $(cut -d' ' -f1 /proc/loadavg))"
    ( cd "$dir" || exit
      run "cuiscope native" bash -c "ulimit -v $cap_kb; timeout $limit_s $cuiscope analyze --quiet --format json \
          --inventory inventory.csv --rules rules.xml --flows flows.xml"
      run "cuiscope PAN-OS" bash -c "ulimit -v $cap_kb; timeout $limit_s $cuiscope analyze --quiet --format json \
          --inventory inventory.csv --rules panos.xml --flows traffic.xml"
      run "cuiscope native, no flows" bash -c "ulimit -v $cap_kb; timeout $limit_s $cuiscope analyze --quiet \
          --format json --inventory inventory.csv --rules rules.xml"
      run "python native" python3 "$py" --inventory inventory.csv --rules rules.xml --flows flows.xml
      run "python PAN-OS" python3 "$py" --inventory inventory.csv --rules panos.xml --flows traffic.xml
      run "xmllint --stream rules.xml" xmllint --stream --noout rules.xml
      run "xmllint --stream flows.xml" xmllint --stream --noout flows.xml
      run "xmllint --stream panos.xml" xmllint --stream --noout panos.xml
      run "xmllint --stream traffic.xml" xmllint --stream --noout traffic.xml
      run "cuiscope validate inventory.csv" "$cuiscope" validate inventory.csv )
done
