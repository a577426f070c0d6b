/**
 * The plugin's package.json declares what its code needs, as the app's does: a host app installs
 * only what the plugin's manifest names (tests/package/ proves it installs and runs), so a module
 * imported but not declared would work here — the app has it — and fail in a shop's app.
 */
import fs from 'fs';
import { isBuiltin } from 'module';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const PLUGIN = path.join(ROOT, 'src/plugins/orders');
const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const plugin = JSON.parse(fs.readFileSync(path.join(PLUGIN, 'package.json'), 'utf8'));

/** Packages the code reads files of (by require.resolve of their package.json), not imports. */
const READ_BY_FILE = ['dejavu-fonts-ttf'];

const sources = (directory: string): string[] =>
  fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });

/** The package a module specifier names: `@scope/name` or `name`, whatever path follows. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Every package the plugin's code loads when it runs: imports that are not `import type`, dynamic imports, requires. */
const imported = () => {
  const found = new Map<string, string>();
  for (const file of ['server/src', 'admin/src', 'shared'].flatMap((folder) => sources(path.join(PLUGIN, folder)))) {
    const code = fs.readFileSync(file, 'utf8');
    const specifiers = [
      ...[...code.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm)]
        .filter((match) => !match[1])
        .map((match) => match[2]),
      ...[...code.matchAll(/(?<![.\w])(?:import|require)\('([^']+)'\)/g)].map((match) => match[1]),
    ];
    for (const specifier of specifiers) {
      if (specifier.startsWith('.') || isBuiltin(specifier)) continue;
      if (!found.has(packageOf(specifier))) found.set(packageOf(specifier), path.relative(PLUGIN, file));
    }
  }
  return found;
};

test('every package the code loads is a dependency or a peer dependency of the plugin', () => {
  const declared = new Set([...Object.keys(plugin.dependencies), ...Object.keys(plugin.peerDependencies)]);
  const undeclared = [...imported()].filter(([name]) => !declared.has(name)).map(([name, file]) => `${name} (${file})`);
  expect(undeclared).toEqual([]);
});

test('every dependency of the plugin is used', () => {
  const used = new Set([...imported().keys(), ...READ_BY_FILE]);
  expect(Object.keys(plugin.dependencies).filter((name) => !used.has(name))).toEqual([]);
});

test("the plugin's dependencies are exact versions, the very ones the app installs", () => {
  for (const [name, version] of Object.entries<string>(plugin.dependencies)) {
    expect([name, version]).toEqual([name, expect.stringMatching(/^\d+\.\d+\.\d+$/)]);
    expect([name, version]).toEqual([name, app.dependencies[name]]);
  }
});

test('what the app installs satisfies every peer dependency of the plugin', () => {
  for (const [name, range] of Object.entries<string>(plugin.peerDependencies)) {
    const installed: string = JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [ROOT] }), 'utf8')).version;
    // Every range is a caret range: the same major version, at least the one named.
    const [, floor] = /^\^(\d+\.\d+\.\d+)$/.exec(range) ?? [];
    expect([name, floor]).toEqual([name, expect.any(String)]);
    const [major, ...rest] = installed.split('.').map(Number);
    const [floorMajor, ...floorRest] = floor.split('.').map(Number);
    const atLeast = rest[0] > floorRest[0] || (rest[0] === floorRest[0] && rest[1] >= floorRest[1]);
    expect([name, installed, major === floorMajor && atLeast]).toEqual([name, installed, true]);
  }
});

test('the Marketplace finds it: a Strapi plugin named orders, with its keyword', () => {
  expect(plugin.strapi).toMatchObject({ kind: 'plugin', name: 'orders', displayName: expect.any(String), description: expect.any(String) });
  expect(plugin.keywords).toContain('strapi-plugin');
  expect(plugin.private).toBeUndefined();
  expect(plugin.license).toBe('MIT');
});
