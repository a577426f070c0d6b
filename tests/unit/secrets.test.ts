import fs from 'fs';
import os from 'os';
import path from 'path';
import { assertProductionSecrets, productionSecretProblems, secret, secretProblem, SECRET_NAMES } from '../../config/secrets';

/** Runs with exactly `env` for the secrets (and NODE_ENV, ENV_PATH), restoring the environment after. */
const withEnv = (env: Record<string, string>, run: () => void) => {
  const saved = { ...process.env };
  for (const name of [...SECRET_NAMES, 'ENV_PATH']) delete process.env[name];
  Object.assign(process.env, env);
  try {
    run();
  } finally {
    process.env = saved;
  }
};

const random = (length = 44) => 'R'.repeat(length);
const real = Object.fromEntries(SECRET_NAMES.map((name, i) => [name, `${'s'.repeat(40)}${i}`]));

describe('production', () => {
  test('starts on long secrets of its own', () => {
    withEnv({ NODE_ENV: 'production', ...real }, () => {
      expect(() => assertProductionSecrets()).not.toThrow();
      expect(secret('JWT_SECRET')).toBe(real.JWT_SECRET);
    });
  });

  test.each([
    ['missing', undefined, 'is not set'],
    ['empty', '', 'is not set'],
    ['one character', 'x', 'is shorter than 32 characters'],
    ['31 characters', random(31), 'is shorter than 32 characters'],
    ['the development value', 'dev-admin-jwt-secret', 'is shorter than 32 characters'],
    ['the development value, padded to length', `dev-admin-jwt-secret${random(20)}`, 'contains a published development value'],
    ['another secret’s development value', `${random(20)}DEV-JWT-SECRET`, 'contains a published development value'],
    ['Strapi’s template value', `toBeModified${random(30)}`, 'contains a published development value'],
  ])('refuses a secret %s', (_, value, problem) => {
    expect(secretProblem('ADMIN_JWT_SECRET', value)).toBe(problem);
  });

  test.each([
    ['one development key alone', 'dev-app-key-1', 'key 1 is shorter than 32 characters'],
    ['the development keys reordered', 'dev-app-key-2,dev-app-key-1', 'key 1 is shorter than 32 characters'],
    ['a good key and a development one', `${random()},dev-app-key-2${random()}`, 'key 2 contains a published development value'],
    ['a good key and a short one', `${random()},short`, 'key 2 is shorter than 32 characters'],
    ['an empty key', `${random()},`, 'key 2 is shorter than 32 characters'],
  ])('refuses APP_KEYS with %s', (_, value, problem) => {
    expect(secretProblem('APP_KEYS', value)).toBe(problem);
  });

  test('takes APP_KEYS of long keys of its own', () => {
    expect(secretProblem('APP_KEYS', `${random()},${'Q'.repeat(44)}`)).toBeUndefined();
  });

  test('names every secret at fault, and why, but never a value', () => {
    withEnv({ NODE_ENV: 'production', ...real, APP_KEYS: 'dev-app-key-2,dev-app-key-1', JWT_SECRET: 'hunter2' }, () => {
      delete process.env.ADMIN_JWT_SECRET;
      expect(productionSecretProblems()).toEqual([
        'APP_KEYS key 1 is shorter than 32 characters',
        'ADMIN_JWT_SECRET is not set',
        'JWT_SECRET is shorter than 32 characters',
      ]);
      expect(() => assertProductionSecrets()).toThrow(/^Production refuses to start on these secrets: APP_KEYS key 1 is shorter/);
      expect(() => assertProductionSecrets()).not.toThrow(/hunter2|dev-app-key/);
    });
  });

  test('generates nothing and writes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
    withEnv({ NODE_ENV: 'production', ENV_PATH: path.join(dir, '.env') }, () => {
      expect(secret('ADMIN_JWT_SECRET')).toBe('');
      expect(fs.existsSync(path.join(dir, '.env'))).toBe(false);
    });
    fs.rmSync(dir, { recursive: true });
  });
});

describe('development', () => {
  let dir: string;
  let said: jest.SpyInstance;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
    said = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    said.mockRestore();
  });

  test('generates random secrets on first start, once, and keeps them in .env', () => {
    const envPath = path.join(dir, '.env');
    fs.writeFileSync(envPath, 'PORT=1338\nJWT_SECRET=mine-already');
    // As Strapi's dotenv has loaded the file: JWT_SECRET is in the environment already.
    withEnv({ NODE_ENV: 'development', ENV_PATH: envPath, JWT_SECRET: 'mine-already' }, () => {
      const admin = secret('ADMIN_JWT_SECRET');
      expect(admin).toHaveLength(44);
      expect(secretProblem('ADMIN_JWT_SECRET', admin)).toBeUndefined();
      expect(secret('ADMIN_JWT_SECRET')).toBe(admin);
      expect(secret('APP_KEYS').split(',')).toHaveLength(4);
      expect(secretProblem('APP_KEYS', secret('APP_KEYS'))).toBeUndefined();
    });
    expect(said).toHaveBeenCalledTimes(1);
    expect(said.mock.calls[0][0]).toBe(
      `Generated development secrets for APP_KEYS, API_TOKEN_SALT, ADMIN_JWT_SECRET, TRANSFER_TOKEN_SALT, ENCRYPTION_KEY in ${envPath}`
    );
    const written = fs.readFileSync(envPath, 'utf8');
    // What was there stays as it was; a secret already set (here: in the file) is not generated.
    expect(written.startsWith('PORT=1338\nJWT_SECRET=mine-already\n# Generated for development')).toBe(true);
    expect(written.match(/^[A-Z_]+=/gm)).toEqual([
      'PORT=',
      'JWT_SECRET=',
      'APP_KEYS=',
      'API_TOKEN_SALT=',
      'ADMIN_JWT_SECRET=',
      'TRANSFER_TOKEN_SALT=',
      'ENCRYPTION_KEY=',
    ]);
  });

  test('creates .env readable by its owner alone when there is none', () => {
    const envPath = path.join(dir, '.env');
    withEnv({ NODE_ENV: 'development', ENV_PATH: envPath }, () => secret('JWT_SECRET'));
    expect(fs.statSync(envPath).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(envPath, 'utf8').match(/^[A-Z_]+=/gm)).toHaveLength(SECRET_NAMES.length);
  });

  test('two checkouts get different secrets', () => {
    const first = path.join(dir, 'a.env');
    const second = path.join(dir, 'b.env');
    let a = '';
    let b = '';
    withEnv({ NODE_ENV: 'development', ENV_PATH: first }, () => (a = secret('ADMIN_JWT_SECRET')));
    withEnv({ NODE_ENV: 'development', ENV_PATH: second }, () => (b = secret('ADMIN_JWT_SECRET')));
    expect(a).not.toBe(b);
  });
});

describe('tests', () => {
  test('generate secrets for the process and write no file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
    const envPath = path.join(dir, '.env');
    withEnv({ NODE_ENV: 'test', ENV_PATH: envPath }, () => {
      const value = secret('ADMIN_JWT_SECRET');
      expect(secretProblem('ADMIN_JWT_SECRET', value)).toBeUndefined();
      // In the environment, so that a second app process started by a test signs alike.
      expect(process.env.ADMIN_JWT_SECRET).toBe(value);
    });
    expect(fs.existsSync(envPath)).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });
});
