/**
 * How long an order with 500 lines takes to open in the itemised view, ready for input.
 *
 * Boots the built app (admin panel included) on a fresh database, listening on loopback, creates a
 * 500-line and a 1-line draft order, logs into the admin in Debian's chromium (playwright-core,
 * never a downloaded browser) and times, in rounds alternating the two orders, page.goto of the
 * order's page until its itemised view is ready for input: the sheet holds all the lines, the first
 * line's quantity input is shown and enabled, and typing into it changes it. (Only the lines in
 * sight are drawn; the time to scroll to the last line and see it drawn is measured apart.) The
 * 1-line order is the baseline of the same run (page load and admin boot); the goal is that the
 * 500-line order is ready in under a second.
 *
 * Also measured, the same way: opening each order from the orders list (a click in the admin
 * already loaded: no page load, no admin boot, only the order's request and the view itself), and
 * on the page's own clock when the order's data arrived and when the view was drawn.
 *
 * Informational: prints one JSON line and exits 0 whatever the figures.
 *
 *   node bench/itemised-view.js                            # SQLite
 *   DATABASE_CLIENT=postgres node bench/itemised-view.js   # PostgreSQL on 127.0.0.1:5432
 *
 * BENCH_ROUNDS (default 5) sets the timed rounds; BENCH_VERBOSE=1 prints each timed load to
 * stderr; BENCH_PROFILE=1 adds one opening of the 500-line order from the list under the CPU
 * profiler and the timeline trace, summarised on stderr and saved in $TMPDIR/bench-itemised-view/
 * (profile.cpuprofile and trace.json open in chromium's DevTools, Performance panel).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT, loadStrapi } = require('../tests/helpers/database');

const LINES = 500;
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const PROFILE = process.env.BENCH_PROFILE === '1';
const VERBOSE = process.env.BENCH_VERBOSE === '1';
const STOCK_ITEMS = 5;
const ACTOR = { type: 'system', name: 'bench' };
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT = 60_000;
/** The quantity inputs of the itemised view: ItemsRow.tsx labels them with the column's name (en). */
const QUANTITY = 'input[aria-label="Quantity"]';

const median = (values) => {
  const known = values.filter((value) => typeof value === 'number' && Number.isFinite(value));
  return known.length ? [...known].sort((a, b) => a - b)[Math.floor(known.length / 2)] : null;
};
const round1 = (value) => (typeof value === 'number' && Number.isFinite(value) ? Number(value.toFixed(1)) : null);

/**
 * In every page, before its own scripts: keeps traffic on loopback (the admin asks GitHub for
 * Strapi's latest release, AuthenticatedLayout; fetch and XHR elsewhere are refused in the page,
 * which costs the timings nothing, unlike intercepting every request through the DevTools
 * protocol), sets the admin's language and records when clicks happen.
 */
const pageSetup = () => {
  window.localStorage.setItem('strapi-admin-language', 'en');
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

  const bench = (window.__bench = { clicks: [] });
  // The click that opens an order from the list, on the page's clock.
  window.addEventListener('click', (event) => bench.clicks.push(event.timeStamp), true);
};

/**
 * In the page: drawn once the sheet holds all the order's lines (its aria-rowcount; the lines out
 * of sight are not drawn, ItemsWindow) and the first line's quantity input is shown and enabled;
 * answers the page's clock.
 */
const drawn = ({ selector, lines }) => {
  const sheet = document.querySelector('table[aria-rowcount]');
  if (!sheet || Number(sheet.getAttribute('aria-rowcount')) !== lines + 1) return false;
  const first = sheet.querySelector(`tr[aria-rowindex="2"] ${selector}`);
  if (!first) return false;
  const box = first.getBoundingClientRect();
  const shown = !first.disabled && box.width > 0 && box.height > 0 && getComputedStyle(first).visibility !== 'hidden';
  return shown && performance.now();
};

/** In the page: scrolls the sheet to its end; answers the page's clock. */
const scrollToEnd = () => {
  const frame = document.querySelector('table[aria-rowcount]').parentElement;
  frame.scrollTop = frame.scrollHeight;
  return performance.now();
};

