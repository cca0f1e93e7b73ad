#!/usr/bin/env python3
"""Write a whisper.cpp ggml model file with the real architecture and RANDOM weights.

No pretrained weights can be downloaded on our machines, but encoder/decoder speed depends only on
tensor shapes, so a random model of the real dimensions gives speed-only figures (its transcripts are
garbage). Layout follows whisper.cpp models/convert-pt-to-ggml.py: magic, 11 int32 hparams, mel
filters, tokenizer words, then tensors (n_dims, name_len, ftype, dims reversed, name, data).
Usage: make_random_ggml.py --arch large-v3-turbo --out model.bin   (numpy only)
"""
import argparse
import struct
import sys

import numpy as np

# n_vocab, n_audio_ctx, n_audio_state, n_audio_head, n_audio_layer,
# n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels (OpenAI's published dimensions)
ARCHS = {
    'tiny': (51865, 1500, 384, 6, 4, 448, 384, 6, 4, 80),
    'base': (51865, 1500, 512, 8, 6, 448, 512, 8, 6, 80),
    'small': (51865, 1500, 768, 12, 12, 448, 768, 12, 12, 80),
    'medium': (51865, 1500, 1024, 16, 24, 448, 1024, 16, 24, 80),
    'large-v3': (51866, 1500, 1280, 20, 32, 448, 1280, 20, 32, 128),
    'large-v3-turbo': (51866, 1500, 1280, 20, 32, 448, 1280, 20, 4, 128),
}
N_BASE_TOKENS = 50257  # words in multilingual.tiktoken; whisper.cpp adds the special tokens itself
N_FFT_BINS = 201  # 400-point FFT


def mel_filters(n_mels: int) -> np.ndarray:
    """Slaney-style triangular mel filterbank, like librosa.filters.mel(sr=16000, n_fft=400)."""
    sr, n_fft = 16000, 400
    fft_freqs = np.linspace(0, sr / 2, N_FFT_BINS)

    def hz_to_mel(f):
        f = np.asarray(f, dtype=np.float64)
        mel = f / (200.0 / 3)
        log_region = f >= 1000
        return np.where(log_region, 15 + np.log(np.maximum(f, 1e-10) / 1000) / (np.log(6.4) / 27), mel)

    def mel_to_hz(m):
        m = np.asarray(m, dtype=np.float64)
        f = m * (200.0 / 3)
        return np.where(m >= 15, 1000 * np.exp((np.log(6.4) / 27) * (m - 15)), f)

    mel_pts = mel_to_hz(np.linspace(hz_to_mel(0), hz_to_mel(sr / 2), n_mels + 2))
    fdiff = np.diff(mel_pts)
    ramps = mel_pts[:, None] - fft_freqs[None, :]
    lower = -ramps[:-2] / fdiff[:-1, None]
    upper = ramps[2:] / fdiff[1:, None]
    weights = np.maximum(0, np.minimum(lower, upper))
    weights *= (2.0 / (mel_pts[2 : n_mels + 2] - mel_pts[:n_mels]))[:, None]
    del n_fft
    return weights.astype(np.float32)


def tensor_specs(h):
    """(name, pytorch shape, is_f16) for every tensor whisper.cpp looks up by name."""
    n_vocab, n_actx, n_astate, _, n_alayer, n_tctx, n_tstate, _, n_tlayer, n_mels = h
    specs = [
        ('encoder.positional_embedding', (n_actx, n_astate), False),
        ('encoder.conv1.weight', (n_astate, n_mels, 3), True),
        ('encoder.conv1.bias', (n_astate, 1), False),
        ('encoder.conv2.weight', (n_astate, n_astate, 3), True),
        ('encoder.conv2.bias', (n_astate, 1), False),
        ('encoder.ln_post.weight', (n_astate,), False),
        ('encoder.ln_post.bias', (n_astate,), False),
        ('decoder.positional_embedding', (n_tctx, n_tstate), False),
        ('decoder.token_embedding.weight', (n_vocab, n_tstate), True),
        ('decoder.ln.weight', (n_tstate,), False),
        ('decoder.ln.bias', (n_tstate,), False),
    ]

    def block(prefix, n, cross):
        out = []
        for ln in ['mlp_ln', 'attn_ln'] + (['cross_attn_ln'] if cross else []):
            out += [(f'{prefix}.{ln}.weight', (n,), False), (f'{prefix}.{ln}.bias', (n,), False)]
        out += [
            (f'{prefix}.mlp.0.weight', (4 * n, n), True),
            (f'{prefix}.mlp.0.bias', (4 * n,), False),
            (f'{prefix}.mlp.2.weight', (n, 4 * n), True),
            (f'{prefix}.mlp.2.bias', (n,), False),
        ]
        for attn in ['attn'] + (['cross_attn'] if cross else []):
            out += [
                (f'{prefix}.{attn}.query.weight', (n, n), True),
                (f'{prefix}.{attn}.query.bias', (n,), False),
                (f'{prefix}.{attn}.key.weight', (n, n), True),
                (f'{prefix}.{attn}.value.weight', (n, n), True),
                (f'{prefix}.{attn}.value.bias', (n,), False),
                (f'{prefix}.{attn}.out.weight', (n, n), True),
                (f'{prefix}.{attn}.out.bias', (n,), False),
            ]
        return out

    for i in range(n_alayer):
        specs += block(f'encoder.blocks.{i}', n_astate, False)
    for i in range(n_tlayer):
        specs += block(f'decoder.blocks.{i}', n_tstate, True)
    return specs


def write_model(arch: str, out_path: str, seed: int) -> None:
    h = ARCHS[arch]
    rng = np.random.default_rng(seed)
    # One pool of random values, cycled through: the values do not matter for speed, and this keeps
    # writing 1.6 GB fast. Scale keeps activations finite through 32 layers.
    pool = (rng.standard_normal(1 << 22, dtype=np.float32) * 0.02).astype(np.float32)
    with open(out_path, 'wb') as f:
        f.write(struct.pack('i', 0x67676D6C))
        f.write(struct.pack('11i', *h, 1))  # ftype 1 = f16 weights
        n_mels = h[9]
        f.write(struct.pack('ii', n_mels, N_FFT_BINS))
        f.write(mel_filters(n_mels).tobytes())
        f.write(struct.pack('i', N_BASE_TOKENS))
        for i in range(N_BASE_TOKENS):
            word = (chr(32 + i % 95) if i < 256 else f'w{i}').encode()
            f.write(struct.pack('i', len(word)))
            f.write(word)
        offset = 0
        for name, shape, is_f16 in tensor_specs(h):
            count = int(np.prod(shape))
            if name.endswith('ln.weight') or name.endswith('_ln.weight') or name == 'encoder.ln_post.weight':
                data = np.ones(count, dtype=np.float32)
            else:
                idx = (np.arange(count, dtype=np.int64) + offset) % pool.size
                data = pool[idx]
                offset += 7919
            data = data.astype(np.float16 if is_f16 else np.float32)
            name_b = name.encode()
            f.write(struct.pack('iii', len(shape), len(name_b), 1 if is_f16 else 0))
            for d in reversed(shape):
                f.write(struct.pack('i', d))
            f.write(name_b)
            f.write(data.tobytes())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--arch', choices=sorted(ARCHS), default='large-v3-turbo')
    parser.add_argument('--out', required=True)
    parser.add_argument('--seed', type=int, default=0)
    args = parser.parse_args()
    write_model(args.arch, args.out, args.seed)
    print(f'wrote {args.out} ({args.arch}, random weights: speed-only)', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
