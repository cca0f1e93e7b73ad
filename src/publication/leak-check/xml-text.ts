/**
 * The text a reader sees in an XML part of a DOCX (or any Office file): the runs of a paragraph
 * joined, so a name Word split over several <w:r> runs («Ковал» + «енко», as it does at a
 * spelling mark or a change of formatting) reads whole; every other element's text on a line
 * of its own (docProps: creator, lastModifiedBy, title); and, after them, every attribute
 * value (w:author of a tracked change or comment, custom property names).
 */

export interface XmlText {
  text: string;
  /** For each UTF-16 unit of `text`, its offset in the XML. */
  origins: number[];
}

// Office markup (WordprocessingML, DrawingML, math, VML…): only the end of a block ends a line;
// runs, their properties and marks such as <w:proofErr/> sit inside a word.
const OFFICE_MARKUP = /^(?:w|w1\d|a|m|wp|wps|wpg|mc|v|o|r|pic|c|dgm|p|x)\d*:/;
const OFFICE_BLOCKS = new Set([
  'w:p', 'w:tc', 'w:tr', 'w:tbl', 'w:body', 'w:hdr', 'w:ftr', 'w:footnote', 'w:endnote', 'w:comment',
  'w:txbxContent', 'w:sectPr', 'a:p', 'm:oMathPara', 'w:document',
]); // prettier-ignore

function endsALine(name: string): boolean {
  return OFFICE_MARKUP.test(name) ? OFFICE_BLOCKS.has(name) : true;
}
const SPACE_LIKE = new Set(['w:tab', 'w:br', 'w:cr', 'a:br']);
const TAG =
  /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

// Font family names of the formatting (DrawingML typeface, w:rFonts, the font table), not text a
// reader sees: "Times New Roman" in every DOCX theme would otherwise name a soldier called Roman
// in every export. Only these attributes are passed over; a name in any other attribute is read.
const FONT_ATTRIBUTES = new Set(['typeface', 'w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs', 'w:cstheme']);
const FONT_NAME_ELEMENTS = new Set(['w:font', 'w:altName']);

function namesAFont(element: string, attribute: string): boolean {
  return FONT_ATTRIBUTES.has(attribute) || (FONT_NAME_ELEMENTS.has(element) && attribute === 'w:name');
}

export function xmlText(xml: string): XmlText {
  let text = '';
  const origins: number[] = [];
  const attributes: Array<{ value: string; at: number }> = [];
  const append = (piece: string, at: number, oneOrigin = false): void => {
    for (let i = 0; i < piece.length; i++) origins.push(oneOrigin ? at : at + i);
    text += piece;
  };
  let last = 0;
  for (let match = TAG.exec(xml); match; match = TAG.exec(xml)) {
    append(xml.slice(last, match.index), last);
    last = match.index + match[0].length;
    const [whole, closing, name, attributeText, selfClosing, cdata] = match;
    if (cdata !== undefined) {
      append(cdata, match.index + 9);
      continue;
    }
    if (!name) continue;
    if (attributeText) {
      const attributesAt = match.index + whole.indexOf(attributeText);
      for (const attribute of attributeText.matchAll(ATTRIBUTE)) {
        const value = attribute[2] ?? attribute[3] ?? '';
        if (value && !namesAFont(name, attribute[1]!))
          attributes.push({ value, at: attributesAt + attribute.index });
      }
    }
    if (SPACE_LIKE.has(name)) append(' ', match.index, true);
    else if ((closing || selfClosing) && endsALine(name) && text && !text.endsWith('\n')) {
      append('\n', match.index, true);
    }
  }
  append(xml.slice(last), last);
  for (const { value, at } of attributes) {
    append('\n', at, true);
    append(value, at, true);
  }
  origins.push(xml.length);
  return { text, origins };
}
