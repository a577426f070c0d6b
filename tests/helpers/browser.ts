/**
 * The built admin panel in Debian's chromium (never a downloaded browser), driven by
 * playwright-core, against a real app on a fresh database listening on loopback.
 */
import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { loadStrapi, ROOT } from './database';

export const ARTEFACTS = path.join(ROOT, 'test-results', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserApp {
  strapi: Core.Strapi;
  url: string;
  /** A new browser session logged in as a new admin of the role (super admin without one). */
  login(options?: { actions?: string[]; language?: 'en' | 'hu' }): Promise<Page>;
  /** What the pages' consoles warned of or logged as errors, every session's, in order. */
  consoleProblems: string[];
  stop(): Promise<void>;
}

let admins = 0;

export const startBrowserApp = async (): Promise<BrowserApp> => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'build', 'index.html'))) {
    throw new Error('The admin panel is not built: run `npm run build` (or `npm run test:e2e`, which builds first).');
  }
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  process.env.NODE_ENV = 'test';
  const { strapi, stop } = await loadStrapi();
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(strapi.server.httpServer.address() as { port: number }).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

  const consoleProblems: string[] = [];
  return {
    strapi,
    url,
    consoleProblems,
    async login({ actions, language = 'en' } = {}) {
      admins += 1;
      const roles = strapi.service('admin::role');
      const role = actions ? await roles.create({ name: `E2E role ${admins}`, description: 'e2e' }) : await roles.getSuperAdmin();
      if (actions) {
        await roles.assignPermissions(
          role.id,
          actions.map((action) => ({ action, subject: null, conditions: [], properties: {} }))
        );
      }
      const email = `e2e${admins}@orders.test`;
      const password = 'E2e-password-1';
      await strapi
        .service('admin::user')
        .create({ email, firstname: 'E2E', lastname: `Admin ${admins}`, password, isActive: true, roles: [role.id] });

      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      await context.addInitScript((locale) => window.localStorage.setItem('strapi-admin-language', locale), language);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'warning' || message.type() === 'error') consoleProblems.push(message.text());
      });
      await page.goto(`${url}/admin/auth/login`);
      await page.fill('input[name="email"]', email);
      await page.fill('input[name="password"]', password);
      await page.click('button[type="submit"]');
      await page.waitForURL((address) => !address.pathname.includes('/auth/'));
      return page;
    },
    async stop() {
      await browser.close();
      await stop();
    },
  };
};

/** Saves what the page shows as test-results/e2e/<name>.png, once dialogs have finished fading in. */
export const screenshot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`), fullPage: true });
};

/** The admin API over HTTP as a super admin of its own, for what the browser test sets up and checks. */
export const adminApiOf = async (browserApp: BrowserApp) => {
  const email = `e2e-api-${Date.now()}@orders.test`;
  const password = 'E2e-password-1';
  const superAdmin = await browserApp.strapi.service('admin::role').getSuperAdmin();
  await browserApp.strapi
    .service('admin::user')
    .create({ email, firstname: 'E2E', lastname: 'API', password, isActive: true, roles: [superAdmin.id] });
  const http = () => request(browserApp.strapi.server.httpServer);
  const login = await http().post('/admin/login').send({ email, password });
  const auth = { Authorization: `Bearer ${login.body.data.token}` };
  return {
    get: (url: string) => http().get(url).set(auth),
    post: (url: string, body: object = {}) => http().post(url).set(auth).send(body),
  };
};
