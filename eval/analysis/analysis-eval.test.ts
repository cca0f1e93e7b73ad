import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { belowFloors, measuredFigures, suggestFloors, type Figures } from './floors.ts';
import { allDocuments, HELD_OUT_DIR, isHeldOutUkrainian, isPersonsOnly, loadLabelSets } from './labels.ts';

/**
 * Floors under the figures `npm run eval:analysis -- --floors` measured on the labelled development
 * set (0.02 under, rounded down). Raise them when the analyser improves; a regression fails here.
 * Measured 2026-11-23 14:34 UTC after the matcher and entity extraction were finished
 * (analyser earshot-analyser-1); violence, coercion, micro recall and intercepts raised after violent
 * verbs with named victims became violence against civilians (earshot-analyser-2, violence F1 0.92):
 * see eval/analysis/last-report.txt. Weapons, person, micro recall, intercepts and sentences raised
 * 2026-12-07 after issue 16 point 4 (earshot-analyser-3: shelling as soldiers say it, persons in
 * every case and by public surname; weapons F1 0.99, person F1 1.00).
 */
const FLOORS: Figures = {
  categoryF1: {
    casualties_killed: 0.95,
    casualties_wounded: 0.98,
    refusal_to_fight: 0.98,
    desertion: 0.98,
    execution_or_coercion: 0.9,
    violence_against_civilians_or_prisoners: 0.9,
    prison_recruitment: 0.91,
    // 0.978 since the Ukrainian sentences joined: «повістка до суду» (a court summons) is a hard negative.
    mobilisation: 0.95,
    supplies_and_conditions: 0.92,
    weapons_and_shelling: 0.97,
    morale: 0.91,
    slur_for_ukrainians: 0.98,
  },
  categoriesMicroPrecision: 0.97,
  categoriesMicroRecall: 0.92,
  entityF1: {
    person: 0.98,
    place: 0.92,
    unit: 0.98,
    phone: 0.98,
    call_sign: 0.94,
  },
  placeValueAccuracy: 0.98,
  casualtyFieldAccuracy: 0.97,
  subsetCategoryF1: {
    'demo, written': 0.95,
    'demo, spoken (ASR-style)': 0.95,
    'intercepts (real)': 0.94,
    'sentences (negatives and lower-case positives)': 0.96,
    // Ukrainian, surzhyk and Russian-lettered Ukrainian (labels/ukrainian.json), measured 0.97 with
    // earshot-analyser-3; written with the Ukrainian lexicon, so optimistic for unseen Ukrainian.
    'Ukrainian and surzhyk': 0.95,
  },
};

describe('analyser against the labelled development set', () => {
  it('runs on every document (Ukrainian included) and stays at or above every floor', () => {
    // The floors were measured before the persons set (labels/persons.json) joined; it has its own below.
    const docs = allDocuments(loadLabelSets()).filter((doc) => !isPersonsOnly(doc));
    const evaluation = evaluate(docs);
    expect(evaluation.errors).toEqual([]);
    expect(belowFloors(measuredFigures(evaluation), FLOORS)).toEqual([]);
    expect(evaluation.subsets.reduce((n, s) => n + s.documents, 0)).toBe(docs.length);
  });
});

/**
 * Person F1 on the persons development set (labels/persons.json, labelled before the analyser ran on
 * it): 0.98 measured 2026-12-07 after the rules of issue 16 point 4 (0.91 before them), floor 0.02 under.
 */
const PERSONS_SET_FLOOR = 0.96;

describe('analyser against the persons development set', () => {
  it('finds its persons, written and lower case, at or above the floor', () => {
    const docs = allDocuments(loadLabelSets()).filter(isPersonsOnly);
    const evaluation = evaluate(docs);
    expect(evaluation.errors).toEqual([]);
    const person = evaluation.entities.perClass.find((c) => c.cls === 'person');
    expect(person?.f1).toBeGreaterThanOrEqual(PERSONS_SET_FLOOR);
    // Only persons are scored there: nothing else it finds counts for or against the analyser.
    expect(evaluation.categories.micro.truePositives + evaluation.categories.micro.falsePositives).toBe(0);
    expect(evaluation.subsets.map((s) => s.name)).toEqual([
      'persons (development), written',
      'persons (development), spoken (lower case)',
    ]);
  });
});

/**
 * Micro F1 on the held-out set (labelled later, misses never listed), 0.02 under the measurement
 * (categories 0.905 with earshot-analyser-3, 0.874 with -2, 0.867 before; entities 0.783, 0.756 with
 * -2): the check on overfitting. Person F1 (0.774, 0.73 with -2) and weapons_and_shelling recall
 * (0.929, 0.57 with -2) are held too: issue 16 point 4 asked for them.
 */
const HELD_OUT_FLOORS = { categories: 0.88, entities: 0.76, personF1: 0.75, weaponsRecall: 0.9 };

describe('analyser against the held-out set', () => {
  // The floors were measured on the Russian held-out set; the Ukrainian documents are scored apart.
  const heldOut = allDocuments(loadLabelSets(HELD_OUT_DIR));

  it('runs on every document and stays at or above the held-out floors', () => {
    const docs = heldOut.filter((doc) => !isHeldOutUkrainian(doc));
    const evaluation = evaluate(docs);
    expect(evaluation.errors).toEqual([]);
    expect(evaluation.categories.micro.f1).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.categories);
    expect(evaluation.entities.micro.f1).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.entities);
    const person = evaluation.entities.perClass.find((c) => c.cls === 'person');
    expect(person?.f1).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.personF1);
    const weapons = evaluation.categories.perClass.find((c) => c.cls === 'weapons_and_shelling');
    expect(weapons?.recall).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.weaponsRecall);
    // Every held-out document sits in exactly one group of the grouped report.
    expect(evaluation.subsets.reduce((n, s) => n + s.documents, 0)).toBe(docs.length);
  });

  it('runs on every held-out Ukrainian document, each in one held-out Ukrainian group', () => {
    const docs = heldOut.filter(isHeldOutUkrainian);
    const evaluation = evaluate(docs);
    expect(evaluation.errors).toEqual([]);
    expect(docs.length).toBeGreaterThanOrEqual(80);
    expect(evaluation.subsets.map((s) => s.name)).toEqual([
      'held-out Ukrainian, written',
      'held-out Ukrainian, spoken (recogniser-style)',
    ]);
    expect(evaluation.subsets.reduce((n, s) => n + s.documents, 0)).toBe(docs.length);
  });
});

describe('floors', () => {
  const figures: Figures = {
    categoryF1: { casualties_killed: 0.9 },
    categoriesMicroPrecision: 0.95,
    categoriesMicroRecall: 0.8,
    entityF1: { place: 0.7 },
    placeValueAccuracy: 1,
    casualtyFieldAccuracy: 0.9,
    subsetCategoryF1: { 'demo, spoken (ASR-style)': 0.5 },
  };

  it('are suggested 0.02 under the measurement, rounded down', () => {
    expect(suggestFloors(figures)).toMatchObject({
      categoryF1: { casualties_killed: 0.88 },
      categoriesMicroRecall: 0.78,
      entityF1: { place: 0.68 },
      placeValueAccuracy: 0.98,
    });
  });

  it('name every figure that fell under its floor', () => {
    const worse = { ...figures, categoryF1: { casualties_killed: 0.5 }, placeValueAccuracy: 0.9 };
    expect(belowFloors(worse, suggestFloors(figures))).toEqual([
      'F1 casualties_killed: 0.500 < floor 0.88',
      'place value accuracy: 0.900 < floor 0.98',
    ]);
  });
});
