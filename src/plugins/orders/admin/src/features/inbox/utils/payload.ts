/**
 * The raw payload of an inbox entry as the admin shows it: JSON indented, other text (XML, a form)
 * exactly as it came, and a body that is not UTF-8 as its base64. Free of React, for a unit test.
 */
import type { InboxEntryDetailJson } from '../../../../../shared/contracts/inbox';

export interface ShownPayload {
  /** json: parsed and indented · text: as it came · base64: not text · empty: nothing was sent (or kept). */
  kind: 'json' | 'text' | 'base64' | 'empty';
  text: string;
}

export const shownPayload = (body: InboxEntryDetailJson['body']): ShownPayload => {
  if (body.text === null || body.text === undefined)
    return body.base64 ? { kind: 'base64', text: body.base64 } : { kind: 'empty', text: '' };
  if (body.text === '') return { kind: 'empty', text: '' };
  try {
    return { kind: 'json', text: JSON.stringify(JSON.parse(body.text), null, 2) };
  } catch {
    return { kind: 'text', text: body.text };
  }
};
