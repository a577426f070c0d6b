import { Button } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../../../ui/translations';
import { OrderDetailsForm } from '../../components/OrderDetailsForm';

/**
 * "New order": asks for the customer and a note, then opens the new draft's datasheet, where the
 * lines are added. Disabled for roles that may read orders but not create them.
 */
export const NewOrderButton = ({ canCreate }: { canCreate: boolean }) => {
  const { formatMessage } = useIntl();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button startIcon={<Plus />} disabled={!canCreate} onClick={() => setOpen(true)}>
        {formatMessage({ id: getTranslation('list.new'), defaultMessage: 'New order' })}
      </Button>
      {/* Mounted only while open, so the form starts empty every time. */}
      {open && <OrderDetailsForm onClose={() => setOpen(false)} />}
    </>
  );
};
