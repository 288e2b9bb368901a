#!/usr/bin/env bash
# End-to-end measurements behind BENCHMARKS.md, on a release build (wall time and peak RSS from
# /usr/bin/time -v, per-phase times and peak RSS from `analyze --progress`). Slow (minutes) and
# machine-dependent: not run by CI.
#
#   bash Benchmarks/measure.sh [WORKDIR] [SIZES...]
#       realistic profile (default): WORKDIR defaults to /tmp/realistic, SIZES to 1k 10k 100k;
#       for each size: analyze (native, phases), analyze (PAN-OS), the plain-Python baseline,
#       10,000 batch reach queries, one-rule-changed check on the PAN-OS export.
#   PROFILE=uniform bash Benchmarks/measure.sh [WORKDIR]
#       the older uniform generator at 10k and 100k (the earlier tables of BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${PROFILE:-realistic}"
swift build -c release --scratch-path .build-release --product cuiscope > /dev/null
swift build -c release --scratch-path .build-release --product cuiscope-gen > /dev/null
cuiscope="$PWD/.build-release/release/cuiscope"
gen="$PWD/.build-release/release/cuiscope-gen"
py="$PWD/Benchmarks/python/categorise.py"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); load $(cut -d' ' -f1-3 /proc/loadavg)"

# timed LABEL CMD...: "LABEL: wall s, peak MiB, exit N" (stdout of CMD discarded).
timed() {
    local label="$1"; shift
    local t; t=$(mktemp)
    set +e; /usr/bin/time -f "%e %M %x" -o "$t" "$@" > /dev/null 2> "$t.err"; set -e
    read -r wall kb rc < <(tail -1 "$t")
    printf '%-40s %8s s %8s MiB  exit %s\n' "$label:" "$wall" "$((kb / 1024))" "$rc"
    rm -f "$t" "$t.err"
}

if [ "$profile" = uniform ]; then
    work="${1:-/tmp/cuiscope-measure}"
    for size in "10000 2000 100000" "100000 20000 1000000"; do
        set -- $size
        dir="$work/$1"
        [ -f "$dir/flows.xml" ] || "$gen" --profile uniform --assets "$1" --rules "$2" --flows "$3" --seed 42 -o "$dir" > /dev/null
        echo "== uniform $1 assets, $2 rules, $3 flow records"
        timed "analyze native" "$cuiscope" analyze --inventory "$dir/inventory.csv" --rules "$dir/rules.xml" \
            --flows "$dir/flows.xml" --format json
    done
    exit 0
fi

work="${1:-/tmp/realistic}"
shift || true
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(1k 10k 100k); fi
for size in "${sizes[@]}"; do
    case "$size" in
        1k) a=1000 r=200 f=10000 ;;
        10k) a=10000 r=2000 f=100000 ;;
        100k) a=100000 r=20000 f=1000000 ;;
        *) echo "unknown size $size"; continue ;;
    esac
    dir="$work/$size"
    [ -f "$dir/traffic.xml" ] || "$gen" --assets "$a" --rules "$r" --flows "$f" --seed 42 -o "$dir" > /dev/null
    echo "== realistic $size: $a assets, $r rules, $f flow records (load $(cut -d' ' -f1 /proc/loadavg))"
    cd "$dir"
    echo "-- analyze, native XML, phases (time since start; peak RSS so far)"
    "$cuiscope" analyze --progress --format json --inventory inventory.csv --rules rules.xml --flows flows.xml \
        2>&1 > /dev/null | sed -n 's/^cuiscope \[\(.*\)s\] \(.*\) done, peak RSS \(.*\) MiB$/  \2: \1 s, \3 MiB/p'
    timed "analyze native" "$cuiscope" analyze --format json --inventory inventory.csv --rules rules.xml --flows flows.xml
    timed "analyze PAN-OS config + traffic log" "$cuiscope" analyze --format json --inventory inventory.csv \
        --rules panos.xml --flows traffic.xml
    timed "python categorise.py native" python3 "$py" --inventory inventory.csv --rules rules.xml --flows flows.xml
    for x in rules.xml flows.xml panos.xml traffic.xml; do timed "xmllint --stream --noout $x" xmllint --stream --noout "$x"; done
    # 10,000 reach queries between inventory addresses, one load.
    python3 - "$dir" > /tmp/cuiscope-queries-$size.jsonl <<'PY'
import csv, json, random, sys
rows = list(csv.DictReader(open(sys.argv[1] + "/inventory.csv")))
addrs = [r["addresses"].split(";")[0].split("/")[0] for r in rows if r.get("addresses")]
rnd = random.Random(1)
for _ in range(10000):
    p = rnd.choice([("tcp", 443), ("tcp", 445), ("tcp", 22), ("udp", 53), ("tcp", 3389)])
    print(json.dumps({"from": rnd.choice(addrs), "to": rnd.choice(addrs), "proto": p[0], "port": p[1]}))
PY
    timed "reach 10,000 queries (native rules)" "$cuiscope" reach --rules rules.xml --queries /tmp/cuiscope-queries-$size.jsonl
    timed "reach 10,000 queries (PAN-OS config)" "$cuiscope" reach --rules panos.xml --queries /tmp/cuiscope-queries-$size.jsonl
    head -1 /tmp/cuiscope-queries-$size.jsonl > /tmp/cuiscope-query-1.jsonl
    timed "reach 1 query (PAN-OS config)" "$cuiscope" reach --rules panos.xml --queries /tmp/cuiscope-query-1.jsonl
    # One rule changed: the 100th <entry> of the security rulebase gets action deny (or allow).
    python3 - panos.xml /tmp/cuiscope-proposed-$size.xml <<'PY'
import re, sys
text = open(sys.argv[1]).read()
start = text.index("<security>")
hits = [m.start() for m in re.finditer(r"<action>(allow|deny|drop)</action>", text[start:])]
i = start + hits[min(99, len(hits) - 1)]
old = re.match(r"<action>(allow|deny|drop)</action>", text[i:]).group(0)
new = "<action>deny</action>" if "allow" in old else "<action>allow</action>"
open(sys.argv[2], "w").write(text[:i] + new + text[i + len(old):])
PY
    timed "check PAN-OS, one rule changed" "$cuiscope" check --format json --inventory inventory.csv \
        --baseline-rules panos.xml --rules /tmp/cuiscope-proposed-$size.xml
    cd - > /dev/null
done
