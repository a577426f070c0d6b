/**
 * Webshop connections (Settings → Orders → Webshops): each kind's fields, a secret per connection,
 * credentials that are written but never answered and kept encrypted, one name per connection
 * however many ask at once, RBAC, and a delete that keeps the row for its orders.
 */
import { permission } from '../../src/plugins/orders/shared/contracts/permissions';
import { DEFAULT_STATUS_MAPS } from '../../src/plugins/orders/shared/domain/status-map';
import { setSettings } from '../helpers/fixtures';
import { startApp, type Api, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

let names = 0;
const uniqueName = (prefix = 'Bolt') => `${prefix} ${++names}`;

const create = (body: Record<string, unknown>, api: Api = app.admin) => api.post('/orders/connections', body);

const woo = () => ({ name: uniqueName('Woo'), kind: 'woocommerce', shopUrl: 'https://bolt.example.hu' });
const unas = () => ({
  name: uniqueName('Unas'),
  kind: 'unas',
  unas: { apiBase: 'https://api.unas.eu/shop', apiKey: 'unas-titkos-kulcs-123' },
});
const xml = () => ({
  name: uniqueName('XML'),
  kind: 'xml',
  feed: { url: 'https://feed.example.hu/orders.xml', username: 'feeder', password: 'jelszo-456', intervalMinutes: 30 },
});

/** The row as the database keeps it. */
const rawRow = async (documentId: string) => {
  const { strapi } = app;
  const meta = strapi.db.metadata.get('plugin::orders.connection');
  const column = (attribute: string) => (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
  const row = await strapi.db.connection(meta.tableName).where(column('documentId'), documentId).first();
  return {
    unasApiKey: row[column('unasApiKey')] as string | null,
    feedPassword: row[column('feedPassword')] as string | null,
    deletedAt: row[column('deletedAt')] as unknown,
    name: row[column('name')] as string,
  };
};

const connections = () => app.strapi.plugin('orders').service('connections');

/** The field errors of a 400 as "path code". */
const problemsOf = (response: { status: number; body: { error: { details: { errors: Array<{ path: string[]; code: string }> } } } }) => {
  expect(response.status).toBe(400);
  return response.body.error.details.errors.map(({ path, code }) => [path.join('.'), code].filter(Boolean).join(' '));
};

describe('creating a connection of each kind', () => {
  test('WooCommerce: a secret, the inbound URL, its default status map', async () => {
    const body = woo();
    const response = await create(body);
    expect(response.status).toBe(201);
    const { data } = response.body;
    expect(data).toMatchObject({
      name: body.name,
      kind: 'woocommerce',
      enabled: true,
      shopUrl: 'https://bolt.example.hu',
      statusMap: DEFAULT_STATUS_MAPS.woocommerce,
      unas: null,
      feed: null,
      lastSync: null,
    });
    expect(data.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(data.secret, 'base64url')).toHaveLength(32);
    expect(data.inboundUrl).toMatch(new RegExp(`^https?://[^/]+/api/orders/webhooks/${data.documentId}$`));
    expect((await app.admin.get(`/orders/connections/${data.documentId}`)).body.data).toEqual(data);
  });

  test('Shoprenter: the secret travels as the inbound URL’s token', async () => {
    const response = await create({ name: uniqueName('SR'), kind: 'shoprenter', shopUrl: 'https://bolt.shoprenter.hu' });
    expect(response.status).toBe(201);
    const { data } = response.body;
    expect(data.inboundUrl).toMatch(new RegExp(`/api/orders/webhooks/${data.documentId}\\?token=${data.secret}$`));
  });

  test('UNAS: the API key is taken, never answered, kept encrypted, and read back decrypted by the inbound side', async () => {
    const body = unas();
    const response = await create(body);
    expect(response.status).toBe(201);
    const { data } = response.body;
    expect(data.unas).toEqual({ apiBase: 'https://api.unas.eu/shop', hasApiKey: true, intervalMinutes: 15 });
    expect(JSON.stringify(response.body)).not.toContain('unas-titkos-kulcs-123');
    expect(JSON.stringify((await app.admin.get('/orders/connections')).body)).not.toContain('unas-titkos-kulcs-123');

    const raw = await rawRow(data.documentId);
    expect(raw.unasApiKey).toMatch(/^v1\./);
    expect(raw.unasApiKey).not.toContain('unas-titkos-kulcs-123');

    const inbound = await connections().forInbound(data.documentId);
    expect(inbound).toMatchObject({
      kind: 'unas',
      secret: data.secret,
      unas: { apiBase: 'https://api.unas.eu/shop', apiKey: 'unas-titkos-kulcs-123' },
    });
  });

  test('XML: the feed and its password, write-only; or no feed at all (a shop that only pushes)', async () => {
    const response = await create(xml());
    expect(response.status).toBe(201);
    const { data } = response.body;
    expect(data.feed).toEqual({ url: 'https://feed.example.hu/orders.xml', username: 'feeder', hasPassword: true, intervalMinutes: 30 });
    expect(JSON.stringify(response.body)).not.toContain('jelszo-456');
    const raw = await rawRow(data.documentId);
    expect(raw.feedPassword).toMatch(/^v1\./);
    expect(raw.feedPassword).not.toContain('jelszo-456');
    expect((await connections().forInbound(data.documentId)).feed).toEqual({
      url: 'https://feed.example.hu/orders.xml',
      username: 'feeder',
      password: 'jelszo-456',
      intervalMinutes: 30,
    });

    const pushOnly = await create({ name: uniqueName('XML'), kind: 'xml' });
    expect(pushOnly.status).toBe(201);
    expect(pushOnly.body.data.feed).toBeNull();
  });
});

describe('validation names every field at fault', () => {
  test.each([
    ['a WooCommerce shop without its address', { name: 'x', kind: 'woocommerce' }, ['shopUrl required']],
    ['an address that is not http(s)', { name: 'x', kind: 'shoprenter', shopUrl: 'ftp://bolt.hu' }, ['shopUrl notUrl']],
    ['a UNAS shop without its API key', { name: 'x', kind: 'unas', unas: { apiBase: 'https://api.unas.eu' } }, ['unas.apiKey required']],
    ['a feed for WooCommerce', { ...woo(), feed: { url: 'https://a.hu/f.xml' } }, ['feed notForKind']],
    ['UNAS settings for XML', { name: 'x', kind: 'xml', unas: { apiBase: 'https://api.unas.eu', apiKey: 'k' } }, ['unas notForKind']],
    ['an unknown kind', { name: 'x', kind: 'magento' }, ['kind notOneOf']],
    ['no name', { kind: 'xml' }, ['name required']],
    ['an unknown field', { name: 'x', kind: 'xml', colour: 'red' }, ['unknownField']],
    [
      'an interval below 5 minutes',
      { name: 'x', kind: 'xml', feed: { url: 'https://a.hu/f.xml', intervalMinutes: 2 } },
      ['feed.intervalMinutes belowMin'],
    ],
    [
      'an interval over a day',
      { name: 'x', kind: 'xml', feed: { url: 'https://a.hu/f.xml', intervalMinutes: 1441 } },
      ['feed.intervalMinutes aboveMax'],
    ],
    [
      'a state the lifecycle does not have',
      { name: 'x', kind: 'xml', statusMap: [{ external: 'Paid', state: 'paid' }] },
      ['statusMap.0.state notOneOf'],
    ],
    [
      'an external status listed twice',
      {
        name: 'x',
        kind: 'xml',
        statusMap: [
          { external: 'Paid', state: 'successful' },
          { external: 'Paid', state: 'failed' },
        ],
      },
      ['statusMap duplicateKeys'],
    ],
  ])('%s', async (_, body, expected) => {
    expect(problemsOf(await create(body))).toEqual(expected);
  });

  test('a custom status the settings do not list', async () => {
    await setSettings(app.admin, {
      customStatuses: [{ key: 'in-delivery', label: 'Kiszállítás alatt', color: '#328048' }],
    });
    const statusMap = [
      { external: 'Shipped', state: 'fulfilled', customStatus: 'in-delivery' },
      { external: 'Lost', state: 'failed', customStatus: 'lost-in-space' },
    ];
    const response = await create({ name: uniqueName(), kind: 'xml', statusMap });
    expect(problemsOf(response)).toEqual(['statusMap.1.customStatus unknownCustomStatus']);
    const known = await create({ name: uniqueName(), kind: 'xml', statusMap: statusMap.slice(0, 1) });
    expect(known.status).toBe(201);
    expect(known.body.data.statusMap).toEqual([{ external: 'Shipped', state: 'fulfilled', customStatus: 'in-delivery' }]);
  });
});

describe('a host app without an encryption key', () => {
  test('storing a credential is refused, naming the option to set, and nothing is written; a connection without one is made', async () => {
    const { strapi } = app;
    const key = strapi.config.get('plugin::orders.encryptionKey');
    strapi.config.set('plugin::orders.encryptionKey', '');
    try {
      const body = unas();
      const refused = await create(body);
      expect(refused.status).toBe(409);
      expect(refused.body.error.details.code).toBe('noEncryptionKey');
      expect(refused.body.error.message).toContain('encryptionKey');
      const listed = await app.admin.get('/orders/connections');
      expect(listed.body.data.map((connection: { name: string }) => connection.name)).not.toContain(body.name);
      expect((await create(woo())).status).toBe(201);
    } finally {
      strapi.config.set('plugin::orders.encryptionKey', key);
    }
  });
});

describe('changing a connection', () => {
  test('its kind never changes; left-out credentials are kept; the kind’s rules hold for the result', async () => {
    const { documentId } = (await create(unas())).body.data;
    const url = `/orders/connections/${documentId}`;
    expect(problemsOf(await app.admin.put(url, { kind: 'woocommerce' }))).toEqual(['kind kindChanged']);
    expect((await app.admin.put(url, { kind: 'unas', enabled: false })).status).toBe(200);

    const renamed = await app.admin.put(url, {
      name: uniqueName('Átnevezett'),
      unas: { apiBase: 'https://api2.unas.eu', intervalMinutes: 60 },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data).toMatchObject({
      enabled: false,
      unas: { apiBase: 'https://api2.unas.eu', hasApiKey: true, intervalMinutes: 60 },
    });
    expect((await connections().forInbound(documentId)).unas.apiKey).toBe('unas-titkos-kulcs-123');

    expect(problemsOf(await app.admin.put(url, { unas: null }))).toEqual(['unas required']);

    const woocommerce = (await create(woo())).body.data;
    expect(problemsOf(await app.admin.put(`/orders/connections/${woocommerce.documentId}`, { shopUrl: null }))).toEqual([
      'shopUrl required',
    ]);
  });

  test('a feed password is cleared with null, kept when left out', async () => {
    const { documentId } = (await create(xml())).body.data;
    const url = `/orders/connections/${documentId}`;
    const kept = await app.admin.put(url, { feed: { url: 'https://feed.example.hu/v2.xml' } });
    expect(kept.body.data.feed).toMatchObject({ url: 'https://feed.example.hu/v2.xml', username: 'feeder', hasPassword: true });
    const cleared = await app.admin.put(url, { feed: { url: 'https://feed.example.hu/v2.xml', password: null } });
    expect(cleared.body.data.feed.hasPassword).toBe(false);
    expect((await rawRow(documentId)).feedPassword).toBeNull();
  });

  test('rotating the secret gives a new one, and a new Shoprenter inbound URL', async () => {
    const before = (await create({ name: uniqueName('SR'), kind: 'shoprenter', shopUrl: 'https://x.shoprenter.hu' })).body.data;
    const rotated = await app.admin.post(`/orders/connections/${before.documentId}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.body.data.secret).not.toBe(before.secret);
    expect(rotated.body.data.inboundUrl).not.toBe(before.inboundUrl);
    expect((await connections().forInbound(before.documentId)).secret).toBe(rotated.body.data.secret);
  });

  test('an unknown connection is a named 404', async () => {
    const response = await app.admin.put('/orders/connections/nincs-ilyen', { enabled: false });
    expect(response.status).toBe(404);
    expect(response.body.error.details.code).toBe('connectionNotFound');
  });
});

describe('one name per connection', () => {
  test('a name taken (in any case) is refused', async () => {
    const body = woo();
    expect((await create(body)).status).toBe(201);
    expect(problemsOf(await create({ ...body, name: body.name.toUpperCase() }))).toEqual(['name nameTaken']);
    const other = (await create(woo())).body.data;
    expect(problemsOf(await app.admin.put(`/orders/connections/${other.documentId}`, { name: ` ${body.name} ` }))).toEqual([
      'name nameTaken',
    ]);
    // Its own name, in another case, is not taken.
    expect((await app.admin.put(`/orders/connections/${other.documentId}`, { name: other.name.toUpperCase() })).status).toBe(200);
  });

  test('ten creates of one name at once: one is created, nine are refused with nameTaken', async () => {
    const name = uniqueName('Egyszerre');
    const responses = await Promise.all(Array.from({ length: 10 }, () => create({ name, kind: 'xml' })));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(400)]);
    for (const response of responses.filter((r) => r.status === 400)) expect(problemsOf(response)).toEqual(['name nameTaken']);
    const listed = (await app.admin.get('/orders/connections')).body.data.filter((c: { name: string }) => c.name === name);
    expect(listed).toHaveLength(1);
  });
});

describe('RBAC', () => {
  const CONNECTION = (action: 'read' | 'manage') => permission('connection', action);

  test('read lists and reads but changes nothing; manage changes; none reads nothing', async () => {
    const { documentId } = (await create(woo())).body.data;
    const reader = await app.as([CONNECTION('read')]);
    expect((await reader.get('/orders/connections')).status).toBe(200);
    expect((await reader.get(`/orders/connections/${documentId}`)).status).toBe(200);
    expect((await create(woo(), reader)).status).toBe(403);
    expect((await reader.put(`/orders/connections/${documentId}`, { enabled: false })).status).toBe(403);
    expect((await reader.post(`/orders/connections/${documentId}/rotate-secret`)).status).toBe(403);
    expect((await reader.delete(`/orders/connections/${documentId}`)).status).toBe(403);

    const manager = await app.as([CONNECTION('read'), CONNECTION('manage')]);
    expect((await create(woo(), manager)).status).toBe(201);

    const nobody = await app.as([]);
    expect((await nobody.get('/orders/connections')).status).toBe(403);
  });
});

describe('deleting a connection', () => {
  test('hides it everywhere, frees its name, and keeps its row for its orders and inbox', async () => {
    const body = unas();
    const { documentId } = (await create(body)).body.data;
    const deleted = await app.admin.delete(`/orders/connections/${documentId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toEqual({ documentId });

    const gone = await app.admin.get(`/orders/connections/${documentId}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.details.code).toBe('connectionNotFound');
    expect((await app.admin.get('/orders/connections')).body.data.map((c: { documentId: string }) => c.documentId)).not.toContain(
      documentId
    );
    expect(await connections().forInbound(documentId)).toBeNull();
    expect((await connections().dueForPull(new Date())).map((c: { documentId: string }) => c.documentId)).not.toContain(documentId);
    expect((await app.admin.delete(`/orders/connections/${documentId}`)).status).toBe(404);

    const raw = await rawRow(documentId);
    expect(raw.name).toBe(body.name);
    expect(raw.deletedAt).toBeTruthy();

    expect((await create(body)).status).toBe(201);
  });
});

describe('no other door', () => {
  test('the Content Manager can neither create nor change a connection', async () => {
    const { documentId } = (await create(woo())).body.data;
    const base = '/content-manager/collection-types/plugin::orders.connection';
    const attempts = [
      app.admin.post(base, { name: uniqueName(), kind: 'xml', secret: 'mine' }),
      app.admin.put(`${base}/${documentId}`, { secret: 'mine' }),
      app.admin.delete(`${base}/${documentId}`),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBeGreaterThanOrEqual(400);
    expect((await app.admin.get(`/orders/connections/${documentId}`)).body.data.secret).not.toBe('mine');
  });
});

describe('syncing', () => {
  test('only pulled kinds sync; a feed that cannot be read is recorded as the last sync, failed', async () => {
    const woocommerce = (await create(woo())).body.data;
    const refused = await app.admin.post(`/orders/connections/${woocommerce.documentId}/sync`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.code).toBe('syncNotForKind');

    // Port 9 (discard) on this machine: nothing listens, so the pull fails at once.
    const feed = (await create({ ...xml(), feed: { url: 'http://127.0.0.1:9/orders.xml' } })).body.data;
    const synced = await app.admin.post(`/orders/connections/${feed.documentId}/sync`);
    expect(synced.status).toBe(200);
    expect(synced.body.data.lastSync).toMatchObject({ ok: false, error: expect.stringMatching(/.+/) });
  });

  test('a pulled connection is due once its interval has passed since its last sync; a sync is recorded', async () => {
    const feed = (await create(xml())).body.data;
    const dueAt = async (at: Date) => (await connections().dueForPull(at)).map((c: { documentId: string }) => c.documentId);
    const now = new Date();
    expect(await dueAt(now)).toContain(feed.documentId);

    const until = new Date(now.getTime() - 60_000);
    await connections().recordSync(feed.documentId, { at: now, ok: true, error: null, syncedUntil: until });
    expect(await dueAt(new Date(now.getTime() + 29 * 60_000))).not.toContain(feed.documentId);
    expect(await dueAt(new Date(now.getTime() + 30 * 60_000))).toContain(feed.documentId);
    expect((await connections().forInbound(feed.documentId)).lastSyncedAt).toEqual(until);

    await connections().recordSync(feed.documentId, { at: now, ok: false, error: 'HTTP 500 from the feed' });
    const shown = (await app.admin.get(`/orders/connections/${feed.documentId}`)).body.data;
    expect(shown.lastSync).toEqual({ at: now.toISOString(), ok: false, error: 'HTTP 500 from the feed' });
    expect(shown.lastSyncedAt).toBe(until.toISOString());

    // Disabled, and push-only XML and webhook shops, are never pulled.
    await app.admin.put(`/orders/connections/${feed.documentId}`, { enabled: false });
    const pushOnly = (await create({ name: uniqueName('XML'), kind: 'xml' })).body.data;
    const woocommerce = (await create(woo())).body.data;
    const due = await dueAt(new Date(now.getTime() + 3600_000));
    expect(due).not.toContain(feed.documentId);
    expect(due).not.toContain(pushOnly.documentId);
    expect(due).not.toContain(woocommerce.documentId);
  });
});
