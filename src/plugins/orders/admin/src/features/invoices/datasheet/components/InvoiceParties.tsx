import { Grid } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { InvoiceJson } from '../../../../../../shared/contracts/invoices';
import { Card } from '../../../../ui/Card';
import { getTranslation } from '../../../../ui/translations';
import { addressText, Detail } from '../../../orders/datasheet/components/OrderCustomerCard';
import { vatStatusLabel } from '../../utils/words';

const useLabel = () => {
  const { formatMessage } = useIntl();
  return (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`invoices.party.${key}`), defaultMessage });
};

/** The seller (us) as the company settings were at issue. */
export const InvoiceSellerCard = ({ seller }: Pick<InvoiceJson, 'seller'>) => {
  const { locale } = useIntl();
  const label = useLabel();
  return (
    <Card title={label('seller', 'Seller')}>
      <Grid.Root gap={5}>
        <Detail label={label('name', 'Name')} value={seller.name} />
        <Detail label={label('address', 'Address')} value={addressText(seller.address, locale)} />
        <Detail label={label('taxNumber', 'Tax number')} value={seller.taxNumber} />
        <Detail label={label('euVatNumber', 'EU VAT number')} value={seller.euVatNumber} />
        <Detail label={label('bankAccount', 'Bank account number')} value={seller.bankAccount} />
        <Detail label={label('email', 'E-mail')} value={seller.email} />
        <Detail label={label('phone', 'Phone')} value={seller.phone} />
        <Detail label={label('website', 'Website')} value={seller.website} />
      </Grid.Root>
    </Card>
  );
};

/** The buyer as the order's customer was at issue, with the VAT status NAV is told. */
export const InvoiceBuyerCard = ({ buyer }: Pick<InvoiceJson, 'buyer'>) => {
  const { formatMessage, locale } = useIntl();
  const label = useLabel();
  return (
    <Card title={label('buyer', 'Buyer')}>
      <Grid.Root gap={5}>
        <Detail label={label('name', 'Name')} value={buyer.name} />
        <Detail label={label('vatStatus', 'VAT status')} value={vatStatusLabel(buyer.vatStatus, formatMessage)} />
        <Detail label={label('address', 'Address')} value={addressText(buyer.address, locale)} />
        <Detail label={label('taxNumber', 'Tax number')} value={buyer.taxNumber} />
        <Detail label={label('euVatNumber', 'EU VAT number')} value={buyer.euVatNumber} />
        <Detail label={label('email', 'E-mail')} value={buyer.email} />
      </Grid.Root>
    </Card>
  );
};
