/**
 * For the evidence tests (not shipped: only *.test.ts files import it): the recorded IWM fund
 * history, read by the project parser and, independently, with plain string handling.
 */
import { readReal } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import { parseIsharesFundHistoryCsv } from '../sources/ishares-fund';
import type { FundHistoryRow } from '../source-data';

/** An independent reading of the recorded CSV: no project parser. */
/** The long recorded IWM fund history (2000 – Feb 2025). */
export const LONG = 'ishares_IWM_fund_historical_2025-02-04.csv';

const MONTHS: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
};
export interface RawRow {
  date: string;
  nav: number;
  div: number;
  shares: number | null;
}
export function rawRows(): RawRow[] {
  return readReal(LONG)
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const m = /^"(\w{3}) (\d{2}), (\d{4})",([^,]+),([^,]+),([^,]+)$/.exec(line.trim());
      if (!m) throw new Error(`unexpected line ${line}`);
      return {
        date: `${m[3]}-${MONTHS[m[1]!]}-${m[2]}`,
        nav: Number(m[4]),
        div: m[5] === '--' ? 0 : Number(m[5]),
        shares: m[6] === '--' ? null : Number(m[6]),
      };
    })
    .reverse();
}

export const fundRows = (): FundHistoryRow[] => unwrap(parseIsharesFundHistoryCsv(readReal(LONG))).history;
