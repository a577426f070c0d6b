/**
 * The plugin as its users get it (issue 15): built with Strapi's plugin SDK and packed with
 * `npm pack` in src/plugins/orders; the tarball installed with npm into a fresh Strapi 5 app made
 * from tests/fixtures/host-app in a temporary folder; that app's admin panel built, and the app
 * started on SQLite on a free loopback port — then used over HTTP as a shop's first admin would:
 * registering, a stock item, an order, finalized, the stock lower, the order's document made (a
 * PDF: pdfmake, its fonts and the render thread came with the package). Last, config/plugins with
 * an option the plugin does not have, or one of the wrong kind, stops the start naming it.
 *
 * Not part of `npm test`: it needs the npm registry (or the npm cache that CI's `npm ci` filled)
 * and a few minutes. `npm run test:package`; CI runs it as a step of its own. It prints how long
 * each step took. KEEP_HOST_APP=1 keeps the temporary app (and says where it is).
 */
import { spawn, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import fs from 'fs';
import { createServer } from 'net';
import os from 'os';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const PLUGIN = path.join(ROOT, 'src/plugins/orders');
const TEMPLATE = path.join(ROOT, 'tests/fixtures/host-app');
const MINUTES = 60_000;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'orders-package-'));
const host = path.join(work, 'host-app');
const strapiBin = path.join(host, 'node_modules', '.bin', 'strapi');

/** How long each step took, printed at the end. */
const timings: Array<[string, number]> = [];
const timed = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  try {
    return await run();
  } finally {
    timings.push([step, Date.now() - started]);
  }
};

const secret = () => randomBytes(32).toString('base64');
const SECRETS = {
  APP_KEYS: `${secret()},${secret()}`,
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  ENCRYPTION_KEY: secret(),
};

/**
 * The environment of every command: this process's, without what would point npm or the app
 * elsewhere — `npm run test:package`'s own npm_* variables (a prefix, a package), this
 * repository's DATABASE_* and ORDERS_* — and with the host app's secrets and no telemetry.
 */
const environment = (extra: Record<string, string> = {}) => {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(npm_|INIT_CWD$|DATABASE_|ORDERS_|NODE_ENV$|PORT$|HOST$)/i.test(name))
  );
  return {
    ...inherited,
    ...SECRETS,
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
    ...extra,
  } as NodeJS.ProcessEnv;
};

/** The last lines of a command's output, for an error that says why. */
const tail = (output: string, lines = 40) => output.split('\n').slice(-lines).join('\n');

/** Runs a command to its end; rejects with its output's tail when it fails. */
const run = (command: string, args: string[], cwd: string, extra?: Record<string, string>) =>
  new Promise<{ code: number | null; output: string; stdout: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: environment(extra), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, stdout }));
  });

const mustRun = async (command: string, args: string[], cwd: string, extra?: Record<string, string>) => {
  const result = await run(command, args, cwd, extra);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.code}:\n${tail(result.output)}`);
  return result;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const START_ENV = { NODE_ENV: 'production', HOST: '127.0.0.1' };

/** Starts the host app; resolves once /_health answers, with its base URL and process. */
const startHost = async () => {
  const port = await freePort();
  const child = spawn(strapiBin, ['start'], {
    cwd: host,
    env: environment({ ...START_ENV, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 2 * MINUTES;
  for (;;) {
    const ended = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('waiting'), 500))]);
    if (ended !== 'waiting') throw new Error(`the host app stopped (exit code ${ended}) before it listened:\n${tail(output)}`);
    const health = await fetch(`${baseUrl}/_health`).catch(() => null);
    if (health && health.status === 204) return { baseUrl, child, exited, output: () => output };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the host app did not listen within 2 minutes:\n${tail(output)}`);
    }
  }
};

