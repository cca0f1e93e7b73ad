/**
 * The segment editor shows times to the hundredth of a second; the stored ones are finer (the
 * recogniser's millisecond). A field left as shown keeps the stored time exactly, so that a
 * text-only edit moves no boundary (and the diff reports none); a field someone changed is taken
 * as typed.
 */
export function shownSeconds(seconds: number): string {
  return seconds.toFixed(2);
}

export function editedSeconds(stored: number, field: string): number {
  return field.trim() === shownSeconds(stored) ? stored : Number(field);
}
