import * as z from 'zod/mini';

export const Health = z.object({ status: z.literal('ok') });

/** Ids we mint ourselves: lower-case letters, digits and dashes. */
export const Id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));

export const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