/** Starts the host app expecting it not to: resolves with its exit code and output. */
const startRefused = async () => {
  const port = await freePort();
  const child: ChildProcess = spawn(strapiBin, ['start'], {
    cwd: host,
    env: environment({ ...START_ENV, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 2 * MINUTES);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  return { code, output };
};

/**
 * better-sqlite3's native binding for the host app: this repository's own build of it when the
 * version is the same (the host app pins the app's; the binding depends only on the version, the
 * platform and Node's ABI, which are the same here), else built by its install script.
 */
const installSqlite = async () => {
  const version = (root: string) =>
    JSON.parse(fs.readFileSync(path.join(root, 'node_modules/better-sqlite3/package.json'), 'utf8')).version;
  const binding = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  if (version(host) === version(ROOT) && fs.existsSync(path.join(ROOT, binding))) {
    fs.mkdirSync(path.dirname(path.join(host, binding)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, binding), path.join(host, binding));
  } else {
    await mustRun('npm', ['rebuild', 'better-sqlite3'], host);
  }
};

let tarball = '';
let packed: string[] = [];
let app: Awaited<ReturnType<typeof startHost>> | null = null;
let token = '';

/** A request to the host app, as its admin (once registered); the answer's JSON read as `T`'s data. */
const api = async <T = Record<string, string>>(method: string, url: string, body?: unknown) => {
  const response = await fetch(`${app!.baseUrl}${url}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: { data?: T; error?: unknown } | null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, body: json, text };
};

beforeAll(async () => {
  await timed('build the plugin (strapi-plugin build, tsc) and verify it', async () => {
    await mustRun('npm', ['run', 'build'], PLUGIN);
    await mustRun('npm', ['run', 'verify'], PLUGIN);
  });
  await timed('npm pack', async () => {
    // Scripts were run above: the same ones prepack runs when the package is published.
    const { stdout } = await mustRun('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], PLUGIN);
    const [report] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = path.join(work, report.filename);
    packed = report.files.map((file) => file.path);
  });
  fs.cpSync(TEMPLATE, host, { recursive: true });
  await timed('npm install the tarball into a fresh Strapi app', async () => {
    // Without install scripts: the one a Strapi app needs is better-sqlite3's, which compiles
    // SQLite for minutes where no prebuilt binary can be downloaded (installSqlite, below).
    await mustRun('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], host);
    await installSqlite();
  });
  await timed('strapi build (the host app admin panel)', async () => {
    await mustRun(strapiBin, ['build'], host, { NODE_ENV: 'production' });
  });
  await timed('strapi start until /_health answers', async () => {
    app = await startHost();
  });
}, 20 * MINUTES);

afterAll(async () => {
  if (app && app.child.exitCode === null) {
    app.child.kill('SIGTERM');
    await Promise.race([app.exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
  }
  if (process.env.KEEP_HOST_APP) console.log(`the host app is kept in ${host}`);
  else await timed('remove the temporary app', async () => fs.rmSync(work, { recursive: true, force: true }));
  const total = timings.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(
    [
      ...timings.map(([step, ms]) => `${(ms / 1000).toFixed(1).padStart(6)} s  ${step}`),
      `${(total / 1000).toFixed(1).padStart(6)} s  in all`,
    ].join('\n')
  );
}, 3 * MINUTES);

test('the tarball holds the built plugin and its papers, and no source, test, fixture, source map or build cache', () => {
  for (const file of [
    'package.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    'dist/server/src/index.js',
    'dist/server/src/index.d.ts',
    'dist/server/src/features/documents/render-worker.js',
    'dist/shared/contracts/errors.js',
    'dist/admin/index.mjs',
    'dist/admin/index.js',
    'dist/admin/src/index.d.ts',
  ]) {
    expect(packed).toContain(file);
  }
  const unwanted = packed.filter(
    (file) =>
      /\.map$|\.tsbuildinfo$|(^|\/)(tests?|fixtures|__tests__)\//.test(file) ||
      /\.test\.[jt]sx?$/.test(file) ||
      (/\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
  );
  expect(unwanted).toEqual([]);
  expect(packed.every((file) => file.startsWith('dist/') || /^(package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(file))).toBe(true);
});

test('installed, its own dependencies came with it: the host app declares none of them', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(host, 'package.json'), 'utf8'));
  expect(Object.keys(manifest.dependencies)).toContain('strapi-plugin-orders');
  const plugin = JSON.parse(fs.readFileSync(path.join(PLUGIN, 'package.json'), 'utf8'));
  for (const dependency of Object.keys(plugin.dependencies)) {
    expect(manifest.dependencies[dependency]).toBeUndefined();
    expect(fs.existsSync(path.join(host, 'node_modules', dependency, 'package.json'))).toBe(true);
  }
});

test('the first admin registers, and stock goes down when an order is finalized', async () => {
  const init = await api<{ hasAdmin: boolean }>('GET', '/admin/init');
  expect(init.body?.data?.hasAdmin).toBe(false);

  const registered = await api<{ token: string }>('POST', '/admin/register-admin', {
    firstname: 'Kovács',
    lastname: 'Anna',
    email: 'anna@bolt.example',
    password: 'Bolt-jelszo-1',
  });
  expect(registered.status).toBe(200);
  token = registered.body?.data?.token ?? '';
  expect(token).not.toBe('');

  const item = await api('POST', '/orders/stock-items', {
    sku: 'KAVE-1KG',
    name: 'Pörkölt kávé 1 kg',
    unitPrice: '8990',
    vatRate: '27',
    onHand: '10',
  });
  expect(item.status).toBe(201);
  expect(item.body?.data).toMatchObject({ sku: 'KAVE-1KG', onHand: '10' });
  const itemId = item.body!.data!.documentId;

  const order = await api<{ documentId: string; state: string; totals: { gross: string } }>('POST', '/orders/orders', {
    customer: { name: 'Szabó Péter', email: 'peter@example.hu' },
    currency: 'HUF',
    items: [{ sku: 'KAVE-1KG', quantity: '3' }],
  });
  expect(order.status).toBe(201);
  expect(order.body?.data).toMatchObject({ state: 'draft', totals: { gross: '34252' } });
  const orderId = order.body!.data!.documentId;

  const finalized = await api('POST', `/orders/orders/${orderId}/actions/finalize`, {});
  expect(finalized.status).toBe(200);
  expect(finalized.body?.data?.state).toBe('finalized');

  const after = await api('GET', `/orders/stock-items/${itemId}`);
  expect(after.status).toBe(200);
  expect(after.body?.data?.onHand).toBe('7');

  // The finalize issues the order's document after its commit, as a job rendered in the
  // documents' thread: a PDF proves pdfmake, the fonts and render-worker.js were installed.
  const deadline = Date.now() + MINUTES;
  type Document = { documentId: string; state: string; error: string | null };
  let document: Document | undefined;
  do {
    await new Promise((resolve) => setTimeout(resolve, 500));
    document = (await api<Document[]>('GET', `/orders/orders/${orderId}/documents`)).body?.data?.[0];
  } while (document?.state !== 'issued' && document?.state !== 'failed' && Date.now() < deadline);
  expect(document).toMatchObject({ state: 'issued', error: null });
  const pdf = await fetch(`${app!.baseUrl}/orders/documents/${document!.documentId}/pdf`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(pdf.status).toBe(200);
  expect(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString('latin1')
  ).toBe('%PDF-');
});

test("the host app's built admin panel holds the plugin: its menu entries' words, in both languages", async () => {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const file = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.m?js$/.test(entry.name)) files.push(file);
    }
  };
  const built = [path.join(host, 'build'), path.join(host, 'dist', 'build')].find((directory) => fs.existsSync(directory));
  expect(built).toBeDefined();
  walk(built!);
  const bundle = files.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  const words = (language: string) => JSON.parse(fs.readFileSync(path.join(PLUGIN, 'admin/src/translations', `${language}.json`), 'utf8'));
  for (const language of ['en', 'hu']) {
    const { 'plugin.name': orders, 'inventory.title': inventory } = words(language);
    expect(bundle).toContain(JSON.stringify(orders).slice(1, -1));
    expect(bundle).toContain(JSON.stringify(inventory).slice(1, -1));
  }

  const page = await fetch(`${app!.baseUrl}/admin`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
});

describe('config/plugins is checked at start', () => {
  beforeAll(async () => {
    if (!app) return;
    app.child.kill('SIGTERM');
    await app.exited;
  }, MINUTES);

  const withPluginConfig = async (config: string) => {
    fs.writeFileSync(
      path.join(host, 'config/plugins.js'),
      `module.exports = ({ env }) => ({ orders: { enabled: true, config: { encryptionKey: env('ENCRYPTION_KEY'), ${config} } } });\n`
    );
    return timed(`strapi start refused (${config})`, startRefused);
  };

  test(
    'an option the plugin does not have stops the start, named',
    async () => {
      const { code, output } = await withPluginConfig("timezone: 'Europe/Budapest'");
      expect(code).not.toBe(0);
      expect(output).toMatch(/orders plugin config \(config\/plugins\): timezone is not an option \(the options are timeZone, /);
    },
    3 * MINUTES
  );

  test(
    'a value of the wrong kind stops the start, named',
    async () => {
      const { code, output } = await withPluginConfig("jobs: { work: 'yes', pollingIntervalSeconds: 2 }");
      expect(code).not.toBe(0);
      expect(output).toMatch(/jobs\.work must be true or false/);
    },
    3 * MINUTES
  );
});
