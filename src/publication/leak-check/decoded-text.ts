/**
 * Text as a reader of a file would see it after unescaping: JSON's \u0421 escapes, percent
 * encoding (%D0%A1) and XML character references (&#1057;). Each decoded character keeps the
 * offset it came from, so a hit in the decoded text is reported where it stands in the file.
 */

export interface DecodedText {
  text: string;
  /** For each UTF-16 unit of `text`, its offset in the original; one more entry for the end. */
  origins: number[];
}

const ESCAPE =
  /\\u([0-9a-fA-F]{4})|\\([nrtbf"\\/])|(?:%[0-9a-fA-F]{2})+|&#(?:x([0-9a-fA-F]+)|(\d+));|&(lt|gt|amp|quot|apos);/g;
const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  '\\': '\\',
  '/': '/',
};
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeOne(match: RegExpExecArray): string {
  const [whole, unicode, simple, hex, decimal, named] = match;
  if (unicode) return String.fromCharCode(parseInt(unicode, 16));
  if (simple) return SIMPLE_ESCAPES[simple]!;
  if (hex || decimal) {
    const code = hex ? parseInt(hex, 16) : Number(decimal);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  if (named) return NAMED_ENTITIES[named]!;
  const bytes = Buffer.from(whole.replace(/%/g, ''), 'hex');
  return bytes.toString('utf8');
}

/** The unescaped text, or undefined when the text holds no escape at all. */
export function decodeEscapes(text: string): DecodedText | undefined {
  ESCAPE.lastIndex = 0;
  if (!ESCAPE.test(text)) return undefined;
  ESCAPE.lastIndex = 0;
  let out = '';
  const origins: number[] = [];
  let last = 0;
  for (let match = ESCAPE.exec(text); match; match = ESCAPE.exec(text)) {
    for (let i = last; i < match.index; i++) origins.push(i);
    out += text.slice(last, match.index);
    const decoded = decodeOne(match);
    for (let i = 0; i < decoded.length; i++) origins.push(match.index);
    out += decoded;
    last = match.index + match[0].length;
  }
  for (let i = last; i < text.length; i++) origins.push(i);
  out += text.slice(last);
  origins.push(text.length);
  return { text: out, origins };
}
