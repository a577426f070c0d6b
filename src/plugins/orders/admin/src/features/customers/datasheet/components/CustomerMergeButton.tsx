import { Button, Flex, Typography } from '@strapi/design-system';
import { ArrowRight } from '@strapi/icons';
import { useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { CustomerDetailJson, CustomerSummaryJson } from '../../../../../../shared/contracts/customers';
import { useMergeCustomerMutation } from '../../../../api/customers';
import { customerPath } from '../../../../paths';
import { PERMISSIONS } from '../../../../permissions';
import { FormModal } from '../../../../ui/FormModal';
import { useApiErrorText } from '../../../../ui/errors';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';
import { CustomerPicker, customerLine } from '../../../orders/components/CustomerPicker';

/**
 * "Merge into…": this record and another of the same person become one — the other keeps its
 * data and takes this one's orders; this one goes. For a role that may manage customers.
 */
export const CustomerMergeButton = ({ customer }: { customer: CustomerDetailJson }) => {
  const { formatMessage } = useIntl();
  const { allowedActions } = useRBAC(PERMISSIONS.manageCustomers);
  const [open, setOpen] = useState(false);
  if (!allowedActions.canManage) return null;
  return (
    <>
      <Button variant="secondary" startIcon={<ArrowRight />} onClick={() => setOpen(true)}>
        {formatMessage({ id: getTranslation('customer.merge.open'), defaultMessage: 'Merge into…' })}
      </Button>
      {open && <MergeForm customer={customer} onClose={() => setOpen(false)} />}
    </>
  );
};

const MergeForm = ({ customer, onClose }: { customer: CustomerDetailJson; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  const submit = useSubmit();
  const navigate = useNavigate();
  const [merge, merging] = useMergeCustomerMutation();
  const [into, setInto] = useState<CustomerSummaryJson | null>(null);
  const text = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);

  const save = async () => {
    if (!into) return;
    const { data: merged } = await submit(merge({ id: customer.documentId, body: { into: into.documentId } }), {
      done: () => text('customer.merge.done', 'Merged into {name}', { name: into.name }),
      failed: (problem) => errorText(problem),
    });
    if (merged) navigate(customerPath(merged.documentId));
  };

  return (
    <FormModal
      title={text('customer.merge.title', 'Merge {name} into another customer', { name: customer.name })}
      submitLabel={text('customer.merge.submit', 'Merge')}
      submitVariant="danger-light"
      canSubmit={Boolean(into) && into?.documentId !== customer.documentId}
      submitting={merging.isLoading || merging.isSuccess}
      onSubmit={save}
      onClose={onClose}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography textColor="neutral600">
          {text(
            'customer.merge.explain',
            'The customer you pick keeps their data, fills in what they lack from this one, and takes all of this one’s orders; this record goes.'
          )}
        </Typography>
        {into ? (
          <Flex justifyContent="space-between" gap={2}>
            <Typography fontWeight="semiBold">{customerLine(into)}</Typography>
            <Button variant="tertiary" size="S" onClick={() => setInto(null)}>
              {text('newOrder.picker.change', 'Change')}
            </Button>
          </Flex>
        ) : (
          <CustomerPicker onPick={setInto} />
        )}
      </Flex>
    </FormModal>
  );
};
