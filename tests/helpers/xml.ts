// A minimal, strict XML reader for tests: it walks the text character by character, checks that
// the document is well-formed (one root, balanced tags, quoted attributes, only the five named
// entities or numeric ones, no raw "<" or "&" in text) and returns a tree to query.
export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	text: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const isNameChar = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === ':' || c === '-' || c === '_' || c === '.';

export function parseXml(source: string): XmlElement {
	let i = 0;
	const fail = (why: string): never => {
		throw new Error(`${why} at offset ${i}: ${JSON.stringify(source.slice(Math.max(0, i - 20), i + 20))}`);
	};
	const name = () => {
		const start = i;
		while (i < source.length && isNameChar(source[i]!)) i++;
		if (i === start) fail('name expected');
		return source.slice(start, i);
	};
	const spaces = () => {
		while (source[i] === ' ' || source[i] === '\n' || source[i] === '\t' || source[i] === '\r') i++;
	};
	const decode = (end: string) => {
		let out = '';
		while (i < source.length && source[i] !== end) {
			const c = source[i]!;
			if (c === '<') fail('raw < in text');
			if (c === '&') {
				const semi = source.indexOf(';', i);
				if (semi < 0) fail('unterminated entity');
				const entity = source.slice(i + 1, semi);
				if (entity.startsWith('#x')) out += String.fromCodePoint(parseInt(entity.slice(2), 16));
				else if (entity.startsWith('#')) out += String.fromCodePoint(parseInt(entity.slice(1), 10));
				else if (entity in NAMED) out += NAMED[entity];
				else fail(`unknown entity &${entity};`);
				i = semi + 1;
			} else {
				out += c;
				i++;
			}
		}
		return out;
	};
	const element = (): XmlElement => {
		if (source[i] !== '<') fail('< expected');
		i++;
		const node: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
		for (;;) {
			spaces();
			if (source.startsWith('/>', i)) {
				i += 2;
				return node;
			}
			if (source[i] === '>') {
				i++;
				break;
			}
			const attribute = name();
			spaces();
			if (source[i] !== '=') fail('= expected');
			i++;
			spaces();
			const quote = source[i];
			if (quote !== '"' && quote !== "'") fail('quoted attribute value expected');
			i++;
			if (attribute in node.attributes) fail(`duplicate attribute ${attribute}`);
			node.attributes[attribute] = decode(quote!);
			i++;
		}
		for (;;) {
			if (i >= source.length) fail(`unclosed <${node.name}>`);
			if (source.startsWith('</', i)) {
				i += 2;
				if (name() !== node.name) fail(`mismatched </…> for <${node.name}>`);
				spaces();
				if (source[i] !== '>') fail('> expected');
				i++;
				return node;
			}
			if (source[i] === '<') node.children.push(element());
			else node.text += decode('<');
		}
	};
	if (source.startsWith('<?xml')) {
		const end = source.indexOf('?>');
		if (end < 0) fail('unterminated XML declaration');
		i = end + 2;
	}
	spaces();
	const root = element();
	spaces();
	if (i !== source.length) fail('content after the root element');
	return root;
}

export const childrenNamed = (node: XmlElement, name: string) => node.children.filter((c) => c.name === name);
export const childNamed = (node: XmlElement, name: string) => node.children.find((c) => c.name === name);
