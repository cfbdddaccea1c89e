// XML in tests is read by two published libraries, each catching what the other lets through:
// fast-xml-parser's validator refuses a raw "&" or "<" in text and unbalanced or badly quoted tags;
// @xmldom/xmldom, stopped at its first warning, refuses unknown entities and a second root element,
// and gives the DOM the assertions query. A feed or sitemap the tests can read is well-formed XML.
import { DOMParser, onWarningStopParsing, type Element } from '@xmldom/xmldom';
import { XMLValidator } from 'fast-xml-parser';

export type { Element };

/** The document element of `source`; throws when the text is not well-formed XML. */
export function parseXml(source: string): Element {
	const verdict = XMLValidator.validate(source);
	if (verdict !== true) throw new Error(`${verdict.err.msg} (line ${verdict.err.line}, column ${verdict.err.col})`);
	const root = new DOMParser({ onError: onWarningStopParsing }).parseFromString(source, 'application/xml').documentElement;
	if (!root) throw new Error('no root element');
	return root;
}

/** The child elements of `node` with this local name (in whatever namespace the document uses). */
export const childrenNamed = (node: Element, name: string): Element[] =>
	Array.from(node.childNodes).filter((child): child is Element => child.nodeType === child.ELEMENT_NODE && (child as Element).localName === name);

export const childNamed = (node: Element, name: string): Element | undefined => childrenNamed(node, name)[0];
