import { assertProductionSecrets, secret } from '../../config/secrets';

const NAMES = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

const withEnv = (env: Record<string, string>, run: () => void) => {
  const saved = { ...process.env };
  for (const name of NAMES) delete process.env[name];
  Object.assign(process.env, env);
  try {
    run();
  } finally {
    process.env = saved;
  }
};

const real = Object.fromEntries(NAMES.map((name) => [name, `real-${name.toLowerCase()}`]));

test('development and tests get clearly fake defaults', () => {
  withEnv({ NODE_ENV: 'development' }, () => {
    expect(secret('ADMIN_JWT_SECRET')).toBe('dev-admin-jwt-secret');
    expect(() => assertProductionSecrets()).not.toThrow();
  });
});

test('production refuses missing and development secrets, naming every one', () => {
  withEnv({ NODE_ENV: 'production', ...real, APP_KEYS: 'dev-app-key-1,dev-app-key-2' }, () => {
    delete process.env.ADMIN_JWT_SECRET;
    expect(() => assertProductionSecrets()).toThrow(
      'Production refuses to start on development secrets: set APP_KEYS, ADMIN_JWT_SECRET in'
    );
  });
});

test('production starts on real secrets', () => {
  withEnv({ NODE_ENV: 'production', ...real }, () => {
    expect(() => assertProductionSecrets()).not.toThrow();
    expect(secret('JWT_SECRET')).toBe('real-jwt_secret');
  });
});
