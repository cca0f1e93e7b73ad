#!/usr/bin/env bash
# Runs on the GPU box (no node there): unpacks the carried node + whisper.node, builds a random-weight
# large-v3-turbo ggml model, and benchmarks whisper.node's CUDA build and CPU build. Results go to $OUT.
# Invoke from the repo root with carry ["bench/whisper-gpu/.carry"] (prepare it with prepare-carry.sh).
set -u
OUT=${OUT:-/tmp/whisper-gpu-out}; mkdir -p "$OUT"
C=bench/whisper-gpu/.carry; W=/tmp/whisper-gpu; mkdir -p "$W"
exec > >(tee "$OUT/run.log") 2>&1
xz -dc $C/node.xz > $W/node && chmod +x $W/node && $W/node --version
cp -r $C/node_modules $W/ && xz -dc $C/cuda-index.node.xz > $W/node_modules/@fugood/node-whisper-linux-x64-cuda/index.node
mkdir -p $W/shim && cp $C/libcudart.so.12 $C/libcublas.so.12 $W/shim/
cp bench/whisper-gpu/bench.mjs $W/
nvidia-smi > "$OUT/nvidia-smi.txt" 2>&1; head -20 "$OUT/nvidia-smi.txt"
LIBDIRS=$(find / \( -path /proc -o -path /sys \) -prune -o \( -name 'libcudart.so.1[23]*' -o -name 'libcublas.so.1[23]*' -o -name 'libnccl.so.2*' -o -name 'libcublasLt.so.13*' \) -print 2>/dev/null | tee "$OUT/cuda-libs-found.txt" | xargs -r -n1 dirname | sort -u | tr '\n' ':')
echo "LIBDIRS=$LIBDIRS"
export LD_LIBRARY_PATH="$W/shim:${LIBDIRS}${LD_LIBRARY_PATH:-}"
ldd $W/node_modules/@fugood/node-whisper-linux-x64-cuda/index.node > "$OUT/ldd-cuda.txt" 2>&1; cat "$OUT/ldd-cuda.txt"
export CUDA_CACHE_PATH=$W/nvcache CUDA_CACHE_MAXSIZE=4294967296
/usr/bin/time -v python3 tools/whisper-random-model/make_random_ggml.py --arch large-v3-turbo --out $W/turbo.bin 2>&1 | grep -E 'wrote|Elapsed|Maximum resident'
ls -la $W/turbo.bin
cd $W
timeout 280 ./node bench.mjs --model turbo.bin --variant cuda --gpu --threads 4 --repeat 3 --out "$OUT/cuda-turbo.json"; echo "cuda rc=$?"
nvidia-smi --query-gpu=memory.used --format=csv
timeout 60 ./node bench.mjs --model turbo.bin --variant cuda --gpu --flash --threads 4 --repeat 2 --skip-transcribe --out "$OUT/cuda-turbo-flash.json"; echo "cuda flash rc=$?"
timeout 120 ./node bench.mjs --model turbo.bin --variant default --threads 16 --repeat 1 --skip-transcribe --out "$OUT/cpu16-turbo.json"; echo "cpu rc=$?"
du -sh $W/nvcache 2>/dev/null
