#!/usr/bin/env bash
# Runs the BlockFUL network tests, zombienet/tests/*.zndsl: each spawns its own network
# (the one its `Network:` line names: zombienet/local-4.toml, or local-7.toml for the
# 7-member committee; zombienet's native provider, our blockful-node, everything on
# 127.0.0.1 and free ports), runs its steps, each bounded by `within`, and tears the
# network down. Prints the measured time of each test and the network figures.
#
#   ./scripts/network-test.sh              # all tests
#   ./scripts/network-test.sh 0001 0003    # the tests whose file name contains 0001 or 0003
#
# BLOCKFUL_NODE   node binary (default $CARGO_TARGET_DIR/debug/blockful-node)
# ZN_TEST_LIMIT   wall-clock limit per test in seconds (default 900)
# ZN_OUT          where logs, network dirs and measurements go (default: a new temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
. scripts/env.sh
export BLOCKFUL_NODE="${BLOCKFUL_NODE:-$CARGO_TARGET_DIR/debug/blockful-node}"
[ -x "$BLOCKFUL_NODE" ] || { echo "no node binary at $BLOCKFUL_NODE: build it first (cargo build -p blockful-node)" >&2; exit 1; }

# The zombienet CLI and @polkadot/api pinned by zombienet/package-lock.json (idempotent:
# `npm ci` only when node_modules is missing or older than the lock file).
zn="$root/zombienet"
npm_ci_if_stale "$zn"
cli="$zn/node_modules/@zombienet/cli/dist/cli.js"
# The tests' chameleon hash is e2e/js/chameleon.js, which needs e2e/js's modules.
npm_ci_if_stale "$root/e2e/js"

out="${ZN_OUT:-$(mktemp -d -t blockful-zn-XXXXXX)}"
mkdir -p "$out"
limit="${ZN_TEST_LIMIT:-900}"
export BLOCKFUL_ZN_RESULTS="$out/measurements.jsonl"
: >"$BLOCKFUL_ZN_RESULTS"

# Processes whose command line names a network directory of this run are this run's
# nodes (the directory is new and unique); stop any that zombienet left behind.
sweep() {
	local dir=$1 pids
	pids=$(pgrep -f -- "$dir/" || true)
	[ -z "$pids" ] && return 0
	echo "stopping leftover processes of $dir: $pids"
	kill -TERM $pids 2>/dev/null || true
	sleep 2
	kill -KILL $pids 2>/dev/null || true
}

current_pid=""
current_dir=""
on_signal() {
	[ -n "$current_pid" ] && kill -TERM "$current_pid" 2>/dev/null && wait "$current_pid" 2>/dev/null
	[ -n "$current_dir" ] && sweep "$current_dir"
	echo "interrupted; logs in $out"
	exit 130
}
trap on_signal INT TERM

# The participants' test (0008) runs blockful-worker participants on shards of the
# built-in `parties` topology over synthetic images, made here once per run.
export BLOCKFUL_WORKER="${BLOCKFUL_WORKER:-$CARGO_TARGET_DIR/debug/blockful-worker}"
export BLOCKFUL_ZN_PARTIES="$out/parties"
if [ -x "$BLOCKFUL_WORKER" ]; then
	"$BLOCKFUL_WORKER" partition --topology parties --synthetic 1200,400 --out "$BLOCKFUL_ZN_PARTIES/shards" >/dev/null
fi

tests=()
for f in "$zn"/tests/*.zndsl; do
	name=$(basename "$f" .zndsl)
	if [ $# -eq 0 ]; then tests+=("$f"); continue; fi
	for want in "$@"; do [[ $name == *"$want"* ]] && { tests+=("$f"); break; }; done
done
[ ${#tests[@]} -gt 0 ] || { echo "no test matches: $*" >&2; exit 1; }

summary=()
failed=0
for f in "${tests[@]}"; do
	name=$(basename "$f" .zndsl)
	dir="$out/$name"
	log="$out/$name.log"
	rm -rf "$dir"
	echo "== $name (limit ${limit}s; log $log)"
	t0=$(date +%s%N)
	current_dir="$dir"
	BLOCKFUL_ZN_TEST="$name" timeout -k 30 "$limit" node "$cli" -p native -l text -d "$dir" -f test "$f" >"$log" 2>&1 &
	current_pid=$!
	rc=0; wait "$current_pid" || rc=$?
	current_pid=""
	t1=$(date +%s%N)
	sweep "$dir"
	sweep "$BLOCKFUL_ZN_PARTIES"
	current_dir=""
	secs=$(( (t1 - t0 + 500000000) / 1000000000 ))
	# zombienet's reporter ends with "Result: <passed>/<steps>"
	result=$(grep -Eo 'Result: [0-9]+/[0-9]+' "$log" | tail -1 | cut -d' ' -f2 || true)
	if [ "$rc" -eq 0 ] && [ -n "$result" ] && [ "${result%/*}" = "${result#*/}" ]; then
		verdict=PASS
	else
		verdict="FAIL (rc=$rc, steps ${result:-?})"; failed=$((failed + 1))
		grep -v -e 'fetching metrics' -e '^\s*$' "$log" | tail -25 || true
	fi
	grep -E 'MEASURED' "$log" || true
	echo "   $verdict in ${secs}s (steps passed: ${result:-?})"
	# A passing test's node databases and chain-spec copies take about 150 MB (1.1 GB a
	# run, which filled this machine's disk after a dozen runs); its logs stay. A failing
	# test keeps everything.
	if [ "$verdict" = PASS ]; then
		rm -rf "$dir"/*/data "$dir"/*/cfg "$dir"/cfg "$dir"/local*.json
	fi
	summary+=("$(printf '%-28s %-32s %5ss' "$name" "$verdict" "$secs")")
done

echo
echo "== network tests ($BLOCKFUL_NODE)"
printf '%s\n' "${summary[@]}"
if [ -s "$BLOCKFUL_ZN_RESULTS" ]; then
	echo "== measured"
	node -e '
		const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
		for (const m of lines) console.log(`${m.test.padEnd(28)} ${m.key.padEnd(32)} ${m.value} ${m.unit}  ${m.note}`);
	' "$BLOCKFUL_ZN_RESULTS"
fi
left=$(pgrep -f -- "$out/" || true)
echo "leftover processes: ${left:-none}"
echo "logs: $out"
exit $((failed > 0))
