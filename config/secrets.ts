/**
 * Strapi's secrets: what signs admin sessions and API tokens, salts them, encrypts. They come
 * from the environment (Strapi loads a `.env` file into it first).
 *
 * - Production (NODE_ENV=production) refuses to start unless every secret is set, at least 32
 *   characters long, and free of any value published in this repository or in Strapi's
 *   templates (each of APP_KEYS' keys too) — and names every secret at fault, never its value.
 *   The check runs when the server starts (src/index.ts), not when configuration is read, so
 *   that `strapi build` builds the admin panel without the server's secrets.
 * - Development: a secret not set is generated at random on first start and appended to `.env`
 *   (git-ignored; created with mode 600), so that sessions survive a restart and no two
 *   checkouts share a secret. Lines already in `.env` are never changed.
 * - Tests and benchmarks (NODE_ENV=test): a secret not set is generated at random for the
 *   process and its children (through the environment) and written nowhere.
 */
import { randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';

export const SECRET_NAMES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/**
 * Values anyone can read: this app's former development defaults and Strapi's `.env.example`.
 * A secret containing one (in any case) is no secret.
 */
export const PUBLIC_VALUES = [
  'dev-app-key-1',
  'dev-app-key-2',
  'dev-api-token-salt',
  'dev-admin-jwt-secret',
  'dev-transfer-token-salt',
  'dev-jwt-secret',
  'dev-encryption-key',
  'tobemodified',
];

export const MIN_SECRET_LENGTH = 32;

/** Why `value` cannot be the secret `name` in production, or undefined when it can. */
export const secretProblem = (name: SecretName, value: string | undefined): string | undefined => {
  if (!value) return 'is not set';
  const parts = name === 'APP_KEYS' ? value.split(',') : [value];
  const label = (i: number) => (name === 'APP_KEYS' ? `key ${i + 1} ` : '');
  for (const [i, part] of parts.entries()) {
    if (part.length < MIN_SECRET_LENGTH) return `${label(i)}is shorter than ${MIN_SECRET_LENGTH} characters`;
    if (PUBLIC_VALUES.some((known) => part.toLowerCase().includes(known))) return `${label(i)}contains a published development value`;
  }
  return undefined;
};

/** A fresh random secret; APP_KEYS gets four keys, as Strapi's own project generator makes. */
const generate = (name: SecretName) => {
  const one = () => randomBytes(32).toString('base64');
  return name === 'APP_KEYS' ? [one(), one(), one(), one()].join(',') : one();
};

/** The file Strapi loads into the environment: ENV_PATH, or `.env` in the working directory. */
export const envFile = () => process.env.ENV_PATH || path.resolve(process.cwd(), '.env');

/** Appends `secrets` to the env file, skipping a name another process wrote there meanwhile. */
const remember = (secrets: Partial<Record<SecretName, string>>) => {
  const file = envFile();
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const missing = Object.entries(secrets).filter(([name]) => !new RegExp(`^\\s*(export\\s+)?${name}\\s*=`, 'm').test(existing));
  if (!missing.length) return;
  const lines = missing.map(([name, value]) => `${name}=${value}`).join('\n');
  const header = '# Generated for development on first start (config/secrets.ts). Never use these in production.';
  fs.appendFileSync(file, `${existing && !existing.endsWith('\n') ? '\n' : ''}${header}\n${lines}\n`, { mode: 0o600 });
  console.info(`Generated development secrets for ${missing.map(([name]) => name).join(', ')} in ${file}`);
};

/** Sets every missing secret in the environment; in development also remembers them in `.env`. */
const provideMissingSecrets = () => {
  const missing = SECRET_NAMES.filter((name) => !process.env[name]);
  if (!missing.length) return;
  const secrets = Object.fromEntries(missing.map((name) => [name, generate(name)])) as Record<SecretName, string>;
  Object.assign(process.env, secrets);
  if (process.env.NODE_ENV !== 'test') remember(secrets);
};

export const secret = (name: SecretName): string => {
  const value = process.env[name];
  if (value) return value;
  // Production starts only with its secrets set (assertProductionSecrets); a build needs none.
  if (process.env.NODE_ENV === 'production') return '';
  provideMissingSecrets();
  return process.env[name] as string;
};

/** Every secret production would refuse, with why: "ADMIN_JWT_SECRET is shorter than 32 characters". */
export const productionSecretProblems = () =>
  SECRET_NAMES.flatMap((name) => {
    const problem = secretProblem(name, process.env[name]);
    return problem ? [`${name} ${problem}`] : [];
  });

/** Throws, naming them all, when production would run on missing, short or public secrets. */
export const assertProductionSecrets = () => {
  if (process.env.NODE_ENV !== 'production') return;
  const problems = productionSecretProblems();
  if (problems.length) {
    throw new Error(
      `Production refuses to start on these secrets: ${problems.join('; ')}. Set each in the environment ` +
        `to at least ${MIN_SECRET_LENGTH} random characters (e.g. \`openssl rand -base64 32\`; APP_KEYS: several, comma-separated).`
    );
  }
};
