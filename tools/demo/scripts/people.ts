import type { Party } from './types.ts';

// The invented cast. A person keeps one number, one speaker id and one espeak-ng voice in every
// call, so the corpus can test "same voice / same number across files". All numbers are made up.

interface Person {
  e164: string;
  speaker: string;
  voice: string;
}

const cast = {
  // Soldiers (mostly on Ukrainian SIM cards, as in the published intercepts).
  dmitry: { e164: '+380501734482', speaker: 'soldier-dmitry-samoylov', voice: 'ru+m3' },
  artyom: { e164: '+380672205916', speaker: 'soldier-artyom-belov', voice: 'ru+m1' },
  maksim: { e164: '+380958113470', speaker: 'soldier-maksim-gordeev', voice: 'ru' },
  sergey: { e164: '+79024417730', speaker: 'soldier-sergey-kuznetsov', voice: 'ru+klatt' },
  sergeyLnr: { e164: '+380721560384', speaker: 'soldier-sergey-kuznetsov', voice: 'ru+klatt' },
  roman: { e164: '+380713308251', speaker: 'soldier-roman-tikhonov', voice: 'ru+m7' },
  ilya: { e164: '+79512896604', speaker: 'soldier-ilya-zaytsev', voice: 'ru+Alex' },
  kirill: { e164: '+79148830217', speaker: 'soldier-kirill-lebedev', voice: 'ru+m5' },
  // Families and friends at home in Russia.
  galina: { e164: '+79161234567', speaker: 'mother-galina-samoylova', voice: 'ru+f2' },
  oksana: { e164: '+79857702419', speaker: 'wife-oksana-samoylova', voice: 'ru+f4' },
  marina: { e164: '+79203316845', speaker: 'wife-marina-belova', voice: 'ru+f1' },
  zhenya: { e164: '+79106650932', speaker: 'friend-zhenya-orlov', voice: 'ru+m5' },
  pavel: { e164: '+79087781263', speaker: 'brother-pavel-gordeev', voice: 'ru+m1' },
  nina: { e164: '+79503348817', speaker: 'mother-nina-kuznetsova', voice: 'ru+f1' },
  lena: { e164: '+79627015538', speaker: 'wife-lena-kuznetsova', voice: 'ru+f2' },
  lyudmila: { e164: '+79226649105', speaker: 'mother-lyudmila-tikhonova', voice: 'ru+f4' },
  olya: { e164: '+79226649180', speaker: 'sister-olya-tikhonova', voice: 'ru+f2' },
  vera: { e164: '+79519934021', speaker: 'wife-vera-zaytseva', voice: 'ru+f1' },
  anton: { e164: '+79512270688', speaker: 'brother-anton-zaytsev', voice: 'ru+m3' },
  svetlana: { e164: '+79143382790', speaker: 'mother-svetlana-lebedeva', voice: 'ru+f2' },
  denis: { e164: '+79241187456', speaker: 'brother-denis-lebedev', voice: 'ru+m7' },
  igor: { e164: '+79024417791', speaker: 'brother-igor-kuznetsov', voice: 'ru+m1' },
  tamara: { e164: '+79087790021', speaker: 'mother-tamara-gordeeva', voice: 'ru+f4' },
} satisfies Record<string, Person>;

export type CastName = keyof typeof cast;

/** A cast member as a call party, with the number written as this call's record writes it. */
export function as(name: CastName, csv: string): Party {
  return { ...cast[name], csv };
}
