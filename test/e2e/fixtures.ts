import { test as base, type BrowserContext } from '@playwright/test';
import { extensionIdOf, launchWithExtension } from './launch';
import { OptionsPage, PopupPage, SidePanelPage } from './pages';
import { startPageServer, type PageServer } from './page-server';
import { guardEgress, routeSources, type SourceMode, type SourceRouter } from './sources';

export interface LensFixtures {
  /** Initial mode for every data source (override per file with test.use). */
  sourceMode: SourceMode;
  scheme: 'light' | 'dark';
  /** A profile directory to reuse (restart stories); a fresh one when undefined. */
  userDataDir: string | undefined;
  context: BrowserContext;
  extensionId: string;
  sources: SourceRouter;
  pageServer: PageServer;
  popup: PopupPage;
  sidePanel: SidePanelPage;
  options: OptionsPage;
}

const routers = new WeakMap<BrowserContext, SourceRouter>();

export const test = base.extend<LensFixtures>({
  sourceMode: ['ok', { option: true }],
  scheme: ['light', { option: true }],
  userDataDir: [undefined, { option: true }],
  context: async ({ sourceMode, scheme, userDataDir }, use) => {
    const { context } = await launchWithExtension({ colorScheme: scheme, userDataDir });
    // The worker makes no request before the UI asks or the first alarm fires, so routing
    // right after launch still catches its first refresh.
    const router = await routeSources(context, sourceMode);
    await guardEgress(context, router, []);
    routers.set(context, router);
    await use(context);
    await context.close();
  },
  sources: async ({ context }, use) => {
    await use(routers.get(context)!);
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  pageServer: async ({}, use) => {
    const server = await startPageServer();
    await use(server);
    await server.close();
  },
  popup: async ({ context, extensionId }, use) => {
    await use(new PopupPage(await context.newPage(), extensionId));
  },
  sidePanel: async ({ context, extensionId }, use) => {
    await use(new SidePanelPage(await context.newPage(), extensionId));
  },
  options: async ({ context, extensionId }, use) => {
    await use(new OptionsPage(await context.newPage(), extensionId));
  },
});

export { expect } from '@playwright/test';
