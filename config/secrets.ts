/**
 * Secrets come from the environment. Development and tests get fixed, clearly fake defaults so
 * that `npm run demo` and `npm test` work on a fresh machine; a production server refuses to
 * start while any secret is missing or still has its development value, and names every one.
 * The check runs when the server starts (src/index.ts), not when configuration is read, so that
 * `strapi build` can build the admin panel for production without the server's secrets.
 */
const DEVELOPMENT_SECRETS = {
  APP_KEYS: 'dev-app-key-1,dev-app-key-2',
  API_TOKEN_SALT: 'dev-api-token-salt',
  ADMIN_JWT_SECRET: 'dev-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'dev-transfer-token-salt',
  JWT_SECRET: 'dev-jwt-secret',
  ENCRYPTION_KEY: 'dev-encryption-key',
} as const;

export type SecretName = keyof typeof DEVELOPMENT_SECRETS;

export const secret = (name: SecretName): string => process.env[name] || DEVELOPMENT_SECRETS[name];

/** Throws, naming them all, when production would run on missing or development secrets. */
export const assertProductionSecrets = () => {
  if (process.env.NODE_ENV !== 'production') return;
  const unsafe = (Object.keys(DEVELOPMENT_SECRETS) as SecretName[]).filter(
    (name) => !process.env[name] || process.env[name] === DEVELOPMENT_SECRETS[name]
  );
  if (unsafe.length) {
    throw new Error(
      `Production refuses to start on development secrets: set ${unsafe.join(', ')} in the environment ` +
        '(each e.g. from `openssl rand -base64 32`; APP_KEYS is a comma-separated list).'
    );
  }
};
