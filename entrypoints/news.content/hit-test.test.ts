// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anchorRect, docOffset, hitAt, pointInRects } from './hit-test';
import { emptyIndex, mentions } from './lens-testing';

const at = (left: number, top: number, w = 40, h = 20) => ({ left, top, right: left + w, bottom: top + h });

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
});

/** Lays out every Range on `rects` and puts the caret at (node, offset). */
function layout(rects: ReturnType<typeof at>[], caret: { node: Node; offset: number } | null) {
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(() => rects as unknown as DOMRectList);
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(() => rects[0] as DOMRect);
  const seen: Array<{ shadowRoots: ShadowRoot[] }> = [];
  Object.assign(document, {
    caretPositionFromPoint: (_x: number, _y: number, o: { shadowRoots: ShadowRoot[] }) => {
      seen.push(o);
      return caret && { offsetNode: caret.node, offset: caret.offset };
    },
  });
  return seen;
}

describe('pointInRects', () => {
  it('hits any line of a wrapped ticker', () => {
    const rects = [at(500, 100, 30, 18), at(0, 120, 20, 18)];
    expect(pointInRects(510, 110, rects)).toBe(true);
    expect(pointInRects(10, 130, rects)).toBe(true);
    expect(pointInRects(300, 110, rects)).toBe(false);
  });
});

describe('hitAt', () => {
  it('maps the caret to the mention under it, confirmed by its rects', () => {
    const index = emptyIndex();
    const [crdo] = mentions(index, 'Shares of CRDO rose', ['CRDO']);
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    const seen = layout([at(100, 50, 40, 18)], { node: crdo!.node, offset: 11 });
    expect(hitAt(index, [root], document, 110, 60)).toBe(crdo);
    expect(seen[0]!.shadowRoots).toEqual([root]); // the caret may land inside open shadow roots
  });

  it('says nothing when the caret snapped to a ticker the pointer is not over', () => {
    const index = emptyIndex();
    const [crdo] = mentions(index, 'Shares of CRDO rose', ['CRDO']);
    layout([at(100, 50, 40, 18)], { node: crdo!.node, offset: 11 });
    expect(hitAt(index, [], document, 300, 60)).toBeNull();
  });

  it('says nothing off a mention or off text', () => {
    const index = emptyIndex();
    const [crdo] = mentions(index, 'Shares of CRDO rose', ['CRDO']);
    layout([at(0, 0, 1000, 1000)], { node: crdo!.node, offset: 2 });
    expect(hitAt(index, [], document, 5, 5)).toBeNull();
    layout([at(0, 0, 1000, 1000)], { node: document.body, offset: 0 });
    expect(hitAt(index, [], document, 5, 5)).toBeNull();
    layout([at(0, 0, 1000, 1000)], null);
    expect(hitAt(index, [], document, 5, 5)).toBeNull();
  });
});

describe('anchorRect', () => {
  it('anchors on the line under the pointer, else the first line', () => {
    const index = emptyIndex();
    const [hwc] = mentions(index, 'HWC', ['HWC']);
    layout([at(500, 100, 30, 18), at(0, 120, 20, 18)], null);
    expect(anchorRect(hwc!, { x: 10, y: 130 })).toEqual(at(0, 120, 20, 18));
    expect(anchorRect(hwc!)).toEqual(at(500, 100, 30, 18));
  });

  it('has no anchor once the mention left the page', () => {
    const index = emptyIndex();
    const [hwc] = mentions(index, 'HWC', ['HWC']);
    hwc!.node.remove();
    expect(anchorRect(hwc!)).toBeNull();
  });
});

describe('docOffset', () => {
  it('adds up the frame positions from a nested document to the top one', () => {
    const frameEl = (left: number, top: number, owner: Document) =>
      ({
        getBoundingClientRect: () => at(left, top),
        clientLeft: 2,
        clientTop: 3,
        ownerDocument: owner,
      }) as unknown as HTMLElement;
    const middle = { defaultView: { frameElement: frameEl(100, 200, document) } } as unknown as Document;
    const inner = { defaultView: { frameElement: frameEl(10, 20, middle) } } as unknown as Document;
    expect(docOffset(document)).toEqual({ x: 0, y: 0 });
    expect(docOffset(inner)).toEqual({ x: 100 + 2 + 10 + 2, y: 200 + 3 + 20 + 3 });
  });
});
