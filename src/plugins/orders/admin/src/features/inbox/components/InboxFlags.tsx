import { Badge, Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../../ui/translations';

/** What the admin should look at on the orders an entry touched (oversold, unknownSku…), a badge each. */
export const InboxFlags = ({ flags }: { flags: string[] }) => {
  const { formatMessage } = useIntl();
  if (!flags.length) return null;
  return (
    <Flex gap={1} wrap="wrap">
      {flags.map((flag) => (
        <Badge key={flag} backgroundColor="warning100" textColor="warning700" data-flag={flag}>
          {formatMessage({ id: getTranslation(`inbox.flag.${flag}`), defaultMessage: flag })}
        </Badge>
      ))}
    </Flex>
  );
};
