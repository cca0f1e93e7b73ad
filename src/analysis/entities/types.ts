/**
 * Entities found in transcript text. Offsets are JavaScript string indices (UTF-16 code units)
 * into the exact text analysed, half-open `[start, end)`, so the desk can highlight and redact them.
 */
export type EntityKind = 'person' | 'place' | 'unit' | 'phone' | 'call_sign';

/** A settlement or region from the committed GeoNames-derived gazetteer. */
export interface Place {
  /** GeoNames id as a string. */
  id: string;
  nameEn: string;
  nameRu: string;
  nameUk?: string;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  admin1?: string;
  lat: number;
  lon: number;
  population?: number;
}

export interface Entity {
  kind: EntityKind;
  start: number;
  end: number;
  surface: string;
  /**
   * Normalised value: person 'Дмитрий' / 'Самойлов Дмитрий'; place canonical English name;
   * unit 'в/ч 12345' / '237-й полк'; phone E.164 '+79161234567'; call sign 'Гром'.
   */
  value: string;
  confidence: number;
  /** Which rule fired, e.g. 'place:preposition', 'phone:spoken'. */
  rule: string;
  /** Only for kind 'place'. */
  place?: Place;
}
