/** What the adapter tests share: the fixtures, a request as the webhook route builds it, and the error an input is refused with. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdapterError, type InboundRequest } from '../../../src/plugins/orders/server/src/features/integrations/adapters';

export const fixture = (name: string): Buffer => readFileSync(join(__dirname, '../../fixtures/webshops', name));

export const request = (body: Buffer | string | object, overrides: Partial<InboundRequest> = {}): InboundRequest => ({
  body: Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  contentType: 'application/json',
  headers: {},
  query: {},
  ...overrides,
});

/** The AdapterError `run` throws, as code and message, or a failure when it throws none or another. */
export const refusal = (run: () => unknown): { code: string; message: string; path?: string } => {
  try {
    run();
  } catch (error) {
    if (error instanceof AdapterError) return { code: error.code, message: error.message, ...(error.path ? { path: error.path } : {}) };
    throw error;
  }
  throw new Error('expected an AdapterError, nothing was thrown');
};
