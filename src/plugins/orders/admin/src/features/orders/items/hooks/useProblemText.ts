import { useApiErrorText } from '../../../../ui/errors';
import type { Problem } from '../utils/check-line';

/**
 * What is wrong with a line's field, in the admin's language: the admin's own check first, else
 * what the server said when it refused (already worded by useApiErrorText).
 */
export const useProblemText = () => {
  const { fieldText } = useApiErrorText();
  return (problem: Problem | undefined, serverText: string | undefined): string | undefined =>
    problem ? fieldText(problem) : serverText;
};
