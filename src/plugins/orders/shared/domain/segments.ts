/**
 * Buying-behaviour segments (vásárlói szegmens): MiniCRM's webshop statuses, computed from a
 * customer's counted orders (n) and the days since the last one (d), in the shop's calendar.
 *
 * - n = 0: registered; inactive once registered longer than `inactiveAfterDays` — unless a shop
 *   says the customer subscribed to its newsletter (subscriber) or unsubscribed, or reported the
 *   e-mail as bad (unsubscribed).
 * - 1 ≤ n < repeat: one-time buyer while d ≤ 30, passive buyer while d ≤ 60, then lost buyer.
 * - repeat ≤ n < loyal: repeat buyer while d ≤ 60, passive buyer while d ≤ 90, then lost buyer.
 * - n ≥ loyal: loyal while d ≤ 90, passive loyal while d ≤ 365, then lost loyal.
 *
 * The thresholds are the shop's settings. The server applies the same bands in SQL over all
 * customers at once, comparing the last order with the instant each threshold's day begins
 * (`cutoffsOf`): d ≤ 30 is "the last order is on or after the first moment of the day 30 days ago".
 */
import { addDays, dayIn, daysBetween, startOfDay } from './calendar';
import type { OrderState } from './lifecycle';

export const SEGMENTS = [
  'registered',
  'inactive',
  'subscriber',
  'unsubscribed',
  'one-time',
  'repeat',
  'loyal',
  'passive',
  'passive-loyal',
  'lost',
  'lost-loyal',
] as const;
export type Segment = (typeof SEGMENTS)[number];

/** The segments' names in the users' words (../../../../../shared/GLOSSARY.md, MiniCRM's labels). */
export const SEGMENT_NAMES: Record<Segment, { en: string; hu: string }> = {
  registered: { en: 'Registered', hu: 'Regisztrált' },
  inactive: { en: 'Inactive', hu: 'Inaktív' },
  subscriber: { en: 'Subscriber', hu: 'Feliratkozó' },
  unsubscribed: { en: 'Unsubscribed', hu: 'Leiratkozott' },
  'one-time': { en: 'One-time buyer', hu: 'Egyszeri vevő' },
  repeat: { en: 'Repeat buyer', hu: 'Többször rendelt' },
  loyal: { en: 'Loyal', hu: 'Törzsvásárló' },
  passive: { en: 'Passive buyer', hu: 'Passzív vevő' },
  'passive-loyal': { en: 'Passive loyal', hu: 'Passzív törzsvásárló' },
  lost: { en: 'Lost buyer', hu: 'Elvesztett vevő' },
  'lost-loyal': { en: 'Lost loyal', hu: 'Elvesztett törzsvásárló' },
};

/** What a shop says of a customer's mailing: a newsletter subscription, or an unsubscribe / a bad e-mail. */
export const SUBSCRIPTIONS = ['subscribed', 'unsubscribed'] as const;
export type Subscription = (typeof SUBSCRIPTIONS)[number];

/** Why a shop unsubscribed someone, where it says: it reported the e-mail address as bad (bounced). */
export const SUBSCRIPTION_REASONS = ['bouncedEmail'] as const;
export type SubscriptionReason = (typeof SUBSCRIPTION_REASONS)[number];

/** A band of buyers: from how many orders, and how many days keep them active, then passive. */
export interface Band {
  fromOrders: number;
  activeDays: number;
  passiveDays: number;
}

/** The thresholds of the segments, and which states of an order count; a shop's settings. */
export interface SegmentRules {
  countedStates: OrderState[];
  oneTime: Omit<Band, 'fromOrders'>;
  repeat: Band;
  loyal: Band;
  inactiveAfterDays: number;
}

export const DEFAULT_SEGMENT_RULES: SegmentRules = {
  countedStates: ['finalized', 'fulfilled', 'successful'],
  oneTime: { activeDays: 30, passiveDays: 60 },
  repeat: { fromOrders: 2, activeDays: 60, passiveDays: 90 },
  loyal: { fromOrders: 4, activeDays: 90, passiveDays: 365 },
  inactiveAfterDays: 60,
};

