"""Corpus-level chrF (character n-grams 1..6, beta 2, whitespace removed), following sacrebleu's chrF2
(precision and recall averaged over the orders present, then the F-score).

src/translation/chrf.ts computes the same figure, so the score measured after training and the
score asserted in the tests are comparable.
"""

from collections import Counter

ORDER = 6
BETA = 2.0


def _ngrams(text, n):
    chars = ''.join(text.split())
    return Counter(chars[i : i + n] for i in range(len(chars) - n + 1))


def corpus_chrf(hypotheses, references):
    matches = [0] * ORDER
    hyp_totals = [0] * ORDER
    ref_totals = [0] * ORDER
    for hypothesis, reference in zip(hypotheses, references):
        for n in range(1, ORDER + 1):
            hyp, ref = _ngrams(hypothesis, n), _ngrams(reference, n)
            matches[n - 1] += sum((hyp & ref).values())
            hyp_totals[n - 1] += sum(hyp.values())
            ref_totals[n - 1] += sum(ref.values())
    precision = recall = 0.0
    orders = 0
    for n in range(ORDER):
        if hyp_totals[n] == 0 or ref_totals[n] == 0:
            continue
        precision += matches[n] / hyp_totals[n]
        recall += matches[n] / ref_totals[n]
        orders += 1
    if orders == 0:
        return 0.0
    precision /= orders
    recall /= orders
    if precision + recall == 0:
        return 0.0
    beta2 = BETA * BETA
    return 100.0 * (1 + beta2) * precision * recall / (beta2 * precision + recall)
