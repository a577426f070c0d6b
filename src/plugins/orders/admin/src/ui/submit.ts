/**
 * A request the user asked for, and what the user is told of it: the one place where a refusal
 * becomes a notification in the admin's words. Free of React and Strapi (useSubmit binds it to
 * the admin's notifications and language), so that a unit test can run it.
 */
import type { ErrorJson } from '../../../shared/contracts/errors';
import { apiErrorOf } from '../api/errors';

/**
 * What a request settles to: RTK Query's `{data}` or `{error}` (a mutation's or a lazy query's
 * result), or a promise that throws (Strapi's fetch client).
 */
export interface Answer<T> {
  data?: T;
  error?: unknown;
}

/** The request's data, or the server's refusal in one shape, already shown to the user. */
export type Outcome<T> = { data: T; error?: undefined } | { data?: undefined; error: ErrorJson };

export interface Notice {
  type: 'success' | 'danger';
  message: string;
}

/** How the user is told: the admin's notifications, and its wording of a refusal. */
export interface Teller {
  notify: (notice: Notice) => void;
  errorText: (error: ErrorJson) => string;
}

export interface SubmitOptions<T> {
  /** The success notification, if the request deserves one. */
  done?: (data: T) => string;
  /** What a refusal says instead of the refusal in words (the CSV export names the status). */
  failed?: (error: ErrorJson) => string;
}

/**
 * Awaits the request; on a refusal notifies it in words ("danger") and answers it, so that the
 * caller can put field errors at their fields; on success notifies `done` and answers the data.
 */
export const submitWith = async <T>(
  request: PromiseLike<Answer<T>>,
  teller: Teller,
  options: SubmitOptions<T> = {}
): Promise<Outcome<T>> => {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch (thrown) {
    answer = { error: thrown };
  }
  if (answer.error !== undefined) {
    const error = apiErrorOf(answer.error);
    teller.notify({ type: 'danger', message: (options.failed ?? teller.errorText)(error) });
    return { error };
  }
  const data = answer.data as T;
  const done = options.done?.(data);
  if (done) teller.notify({ type: 'success', message: done });
  return { data };
};
