/**
 * Secrets come from the environment. Development and tests get fixed, clearly fake defaults so
 * that `npm run demo` and `npm test` work on a fresh machine; production refuses to start on them.
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

export const secret = (name: SecretName): string => {
  const value = process.env[name];
  const isProduction = process.env.NODE_ENV === 'production';
  if (isProduction && (!value || value === DEVELOPMENT_SECRETS[name])) {
    throw new Error(
      `${name} is not set: production refuses to start on development secrets. ` +
        `Set ${Object.keys(DEVELOPMENT_SECRETS).join(', ')} in the environment.`
    );
  }
  return value || DEVELOPMENT_SECRETS[name];
};
