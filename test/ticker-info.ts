/**
 * A TickerInfo for view tests: a listed NASDAQ stock in no index, by default, with the holdings
 * file's provenance; each test states what differs.
 */
import type { Provenance } from '../lib/source-data';
import type { TickerInfo } from '../lib/view-models';

export function holdingsProvenance(asOf: string): Provenance {
  return { source: 'ishares-holdings', label: 'iShares IWM holdings', asOf };
}

export function tickerInfo(over: Partial<TickerInfo> & Pick<TickerInfo, 'symbol' | 'name'>): TickerInfo {
  return {
    exchange: 'NASDAQ',
    listed: true,
    etf: false,
    russell2000: null,
    russell1000: false,
    sp500: false,
    reconstitution: null,
    membershipProvenance: null,
    membershipNote: null,
    ...over,
  };
}
