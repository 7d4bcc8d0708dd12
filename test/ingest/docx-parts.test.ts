/**
 * The strict well-formedness check of the direct .docx reader (src/core/ingest/docx-parts.ts):
 * parseWellFormed, which builds a part's tree and checks it in one tokenization, refuses exactly
 * what wellFormed refuses, and its tree is the one parseDocument builds.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseWellFormed, wellFormed } from '../../src/core/ingest/docx-parts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${W}><w:body>${body}</w:body></w:document>`;

const ACCEPTED = [
  doc(''),
  doc(
    '<w:p><w:r><w:t xml:space="preserve"> 甲 &amp; 乙 &lt;&gt;&quot;&apos;&#20108;&#x4E09; </w:t></w:r></w:p>',
  ),
  doc("<w:p w:rsidR='00AB'><w:r/><w:r><w:tab/></w:r></w:p>"),
  `${doc('')}\r\n`,
  '<a/>',
  '<?xml version="1.0"?><a b="/"><b c="&#47;&gt;"/></a>',
];

const REFUSED: [string, string][] = [
  ['an unclosed element', doc('<w:p>')],
  ['a stray end tag', doc('</w:r>')],
  ['mismatched end tags', doc('<w:p><w:r></w:p></w:r>')],
  ['an undefined entity', doc('<w:p>&nbsp;</w:p>')],
  ['a bare ampersand', doc('<w:p>甲&乙</w:p>')],
  ['an unquoted attribute', doc('<w:p w:rsidR=00AB></w:p>')],
  ['an attribute without a value', doc('<w:p hidden></w:p>')],
  ['a duplicate attribute', doc('<w:p a="1" a="2"></w:p>')],
  ['"/>" in text', doc('<w:p>甲/>乙</w:p>')],
  ['two roots', `${doc('')}<w:document/>`],
  ['no root', '<?xml version="1.0"?>'],
  ['text outside the root', `${doc('')}甲`],
  ['an entity outside the root', `${doc('')}&#32;`],
  ['an entity before the root', `&#x20;<a/>`],
  ['a comment', doc('<!-- 甲 -->')],
  ['CDATA', doc('<w:p><![CDATA[甲]]></w:p>')],
  ['a DOCTYPE', `<!DOCTYPE a><a/>`],
  ['a truncated part', doc('<w:p><w:r><w:t>甲</w:t></w:r></w:p>').slice(0, -20)],
];

const tree = (xml: string): string =>
  DomUtils.getOuterHTML(parseDocument(xml, { xmlMode: true, decodeEntities: true }), {
    xmlMode: true,
    decodeEntities: false,
  });

describe('strict well-formedness in the tokenization that builds the tree', () => {
  it('accepts well-formed parts, with the tree parseDocument builds', () => {
    for (const xml of ACCEPTED) {
      expect(wellFormed(xml)).toBe(true);
      const parsed = parseWellFormed(xml);
      expect(parsed).not.toBeNull();
      if (parsed)
        expect(DomUtils.getOuterHTML(parsed, { xmlMode: true, decodeEntities: false })).toBe(
          tree(xml),
        );
    }
  });

  for (const [what, xml] of REFUSED)
    it(`refuses ${what}, as the check alone does`, () => {
      expect(wellFormed(xml)).toBe(false);
      expect(parseWellFormed(xml)).toBeNull();
    });
});
