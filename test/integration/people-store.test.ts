/**
 * The people directory (issue 27) called directly against the run's DynamoDB Local: one item a
 * person, the newest name wins, and a page's BatchGet names any number of people, leaving out
 * anyone it does not know (the page then says their role, never their id).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestTable } from '#support/direct';

useTestTable();
const people = await import('#store/people');
const domain = await import('#domain/people');

describe('the people directory', () => {
  it('keeps the name a person last signed in with', async () => {
    const sub = randomUUID();
    await people.putPerson(sub, 'Ines Inspector');
    await people.putPerson(sub, 'Ines Inspector-Jones');
    expect(await people.peopleNames([sub])).toEqual(new Map([[sub, 'Ines Inspector-Jones']]));
  });

  it('names more people than one BatchGet takes, each once, and leaves out the unknown and the empty', async () => {
    const known = Array.from({ length: 130 }, (_, i) => ({ sub: randomUUID(), name: `Person ${i}` }));
    for (const p of known) await people.putPerson(p.sub, p.name);
    const unknown = randomUUID();
    const found = await people.peopleNames([...known.flatMap((p) => [p.sub, p.sub]), unknown, '']);
    expect(found.size).toBe(130);
    for (const p of known) expect(found.get(p.sub)).toBe(p.name);
    expect(found.has(unknown)).toBe(false);
  });

  it('gives a page a name, else the words it asks for, else "Unknown person"; a nameless sign-in is kept as its role', async () => {
    const [named, nameless, never] = [randomUUID(), randomUUID(), randomUUID()];
    await domain.rememberPerson(named, ' Sam Staff ', ['staff']);
    await domain.rememberPerson(nameless, '', ['inspector', 'staff']);
    const nameOf = await domain.namesOf([named, nameless, never, undefined]);
    expect(nameOf(named)).toBe('Sam Staff');
    expect(nameOf(nameless)).toBe('An inspector');
    expect(nameOf(never, 'An admin')).toBe('An admin');
    expect(nameOf(never)).toBe('Unknown person');
    expect(nameOf(undefined, 'An admin')).toBe('An admin');
  });
});
