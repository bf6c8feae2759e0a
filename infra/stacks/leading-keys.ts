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
import { keys } from '#store/keys';

const anyInspection = '*';
const anyTokenHash = '*';

export const RESPONDENT_LEADING_KEYS: Readonly<Record<string, readonly string[]>> = {
  questionnaires: keys.slotPartitions(anyInspection),
  'questionnaire-pages': keys.slotPartitions(anyInspection),
};

/**
 * A report link's function (read-only by its actions) reads the link's own item and the
 * inspection's partition: the link's release and its frozen files, the plan annex, or for a link
 * to the draft the snapshot and the write-up. Never sessions, people, jobs or other links'
 * partitions. IAM's StringLike cannot say "the inspection's partition but none below it", so
 * the respondents' slot partitions, which the inspection's pattern also takes in, are denied by
 * a statement of their own.
 */
export const REPORT_LINK_LEADING_KEYS: Readonly<Record<string, readonly string[]>> = {
  'report-link': [keys.reportLink(anyTokenHash).pk, keys.inspection(anyInspection).pk],
};
export const REPORT_LINK_DENIED_KEYS: Readonly<Record<string, readonly string[]>> = {
  'report-link': keys.slotPartitions(anyInspection),
};

/** IAM's StringLike: `*` any run of characters, `?` one; everything else literal. */
export function stringLike(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    's',
  );
  return re.test(value);
}
