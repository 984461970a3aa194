/** Starts the build server and Chromium before a test file's tests and stops both after them. */
import {after, before} from 'node:test';
import type {Browser} from 'playwright-core';
import {launchBrowser} from '../../scripts/lib/browser';
import {type RunningServer, serveBuild} from '../../scripts/lib/server';

export function startSite(ready: (site: {server: RunningServer; browser: Browser}) => void): void {
  let site: {server: RunningServer; browser: Browser} | undefined;
  before(async () => {
    site = {server: await serveBuild(), browser: await launchBrowser()};
    ready(site);
  });
  after(async () => {
    await site?.browser.close();
    await site?.server.close();
  });
}
