#!/usr/bin/env bash
# Builds bench/whisper-gpu/.carry (ignored, ~60 MB) for run.sh: stripped+xz node, whisper.node JS,
# the CPU addon, the xz'd CUDA addon and the CUDA 12->13 shim libraries.
set -euo pipefail
cd "$(dirname "$0")"
S=/tmp/whisper-scratch
if [ ! -d $S/node_modules/@fugood/node-whisper-linux-x64-cuda ]; then
  mkdir -p $S && (cd $S && npm init -y >/dev/null &&
    flock /tmp/earshot-npm.lock npm install --no-save @fugood/whisper.node@1.1.3 --os=linux --cpu=x64)
fi
rm -rf .carry && mkdir -p .carry/node_modules/@fugood/node-whisper-linux-x64-cuda
strip -o /tmp/node-stripped "$(readlink -f "$(which node)")" && xz -T2 -6 -c /tmp/node-stripped > .carry/node.xz
xz -T2 -6 -c $S/node_modules/@fugood/node-whisper-linux-x64-cuda/index.node > .carry/cuda-index.node.xz
cp $S/node_modules/@fugood/node-whisper-linux-x64-cuda/package.json .carry/node_modules/@fugood/node-whisper-linux-x64-cuda/
cp -r $S/node_modules/@fugood/whisper.node $S/node_modules/@fugood/node-whisper-linux-x64 .carry/node_modules/@fugood/
rm -rf .carry/node_modules/@fugood/whisper.node/{whisper.cpp,src}
(cd shim && gcc -O2 -shared -fPIC -DSHIM_CUDART -Wl,--version-script=cudart.map -Wl,-soname,libcudart.so.12 \
    -o ../.carry/libcudart.so.12 cuda12_to_13.c -ldl &&
  gcc -O2 -shared -fPIC -Wl,--version-script=cublas.map -Wl,-soname,libcublas.so.12 \
    -o ../.carry/libcublas.so.12 cuda12_to_13.c -ldl)
du -sh .carry
