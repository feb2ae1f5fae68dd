import type { Banner } from '../lib/ui/freshness-words';
import './components.css';

/** Offline / old-data banner with the data's dates and a Retry button, in place of "now". */
export function DataBanner({
  banner,
  retrying,
  onRetry,
}: {
  banner: Banner;
  retrying: boolean;
  onRetry: () => void;
}) {
  return (
    <div class="notice notice-warn data-banner" data-testid="data-banner" role="status">
      <p>
        <strong>{banner.title}.</strong> {banner.text}
      </p>
      <button type="button" class="btn btn-small" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
