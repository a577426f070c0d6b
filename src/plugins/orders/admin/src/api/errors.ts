/**
 * What the server said when it refused, as one shape (the shared ErrorJson), whichever way the
 * refusal came: RTK Query's error of the admin's base query, or an error thrown by Strapi's fetch
 * client (the CSV export). Status 0 means there was no answer at all.
 */
import type { ErrorJson } from '../../../shared/contracts/errors';

interface Failure {
  name?: string;
  status?: number;
  message?: string;
  details?: ErrorJson['details'];
  /** Strapi's fetch client keeps the answer it read. */
  response?: { status?: number; data?: { error?: ErrorJson } };
}

/** The base query answers Strapi's error JSON as it came, or an "UnknownError" for an answer without one. */
const isServerError = (failure: Failure): failure is ErrorJson =>
  failure.name !== 'UnknownError' && typeof failure.details === 'object' && failure.details !== null;

export const apiErrorOf = (error: unknown): ErrorJson => {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as Failure;
  const refusal = failure.response?.data?.error ?? (isServerError(failure) ? failure : undefined);
  if (refusal) return { ...refusal, details: refusal.details ?? {} };
  return {
    // The fetch client keeps the status of an answer it could not read (a blob request's).
    status: failure.response?.status ?? failure.status ?? 0,
    name: 'Error',
    message: error instanceof Error ? error.message : (failure.message ?? String(error)),
    details: {},
  };
};
