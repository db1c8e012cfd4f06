import { test as base } from '@playwright/test';
import { appURL } from './app';

export * from '@playwright/test';

/** Playwright's test, with every page and request aimed at this worker's own app. */
export const test = base.extend({
  baseURL: async ({}, provide, testInfo) => provide(appURL(testInfo.parallelIndex)),
});
