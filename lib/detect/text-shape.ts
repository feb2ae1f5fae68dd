/**
 * Character-level tests of the scanner, written as char-code loops because they run at every
 * trigger point of every text node: token shapes, a multi-word name's rest, and the letter-case
 * shape of a line (headline or ALL-CAPS legend).
 */

/** `[A-Z]{2,5}(?:\.[A-Z])?` as a whole token, without a regex. */
export function isBareShape(tok: string): boolean {
  const n = tok.length;
  if (n < 2 || n > 7) return false;
  let caps = n;
  if (n >= 4 && tok.charCodeAt(n - 2) === 46) caps = n - 2;
  if (caps > 5) return false;
  for (let i = 0; i < n; i++) {
    if (i === caps) continue; // the "."
    const c = tok.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** Ends in "'s" / "’s" (the scanner's word tokens keep the possessive). */
export function isPossessive(tok: string): boolean {
  const n = tok.length;
  if (n < 3 || tok.charCodeAt(n - 1) !== 115) return false;
  const c = tok.charCodeAt(n - 2);
  return c === 39 || c === 0x2019;
}

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x202f;

/**
 * Matches `rest` (spaces match any whitespace run) at pos and requires a word boundary after it;
 * returns the end or -1.
 */
export function matchRest(text: string, pos: number, rest: string): number {
  let i = pos;
  for (let j = 0; j < rest.length; j++) {
    const r = rest.charCodeAt(j);
    if (r === 32) {
      if (i >= text.length || !isSpace(text.charCodeAt(i))) return -1;
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    } else {
      if (text.charCodeAt(i) !== r) return -1;
      i++;
    }
  }
  return i < text.length && isWordChar(text.charCodeAt(i)) ? -1 : i;
}

/** `\s` of a JS regex, as a char code test. */
function isJsSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Letter-case shape of a line: mostly capitals (a heading / legend) or Title Case (a headline).
 * One pass over the characters (no split): words are runs between `\s` characters; a word counts
 * for Title Case when it has ≥4 characters and starts with a letter.
 */
export function lineShape(line: string): { caps: boolean; title: boolean } {
  let upper = 0;
  let lower = 0;
  let words = 0;
  let capd = 0;
  let wordStart = -1;
  let first = 0;
  const n = line.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? line.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (isJsSpace(c)) {
      if (wordStart >= 0) {
        if (i - wordStart >= 4 && ((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) {
          words++;
          if (first <= 90) capd++;
        }
        wordStart = -1;
      }
      continue;
    }
    if (wordStart < 0) {
      wordStart = i;
      first = c;
    }
  }
  const caps = upper + lower >= 12 && upper > 2.5 * lower;
  const title = !caps && n < 200 && words >= 3 && capd >= 0.75 * words;
  return { caps, title };
}