/** In the page: the last line's quantity input is drawn inside the sheet's frame; answers the page's clock. */
const lastLineShown = ({ selector, lines }) => {
  const sheet = document.querySelector('table[aria-rowcount]');
  const last = sheet.querySelector(`tr[aria-rowindex="${lines + 1}"] ${selector}`);
  if (!last) return false;
  const box = last.getBoundingClientRect();
  const frame = sheet.parentElement.getBoundingClientRect();
  return box.height > 0 && box.top >= frame.top && box.bottom <= frame.bottom && performance.now();
};

/** Scrolls the drawn sheet to its last line; answers the ms until that line is drawn in sight. */
const awaitLastLine = async (page, lines) => {
  const scrolledAt = await page.evaluate(scrollToEnd);
  const shownAt = await (
    await page.waitForFunction(lastLineShown, { selector: QUANTITY, lines }, { polling: 'raf', timeout: TIMEOUT })
  ).jsonValue();
  return shownAt - scrolledAt;
};

/** In the page: the first line's quantity input has taken the typed digit; answers the page's clock. */
const typed = ({ selector, expected }) => document.querySelector(selector).value === expected && performance.now();

/** In the page: the order's request (the last since `since`) as resource timing saw it. */
const orderTiming = ({ documentId, since }) => {
  const order = performance
    .getEntriesByType('resource')
    .filter((entry) => entry.name.includes(`/orders/orders/${documentId}`) && entry.startTime >= since)
    .pop();
  return { orderAnswered: order ? order.responseEnd : null, orderBytes: order ? order.encodedBodySize : null };
};

/** Waits for the drawn view, then types into the first line's quantity; answers the page's clock at both. */
const awaitReady = async (page, lines) => {
  const drawnAt = await (
    await page.waitForFunction(drawn, { selector: QUANTITY, lines }, { polling: 'raf', timeout: TIMEOUT })
  ).jsonValue();
  // Interactive: focusing the first line's quantity input and typing a digit changes what it shows.
  const before = await page.evaluate((selector) => {
    const input = document.querySelector(selector);
    input.focus();
    return input.value;
  }, QUANTITY);
  await page.keyboard.type('7');
  const readyAt = await (
    await page.waitForFunction(typed, { selector: QUANTITY, expected: `${before}7` }, { polling: 'raf', timeout: TIMEOUT })
  ).jsonValue();
  return { drawnAt, readyAt };
};

/**
 * Opens the order's page from a blank one (page.goto: page load, admin boot, the order) and waits
 * until its itemised view takes input. Answers the wall time in Node from the goto, and the page's
 * own clock (from its navigation start).
 */
const openByGoto = async (page, url, order, lines) => {
  await page.goto('about:blank');
  const start = performance.now();
  await page.goto(`${url}/admin/plugins/orders/${order.documentId}`, { waitUntil: 'commit', timeout: TIMEOUT });
  const { drawnAt, readyAt } = await awaitReady(page, lines);
  const readyMs = performance.now() - start;
  const own = await page.evaluate(orderTiming, { documentId: order.documentId, since: 0 });
  return { readyMs, pageDrawnMs: drawnAt, pageReadyMs: readyAt, ...own };
};

/**
 * Opens the order from the orders list with a click, in the admin already loaded; answers the
 * page's clock from the click event to the ready view.
 */
const openFromList = async (page, url, order, lines) => {
  await page.goto(`${url}/admin/plugins/orders`, { timeout: TIMEOUT });
  const link = page.locator(`a[href$="/plugins/orders/${order.documentId}"]`);
  await link.waitFor({ timeout: TIMEOUT });
  await page.waitForTimeout(300);
  await link.click();
  const { drawnAt, readyAt } = await awaitReady(page, lines);
  const clickedAt = await page.evaluate(() => window.__bench.clicks[window.__bench.clicks.length - 1]);
  const own = await page.evaluate(orderTiming, { documentId: order.documentId, since: clickedAt });
  const lastLineMs = await awaitLastLine(page, lines);
  return { readyMs: readyAt - clickedAt, drawnMs: drawnAt - clickedAt, orderAnswered: own.orderAnswered - clickedAt, lastLineMs };
};

