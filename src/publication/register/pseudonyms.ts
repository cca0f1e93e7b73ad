import type { ProtectedKind } from '../protected-identity.ts';

/**
 * The pseudonyms the register gives when a person gives none: persons are "Soldier A",
 * "Soldier B" … "Soldier Z", "Soldier AA"; everything else is numbered per kind ("Number 1",
 * "Place 2"). The n-th entry of a kind in a collection gets the n-th name, so a register built in
 * the same order names the same way; a name already used in the collection is skipped.
 */
const NUMBERED_BASE: Record<Exclude<ProtectedKind, 'person'>, string> = {
  call_sign: 'Call sign',
  phone: 'Number',
  unit: 'Unit',
  place: 'Place',
  cell_id: 'Cell',
  voice: 'Voice',
};

/** 1 → A, 26 → Z, 27 → AA (spreadsheet columns). */
export function letters(n: number): string {
  let rest = n;
  let out = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    out = String.fromCharCode(65 + digit) + out;
    rest = Math.floor((rest - 1) / 26);
  }
  return out;
}

/** The default pseudonym of the n-th entry (1-based) of a kind. */
export function defaultPseudonym(kind: ProtectedKind, n: number): string {
  if (kind === 'person') return `Soldier ${letters(n)}`;
  return `${NUMBERED_BASE[kind]} ${n}`;
}

/** How pseudonyms are compared: case and spacing do not make a name new. */
export function pseudonymKey(pseudonym: string): string {
  return pseudonym.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A pseudonym as stored: trimmed, single spaces. */
export function tidyPseudonym(pseudonym: string): string {
  return pseudonym.trim().replace(/\s+/g, ' ');
}
