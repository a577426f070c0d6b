/**
 * npm run demo: build the app (admin panel too), then start it on its own SQLite database
 * (.tmp/demo.db) with demo data — stock items, customers, orders in every state — and a demo
 * admin whose login it prints. Run it again and it reuses the same database.
 *
 * It listens on 127.0.0.1 only (HOST=0.0.0.0 npm run demo to let other machines in): the demo
 * admin's password is printed here and in the README. Its secrets are generated on first start
 * and kept in .env (config/secrets.ts).
 */
const { spawnSync, spawn } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const env = {
  ...process.env,
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: process.env.DEMO_DATABASE_FILENAME || '.tmp/demo.db',
  HOST: process.env.HOST || '127.0.0.1',
  ORDERS_DEMO: 'true',
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const build = spawnSync(npm, ['run', 'build'], { cwd: ROOT, env, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawn(npm, ['run', 'start'], { cwd: ROOT, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code) => process.exit(code ?? 0));
