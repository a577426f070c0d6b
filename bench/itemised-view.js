/**
 * How long an order with 500 lines takes to open in the itemised view, ready for input.
 *
 * Boots the built app (admin panel included) on a fresh database, listening on loopback, creates a
 * 500-line and a 1-line draft order, logs into the admin in Debian's chromium (playwright-core,
 * never a downloaded browser) and times, in rounds alternating the two orders, page.goto of the
 * order's page until the itemised view is ready for input: the last line's quantity input is
 * there, visible and enabled, and typing into the first line's quantity input changes it. The
 * 1-line order is the baseline of the same run (page load and admin boot); the goal is that the
 * 500-line order is ready in under a second. Informational: prints one JSON line and exits 0
 * whatever the figures.
 *
 *   node bench/itemised-view.js                            # SQLite
 *   DATABASE_CLIENT=postgres node bench/itemised-view.js   # PostgreSQL on 127.0.0.1:5432
 *
 * BENCH_ROUNDS (default 5) sets the timed rounds; BENCH_PROFILE=1 adds a diagnostic load of the
 * 500-line order (CPU profile and timeline trace) whose summary goes to stderr; BENCH_VERBOSE=1
 * prints each timed load to stderr.
 */
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');
const { ROOT, loadStrapi } = require('../tests/helpers/database');

const LINES = 500;
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const PROFILE = process.env.BENCH_PROFILE === '1';
const VERBOSE = process.env.BENCH_VERBOSE === '1';
const STOCK_ITEMS = 5;
const ACTOR = { type: 'system', name: 'bench' };
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT = 60_000;
/** The quantity inputs of the itemised view (ItemsRow.tsx: aria-label = the column's name, en). */
const QUANTITY = 'input[aria-label="Quantity"]';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round1 = (value) => (value === null || value === undefined ? null : Number(value.toFixed(1)));

/** In the page: the view is drawn when the expected quantity inputs are there, the last one shown and enabled. */
const drawn = ({ selector, lines }) => {
  const inputs = document.querySelectorAll(selector);
  if (inputs.length !== lines) return false;
  const last = inputs[lines - 1];
  const box = last.getBoundingClientRect();
  return !last.disabled && box.width > 0 && box.height > 0 && getComputedStyle(last).visibility !== 'hidden';
};

/** In the page: what the page itself measured, from its navigation start. */
const pageTimings = (documentId) => {
  const [navigation] = performance.getEntriesByType('navigation');
  const order = performance
    .getEntriesByType('resource')
    .filter((entry) => entry.name.includes(`/orders/orders/${documentId}`))
    .pop();
  const paints = Object.fromEntries(performance.getEntriesByType('paint').map((entry) => [entry.name, entry.startTime]));
  return {
    domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : null,
    load: navigation ? navigation.loadEventEnd : null,
    firstContentfulPaint: paints['first-contentful-paint'] ?? null,
    orderRequestStart: order ? order.startTime : null,
    orderResponseEnd: order ? order.responseEnd : null,
    orderBytes: order ? order.encodedBodySize : null,
    now: performance.now(),
  };
};

/**
 * Opens the order's page from a blank one and waits until its itemised view takes input; answers
 * the wall time in Node from the goto to the ready view, and the page's own timings.
 */
const openItemised = async (page, url, order, lines) => {
  await page.goto('about:blank');
  const start = performance.now();
  await page.goto(`${url}/admin/plugins/orders/${order.documentId}`, { waitUntil: 'commit', timeout: TIMEOUT });
  await page.waitForFunction(drawn, { selector: QUANTITY, lines }, { polling: 'raf', timeout: TIMEOUT });
  const drawnMs = performance.now() - start;
  // Interactive: focusing the first line's quantity and typing a digit changes what it shows.
  const first = page.locator(QUANTITY).first();
  const before = await first.inputValue();
  await first.focus();
  await page.keyboard.type('7');
  await page.waitForFunction(
    ({ selector, expected }) => document.querySelector(selector).value === expected,
    { selector: QUANTITY, expected: `${before}7` },
    { polling: 'raf', timeout: TIMEOUT }
  );
  const readyMs = performance.now() - start;
  const timings = await page.evaluate(pageTimings, order.documentId);
  return { readyMs, drawnMs, ...timings };
};

