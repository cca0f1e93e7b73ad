import { describe, expect, it } from 'vitest';
import { decodeEscapes } from './decoded-text.ts';
import { phonePatternHits } from './leak-hit.ts';
import { xmlText } from './xml-text.ts';

describe('phonePatternHits', () => {
  it('finds numbers of seven or more digits in any grouping', () => {
    const text = 'звони 8 (916) 550-31-72 или +380 67 220 59 16, а также 89085553311';
    expect(phonePatternHits(text).map((hit) => hit.matched)).toEqual([
      '8 (916) 550-31-72',
      '+380 67 220 59 16',
      '89085553311',
    ]);
  });

  it('leaves dates, times, hashes, timestamps and sizes alone', () => {
    const text =
      '{"at": "2026-12-07T07:26:39.123Z", "sha256": "9a1234567890b1f2", "size": 10584320, ' +
      '"time": "00:00:01,000 --> 00:00:03,500", "unix": 1796000000}';
    expect(phonePatternHits(text)).toEqual([]);
  });
});

describe('xmlText', () => {
  it('joins the runs of a paragraph across spelling marks and formatting', () => {
    const xml =
      '<w:p><w:r><w:t>Говорит </w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr>' +
      '<w:t>Ковал</w:t></w:r><w:r><w:t>енко</w:t></w:r><w:proofErr w:type="spellEnd"/></w:p><w:p><w:r><w:t>Дальше</w:t></w:r></w:p>';
    expect(xmlText(xml).text.split('\n').slice(0, 2)).toEqual(['Говорит Коваленко', 'Дальше']);
  });

  it('keeps element text apart and adds attribute values, with their offsets', () => {
    const xml =
      '<cp:coreProperties><dc:creator>Иван</dc:creator><dc:title>Петров</dc:title><w:ins w:author="Сидоров"/></cp:coreProperties>';
    const view = xmlText(xml);
    expect(view.text.split('\n').filter(Boolean)).toEqual(['Иван', 'Петров', 'Сидоров']);
    const at = view.text.indexOf('Петров');
    expect(xml.slice(view.origins[at], view.origins[at]! + 6)).toBe('Петров');
  });

  it('passes over font family names of the formatting, and reads the same name anywhere else', () => {
    // Every DOCX theme names "Times New Roman"; a soldier called Roman must not block every export.
    const xml =
      '<a:latin typeface="Times New Roman"/><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>' +
      '<w:font w:name="Times New Roman"/><w:ins w:author="Roman"/><w:t>Roman</w:t>';
    const lines = xmlText(xml).text.split('\n').filter(Boolean);
    expect(lines).toEqual(['Roman', 'Roman']);
  });
});

describe('decodeEscapes', () => {
  it('decodes JSON, percent and XML escapes and maps back to the original offsets', () => {
    const text = 'a \\u0414\\u0438\\u043c\\u0430 b %D0%94%D0%B8 c &#1044;&#x438; d';
    const decoded = decodeEscapes(text)!;
    expect(decoded.text).toBe('a Дима b Ди c Ди d');
    expect(decoded.origins[decoded.text.indexOf('Ди', 7)]).toBe(text.indexOf('%D0'));
    expect(decodeEscapes('plain text')).toBeUndefined();
  });
});
