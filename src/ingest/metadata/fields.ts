/** The call fields Earshot understands, from a sidecar row or a file name. */
export const CALL_FIELDS = [
  'file',
  'caller',
  'callee',
  'start',
  'date',
  'time',
  'timezone',
  'duration',
  'cell',
  'location',
  'source',
  'batch',
] as const;
export type CallField = (typeof CALL_FIELDS)[number];

export function isCallField(name: string): name is CallField {
  return (CALL_FIELDS as readonly string[]).includes(name);
}

/** Raw text values of one call, by field, plus every other column as found. */
export interface RawCallRecord {
  fields: Partial<Record<CallField, string>>;
  extra: Record<string, string>;
  /** Where the values came from, for warnings: `calls.csv row 5` or `file name`. */
  origin: string;
}