const createData = async (strapi) => {
  const inventory = strapi.plugin('orders').service('inventory');
  const orders = strapi.plugin('orders').service('orders');
  const stock = [];
  for (let i = 0; i < STOCK_ITEMS; i += 1) {
    stock.push(
      await inventory.create(
        { sku: `BENCH-${i}`, name: `Bench item ${i}`, unitPrice: '1000', vatRate: '27', onHand: '100000' },
        ACTOR
      )
    );
  }
  const line = (i) =>
    i % 2 === 0
      ? { stockItem: stock[(i / 2) % STOCK_ITEMS].documentId, quantity: '1.5', discountPercent: '10' }
      : { name: `Free line ${i}`, quantity: '2', unitPrice: '990', vatRate: '5' };
  const large = await orders.create({ customer: { name: 'Bench' }, items: Array.from({ length: LINES }, (_, i) => line(i)) }, ACTOR);
  const small = await orders.create({ customer: { name: 'Bench' }, items: [line(0)] }, ACTOR);
  if (large.items.length !== LINES || small.items.length !== 1) throw new Error('The bench orders were not created as asked.');
  return { large, small };
};

const createAdmin = async (strapi) => {
  const role = await strapi.service('admin::role').getSuperAdmin();
  const email = 'bench@orders.test';
  const password = 'Bench-password-1';
  await strapi.service('admin::user').create({ email, firstname: 'Bench', lastname: 'Admin', password, isActive: true, roles: [role.id] });
  return { email, password };
};

