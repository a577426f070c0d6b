/**
 * Why a shop's payload was refused. Every adapter throws these and nothing else, so that the inbox
 * can keep the raw payload with a code the admin words and a message that names the field.
 */
export const ADAPTER_ERROR_CODES = [
  'malformedJson',
  'malformedXml',
  'xmlDeclaresEntities',
  'tooDeep',
  'unsupportedContentType',
  'unsupportedTopic',
  'invalidOrder',
  'unknownCurrency',
  'missingExternalId',
  'notANumber',
  'badQuantity',
  'missingEmail',
  'badEmail',
  'unknownSubscriptionStatus',
  'missingEvent',
  'invalidSubscription',
] as const;
export type AdapterErrorCode = (typeof ADAPTER_ERROR_CODES)[number];

export class AdapterError extends Error {
  constructor(
    readonly code: AdapterErrorCode,
    message: string,
    /** Where in the payload, as `lines[2].quantity`. */
    readonly path?: string
  ) {
    super(message);
    this.name = 'AdapterError';
  }
}

/** Text quoted in a message is cut short, so that no message repeats a whole payload. */
export const quote = (value: unknown): string => {
  const text = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value);
  return text;
};
