"""Trains the small Russian→English MarianMT test model and exports it for transformers.js.

Run on a machine with Python transformers, torch, tokenizers, onnx and onnxruntime (the GPU
machine; CPU works too, only slower). Data comes from prepare_data.py (run that first, it needs
only the standard library):

    python3 tools/translation-model/prepare_data.py
    python3 tools/translation-model/train.py --out /tmp/marian-ru-en-test

The folder it writes is the layout transformers.js loads for a Marian seq2seq pipeline
(config.json, generation_config.json, tokenizer.json, tokenizer_config.json,
onnx/encoder_model[_quantized].onnx, onnx/decoder_model_merged[_quantized].onnx) plus
earshot-model.json (languages, default dtype) and training-report.json (measured scores).

The ONNX graphs are traced from onnx_export.py's explicit re-statement of the Marian forward
pass, which is checked against the Hugging Face model's logits before export (see
export_checks in training-report.json).
"""

import argparse
import copy
import json
import math
import os
import random
import shutil
import sys
import time

import torch
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
from transformers import MarianConfig, MarianMTModel

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chrf import corpus_chrf  # noqa: E402
from onnx_export import export_onnx, ort_greedy_translate, verify_wrapper  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, 'data')
MODEL_NAME = 'marian-ru-en-test'


def read_jsonl(path):
    with open(path, encoding='utf-8') as handle:
        return [json.loads(line) for line in handle if line.strip()]


def train_tokenizer(vocab_size):
    lines = [line.rstrip('\n') for line in open(os.path.join(DATA, 'monolingual.txt'), encoding='utf-8')]
    tokenizer = Tokenizer(models.Unigram())
    tokenizer.normalizer = normalizers.NFKC()
    # SentencePiece-style word boundaries, as in the opus-mt tokenizers.
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement='▁', prepend_scheme='always')
    tokenizer.decoder = decoders.Metaspace(replacement='▁', prepend_scheme='always')
    trainer = trainers.UnigramTrainer(
        vocab_size=vocab_size,
        special_tokens=['</s>', '<unk>', '<pad>'],
        unk_token='<unk>',
        max_piece_length=16,
    )
    tokenizer.train_from_iterator(lines, trainer)
    eos = tokenizer.token_to_id('</s>')
    tokenizer.post_processor = processors.TemplateProcessing(
        single='$A </s>', pair='$A $B </s>', special_tokens=[('</s>', eos)]
    )
    return tokenizer


def batches(rows, batch_size, shuffle):
    order = list(range(len(rows)))
    if shuffle:
        random.shuffle(order)
    for start in range(0, len(order), batch_size):
        yield [rows[i] for i in order[start : start + batch_size]]


def pad(sequences, value):
    width = max(len(s) for s in sequences)
    return torch.tensor([s + [value] * (width - len(s)) for s in sequences], dtype=torch.long)


def encode_pairs(tokenizer, rows, max_len):
    encoded = []
    for row in rows:
        source = tokenizer.encode(row['ru']).ids[:max_len]
        target = tokenizer.encode(row['en']).ids[:max_len]
        encoded.append({'src': source, 'tgt': target})
    return encoded


def train(model, encoded, ids, args, device):
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01, betas=(0.9, 0.98))
    warmup = 200

    def schedule(step):
        return min(1.0, (step + 1) / warmup) * max(0.05, 1.0 - step / args.steps)

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100, label_smoothing=0.1)
    model.train()
    step, started, last_loss = 0, time.time(), float('nan')
    while step < args.steps and time.time() - started < args.max_seconds:
        for batch in batches(encoded, args.batch_size, shuffle=True):
            input_ids = pad([b['src'] for b in batch], ids['pad']).to(device)
            attention_mask = (input_ids != ids['pad']).long()
            labels = pad([b['tgt'] for b in batch], -100).to(device)
            # Marian starts decoding from the pad token.
            decoder_input_ids = torch.cat(
                [torch.full((labels.shape[0], 1), ids['pad'], device=device), labels[:, :-1]], dim=1
            )
            decoder_input_ids = decoder_input_ids.masked_fill(decoder_input_ids == -100, ids['pad'])
            logits = model(
                input_ids=input_ids, attention_mask=attention_mask, decoder_input_ids=decoder_input_ids
            ).logits
            loss = loss_fn(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1))
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            step += 1
            last_loss = loss.item()
            if step % 500 == 0:
                print(f'step {step} loss {last_loss:.3f} ({time.time() - started:.0f}s)', flush=True)
            if step >= args.steps:
                break
    return {'steps': step, 'seconds': round(time.time() - started, 1), 'final_loss': round(last_loss, 4)}


