/**
 * Minimal HTML → text segments (one per text node, with the href of an enclosing link), for the CLI
 * and tests. Not a full parser: scripts, styles, templates, SVG and comments are dropped, entities
 * decoded. In the extension the content script walks the real DOM instead.
 */
import type { Segment } from './index';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  eacute: 'é',
  reg: '®',
  trade: '™',
  copy: '©',
  middot: '·',
  bull: '•',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : all;
    }
    return NAMED[e.toLowerCase()] ?? all;
  });
}

export interface HtmlText {
  segments: Segment[];
  /** `<link rel=canonical>` or `og:url`, to resolve relative hrefs. */
  baseUrl: string | null;
}

const BLOCK = /^(?:p|div|br|li|h[1-6]|tr|td|th|section|article|header|footer|ul|ol|table|blockquote|title)$/;

export function htmlToSegments(html: string): HtmlText {
  const canon =
    /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html)?.[1] ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(html)?.[1] ??
    null;
  const body = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const segments: Segment[] = [];
  const hrefs: Array<string | null> = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  const push = (raw: string) => {
    const text = decodeEntities(raw);
    if (text.trim() === '') {
      // Keep a single space so words of neighbouring nodes stay apart for context checks.
      if (text.length && segments.length) segments.push(' ');
      return;
    }
    const href = hrefs.length ? hrefs[hrefs.length - 1] : null;
    segments.push(href ? { text, href } : text);
  };
  while ((m = tag.exec(body))) {
    if (m.index > last) push(body.slice(last, m.index));
    last = tag.lastIndex;
    const name = (m[2] ?? '').toLowerCase();
    if (name === 'a') {
      if (m[1]) hrefs.pop();
      else if (!/\/\s*$/.test(m[3] ?? '')) {
        const href = /\bhref\s*=\s*["']([^"']*)["']/i.exec(m[3] ?? '')?.[1];
        hrefs.push(href ? resolveHref(decodeEntities(href), canon) : null);
      }
    } else if (BLOCK.test(name)) {
      segments.push('\n');
    }
  }
  if (last < body.length) push(body.slice(last));
  return { segments, baseUrl: canon };
}

function resolveHref(href: string, base: string | null): string {
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return href;
  }
}
