import type { Problem } from '../../../../../../shared/contracts/errors';
import { useApiErrorText } from '../../../../ui/errors';

/**
 * What is wrong with a line's field, in the admin's language: the admin's own check first, else
 * what the server said when it refused (already worded by useApiErrorText).
 */
export const useProblemText = () => {
  const { fieldText } = useApiErrorText();
  return (problem: Omit<Problem, 'message'> | undefined, serverText: string | undefined): string | undefined =>
    problem ? fieldText(problem) : serverText;
};
