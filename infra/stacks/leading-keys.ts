/**
 * Least privilege by key (issue 30, item 8): the functions of people who have a link rather
 * than an account may touch only the partitions their links live in, by a
 * `dynamodb:LeadingKeys` condition on their table policy. The patterns come from the store's own
 * key formats (shared/store/keys.ts) with `*` for the inspection id, so a change of format moves
 * the policy with it.
 *
 * A respondent's link, its draft and its response are one slot item in a slot partition
 * (the inspection's slot partitions, keys.ts), and questionnaires and questionnaire-pages read and write nothing
 * else: not the inspection, its cases, its other respondents' partitions' neighbours, nor any
 * other inspection's items outside its slot partitions.
 */
import { keys } from '../../shared/store/keys';

const anyInspection = '*';

export const RESPONDENT_LEADING_KEYS: Readonly<Record<string, readonly string[]>> = {
  questionnaires: keys.slotPartitions(anyInspection),
  'questionnaire-pages': keys.slotPartitions(anyInspection),
};

/** IAM's StringLike: `*` any run of characters, `?` one; everything else literal. */
export function stringLike(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
  return re.test(value);
}
