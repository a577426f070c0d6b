import { Button, Dialog } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { useBlocker } from 'react-router-dom';
import { getTranslation } from './translations';

interface LeaveGuardProps {
  /** The page holds changes not saved yet. */
  when: boolean;
}

/**
 * Asks before unsaved changes are lost: when a link, a menu entry or Back would leave the page
 * (the router's blocker, as Strapi's own forms do), and when the tab is closed or reloaded (the
 * browser's own question, the only one it lets a page ask then).
 */
export const LeaveGuard = ({ when }: LeaveGuardProps) => {
  const { formatMessage } = useIntl();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search)
  );

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);

  // Saved or discarded while the question was open: nothing is lost by going on.
  useEffect(() => {
    if (blocker.state === 'blocked' && !when) blocker.proceed();
  }, [blocker, when]);

  if (blocker.state !== 'blocked') return null;
  return (
    // Cancel, Escape and a click outside all close the dialog: staying is resetting the blocker,
    // once (the router refuses a second reset).
    <Dialog.Root open onOpenChange={(open) => !open && blocker.reset()}>
      <ConfirmDialog
        title={formatMessage({ id: getTranslation('leave.title'), defaultMessage: 'Leave without saving?' })}
        endAction={
          <Button variant="danger" fullWidth onClick={() => blocker.proceed()}>
            {formatMessage({ id: getTranslation('leave.confirm'), defaultMessage: 'Leave without saving' })}
          </Button>
        }
      >
        {formatMessage({
          id: getTranslation('leave.body'),
          defaultMessage: 'Your changes on this page are not saved. If you leave now, they are lost.',
        })}
      </ConfirmDialog>
    </Dialog.Root>
  );
};
