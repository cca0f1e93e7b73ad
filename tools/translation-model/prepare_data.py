"""Builds the parallel Russian→English text for the small test translation model.

Standard library only, so it runs on the development machine (no transformers there). Writes
tools/translation-model/data/{train,heldout}.jsonl and monolingual.txt (tokenizer corpus).

Sources:
- demo/ground-truth/*.json: every segment gives two pairs, the written form (`text`) and the
  ASR-like form (`spoken`: lower case, no punctuation), both with `translation_en`. Place
  annotations with an English `value` add word pairs (Харьковом → Kharkiv).
- ../shared/data/intercept-transcripts (MIT, github:SeTruphe/Radio-Analyzer): a clip's Russian
  turns and English lines are paired only when their counts match exactly; other clips feed the
  tokenizer corpus only, since guessing an alignment would teach wrong pairs.

The calls in HELDOUT_CALLS are kept out of training so tests can measure translation of
sentences the model has never seen.
"""

import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, '..', '..'))
GROUND_TRUTH = os.path.join(REPO, 'demo', 'ground-truth')
INTERCEPTS = os.path.abspath(os.path.join(REPO, '..', 'shared', 'data', 'intercept-transcripts', 'data', 'final'))
OUT = os.path.join(HERE, 'data')

# Three of the twenty demo calls (about 15% of segments), spread over speakers and years.
HELDOUT_CALLS = [
    '20230308_100217_+380713308251_+79226649180.json',
    '20240512_200733_+79024417730_+79024417791.json',
    'intercept_0019.json',
]


def demo_pairs():
    train, heldout = [], []
    for path in sorted(glob.glob(os.path.join(GROUND_TRUTH, '*.json'))):
        name = os.path.basename(path)
        call = json.load(open(path, encoding='utf-8'))
        target = heldout if name in HELDOUT_CALLS else train
        for lane in call['lanes']:
            for segment in lane['segments']:
                english = segment['translation_en']
                target.append({'ru': segment['text'], 'en': english, 'source': f'demo:{name}:text'})
                target.append({'ru': segment['spoken'], 'en': english, 'source': f'demo:{name}:spoken'})
                if target is train:
                    for note in segment.get('annotations', []):
                        if note.get('kind') == 'place' and note.get('value'):
                            train.append({'ru': note['surface'], 'en': note['value'], 'source': f'demo:{name}:place'})
    return train, heldout


def russian_turns(text):
    turns = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith('Model:') or stripped.startswith('#'):
            continue
        if re.match(r'^[xX]{5,}', stripped):
            break  # notes ("Bemerkung") follow a line of x's
        turns.append(re.sub(r'^-+\s*', '', stripped))
    return turns


def intercept_pairs():
    pairs, monolingual = [], []
    for folder in sorted(glob.glob(os.path.join(INTERCEPTS, '*', '*'))):
        russian = russian_turns(open(os.path.join(folder, 'transcript_original.txt'), encoding='utf-8').read())
        english_path = os.path.join(folder, 'translation_english.txt')
        english = [line.strip() for line in open(english_path, encoding='utf-8').read().splitlines() if line.strip()]
        monolingual.extend(russian)
        monolingual.extend(english)
        if len(russian) != len(english):
            continue
        clip = os.path.basename(folder)
        for ru, en in zip(russian, english):
            # Chunk-overlap fragments ("...интересам наших стран") are real pairs; keep them.
            if len(ru) <= 400 and len(en) <= 400:
                pairs.append({'ru': ru, 'en': en, 'source': f'intercepts:{clip}'})
    return pairs, monolingual


def write_jsonl(path, rows):
    with open(path, 'w', encoding='utf-8') as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + '\n')


def main():
    if not os.path.isdir(INTERCEPTS):
        sys.exit(f'Missing {INTERCEPTS}: the intercept transcripts are part of the shared data folder')
    os.makedirs(OUT, exist_ok=True)
    demo_train, heldout = demo_pairs()
    intercepts, monolingual = intercept_pairs()
    train = demo_train + intercepts
    write_jsonl(os.path.join(OUT, 'train.jsonl'), train)
    write_jsonl(os.path.join(OUT, 'heldout.jsonl'), heldout)
    # The tokenizer sees the training pairs and the unaligned intercept text, never the held-out calls.
    with open(os.path.join(OUT, 'monolingual.txt'), 'w', encoding='utf-8') as handle:
        for row in train:
            handle.write(row['ru'] + '\n' + row['en'] + '\n')
        for line in monolingual:
            handle.write(line + '\n')
    with open(os.path.join(OUT, 'split.json'), 'w', encoding='utf-8') as handle:
        json.dump({'heldoutCalls': HELDOUT_CALLS}, handle, indent=2)
        handle.write('\n')
    print(f'train pairs: {len(train)} (demo {len(demo_train)}, intercepts {len(intercepts)}); held out: {len(heldout)}')


if __name__ == '__main__':
    main()
