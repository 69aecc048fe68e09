/**
 * Server-side chart rendering: a vega-lite spec is compiled to vega and rendered headless
 * (`renderer: 'none'`, no canvas) to an SVG string. The loader refuses every request, so a
 * chart can only use inline data and the report stays self-contained.
 */
import { parse as parseVega, View, type Loader } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { InputError } from '../core/errors.js';

function offlineLoader(): Loader {
  const refuse = (uri: string): Promise<never> => Promise.reject(new InputError(`the report renders offline; a chart tried to load "${uri}"`, 'REPORT_OFFLINE'));
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

/** FNV-1a hash of a string, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * Prefixes every `id` of an SVG (clip paths, gradients) and rewrites the references to it:
 * vega restarts its id counters per render, and several SVGs in one HTML page must not share
 * ids. The default prefix is a hash of the SVG, so the output is deterministic and two
 * different charts get different ids.
 */
export function uniquifySvgIds(svg: string, prefix = `v${hash(svg)}-`): string {
  const ids = new Set<string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1] as string);
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (all, head: string, id: string) => (ids.has(id) ? `${head}${prefix}${id}"` : all))
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => (ids.has(id) ? `url(#${prefix}${id})` : all))
    .replace(/(href=")#([^"]+)"/g, (all, head: string, id: string) => (ids.has(id) ? `${head}#${prefix}${id}"` : all));
}

/** Renders a vega-lite spec to a standalone SVG string (with `role="img"` and a label). */
export async function vegaLiteToSvg(spec: TopLevelSpec, label: string): Promise<string> {
  const vegaSpec = compile(spec).spec;
  const view = new View(parseVega(vegaSpec), { renderer: 'none', loader: offlineLoader() });
  try {
    const svg = await view.toSVG();
    const aria = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    return uniquifySvgIds(svg.replace(/^<svg /, `<svg role="img" aria-label="${aria}" `));
  } finally {
    view.finalize();
  }
}
