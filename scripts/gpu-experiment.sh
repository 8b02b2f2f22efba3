#!/usr/bin/env bash
# The paper's models on a GPU, bounded: fig4 on all 60,000 Fashion-MNIST training images
# with AlexNet, ResNet18 and MobileNetV2 (`--device cuda`), every unlearning method once,
# 4 audit reference models, and their tables beside the paper's Tables III/IV.
#
#   scripts/gpu-experiment.sh [--out DIR] [--budget SECONDS] [--archs a,b,c] [--device D]
#
# Needs a built worker (`cargo build --workspace`, or W=/path/to/blockful-worker) linked
# against a CUDA libtorch (LIBTORCH / the bootstrap's venv torch; `--device cuda` fails at
# once without one) and Fashion-MNIST where `--data-dir` or the default finds it. The
# whole run is bounded by --budget (default 470 s, under the 8 minutes the issue allows):
# each architecture gets an equal share of what is left, and one that runs over is
# stopped and reported as such — its partial output is kept, nothing is extrapolated.
#
# fig4 uses all 60,000 training images by default (its `full = true`).
# GPU_EXPERIMENT_ARGS is appended to every experiment's arguments (a smoke run on a CPU:
# GPU_EXPERIMENT_ARGS="--quick --train-per-user 100 --epochs 1" ... --device cpu).
#
# Writes DIR/<arch>/report.{md,json} (the experiment's full report) and DIR/tables.md:
# the device, each architecture's wall time, and its "Shape of the paper's Tables III/IV"
# section next to one another.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=gpu-experiment budget=470 archs=alexnet,resnet18,mobilenetv2 device=cuda
while [ $# -gt 0 ]; do
	case "$1" in
		--out) out=$2; shift 2 ;;
		--budget) budget=$2; shift 2 ;;
		--archs) archs=$2; shift 2 ;;
		--device) device=$2; shift 2 ;;
		-h|--help) sed -n 2,22p "$0"; exit 0 ;;
		*) echo "gpu-experiment: unknown argument $1" >&2; exit 2 ;;
	esac
done
# shellcheck source=/dev/null
[ -f "$here/scripts/env.sh" ] && . "$here/scripts/env.sh"
W=${W:-${CARGO_TARGET_DIR:-$HOME/.cache/blockful/target}/debug/blockful-worker}
[ -x "$W" ] || { echo "gpu-experiment: no worker at $W (cargo build --workspace, or set W)" >&2; exit 1; }
mkdir -p "$out"
threads=$(nproc 2>/dev/null || echo 4)
gpu=$(nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null | head -1 || true)
start=$(date +%s)
IFS=, read -r -a list <<<"$archs"
{
	echo "# The paper's models on $device: fig4, all Fashion-MNIST training images"
	echo
	echo "Device: ${gpu:-$device (nvidia-smi not found)}; $threads CPU threads; worker $("$W" --version 2>/dev/null || echo '?'); budget ${budget} s; every method once (\`--repeats 1\`), 4 audit reference models. Tables in the shape of the paper's Tables III/IV (training split); each architecture's full report is in \`<arch>/report.md\`."
	echo
	echo "| Architecture | wall (s) | outcome |"
	echo "|---|---:|---|"
} >"$out/tables.md.head"
: >"$out/tables.md.body"
for i in "${!list[@]}"; do
	arch=${list[$i]}
	left=$((budget - ($(date +%s) - start)))
	share=$((left / (${#list[@]} - i)))
	if [ "$share" -le 10 ]; then
		echo "| $arch | – | not run: budget spent |" >>"$out/tables.md.head"
		continue
	fi
	echo "gpu-experiment: $arch, at most ${share} s" >&2
	t0=$(date +%s)
	set +e
	timeout --signal=TERM --kill-after=10 "$share" "$W" experiment --threads "$threads" \
		--topology fig4 --model "$arch" --device "$device" \
		--repeats 1 --audit-references 4 ${GPU_EXPERIMENT_ARGS:-} --out "$out/$arch" >"$out/$arch.log" 2>&1
	rc=$?
	set -e
	wall=$(($(date +%s) - t0))
	case $rc in
		0) outcome="complete" ;;
		124|137) outcome="**stopped at its ${share} s share** (partial output kept)" ;;
		*) outcome="**failed** (exit $rc; see $arch.log: $(tail -1 "$out/$arch.log" | cut -c1-160))" ;;
	esac
	echo "| $arch | $wall | $outcome |" >>"$out/tables.md.head"
	if [ -f "$out/$arch/report.md" ]; then
		{
			echo
			echo "## $arch"
			sed -n "/^## Shape of the paper's Tables III\/IV/,/^## /p" "$out/$arch/report.md" | sed '$d' | tail -n +2
		} >>"$out/tables.md.body"
	fi
done
cat "$out/tables.md.head" "$out/tables.md.body" >"$out/tables.md"
rm -f "$out/tables.md.head" "$out/tables.md.body"
echo "gpu-experiment: $(($(date +%s) - start)) s in all; $out/tables.md" >&2
cat "$out/tables.md"
