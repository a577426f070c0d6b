/** A custom status's labels: read from either saved shape, and shown in the admin's language. */
import { customStatusLabel, labelLanguageOf, readCustomStatus } from '../../src/plugins/orders/shared/contracts/settings';

test('a status saved with a single label gets it in both languages', () => {
  expect(readCustomStatus({ key: 'regi', label: 'Régi', color: '#000000' })).toEqual({
    key: 'regi',
    labels: { hu: 'Régi', en: 'Régi' },
    label: 'Régi',
    color: '#000000',
  });
});

test('a status with labels keeps them; `label` is the Hungarian one', () => {
  const status = readCustomStatus({ key: 'p', labels: { hu: 'Csomagolás', en: 'Packing' }, label: 'stale', color: '#000000' });
  expect(status).toEqual({ key: 'p', labels: { hu: 'Csomagolás', en: 'Packing' }, label: 'Csomagolás', color: '#000000' });
});

test('a language missing falls back to the other, and with no label at all to the key', () => {
  expect(readCustomStatus({ key: 'p', labels: { hu: 'Csomagolás' } as never, color: '#0' }).labels).toEqual({
    hu: 'Csomagolás',
    en: 'Csomagolás',
  });
  expect(readCustomStatus({ key: 'p', color: '#0' }).labels).toEqual({ hu: 'p', en: 'p' });
});

test('the admin’s locale picks the label: Hungarian for hu, English for any other', () => {
  const status = readCustomStatus({ key: 'p', labels: { hu: 'Csomagolás', en: 'Packing' }, color: '#000000' });
  expect(customStatusLabel(status, 'hu')).toBe('Csomagolás');
  expect(customStatusLabel(status, 'hu-HU')).toBe('Csomagolás');
  expect(customStatusLabel(status, 'en')).toBe('Packing');
  expect(customStatusLabel(status, 'de')).toBe('Packing');
  expect(labelLanguageOf('HU')).toBe('hu');
});
