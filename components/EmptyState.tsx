import type { ComponentChildren } from 'preact';

/** An honest "nothing to show yet" block: we never fill space with made-up numbers. */
export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty-state" role="status">
      <strong>{title}</strong>
      {children ? <div>{children}</div> : null}
    </div>
  );
}