const login = async (browser, url, { email, password }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await context.addInitScript(() => {
    window.localStorage.setItem('strapi-admin-language', 'en');
    // Traffic to the app on loopback only. The admin asks GitHub for Strapi's latest release
    // (AuthenticatedLayout); fetch and XHR elsewhere are refused in the page itself, which costs the
    // timings nothing, unlike intercepting every request through the DevTools protocol.
    const onLoopback = (address) => {
      const url = new URL(String(address instanceof Request ? address.url : address), window.location.href);
      return !/^(https?|wss?):$/.test(url.protocol) || url.hostname === '127.0.0.1';
    };
    const fetch = window.fetch;
    window.fetch = (input, init) => (onLoopback(input) ? fetch(input, init) : Promise.reject(new TypeError('bench: off loopback')));
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (method, address, ...rest) {
      if (!onLoopback(address)) throw new TypeError('bench: off loopback');
      return open.call(this, method, address, ...rest);
    };
  });
  const page = await context.newPage();
  // Anything else that would still leave loopback is reported (watched, not intercepted).
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    if (/^https?:$/.test(protocol) && hostname !== '127.0.0.1') console.error(`[itemised-view] request off loopback: ${request.url()}`);
  });
  // Typing marks the lines unsaved, so leaving the page asks first (beforeunload): leave.
  page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
  await page.goto(`${url}/admin/auth/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL((address) => !address.pathname.includes('/auth/'), { timeout: TIMEOUT });
  return page;
};

/** Once, outside the timings: what the view renders, so that the selectors are seen to fit. */
const describeView = async (page, url, order) => {
  await page.goto(`${url}/admin/plugins/orders/${order.documentId}`);
  await page.waitForFunction(drawn, { selector: QUANTITY, lines: LINES }, { timeout: TIMEOUT });
  const rows = await page.locator('tbody tr').count();
  const quantities = await page.locator(QUANTITY).count();
  const firstRow = await page.locator(`tbody tr:has(${QUANTITY})`).first().evaluate((row) => row.outerHTML);
  console.error(`[itemised-view] ${rows} tbody rows, ${quantities} quantity inputs; first line row:`);
  console.error(`  ${firstRow.slice(0, 600)}${firstRow.length > 600 ? '…' : ''}`);
  return { rows, quantities };
};

/** One more load of the 500-line order under the CPU profiler and the timeline trace; summary to stderr. */
const profileLoad = async (browser, page, url, order) => {
  const client = await page.context().newCDPSession(page);
  await client.send('Profiler.enable');
  await client.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.goto('about:blank');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
  await client.send('Profiler.start');
  const result = await openItemised(page, url, order, LINES).catch((error) => ({ error }));
  const { profile } = await client.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  await client.detach();
  if (result.error) throw result.error;

  const out = path.join(ROOT, '.tmp', 'bench-itemised-view');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'profile.cpuprofile'), JSON.stringify(profile));
  fs.writeFileSync(path.join(out, 'trace.json'), JSON.stringify(trace));

  // CPU profile: self time per function (name, script, line), and per script.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const frame = node.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url || '')}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) || 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);

  // Timeline: the renderer main thread's time by event (Layout, style recalc, script, paint…).
  const main = trace.traceEvents.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  const byEvent = new Map();
  for (const event of trace.traceEvents) {
    if (!main || event.pid !== main.pid || event.tid !== main.tid || event.ph !== 'X' || !event.dur) continue;
    byEvent.set(event.name, (byEvent.get(event.name) || 0) + event.dur / 1000);
  }
  const events = [...byEvent.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);

  console.error(`[itemised-view] profiled load: ready ${result.readyMs.toFixed(0)} ms (drawn ${result.drawnMs.toFixed(0)} ms), order API answered at ${round1(result.orderResponseEnd)} ms; files in ${path.relative(ROOT, out)}/`);
  console.error('  main thread by trace event (inclusive ms, nested events overlap):');
  for (const [name, ms] of events) console.error(`    ${ms.toFixed(1).padStart(8)}  ${name}`);
  console.error('  CPU self time by function (ms):');
  for (const [key, ms] of top) console.error(`    ${ms.toFixed(1).padStart(8)}  ${key}`);
  return result;
};

const main = async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'build', 'index.html'))) {
    console.error('The admin panel is not built (dist/build/index.html is missing): run `npm run build` first.');
    process.exit(1);
  }
  const { chromium } = require('playwright-core');
  process.env.NODE_ENV = process.env.NODE_ENV || 'test';
  const { strapi, stop } = await loadStrapi();
  let browser;
  try {
    await new Promise((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
    const admin = await createAdmin(strapi);
    const { large, small } = await createData(strapi);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = await login(browser, url, admin);
    await describeView(page, url, large);

    // Warm-up: one load of each (browser cache, server's first queries, JIT).
    await openItemised(page, url, large, LINES);
    await openItemised(page, url, small, 1);

    const timed = { [LINES]: [], 1: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate which goes first, so that neither always follows the other.
      const pair = round % 2 === 0 ? [[large, LINES], [small, 1]] : [[small, 1], [large, LINES]];
      for (const [order, lines] of pair) {
        const result = await openItemised(page, url, order, lines);
        timed[lines].push(result);
        if (VERBOSE) console.error(`[itemised-view] round ${round + 1}, ${lines} line(s): ${JSON.stringify(Object.fromEntries(Object.entries(result).map(([k, v]) => [k, round1(v)])))}`);
      }
    }
    if (PROFILE) await profileLoad(browser, page, url, large);

    const stat = (lines, field) => round1(median(timed[lines].map((result) => result[field]).filter((value) => value !== null)));
    const readyMs500 = stat(LINES, 'readyMs');
    const readyMs1 = stat(1, 'readyMs');
    console.log(
      JSON.stringify({
        database: strapi.db.dialect.client,
        lines: LINES,
        rounds: ROUNDS,
        readyMs500,
        readyMs1,
        ratio: Number((readyMs500 / readyMs1).toFixed(2)),
        extraMsFor499Lines: round1(readyMs500 - readyMs1),
        readyMs500Runs: timed[LINES].map((result) => round1(result.readyMs)),
        readyMs1Runs: timed[1].map((result) => round1(result.readyMs)),
        // Where the time goes, medians: the order's API answer on the page's own clock (from its
        // navigation start), and in Node the view drawn (last quantity input shown, before typing).
        orderAnsweredMs500: stat(LINES, 'orderResponseEnd'),
        orderAnsweredMs1: stat(1, 'orderResponseEnd'),
        orderKb500: round1(median(timed[LINES].map((result) => result.orderBytes)) / 1024),
        drawnMs500: stat(LINES, 'drawnMs'),
        drawnMs1: stat(1, 'drawnMs'),
        goal: 'readyMs500 < 1000',
        goalMet: readyMs500 < 1000,
      })
    );
  } finally {
    if (browser) await browser.close();
    await stop();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
