/** Page objects: what a user sees and does in each extension page, named as the user would. */
import type { BrowserContext, Locator, Page } from '@playwright/test';

abstract class ExtensionPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}
  abstract readonly path: string;
  get url(): string {
    return `chrome-extension://${this.extensionId}/${this.path}`;
  }
  async open(): Promise<this> {
    await this.page.goto(this.url);
    return this;
  }
  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
}

export class PopupPage extends ExtensionPage {
  readonly path = 'popup.html';
  signalCard(): Locator {
    return this.page.getByTestId('signal-card');
  }
  factor(id: string): Locator {
    return this.page.getByTestId(`factor-${id}`);
  }
  pageTickers(): Locator {
    return this.page.getByTestId('page-tickers');
  }
  sourceStatus(): Locator {
    return this.page.getByTestId('source-status');
  }
}

export class SidePanelPage extends ExtensionPage {
  readonly path = 'sidepanel.html';
  watchlist(): Locator {
    return this.page.getByTestId('watchlist');
  }
  row(symbol: string): Locator {
    return this.page.getByTestId(`watchlist-row-${symbol}`);
  }
  addInput(): Locator {
    return this.page.getByTestId('add-symbol-input');
  }
}

export class OptionsPage extends ExtensionPage {
  readonly path = 'options.html';
}

/** Sends one protocol message from an extension page, as the UI does. */
export async function sendFromExtensionPage<T>(page: Page, type: string, payload: unknown = {}): Promise<T> {
  return page.evaluate(
    async ([t, p]) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      const reply = (await chrome.runtime.sendMessage({ scl: 1, type: t, payload: p })) as
        { ok: true; data: unknown } | { ok: false; error: string };
      if (!reply.ok) throw new Error(reply.error);
      return reply.data;
    },
    [type, payload] as const,
  ) as Promise<T>;
}

export async function newExtensionPage(
  context: BrowserContext,
  extensionId: string,
  path = 'popup.html',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}
