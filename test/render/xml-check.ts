// A small well-formedness check for the markup the renderers write (SVG files, and fragments, which are XML-clean
// too): balanced tags, quoted and unrepeated attributes, known entities, one root. It returns what it parsed, so
// tests can also ask which elements and attributes occur at all.

export interface ParsedElement {
    name: string;
    attributes: Map<string, string>;
    /** Text directly inside, entities decoded. */
    text: string;
}

const name = '[A-Za-z_][-A-Za-z0-9_.:]*';
const entity = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;

function decode(text: string, where: number): string {
    for (let index = text.indexOf('&'); index >= 0; index = text.indexOf('&', index + 1)) {
        entity.lastIndex = index;
        if (!entity.test(text)) throw new Error(`bare & at ${where + index}: ${JSON.stringify(text.slice(index, index + 20))}`);
    }
    return text.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (_, code: string) => {
        const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
        if (named[code]) return named[code];
        return String.fromCodePoint(code[1] === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
    });
}

/** Throws with the place of the first fault; returns every element in document order. */
export function parseXml(source: string, { fragment = false } = {}): ParsedElement[] {
    const text = source.replace(/^<\?xml[^?]*\?>\s*/, '');
    const elements: ParsedElement[] = [];
    const open: ParsedElement[] = [];
    let roots = 0;
    let position = 0;
    const tag = new RegExp(`^<(/?)(${name})((?:\\s+${name}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
    const attribute = new RegExp(`(${name})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');
    while (position < text.length) {
        const next = text.indexOf('<', position);
        const chunk = text.slice(position, next < 0 ? text.length : next);
        if (chunk.includes('>') && /]]>/.test(chunk)) throw new Error(`]]> in text at ${position}`);
        const decoded = decode(chunk, position);
        if (open.length > 0) open[open.length - 1].text += decoded;
        else if (decoded.trim() && !fragment) throw new Error(`text outside the root at ${position}`);
        if (next < 0) break;
        const rest = text.slice(next);
        if (rest.startsWith('<!--')) {
            const end = rest.indexOf('-->');
            if (end < 0) throw new Error(`unclosed comment at ${next}`);
            position = next + end + 3;
            continue;
        }
        const match = tag.exec(rest);
        if (!match) throw new Error(`not a tag at ${next}: ${JSON.stringify(rest.slice(0, 40))}`);
        const [whole, closing, tagName, attributeText, selfClosing] = match;
        if (closing) {
            const top = open.pop();
            if (!top || top.name !== tagName) throw new Error(`</${tagName}> closes <${top?.name ?? 'nothing'}> at ${next}`);
        } else {
            const attributes = new Map<string, string>();
            for (const [, key, double, single] of attributeText.matchAll(attribute)) {
                if (attributes.has(key)) throw new Error(`attribute ${key} twice at ${next}`);
                attributes.set(key, decode(double ?? single, next));
            }
            const element = { name: tagName, attributes, text: '' };
            elements.push(element);
            if (open.length === 0) roots++;
            if (!selfClosing) open.push(element);
        }
        position = next + whole.length;
    }
    if (open.length > 0) throw new Error(`<${open[open.length - 1].name}> never closed`);
    if (!fragment && roots !== 1) throw new Error(`${roots} root elements`);
    return elements;
}
