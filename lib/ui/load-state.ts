/** Loading state for data fetched through send(): honest loading, data, or the background's error. */
export type Load<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: string };

export const LOADING = { status: 'loading' } as const;

export function errorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg || 'Unknown error';
}

/** Wraps a promise into a Load result (never rejects). */
export async function toLoad<T>(p: Promise<T>): Promise<Load<T>> {
  try {
    return { status: 'ok', data: await p };
  } catch (e) {
    return { status: 'error', error: errorText(e) };
  }
}
