import { Flex, Grid, LinkButton } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import type { CustomerDetailJson } from '../../../../../shared/contracts/customers';
import { FRESH } from '../../../api/base';
import { useGetCustomerQuery } from '../../../api/customers';
import { apiErrorOf } from '../../../api/errors';
import { CUSTOMERS_PATH } from '../../../paths';
import { SegmentBadge } from '../../../ui/SegmentBadge';
import { useApiErrorText } from '../../../ui/errors';
import { getTranslation } from '../../../ui/translations';
import { CustomerMergeButton } from './components/CustomerMergeButton';
import { CustomerContactCard, CustomerFiguresCard, CustomerOrdersCard, CustomerSegmentHistoryCard } from './components/CustomerCards';

/** The customer's datasheet (adatlap): contact data, what they bought, their orders and their segment's history. */
const CustomerDatasheet = ({ customer }: { customer: CustomerDetailJson }) => (
  <Page.Main>
    <Page.Title>{customer.name}</Page.Title>
    <Layouts.Header
      navigationAction={<BackButton fallback={CUSTOMERS_PATH} />}
      title={customer.name}
      subtitle={customer.company ?? customer.email ?? undefined}
      secondaryAction={<SegmentBadge segment={customer.segment} />}
      primaryAction={<CustomerMergeButton customer={customer} />}
    />
    <Layouts.Content>
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Grid.Root gap={6}>
          <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
            <CustomerContactCard customer={customer} />
          </Grid.Item>
          <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
            <CustomerFiguresCard customer={customer} />
          </Grid.Item>
        </Grid.Root>
        <CustomerOrdersCard customer={customer} />
        <CustomerSegmentHistoryCard customer={customer} />
      </Flex>
    </Layouts.Content>
  </Page.Main>
);

/** /plugins/orders-customers/:id — the route's id is the customer's documentId. */
export const CustomerPage = () => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  const { id = '' } = useParams<{ id: string }>();
  // This route's customer only (currentData): another's stays out while this one loads.
  const { currentData: customer, isFetching, error } = useGetCustomerQuery(id, FRESH);
  if (!customer && isFetching) return <Page.Loading />;
  if (!customer) {
    const refusal = error && apiErrorOf(error);
    return (
      <Page.Error
        content={
          refusal?.status === 404
            ? formatMessage({ id: getTranslation('error.customerNotFound'), defaultMessage: 'This customer does not exist (any more).' })
            : refusal
              ? errorText(refusal)
              : formatMessage({ id: getTranslation('common.error'), defaultMessage: 'Something went wrong' })
        }
        action={
          <LinkButton tag={Link} to={CUSTOMERS_PATH} variant="secondary">
            {formatMessage({ id: getTranslation('customer.backToList'), defaultMessage: 'Back to the customers' })}
          </LinkButton>
        }
      />
    );
  }
  return <CustomerDatasheet customer={customer} />;
};
