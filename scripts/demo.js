/**
 * npm run demo: build the app (admin panel too) unless the build is newer than every source, then
 * start it on its own SQLite database (DATABASE_FILENAME, default .tmp/demo.db) with demo data —
 * stock items, customers, orders in every state — and a demo admin whose login it prints with the
 * URL the app really listens on (PORT, default 1337; PORT=0 takes a free one). Run it again and it
 * reuses the same database.
 *
 * It listens on 127.0.0.1 only (HOST=0.0.0.0 npm run demo to let other machines in): the demo
 * admin's password is printed here and in the README. Its secrets are generated on first start
 * and kept in .env (config/secrets.ts).
 */
const { spawnSync, spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const env = {
  ...process.env,
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: process.env.DATABASE_FILENAME || '.tmp/demo.db',
  HOST: process.env.HOST || '127.0.0.1',
  ORDERS_DEMO: 'true',
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** What the build is made of: the app's and the plugin's sources, its config, its dependencies. */
const SOURCES = ['src', 'config', 'package.json', 'package-lock.json', 'tsconfig.json'];
const BUILT = path.join(ROOT, 'dist', 'build', 'index.html');
const IGNORED = new Set(['node_modules', 'dist', '.cache']);

/** The newest modification time under `file`, skipping build output. */
const newest = (file) => {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(file)
    .filter((name) => !IGNORED.has(name))
    .reduce((latest, name) => Math.max(latest, newest(path.join(file, name))), stat.mtimeMs);
};

const built = fs.statSync(BUILT, { throwIfNoEntry: false });
if (built && built.mtimeMs > Math.max(...SOURCES.map((source) => newest(path.join(ROOT, source))))) {
  console.log('The build is newer than the sources: starting it (delete dist/ to build again).');
} else {
  const build = spawnSync(npm, ['run', 'build'], { cwd: ROOT, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const app = spawn(npm, ['run', 'start'], { cwd: ROOT, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code) => process.exit(code ?? 0));