def write_model_folder(out, model, tokenizer, ids, vocab_size):
    os.makedirs(os.path.join(out, 'onnx'), exist_ok=True)
    config = model.config.to_dict()
    config['architectures'] = ['MarianMTModel']
    with open(os.path.join(out, 'config.json'), 'w') as handle:
        json.dump(config, handle, indent=2, sort_keys=True, default=str)
    generation = {
        'bad_words_ids': [[ids['pad']]],
        'bos_token_id': ids['eos'],
        'decoder_start_token_id': ids['pad'],
        'eos_token_id': ids['eos'],
        'forced_eos_token_id': ids['eos'],
        'max_length': 128,
        'num_beams': 1,
        'pad_token_id': ids['pad'],
    }
    with open(os.path.join(out, 'generation_config.json'), 'w') as handle:
        json.dump(generation, handle, indent=2)
    tokenizer.save(os.path.join(out, 'tokenizer.json'))
    with open(os.path.join(out, 'tokenizer_config.json'), 'w') as handle:
        json.dump(
            {
                'tokenizer_class': 'MarianTokenizer',
                'eos_token': '</s>',
                'unk_token': '<unk>',
                'pad_token': '<pad>',
                'model_max_length': 256,
                'source_lang': 'ru',
                'target_lang': 'en',
            },
            handle,
            indent=2,
        )
    with open(os.path.join(out, 'earshot-model.json'), 'w') as handle:
        json.dump(
            {
                'name': MODEL_NAME,
                'task': 'translation',
                'engine': 'transformers.js',
                'architecture': 'MarianMTModel',
                'sourceLanguages': ['ru'],
                'targetLanguage': 'en',
                'dtype': 'q8',
                'purpose': 'Test fixture: trained on the synthetic demo corpus only; not for real use.',
                'vocabSize': vocab_size,
            },
            handle,
            indent=2,
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--out', required=True)
    parser.add_argument('--vocab-size', type=int, default=4000)
    parser.add_argument('--d-model', type=int, default=256)
    parser.add_argument('--layers', type=int, default=3)
    parser.add_argument('--steps', type=int, default=6000)
    parser.add_argument('--max-seconds', type=float, default=200)
    parser.add_argument('--batch-size', type=int, default=32)
    parser.add_argument('--lr', type=float, default=7e-4)
    parser.add_argument('--seed', type=int, default=7)
    parser.add_argument('--checkpoint', help='also save the trained PyTorch model and tokenizer here')
    parser.add_argument('--resume', help='skip training: load a folder written by --checkpoint')
    args = parser.parse_args()
    print(f"torch {torch.__version__}, transformers {__import__('transformers').__version__}", flush=True)
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    started = time.time()

    train_rows = read_jsonl(os.path.join(DATA, 'train.jsonl'))
    heldout_rows = read_jsonl(os.path.join(DATA, 'heldout.jsonl'))
    tokenizer = Tokenizer.from_file(os.path.join(args.resume, 'tokenizer.json')) if args.resume else train_tokenizer(args.vocab_size)
    vocab_size = tokenizer.get_vocab_size()
    ids = {name: tokenizer.token_to_id(token) for name, token in [('eos', '</s>'), ('unk', '<unk>'), ('pad', '<pad>')]}
    print(f'tokenizer: {vocab_size} pieces, special ids {ids}', flush=True)

    config = MarianConfig(
        vocab_size=vocab_size,
        decoder_vocab_size=vocab_size,
        d_model=args.d_model,
        encoder_layers=args.layers,
        decoder_layers=args.layers,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=args.d_model * 4,
        decoder_ffn_dim=args.d_model * 4,
        max_position_embeddings=256,
        activation_function='swish',
        dropout=0.15,
        attention_dropout=0.05,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
        pad_token_id=ids['pad'],
        eos_token_id=ids['eos'],
        bos_token_id=ids['eos'],
        decoder_start_token_id=ids['pad'],
        forced_eos_token_id=ids['eos'],
        is_encoder_decoder=True,
    )
    if args.resume:
        model = MarianMTModel.from_pretrained(args.resume).float()
        training = json.load(open(os.path.join(args.resume, 'training.json')))
    else:
        model = MarianMTModel(config).to(device)
        encoded = encode_pairs(tokenizer, train_rows, max_len=128)
        training = train(model, encoded, ids, args, device)
    parameters = sum(p.numel() for p in model.parameters())
    print(f'model: {parameters / 1e6:.2f}M parameters on {device}; training: {training}', flush=True)
    if args.checkpoint:
        # Half precision keeps the checkpoint under the device machine's 16 MiB per-file return limit.
        copy.deepcopy(model).to('cpu').half().save_pretrained(args.checkpoint)
        tokenizer.save(os.path.join(args.checkpoint, 'tokenizer.json'))
        with open(os.path.join(args.checkpoint, 'training.json'), 'w') as handle:
            json.dump(training, handle)

    model = model.to('cpu').eval()
    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    write_model_folder(out, model, tokenizer, ids, vocab_size)
    checks = verify_wrapper(model, tokenizer, ids, [r['ru'] for r in heldout_rows[:4]])
    print(f'wrapper checks: {checks}', flush=True)
    files = export_onnx(model, os.path.join(out, 'onnx'))
    print(f'exported: {files}', flush=True)

    scores = {}
    samples = {}
    train_eval = [r for r in train_rows if r['source'].startswith('demo:') and ':place' not in r['source']][::5]
    for dtype, suffix in [('fp32', ''), ('q8', '_quantized')]:
        for split, rows in [('heldout', heldout_rows), ('train_demo_sample', train_eval)]:
            hypotheses = ort_greedy_translate(
                os.path.join(out, 'onnx'), suffix, tokenizer, ids, [r['ru'] for r in rows], max_new_tokens=64
            )
            scores[f'{dtype}_{split}_chrf'] = round(corpus_chrf(hypotheses, [r['en'] for r in rows]), 2)
            samples[f'{dtype}_{split}'] = [
                {'ru': r['ru'], 'reference': r['en'], 'hypothesis': h} for r, h in list(zip(rows, hypotheses))[:6]
            ]
    print(f'scores: {scores}', flush=True)
    print(json.dumps(samples['q8_heldout'], ensure_ascii=False, indent=1), flush=True)

    report = {
        'model': MODEL_NAME,
        'parameters': parameters,
        'vocab_size': vocab_size,
        'config': {k: getattr(args, k) for k in ['vocab_size', 'd_model', 'layers', 'steps', 'batch_size', 'lr', 'seed']},
        'data': {'train_pairs': len(train_rows), 'heldout_pairs': len(heldout_rows)},
        'training': training,
        'export_checks': checks,
        'onnx_files': files,
        'chrf_onnxruntime_greedy': scores,
        'samples': samples,
        'versions': {'torch': torch.__version__, 'transformers': __import__('transformers').__version__},
        'total_seconds': round(time.time() - started, 1),
    }
    with open(os.path.join(out, 'training-report.json'), 'w') as handle:
        json.dump(report, handle, indent=2, ensure_ascii=False)


if __name__ == '__main__':
    main()
