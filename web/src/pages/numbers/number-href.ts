import { hrefFor } from '../../router.ts';

/** The desk's page of a number (E.164): #/numbers/%2B380501734482. */
export function numberHref(number: string): string {
  return hrefFor(`numbers/${encodeURIComponent(number)}`);
}