/** A band and the segments it names, as the rules table reads. */
export interface NamedBand extends Band {
  active: Segment;
  passive: Segment;
  lost: Segment;
}

/** The buyers' bands, most orders first: a customer is in the first whose `fromOrders` n reaches. */
export const bandsOf = (rules: SegmentRules): NamedBand[] => [
  { ...rules.loyal, active: 'loyal', passive: 'passive-loyal', lost: 'lost-loyal' },
  { ...rules.repeat, active: 'repeat', passive: 'passive', lost: 'lost' },
  { fromOrders: 1, ...rules.oneTime, active: 'one-time', passive: 'passive', lost: 'lost' },
];

/** What a segment is computed from. */
export interface CustomerFacts {
  /** Orders in a counted state. */
  counted: number;
  /** When the last counted order was placed; null without one. */
  lastOrderAt: Date | null;
  /** When the customer was first known (its first order, or its registration at a shop). */
  registeredAt: Date;
  subscription: Subscription | null;
}

/** The segment of a customer without counted orders. */
const withoutOrders = (facts: CustomerFacts, now: Date, rules: SegmentRules, timeZone: string): Segment => {
  if (facts.subscription === 'unsubscribed') return 'unsubscribed';
  if (facts.subscription === 'subscribed') return 'subscriber';
  return daysBetween(facts.registeredAt, now, timeZone) > rules.inactiveAfterDays ? 'inactive' : 'registered';
};

/** The customer's segment at `now`, with days counted in `timeZone`'s calendar. */
export const segmentOf = (facts: CustomerFacts, now: Date, rules: SegmentRules, timeZone: string): Segment => {
  if (facts.counted <= 0 || !facts.lastOrderAt) return withoutOrders(facts, now, rules, timeZone);
  const band = bandsOf(rules).find((candidate) => facts.counted >= candidate.fromOrders)!;
  const days = daysBetween(facts.lastOrderAt, now, timeZone);
  if (days <= band.activeDays) return band.active;
  return days <= band.passiveDays ? band.passive : band.lost;
};

/** The first instant of the day `days` days before `now`'s day: d ≤ days ⇔ the moment is at or after it. */
export const cutoffOf = (now: Date, days: number, timeZone: string): Date => startOfDay(addDays(dayIn(now, timeZone), -days), timeZone);

/** The bands with their thresholds as instants, for a query that segments every customer at once. */
export const cutoffsOf = (now: Date, rules: SegmentRules, timeZone: string) => ({
  bands: bandsOf(rules).map((band) => ({
    ...band,
    activeSince: cutoffOf(now, band.activeDays, timeZone),
    passiveSince: cutoffOf(now, band.passiveDays, timeZone),
  })),
  registeredSince: cutoffOf(now, rules.inactiveAfterDays, timeZone),
});

/** What is wrong with a set of rules: the field at fault, which rule it breaks, and in English. */
export interface SegmentRulesProblem {
  path: [band: 'oneTime' | 'repeat' | 'loyal', field: 'passiveDays' | 'fromOrders'];
  rule: 'passiveBelowActive' | 'loyalNotAboveRepeat';
  message: string;
}

/** Why a set of rules cannot be used, or null: each band's passive days reach its active days, and loyal starts above repeat. */
export const segmentRulesProblem = (rules: SegmentRules): SegmentRulesProblem | null => {
  for (const band of ['oneTime', 'repeat', 'loyal'] as const) {
    if (rules[band].passiveDays < rules[band].activeDays) {
      return { path: [band, 'passiveDays'], rule: 'passiveBelowActive', message: `must be at least ${band}.activeDays` };
    }
  }
  if (rules.loyal.fromOrders <= rules.repeat.fromOrders) {
    return { path: ['loyal', 'fromOrders'], rule: 'loyalNotAboveRepeat', message: 'must be more than repeat.fromOrders' };
  }
  return null;
};
