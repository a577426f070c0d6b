import { secret } from '../../config/secrets';

const withEnv = (env: Record<string, string | undefined>, run: () => void) => {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  try {
    run();
  } finally {
    process.env = saved;
  }
};

test('development and tests get clearly fake defaults', () => {
  withEnv({ NODE_ENV: 'development', ADMIN_JWT_SECRET: undefined }, () => {
    expect(secret('ADMIN_JWT_SECRET')).toBe('dev-admin-jwt-secret');
  });
});

test('production refuses to start on a missing or development secret, and names it', () => {
  withEnv({ NODE_ENV: 'production', ADMIN_JWT_SECRET: undefined }, () => {
    expect(() => secret('ADMIN_JWT_SECRET')).toThrow(/ADMIN_JWT_SECRET is not set: production refuses/);
  });
  withEnv({ NODE_ENV: 'production', APP_KEYS: 'dev-app-key-1,dev-app-key-2' }, () => {
    expect(() => secret('APP_KEYS')).toThrow(/APP_KEYS/);
  });
  withEnv({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret' }, () => {
    expect(secret('JWT_SECRET')).toBe('a-real-secret');
  });
});
