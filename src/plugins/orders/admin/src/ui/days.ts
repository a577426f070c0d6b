/**
 * Days (YYYY-MM-DD) on the design system's calendar. The picker reads a Date as a UTC day and
 * answers with local midnight, so the day goes in as UTC midnight and comes out from the local
 * date parts — the same conversion Strapi's own date inputs make.
 */

/** The Date the picker shows for a day; undefined for none or a day that is no date. */
export const dateOf = (day: string | undefined) => {
  const date = day ? new Date(`${day}T00:00:00Z`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
};

/** The day the picker answered. */
export const dayOf = (date: Date) =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((part, index) => String(part).padStart(index ? 2 : 4, '0')).join('-');
