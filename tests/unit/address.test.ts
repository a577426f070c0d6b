import { normalAddress, sameAddress } from '../../src/plugins/orders/shared/domain/address';

const BUDAPEST = { country: 'HU', postalCode: '1052', city: 'Budapest', street: 'Váci utca 12.' };

test('an address has every part, trimmed, empty ones as null; one without any part is none', () => {
  expect(normalAddress({ city: ' Szeged ', street: '' })).toEqual({ country: null, postalCode: null, city: 'Szeged', street: null });
  expect(normalAddress({ country: '', city: '  ' })).toBeNull();
  expect(normalAddress(null)).toBeNull();
  expect(normalAddress(BUDAPEST)).toEqual(BUDAPEST);
});

test('two addresses are one when their parts are, a missing part and an empty one alike', () => {
  expect(sameAddress(BUDAPEST, { ...BUDAPEST, street: 'Váci utca 12. ' })).toBe(true);
  expect(sameAddress({ city: 'Szeged' }, { city: 'Szeged', street: '' })).toBe(true);
  expect(sameAddress(null, { country: null })).toBe(true);
  expect(sameAddress(BUDAPEST, { ...BUDAPEST, postalCode: '1053' })).toBe(false);
  expect(sameAddress(BUDAPEST, null)).toBe(false);
});
