/**
 * Building HTML as strings, safely: every text and attribute value goes through
 * {@link escapeHtml}; markup from other builders is passed on as {@link Html} values, which
 * are never escaped twice. The output is also well-formed XML (void elements self-closed),
 * so a strict parser can check it.
 */

/** A fragment of markup that is already safe to insert. */
export class Html {
  /** @param markup - markup produced by the builders of this module (or trusted SVG). */
  constructor(readonly markup: string) {}

  /** The markup. */
  toString(): string {
    return this.markup;
  }
}

/** What an element may contain: text (escaped), markup, nothing, or a list of these. */
export type Content = string | number | Html | null | undefined | false | readonly Content[];

/** Attribute values; `false`, `null` and `undefined` leave the attribute out. */
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for use in HTML element content and attribute values. Control characters that
 * XML forbids become U+FFFD, so the page stays well-formed whatever a message contains.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
}

/** Marks trusted markup (e.g. an SVG produced by vega) as safe to insert. */
export function raw(markup: string): Html {
  return new Html(markup);
}

function render(content: Content): string {
  if (content === null || content === undefined || content === false) return '';
  if (content instanceof Html) return content.markup;
  if (typeof content === 'number') return escapeHtml(String(content));
  if (typeof content === 'string') return escapeHtml(content);
  return content.map(render).join('');
}

/** Concatenates content into one fragment. */
export function fragment(...children: Content[]): Html {
  return new Html(render(children));
}

const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'col', 'wbr']);
const NAME = /^[a-z][a-z0-9-]*$/;

/** One element: `el('td', { class: 'num' }, '0.93')`. */
export function el(tag: string, attributes: Attributes = {}, ...children: Content[]): Html {
  if (!NAME.test(tag)) throw new Error(`invalid element name "${tag}"`);
  let attrs = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (!NAME.test(name)) throw new Error(`invalid attribute name "${name}"`);
    attrs += value === true ? ` ${name}="${name}"` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  if (VOID.has(tag)) return new Html(`<${tag}${attrs}/>`);
  return new Html(`<${tag}${attrs}>${render(children)}</${tag}>`);
}

/** A fragment id made from arbitrary text (for `id` and `href="#…"`). */
export function anchorId(prefix: string, text: string): string {
  return `${prefix}-${text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x'}`;
}
