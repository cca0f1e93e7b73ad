import { describe, expect, it } from 'vitest';
import { chooseCandidatePlan, type PlanInputs } from './search-plan.ts';

// Shapes of the 100k-call bench corpus: 5M segments, 50 per transcript, a sample of 600 rows.
const corpus: PlanInputs = {
  sampleRows: 600,
  sampleMatches: 0,
  lexemeFrequency: 0,
  tableRows: 5_000_000,
  rowsPerTranscript: 50,
  scopeTranscripts: null,
  candidateLimit: 1000,
  phrase: false,
};

describe('chooseCandidatePlan', () => {
  it('reads a term the sample never saw through the index, with or without filters', () => {
    expect(chooseCandidatePlan(corpus)).toBe('index');
    expect(chooseCandidatePlan({ ...corpus, scopeTranscripts: 3000 })).toBe('index');
  });

  it('reads an empty or unanalysed table through the index', () => {
    expect(chooseCandidatePlan({ ...corpus, sampleRows: 0, tableRows: 0 })).toBe('index');
  });

  it('scans for a common phrase, whose index entries cost as much as rows', () => {
    // «груз 200»: 8% of segments; collecting 400k entries would take far longer than reading 12.5k rows.
    expect(chooseCandidatePlan({ ...corpus, sampleMatches: 48, phrase: true })).toBe('scan');
  });

  it('keeps the index for a word in 2% of segments, where a scan would read 50k rows', () => {
    expect(chooseCandidatePlan({ ...corpus, sampleMatches: 12 })).toBe('index');
  });

  it('trusts the statistics over a sample that found a common word too seldom', () => {
    // `Kharkiv` at 100k calls: 14 of 627 sampled segments (2%), in 4.9% of the table; the index
    // would collect 250k entries (300 ms measured) where a scan reads 20k rows.
    const kharkiv = { ...corpus, sampleRows: 627, sampleMatches: 14 };
    expect(chooseCandidatePlan(kharkiv)).toBe('index');
    expect(chooseCandidatePlan({ ...kharkiv, lexemeFrequency: 0.049 })).toBe('scan');
    expect(chooseCandidatePlan({ ...kharkiv, sampleMatches: 0, lexemeFrequency: 0.049 })).toBe('scan');
    // A floor only: a sample that found more wins.
    expect(chooseCandidatePlan({ ...corpus, sampleMatches: 150, lexemeFrequency: 0.001 })).toBe('scan');
  });

  it('scans for a word in a quarter of the segments', () => {
    expect(chooseCandidatePlan({ ...corpus, sampleMatches: 150 })).toBe('scan');
  });

  it('reads a small scope first when the term is common', () => {
    expect(chooseCandidatePlan({ ...corpus, sampleMatches: 60, scopeTranscripts: 3500 })).toBe('scope-first');
    // A single call: its 50 segments beat any other plan.
    expect(chooseCandidatePlan({ ...corpus, sampleMatches: 4, scopeTranscripts: 1 })).toBe('scope-first');
  });

  it('reads the scope first for a word in 5% of segments within a tenth of the calls', () => {
    // The 10k-call corpus: the index would collect 25k entries and read 10k scattered matches to
    // find 1,000 in scope (53 ms measured); scope first reads 20k rows in call order.
    expect(
      chooseCandidatePlan({ ...corpus, tableRows: 505_000, sampleMatches: 30, scopeTranscripts: 1000 }),
    ).toBe('scope-first');
  });

  it('does not read a scope first when the term is too rare to be found in it quickly', () => {
    // Two matches in 600 sampled rows: ~17k in the table, reachable through the index; scope first
    // would read all 500k segments of 10k transcripts.
    expect(chooseCandidatePlan({ ...corpus, sampleMatches: 2, scopeTranscripts: 10_000 })).toBe('index');
  });
});
