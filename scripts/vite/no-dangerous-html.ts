/**
 * A build plugin that removes Preact's one dynamic `innerHTML` write (its support for
 * `dangerouslySetInnerHTML`, which this project never uses: ESLint bans it). Without that
 * write, nothing in the bundles can set HTML from a string, and Mozilla's add-on linter has no
 * UNSAFE_VAR_ASSIGNMENT to report. Should the prop ever be passed, rendering throws instead of
 * writing markup.
 */
import type { Plugin } from 'vite';

// Preact's minified dist: `(u.innerHTML=h.__html)`. Names differ between builds, the shape does not.
const DYNAMIC_INNER_HTML = /\b([A-Za-z_$][\w$]*)\.innerHTML\s*=\s*([A-Za-z_$][\w$]*)\.__html\b/g;
const REFUSAL = `(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Small-Cap Lens")})()`;

/** Returns the code with Preact's dynamic innerHTML write replaced, and how many were replaced. */
export function stripDangerousHtml(code: string): { code: string; replaced: number } {
  let replaced = 0;
  const out = code.replace(DYNAMIC_INNER_HTML, () => {
    replaced += 1;
    return REFUSAL;
  });
  return { code: out, replaced };
}

export function noDangerousHtml(): Plugin {
  return {
    name: 'small-cap-lens:no-dangerous-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]/.test(id)) return null;
      const { code: out, replaced } = stripDangerousHtml(code);
      if (replaced === 0) {
        // A Preact upgrade changed the shape: fail the build rather than ship the write silently.
        if (/\.innerHTML\s*=\s*[A-Za-z_$]/.test(code)) this.error(`unrecognised innerHTML write in ${id}`);
        return null;
      }
      return { code: out, map: null };
    },
  };
}
