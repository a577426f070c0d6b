/** The admin API over loopback HTTP, as the admin panel calls it: a login, then GETs and POSTs with its token. */
const http = require('http');

/** A GET of the admin API; resolves to its JSON, rejects on anything but 200. */
const request = (url, token) =>
  new Promise((resolve, reject) => {
    http
      .get(url, { headers: { Authorization: `Bearer ${token}` } }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () =>
          response.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`${response.statusCode} ${body}`))
        );
      })
      .on('error', reject);
  });

/** A POST of JSON to the admin API; resolves to the status, the JSON answer and its size in bytes. */
const post = (url, token, body) =>
  new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks);
          resolve({ status: response.statusCode, body: JSON.parse(text.toString('utf8')), bytes: text.length });
        });
      }
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });

/** Logs an admin in; resolves to the token. */
const login = (base, email, password) =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify({ email, password });
    const req = http.request(`${base}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text).data.token));
    });
    req.on('error', reject);
    req.end(body);
  });

/**
 * Makes the booted app listen on loopback and logs a super admin in: what a benchmark's requests
 * go to (`base`) and with (`token`).
 */
const serveAsBenchAdmin = async (strapi) => {
  await new Promise((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email: 'bench@orders.local',
    firstname: 'Bench',
    lastname: 'Admin',
    password: 'Bench-password-1',
    isActive: true,
    roles: [superAdmin.id],
  });
  return { base, token: await login(base, 'bench@orders.local', 'Bench-password-1') };
};

module.exports = { request, post, login, serveAsBenchAdmin };
