/**
 * Shoprenter's newsletter webhooks: newsletter_subscribe, newsletter_unsubscribe and
 * newsletter_update_subscriber. Shoprenter documents their fields as `subscriber_id`,
 * `subscriber_email`, `subscriber_status`, `subscriber_subscribe_date`, …; its order webhooks send
 * the fields it documents as `order_*` under `orders.order[]` without the prefix, so the newsletter's
 * are read under `subscribers.subscriber[]`, with or without the `subscriber_` prefix (and
 * camelCased, as its order fields are).
 *
 * The body does not name the event, so the webhook's URL does: `&event=newsletter_unsubscribe`.
 * Without it, a subscriber's `status` ("1" / "0") says which it is.
 */
import type { ShopMessage, SubscriptionNotice } from '../../../../../../shared/contracts/normalized-order';
import type { Subscription } from '../../../../../../shared/domain/segments';
import { personName } from '../common';
import { AdapterError, quote } from '../errors';
import { fields, list, textOf, type Fields } from '../json';
import { budapestToIso } from '../time';
import { validateNotice } from '../validate';

export const NEWSLETTER_EVENTS = ['newsletter_subscribe', 'newsletter_unsubscribe', 'newsletter_update_subscriber'] as const;
export type NewsletterEvent = (typeof NEWSLETTER_EVENTS)[number];

export const isNewsletterEvent = (event: string | null): event is NewsletterEvent =>
  (NEWSLETTER_EVENTS as readonly string[]).includes(event ?? '');

/** The subscribers of a body: under `subscribers.subscriber`, one bare or several as a list. */
export const subscribersOf = (body: Fields): unknown[] => list(fields(body.subscribers).subscriber);

/** A field by its documented name's tail ("subscribe_date"): as written, camelCased, or with the documented prefix. */
const field = (subscriber: Fields, name: string): unknown => {
  const camel = name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  for (const key of [name, camel, `subscriber_${name}`]) if (subscriber[key] !== undefined) return subscriber[key];
  return undefined;
};

/** What `status` says when it clearly says it; null otherwise. */
const statusOf = (value: unknown): Subscription | null => {
  const status = textOf(value);
  return status === '1' ? 'subscribed' : status === '0' ? 'unsubscribed' : null;
};

/** The subscription the event names, or that the subscriber's status says where the event leaves it open. */
const subscriptionOf = (event: NewsletterEvent | null, subscriber: Fields, path: string): Subscription => {
  if (event === 'newsletter_subscribe') return 'subscribed';
  if (event === 'newsletter_unsubscribe') return 'unsubscribed';
  const status = field(subscriber, 'status');
  const said = statusOf(status);
  if (said) return said;
  if (event === null) {
    throw new AdapterError(
      'missingEvent',
      `${path}.status: ${status === undefined ? 'missing' : quote(status)} does not say subscribed ("1") or unsubscribed ("0"): ` +
        'add &event=newsletter_subscribe, newsletter_unsubscribe or newsletter_update_subscriber to the webhook URL',
      `${path}.status`
    );
  }
  throw new AdapterError(
    'unknownSubscriptionStatus',
    `${path}.status: ${status === undefined ? 'missing' : quote(status)} is neither "1" (subscribed) nor "0" (unsubscribed)`,
    `${path}.status`
  );
};

const noticeOf = (event: NewsletterEvent | null, subscriber: Fields, path: string): SubscriptionNotice => {
  const subscription = subscriptionOf(event, subscriber, path);
  const hungarian = (textOf(field(subscriber, 'language')) ?? 'hu') === 'hu';
  const id = textOf(field(subscriber, 'id'));
  return validateNotice(
    {
      externalId: id === '0' ? null : id,
      email: textOf(field(subscriber, 'email')) ?? undefined,
      name: personName(field(subscriber, 'firstname'), field(subscriber, 'lastname'), hungarian),
      phone: textOf(field(subscriber, 'phone')),
      subscription,
      reason: null,
      // The subscribe date is when the subscription began: the time of a subscription, not of an
      // unsubscribe (which keeps the old date) — that one stands at the time it was received.
      at:
        subscription === 'subscribed'
          ? budapestToIso(field(subscriber, 'subscribe_date'), `${path}.subscribe_date`, 'invalidSubscription')
          : null,
    },
    path
  );
};

/** The body's subscribers as notices, read as `event` says (null: as each one's status says). */
export const readNewsletter = (body: Fields, event: NewsletterEvent | null): ShopMessage[] => {
  const subscribers = subscribersOf(body);
  if (!subscribers.length)
    throw new AdapterError('invalidSubscription', `${event ?? 'the body'}: no subscribers.subscriber in it`, 'subscribers');
  return subscribers.map((subscriber, index) => ({
    type: 'subscription',
    notice: noticeOf(event, fields(subscriber), `subscribers.subscriber[${index}]`),
  }));
};
