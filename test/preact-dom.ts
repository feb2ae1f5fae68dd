/**
 * Renders Preact views into happy-dom for unit tests (the test file starts with
 * `// @vitest-environment happy-dom`) and drives them the way a user does: typing, clicking,
 * submitting, choosing a file. Every step runs inside act(), so state updates and effects have
 * rendered when it returns.
 */
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const root of mounted.splice(0)) {
    render(null, root);
    root.remove();
  }
});

export async function mount(view: VNode): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  await act(() => render(view, root));
  await settle(); // effects that load something
  return root;
}

/** Lets pending promises (a reply, a save) settle and the view re-render. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
}

/** The control a <label> with this text names (throws when there is none: the test is wrong). */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string): T {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  const el = label?.htmlFor ? (root.querySelector(`#${CSS.escape(label.htmlFor)}`) as T | null) : null;
  if (!el) throw new Error(`No control labelled "${text}"`);
  return el;
}

/** The button with this text or aria-label. */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find(
    (x) => x.getAttribute('aria-label') === name || x.textContent?.trim() === name,
  );
  if (!b) throw new Error(`No button "${name}"`);
  return b;
}

export async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Sets a value (or a checkbox) and fires change, as a committed edit does. */
export async function change(
  el: HTMLInputElement | HTMLSelectElement,
  value: string | boolean,
): Promise<void> {
  await act(() => {
    if (typeof value === 'boolean') (el as HTMLInputElement).checked = value;
    else el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

export async function click(el: HTMLElement): Promise<void> {
  await act(() => el.click());
  await settle();
}

/** Submits the form that holds `el` (Enter in a field, or its submit button). */
export async function submit(el: HTMLElement): Promise<void> {
  const form = el.closest('form');
  if (!form) throw new Error('Not inside a form');
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

/** Types into the field labelled `label` and submits its form, as Enter does. */
export async function enter(root: ParentNode, label: string, text: string): Promise<void> {
  const input = byLabel(root, label);
  await type(input, text);
  await submit(input);
}

/** Chooses a file in an <input type="file"> and fires change. */
export async function chooseFile(input: HTMLInputElement, file: File): Promise<void> {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

/** The text of the page's notices (status and alert roles), in order. */
export function notices(root: ParentNode): string[] {
  return [...root.querySelectorAll('[role="status"], [role="alert"]')]
    .map((n) => n.textContent?.trim() ?? '')
    .filter(Boolean);
}
