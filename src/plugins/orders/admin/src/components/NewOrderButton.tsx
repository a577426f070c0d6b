import { Button, Modal } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/translations';
import { NewOrderForm } from './NewOrderForm';

/**
 * "New order": asks for the customer and a note, then opens the new draft's datasheet, where the
 * lines are added. Disabled for roles that may read orders but not create them.
 */
export const NewOrderButton = ({ canCreate }: { canCreate: boolean }) => {
  const { formatMessage } = useIntl();
  const [open, setOpen] = useState(false);
  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button startIcon={<Plus />} disabled={!canCreate}>
          {formatMessage({ id: getTranslation('list.new'), defaultMessage: 'New order' })}
        </Button>
      </Modal.Trigger>
      {/* The dialog unmounts its content when closed, so the form starts empty every time. */}
      <Modal.Content>
        <NewOrderForm />
      </Modal.Content>
    </Modal.Root>
  );
};