const createData = async (strapi) => {
  const inventory = strapi.plugin('orders').service('inventory');
  const orders = strapi.plugin('orders').service('orders');
  const stock = [];
  for (let i = 0; i < STOCK_ITEMS; i += 1) {
    stock.push(
      await inventory.create(
        { sku: `BENCH-${i}`, name: `Bench item ${i}`, unit: 'kg', unitPrice: '1000', vatRate: '27', onHand: '100000' },
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
  await context.addInitScript(pageSetup);
  const page = await context.newPage();
  // Anything that would still leave loopback is reported (watched, not intercepted).
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
  const firstRow = await page
    .locator(`tbody tr:has(${QUANTITY})`)
    .first()
    .evaluate((row) => row.outerHTML);
  const elements = await page.evaluate((selector) => {
    const lineRows = [...document.querySelectorAll('tbody tr')].filter((row) => row.querySelector(selector));
    const inLines = lineRows.reduce((sum, row) => sum + row.getElementsByTagName('*').length + 1, 0);
    return { page: document.getElementsByTagName('*').length, inLines, perLine: inLines / lineRows.length };
  }, QUANTITY);
  console.error(
    `[itemised-view] ${rows} tbody rows, ${quantities} quantity inputs; ${elements.page} elements in the page, ${elements.inLines} in the line rows (${elements.perLine} per line); the first line's row:`
  );
  console.error(`  ${firstRow.slice(0, 500)}${firstRow.length > 500 ? '…' : ''}`);
};

/**
 * One more opening of the 500-line order from the list, under the CPU profiler and the timeline
 * trace: where the view's own time goes, without the page load and the admin boot. Summary on
 * stderr: the renderer main thread by trace event, CPU self time by function and by file.
 */
const profileOpen = async (browser, page, url, order) => {
  await page.goto(`${url}/admin/plugins/orders`, { timeout: TIMEOUT });
  const link = page.locator(`a[href$="/plugins/orders/${order.documentId}"]`);
  await link.waitFor({ timeout: TIMEOUT });
  await page.waitForTimeout(300);
  const client = await page.context().newCDPSession(page);
  await client.send('Profiler.enable');
  await client.send('Profiler.setSamplingInterval', { interval: 250 });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'],
  });
  await client.send('Profiler.start');
  const opened = await (async () => {
    await link.click();
    const { drawnAt, readyAt } = await awaitReady(page, LINES);
    const clickedAt = await page.evaluate(() => window.__bench.clicks[window.__bench.clicks.length - 1]);
    return { drawnMs: drawnAt - clickedAt, readyMs: readyAt - clickedAt };
  })().catch((error) => ({ error }));
  const { profile } = await client.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  await client.detach();
  if (opened.error) throw opened.error;

  const out = path.join(os.tmpdir(), 'bench-itemised-view');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'profile.cpuprofile'), JSON.stringify(profile));
  fs.writeFileSync(path.join(out, 'trace.json'), JSON.stringify(trace));

  const list = (map, count) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
  const add = (map, key, ms) => map.set(key, (map.get(key) || 0) + ms);
  // Timeline: the page's renderer main thread (the one with the click), by event name.
  const click = trace.traceEvents.find((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'click');
  const byEvent = new Map();
  for (const event of trace.traceEvents) {
    if (!click || event.pid !== click.pid || event.tid !== click.tid || event.ph !== 'X' || !event.dur) continue;
    add(byEvent, event.name, event.dur / 1000);
  }
  // CPU profile: self time by function (name, file, line:column in the bundle) and by file.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map();
  const byFile = new Map();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id).callFrame;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const file = path.basename(frame.url || '') || (frame.functionName.startsWith('(') ? frame.functionName : '(native)');
    add(
      byFunction,
      `${frame.functionName || '(anonymous)'} ${path.basename(frame.url || '')}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`,
      ms
    );
    add(byFile, file, ms);
  });
  console.error(
    `[itemised-view] profiled opening from the list (slower than the timed ones): drawn ${opened.drawnMs.toFixed(0)} ms, ready ${opened.readyMs.toFixed(0)} ms after the click; files in ${out}/`
  );
  console.error('  renderer main thread by trace event (inclusive ms; nested events overlap):');
  for (const [name, ms] of list(byEvent, 16)) console.error(`    ${ms.toFixed(1).padStart(8)}  ${name}`);
  console.error('  CPU self time by file (ms; "(program)" is the browser\'s own work: style, layout, paint):');
  for (const [name, ms] of list(byFile, 8)) console.error(`    ${ms.toFixed(1).padStart(8)}  ${name}`);
  console.error('  CPU self time by function (ms):');
  for (const [key, ms] of list(byFunction, 20)) console.error(`    ${ms.toFixed(1).padStart(8)}  ${key}`);
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

    // Warm-up: one of each (browser cache, the server's first queries, JIT).
    await openByGoto(page, url, large, LINES);
    await openByGoto(page, url, small, 1);
    await openFromList(page, url, large, LINES);
    await openFromList(page, url, small, 1);

    const goto = { [LINES]: [], 1: [] };
    const list = { [LINES]: [], 1: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate which goes first, so that neither always follows the other.
      const pair =
        round % 2 === 0
          ? [
              [large, LINES],
              [small, 1],
            ]
          : [
              [small, 1],
              [large, LINES],
            ];
      for (const [order, lines] of pair) {
        const result = await openByGoto(page, url, order, lines);
        goto[lines].push(result);
        if (VERBOSE)
          console.error(
            `[itemised-view] round ${round + 1}, goto, ${lines} line(s): ${JSON.stringify(result, (k, v) => (typeof v === 'number' ? round1(v) : v))}`
          );
      }
      for (const [order, lines] of pair) {
        const result = await openFromList(page, url, order, lines);
        list[lines].push(result);
        if (VERBOSE)
          console.error(
            `[itemised-view] round ${round + 1}, from the list, ${lines} line(s): ${JSON.stringify(result, (k, v) => (typeof v === 'number' ? round1(v) : v))}`
          );
      }
    }
    if (PROFILE) await profileOpen(browser, page, url, large);

    const stat = (results, field) => round1(median(results.map((result) => result[field])));
    const readyMs500 = stat(goto[LINES], 'readyMs');
    const readyMs1 = stat(goto[1], 'readyMs');
    console.log(
      JSON.stringify({
        database: strapi.db.dialect.client,
        lines: LINES,
        rounds: ROUNDS,
        readyMs500,
        readyMs1,
        ratio: Number((readyMs500 / readyMs1).toFixed(2)),
        extraMsFor499Lines: round1(readyMs500 - readyMs1),
        goal: 'readyMs500 < 1000',
        goalMet: readyMs500 < 1000,
        readyMs500Runs: goto[LINES].map((result) => round1(result.readyMs)),
        readyMs1Runs: goto[1].map((result) => round1(result.readyMs)),
        // The page's own clock from its navigation start: the order's data answered, the view drawn
        // (last quantity input shown), ready (the typed digit shows).
        page500: {
          orderAnsweredMs: stat(goto[LINES], 'orderAnswered'),
          drawnMs: stat(goto[LINES], 'pageDrawnMs'),
          readyMs: stat(goto[LINES], 'pageReadyMs'),
        },
        page1: {
          orderAnsweredMs: stat(goto[1], 'orderAnswered'),
          drawnMs: stat(goto[1], 'pageDrawnMs'),
          readyMs: stat(goto[1], 'pageReadyMs'),
        },
        orderKb500: round1(stat(goto[LINES], 'orderBytes') / 1024),
        // Opened from the orders list by a click, admin already loaded; the page's clock from the click.
        fromListReadyMs500: stat(list[LINES], 'readyMs'),
        fromListReadyMs1: stat(list[1], 'readyMs'),
        fromListReadyMs500Runs: list[LINES].map((result) => round1(result.readyMs)),
        fromListDrawnMs500: stat(list[LINES], 'drawnMs'),
        fromListOrderAnsweredMs500: stat(list[LINES], 'orderAnswered'),
        // Then the sheet scrolled to its end at once: until the last line is drawn in sight.
        lastLineMs500: stat(list[LINES], 'lastLineMs'),
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
