import type { TickerInfo } from '../lib/view-models';
import { badgeFor } from '../lib/ui/membership-badge';
import './components.css';

interface Props {
  info: TickerInfo | null | undefined;
  /** When only a yes/no is known (a page ticker before its TickerInfo loads). */
  russell2000Hint?: boolean;
}

/** Index membership in words ("R2000 0.42%", "Russell 1000", "Not in Russell"), never colour alone. */
export function TickerBadge({ info, russell2000Hint }: Props) {
  const b = info
    ? badgeFor(info)
    : russell2000Hint === undefined
      ? badgeFor(null)
      : russell2000Hint
        ? { kind: 'r2000' as const, text: 'R2000', long: 'Russell 2000 member' }
        : { kind: 'none' as const, text: 'Not in R2000', long: 'Not in the Russell 2000' };
  return (
    <span class={`ticker-badge ticker-badge-${b.kind}`} title={b.long}>
      <span aria-hidden="true">{b.text}</span>
      <span class="sr-only">{b.long}</span>
    </span>
  );
}
