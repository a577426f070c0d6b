/**
 * Reading a shop's API or feed over HTTP with the global fetch: bounded in time and in size, so
 * that a stalled or endless answer fails the pull instead of holding a job or the memory.
 */
export type Fetch = typeof fetch;

export type HttpErrorCode = 'timeout' | 'tooLarge' | 'httpStatus' | 'unreachable';

export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly status?: number
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface HttpLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** The answer's body as text, or an HttpError: not 2xx, too slow, too large, or no answer at all. */
export const fetchText = async (fetchFn: Fetch, url: string, init: RequestInit, { timeoutMs, maxBytes }: HttpLimits): Promise<string> => {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetchFn(url, { ...init, signal, redirect: 'error' });
  } catch (error) {
    throw failure(error, url, timeoutMs, signal);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new HttpError('httpStatus', `${url} answered HTTP ${response.status}`, response.status);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new HttpError('tooLarge', `${url} sends ${declared} bytes, more than the ${maxBytes} allowed`);
  }
  try {
    return await readLimited(response, maxBytes, url);
  } catch (error) {
    throw error instanceof HttpError ? error : failure(error, url, timeoutMs, signal);
  }
};

// The signal, not the error's class, tells a timeout: fetch wraps it differently across Node versions.
const failure = (error: unknown, url: string, timeoutMs: number, signal: AbortSignal): HttpError => {
  if (signal.aborted) return new HttpError('timeout', `${url} did not answer within ${timeoutMs} ms`);
  return new HttpError('unreachable', `${url} could not be reached: ${error instanceof Error ? error.message : String(error)}`);
};

/** The body, counted as it arrives: a missing or false Content-Length does not let more in. */
const readLimited = async (response: Response, maxBytes: number, url: string): Promise<string> => {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new HttpError('tooLarge', `${url} sent more than the ${maxBytes} bytes allowed`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
};
