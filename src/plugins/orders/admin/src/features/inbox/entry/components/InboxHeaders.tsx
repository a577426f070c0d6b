import { Table, Tbody, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Card } from '../../../../ui/Card';
import { TableHeads, TextCell } from '../../../../ui/tables';
import { getTranslation } from '../../../../ui/translations';

const COLUMNS = [
  { id: 'inbox.headers.name', defaultMessage: 'Header' },
  { id: 'inbox.headers.value', defaultMessage: 'Value' },
];

/** The request's headers the inbox keeps: the shop's own (signature, topic, delivery id) and what describes the body. */
export const InboxHeaders = ({ headers }: { headers: Record<string, string> }) => {
  const { formatMessage } = useIntl();
  const names = Object.keys(headers).sort();
  return (
    <Card title={formatMessage({ id: getTranslation('inbox.headers'), defaultMessage: 'Headers' })}>
      {names.length ? (
        <Table colCount={2} rowCount={names.length + 1}>
          <TableHeads columns={COLUMNS} />
          <Tbody>
            {names.map((name) => (
              <Tr key={name}>
                <TextCell fontWeight="semiBold" style={{ fontFamily: 'monospace' }}>
                  {name}
                </TextCell>
                <TextCell style={{ fontFamily: 'monospace', overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{headers[name]}</TextCell>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : (
        <Typography textColor="neutral600">
          {formatMessage({ id: getTranslation('inbox.headers.none'), defaultMessage: 'No headers were kept.' })}
        </Typography>
      )}
    </Card>
  );
};
