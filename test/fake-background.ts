/**
 * Answers the pages' send() in unit tests as the background would: each request is checked
 * against the message protocol (lib/messaging.ts) first, then answered by the test's handler;
 * a type the test did not answer, or a handler that throws, replies with an error. Returns the
 * requests in the order they arrived, so tests can check what a view asked for.
 */
import { afterEach, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkEnvelope, type MessageType, type Req, type Res } from '../lib/messaging';

afterEach(() => fakeBrowser.reset()); // listeners and storage (spies are restored by vitest.config.ts)

export type Answers = { [T in MessageType]?: (payload: Req<T>) => Res<T> | Promise<Res<T>> };
export type Sent = { [T in MessageType]: { type: T; payload: Req<T> } }[MessageType];

export function answerMessages(answers: Answers): Sent[] {
  const sent: Sent[] = [];
  fakeBrowser.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    const checked = checkEnvelope(msg);
    if (!checked.ok) {
      sendResponse({ ok: false, error: checked.error });
      return true;
    }
    const { type, payload } = checked.envelope;
    sent.push({ type, payload } as Sent);
    const answer = answers[type] as ((p: unknown) => unknown) | undefined;
    Promise.resolve()
      .then(() => {
        if (!answer) throw new Error(`The test did not answer ${type}`);
        return answer(payload);
      })
      .then(
        (data) => sendResponse({ ok: true, data }),
        (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
    return true;
  });
  return sent;
}

interface PermissionsApi {
  request(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
  contains(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
  remove(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
}

/**
 * The browser's permission prompts, answered: `request` says `granted`; `contains` holds the
 * origin patterns in `held`. Returns the spies (the promise-returning overloads only).
 */
export function permissions(granted: boolean, held: string[] = []) {
  const api = browser.permissions as unknown as PermissionsApi;
  return {
    request: vi.spyOn(api, 'request').mockResolvedValue(granted),
    contains: vi.spyOn(api, 'contains').mockImplementation(async (p) => held.includes(p.origins?.[0] ?? '')),
    remove: vi.spyOn(api, 'remove').mockResolvedValue(true),
  };
}
