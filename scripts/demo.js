/**
 * npm run demo: build the app (admin panel too), then start it on its own SQLite database
 * (.tmp/demo.db) with demo data — stock items, customers, orders in every state — and a demo
 * admin whose login it prints. Run it again and it reuses the same database.
 */
const { spawnSync, spawn } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const env = {
  ...process.env,
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: process.env.DEMO_DATABASE_FILENAME || '.tmp/demo.db',
  ORDERS_DEMO: 'true',
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const build = spawnSync(npm, ['run', 'build'], { cwd: ROOT, env, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawn(npm, ['run', 'start'], { cwd: ROOT, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code) => process.exit(code ?? 0));
