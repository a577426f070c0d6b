import { useNotification } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { useApiErrorText } from './errors';
import { submitWith, type Answer, type Outcome, type SubmitOptions } from './submit';

/**
 * Runs a request the user asked for (a mutation, a lazy query, a download) and tells the user:
 * a refusal is notified in the admin's language, the server's codes worded as ui/errors.ts words
 * them, and answered for the fields; success is notified when `done` says how.
 *
 *   const { data, error } = await submit(createStockItem(body), { done: (item) => … });
 */
export const useSubmit = () => {
  const { toggleNotification } = useNotification();
  const { errorText } = useApiErrorText();
  return useCallback(
    <T>(request: PromiseLike<Answer<T>>, options?: SubmitOptions<T>): Promise<Outcome<T>> =>
      submitWith(request, { notify: toggleNotification, errorText }, options),
    [toggleNotification, errorText]
  );
};
