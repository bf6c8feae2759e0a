import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskFreeText } from '#summaries/mask';

describe('maskFreeText', () => {
  it.each([
    ['Email me at john.smith@example.co.uk please', 'Email me at [email] please'],
    ['write to J_O+probation@kent.probation.gsi.gov.uk.', 'write to [email].'],
    ['My mobile is 07700 900123.', 'My mobile is [phone].'],
    ['ring 07700900123', 'ring [phone]'],
    ['+44 7700 900123 any time', '[phone] any time'],
    ['+447700900123', '[phone]'],
    ['call +44 (0)20 7946 0000', 'call [phone]'],
    ['office 01622 123456', 'office [phone]'],
    ['office (01622) 123456', 'office [phone]'],
    ['London 020 7946 0000 or 020-7946-0000', 'London [phone] or [phone]'],
    ['free on 0800 123 4567', 'free on [phone]'],
    ['I live at ME14 1XX now', 'I live at [postcode] now'],
    ['CT1 2AB', '[postcode]'],
    ['near sw1a 1aa and ME141XX', 'near [postcode] and [postcode]'],
    ['Mr John Smith helped me', 'Mr [name] helped me'],
    ['Mrs Jones was kind.', 'Mrs [name] was kind.'],
    ['Ms. Patel and Miss Evans', 'Ms. [name] and Miss [name]'],
    ['Dr J. Smith saw me', 'Dr [name] saw me'],
    ["Mr O'Brien's office", "Mr [name]'s office"],
    ['Mrs Smith-Jones', 'Mrs [name]'],
    ['Mr Rhys ap Gwilym', 'Mr [name]'],
    ['Mr Llŷr Jones', 'Mr [name]'],
    ['Mr Smith Mrs Jones', 'Mr [name] Mrs [name]'],
    ['Mr and Mrs Smith', 'Mr and Mrs [name]'],
    ['Mr John Smith (john@x.org, 07700 900123) of ME14 1XX', 'Mr [name] ([email], [phone]) of [postcode]'],
  ])('%s', (input, expected) => {
    expect(maskFreeText(input)).toBe(expected);
  });

  it.each([
    'The order started on 05/11/2007 at 10am.',
    'I waited 16 months, about 90 minutes each way.',
    'Case 123456789012 was fine.',
    'Drew was helpful, and the programme was good.',
    'My offender manager was great.',
    'mr smith',
    'Think First helped me. IDAP too.',
    'Nid wyf yn gwybod.',
  ])('leaves alone: %s', (input) => {
    expect(maskFreeText(input)).toBe(input);
  });

  it('never throws, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const once = maskFreeText(s);
        expect(maskFreeText(once)).toBe(once);
      }),
    );
  });

  it('finds an e-mail address or phone number wherever it is put', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.constantFrom('a.b@c.co.uk', '07700 900123'),
        (before, after, secret) => {
          const masked = maskFreeText(`${before} ${secret} ${after}`);
          expect(masked).not.toContain(secret);
        },
      ),
    );
  });
});
