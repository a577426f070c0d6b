/**
 * Boots the real app — compiled config, the compiled orders plugin — on a fresh database, and
 * talks to it over HTTP with supertest, logged in as admins of chosen roles.
 */
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { loadStrapi } from './database';

export interface TestApp {
  strapi: Core.Strapi;
  /** An HTTP client logged in as a super admin. */
  admin: Api;
  /** An HTTP client logged in as an admin whose role holds exactly these actions. */
  as(actions: string[]): Promise<Api>;
  stop(): Promise<void>;
}

export type Api = ReturnType<typeof apiClient>;

/** `server` is this process's Strapi, or the base URL of another process serving the same database. */
const apiClient = (server: Core.Strapi['server']['httpServer'] | string, token: string) => {
  const http = () => request(server);
  const auth = { Authorization: `Bearer ${token}` };
  return {
    /** The admin JWT, for requests the methods below cannot make (raw sockets, other clients). */
    token,
    /** The same login, against another app process on the same database. */
    at: (baseUrl: string) => apiClient(baseUrl, token),
    /** Any method, with nothing sent yet: headers and body are the caller's (hostile requests). */
    request: (method: 'get' | 'post' | 'put' | 'delete' | 'patch' | 'head', url: string) => http()[method](url).set(auth),
    get: (url: string) => http().get(url).set(auth),
    /** A GET whose body is read as bytes whatever its type (a PDF, a ZIP). */
    bytes: (url: string) =>
      http()
        .get(url)
        .set(auth)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        }),
    post: (url: string, body?: object | string) =>
      http()
        .post(url)
        .set(auth)
        .send(body ?? {}),
    /** A POST with more headers (an Idempotency-Key, a Content-Type…). */
    postWith: (headers: Record<string, string>, url: string, body?: object | string) =>
      http()
        .post(url)
        .set({ ...auth, ...headers })
        .send(body ?? {}),
    put: (url: string, body?: object | string) =>
      http()
        .put(url)
        .set(auth)
        .send(body ?? {}),
    delete: (url: string) => http().delete(url).set(auth),
  };
};

let users = 0;

const loginAs = async (strapi: Core.Strapi, roleId: number) => {
  users += 1;
  const email = `admin${users}@orders.test`;
  const password = 'Test-password-1';
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: `Admin ${users}`,
    password,
    isActive: true,
    roles: [roleId],
  });
  const response = await request(strapi.server.httpServer).post('/admin/login').send({ email, password });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return apiClient(strapi.server.httpServer, response.body.data.token);
};

/** `restore`: start on a copy of a fixture database instead of an empty one (see database.js). */
export const startApp = async (options?: { restore: { sqlite: string; postgres: string } }): Promise<TestApp> => {
  process.env.NODE_ENV = 'test';
  const { strapi, stop } = await loadStrapi(options);
  // Listen on loopback for real, so concurrent requests share one server like a shop's would.
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  const admin = await loginAs(strapi, superAdmin.id);

  return {
    strapi,
    admin,
    async as(actions) {
      const roles = strapi.service('admin::role');
      const role = await roles.create({ name: `Role ${users + 1}`, description: actions.join(', ') || 'no actions' });
      await roles.assignPermissions(
        role.id,
        actions.map((action) => ({ action, subject: null, conditions: [], properties: {} }))
      );
      return loginAs(strapi, role.id);
    },
    stop,
  };
};
