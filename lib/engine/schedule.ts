import { browser } from 'wxt/browser';
import { getSettings } from '../storage';

export const REFRESH_ALARM = 'refresh-sources';

/** (Re)creates the periodic refresh alarm from the user's cadence. */
export async function scheduleRefresh(): Promise<void> {
  const { refreshMinutes } = await getSettings();
  await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: refreshMinutes, delayInMinutes: 1 });
}
