/**
 * A small, strict XML well-formedness checker for the tests (the report is written as XHTML-
 * compatible HTML, so it must pass): tags balance, attributes are quoted and unique, entities
 * are known, no stray `<` or `&`. Returns the element tree so tests can look inside.
 */

/** An element of the parsed tree. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  return text.replace(/&([^;&]*);|&/g, (m, body: string | undefined) => {
    if (body === undefined) throw new Error(`bare & near offset ${at}`);
    if (body in ENTITIES) return ENTITIES[body] as string;
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(body);
    if (num) return String.fromCodePoint(num[1]!.startsWith('x') ? parseInt(num[1]!.slice(1), 16) : Number(num[1]));
    throw new Error(`unknown entity &${body}; near offset ${at}`);
  });
}

/** Parses a document (an optional `<!DOCTYPE …>` then one root element); throws on any error. */
export function parseXml(doc: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1] as XmlElement;
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(doc);
    if (!m) throw new Error(`expected a name at offset ${i}: ${JSON.stringify(doc.slice(i, i + 30))}`);
    i += m[0].length;
    return m[0];
  };
  const skipSpace = () => {
    while (i < doc.length && /\s/.test(doc[i] as string)) i++;
  };
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    const text = doc.slice(i, lt === -1 ? doc.length : lt);
    if (text.trim() !== '') {
      if (stack.length === 1) throw new Error(`text outside the root element at offset ${i}`);
      top().children.push(decode(text, i));
    }
    if (lt === -1) break;
    i = lt;
    if (doc.startsWith('<!--', i)) {
      const end = doc.indexOf('-->', i);
      if (end === -1) throw new Error(`unterminated comment at offset ${i}`);
      i = end + 3;
    } else if (doc.startsWith('<!DOCTYPE', i)) {
      if (stack.length !== 1 || root.children.length > 0) throw new Error('DOCTYPE not at the start');
      i = doc.indexOf('>', i) + 1;
    } else if (doc.startsWith('</', i)) {
      i += 2;
      const n = name();
      skipSpace();
      if (doc[i] !== '>') throw new Error(`expected > at offset ${i}`);
      i++;
      const open = stack.pop();
      if (!open || open === root || open.name !== n) throw new Error(`</${n}> closes <${open?.name}> at offset ${i}`);
    } else {
      i++;
      const n = name();
      const attributes: Record<string, string> = {};
      for (;;) {
        const before = i;
        skipSpace();
        if (doc.startsWith('/>', i) || doc[i] === '>') break;
        if (i === before) throw new Error(`expected whitespace before an attribute at offset ${i}`);
        const a = name();
        if (a in attributes) throw new Error(`duplicate attribute ${a} at offset ${i}`);
        if (doc[i] !== '=') throw new Error(`attribute ${a} without a value at offset ${i}`);
        const q = doc[i + 1];
        if (q !== '"' && q !== "'") throw new Error(`unquoted attribute ${a} at offset ${i}`);
        const end = doc.indexOf(q, i + 2);
        const value = doc.slice(i + 2, end);
        if (end === -1 || value.includes('<')) throw new Error(`bad value of attribute ${a} at offset ${i}`);
        attributes[a] = decode(value, i);
        i = end + 1;
      }
      const el: XmlElement = { name: n, attributes, children: [] };
      if (stack.length === 1 && root.children.length > 0) throw new Error(`second root element <${n}>`);
      top().children.push(el);
      if (doc.startsWith('/>', i)) i += 2;
      else {
        i++;
        stack.push(el);
      }
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${top().name}>`);
  const only = root.children[0];
  if (typeof only !== 'object') throw new Error('no root element');
  return only;
}

/** Every element below `el` (depth first) that satisfies `test`. */
export function findAll(el: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (test(e)) out.push(e);
    for (const c of e.children) if (typeof c !== 'string') walk(c);
  };
  walk(el);
  return out;
}

/** The concatenated text of an element. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** Whether an element's class attribute contains `cls`. */
export function hasClass(el: XmlElement, cls: string): boolean {
  return (el.attributes['class'] ?? '').split(/\s+/).includes(cls);
}
