import { useIntl } from 'react-intl';
import type { Actor } from '../../../shared/contracts/actor';
import { getTranslation } from './translations';

/** Who made a change, in the reader's words: a user by name, the system or a webshop connection by what they are. */
export const ActorName = ({ actor }: { actor: Actor }) => {
  const { formatMessage } = useIntl();
  if (actor.type === 'system') return <>{formatMessage({ id: getTranslation('order.history.system'), defaultMessage: 'System' })}</>;
  if (actor.type === 'integration')
    return (
      <>{formatMessage({ id: getTranslation('order.history.integration'), defaultMessage: 'Integration: {name}' }, { name: actor.name })}</>
    );
  return <>{actor.name}</>;
};
