/**
 * Every key format in the table, and nothing else. No other module builds a pk or sk.
 *
 * Access patterns (see shared/store/README.md):
 *   inspection           pk INSP#<id>            sk INSPECTION          gsi1 INSPECTIONS / <createdAt>#<id>
 *   case (current)       pk INSP#<id>            sk CASE#<caseRef>
 *   case (earlier)       pk INSP#<id>            sk CASEHIST#<caseRef>#<version>
 *   leadership grade     pk INSP#<id>            sk GRADE#<criterionId>
 *   conclusion           pk INSP#<id>            sk CONCL#<criterionId>
 *   invitation batch     pk INSP#<id>            sk INVBATCH#<audience>#<language>#<batchId>
 *   response             pk INSP#<id>            sk RESP#<invitationId>      (one conditional put per invitation)
 *   invitation reference pk INSP#<id>            sk INVREF#<reference>       (the paper form's reference, plain: it opens nothing online;
 *                                                                             found by an inspector entering a paper return, listed for reminders)
 *   reference misses     pk INSP#<id>            sk REFMISS#<hour>#<who>     (unknown paper references one person tried in that hour: the brute-force brake; TTL)
 *   summary snapshot     pk INSP#<id>            sk SUMMARY
 *   summary comments     pk INSP#<id>            sk SUMMARYTEXT#<snapshot's startedAt>#<page> (every comment, paged: any number fits)
 *   invitation slot      pk INSP#<id>#SLOTS#<n>  sk SLOT#<sha256 of token> (the link, its draft, then its response: ONE item, so a
 *                                                                             send is one conditional write; n from the hash spreads an
 *                                                                             inspection's sends over SLOT_SHARDS partitions)
 *   stale marker         pk STALE                sk INSP#<id>                (inspections awaiting aggregation)
 *   report link          pk REPORTLINK#<sha256>  sk REPORTLINK               (a capability link to one inspection's report; TTL)
 *   report link listing  pk INSP#<id>            sk REPORTLINK#<linkId>      (the same link found by its inspection, to list and revoke; TTL)
 *   form stash used      pk FORMSTASH#<stashId>  sk USED                     (a signed-out form's stash, given back once: its id, claimed; TTL)
 *   second marking       pk INSP#<id>            sk SECMARK#<caseRef>        (a second, independent judgement of a case)
 *   second marking (old) pk INSP#<id>            sk SECMARKHIST#<caseRef>#<at> (a replaced second marking, kept for the audit trail)
 *   interview            pk INSP#<id>            sk INTERVIEW#<caseRef>      (the offender manager's interview for a sample case)
 *   moderation decision  pk INSP#<id>            sk MODDECISION#<caseRef>    (a moderator's agreed judgement of a double-marked case, and the note)
 *   performance figures  pk INSP#<id>            sk PERFORMANCE              (the area's figures, one item, replaced whole)
 *   area context         pk INSP#<id>            sk CONTEXT                  (the area's caseload and its make-up)
 *   write-up             pk INSP#<id>            sk WRITEUP                  (the report's authored text, one item: each section an attribute
 *                                                                             `section:<sectionId>` with its own version, the document's version
 *                                                                             beside them; an item written before sections keeps its `body`)
 *   release              pk INSP#<id>            sk RELEASE#<releaseId>      (a frozen report: what it holds; the id starts with its time, so they list in order)
 *   release part         pk INSP#<id>            sk RELPART#<releaseId>#<file>#<n> (one file's frozen bytes, gzipped, split under the item limit)
 *   workbench session    pk SESSION#<sha256 of id> sk SESSION                gsi1 SESSIONS / <sub>#<sha256 of id> (one Get per page
 *                                                                             request; listed and ended per person by an admin; TTL at its end)
 *   person               pk PERSON#<sub>         sk PERSON                   (the people directory: a person's display name, written at each sign-in,
 *                                                                             read by pages in one BatchGet so a page names people, never their ids)
 *   sign-in state used   pk SIGNIN#<sha256 of state> sk SIGNIN                (an OAuth state spent at the callback: a replay is refused; TTL)
 *   meeting              pk INSP#<id>            sk MEETING#<meetingId>      (an interview or group met in person: an input, its notes for staff only)
 *   improvement plan     pk INSP#<id>            sk IMPROVEMENTPLAN          (the area's plan after a final release: not an input, so closing leaves it writable)
 *   plan annex           pk INSP#<id>            sk PLANANNEX#<releaseId>#<annexId> (the plan frozen as an annex to a final release, gzipped)
 *   batch recovery       pk INSP#<id>            sk INVBATCHKEY#<batchId>    (a batch's sealed secret and its links' ids and references, while it
 *                                                                             can still be downloaded again: deleted when marked sent; TTL 7 days)
 *   idempotency record   pk IDEM#<sha256 of route, user and key>  sk IDEM   (a state change's first answer, for a retry with the same key; TTL)
 *   job                  pk JOB#<jobId>          sk JOB                      (long work run off the request: its status, result or problem; TTL 7 days)
 *   job's input          pk JOB#<jobId>          sk PART#<n>                 (what a job was handed, too big for its message: an upload's rows, gzipped; TTL 7 days)
 *   area's fieldwork     pk AREA#<area, folded and escaped>  sk FIELDWORK (every inspection of one area and its fieldwork dates, under a
 *                                                                             version: two creations of overlapping inspections cannot both land)
 */
import { TABLE } from './table';

export type Key = { pk: string; sk: string };

/**
 * Partitions an inspection's invitation slots are spread over. More spreads sends wider but
 * costs the aggregation one more Query (and its rounding to 4 KB) per partition; 4 keeps that
 * under 2 RCU per aggregation while no partition takes more than about a quarter of the sends.
 */
export const SLOT_SHARDS = 4;
const SLOTS = '#SLOTS#';

const insp = (inspectionId: string) => `INSP#${inspectionId}`;

export const keys = {
  inspection: (inspectionId: string): Key => ({ pk: insp(inspectionId), sk: 'INSPECTION' }),
  inspectionListing: (inspectionId: string, createdAt: string) => ({
    [TABLE.gsi1.partitionKey]: 'INSPECTIONS',
    [TABLE.gsi1.sortKey]: `${createdAt}#${inspectionId}`,
  }),
  inspectionsIndexPartition: 'INSPECTIONS',

  case: (inspectionId: string, caseRef: string): Key => ({ pk: insp(inspectionId), sk: `CASE#${caseRef}` }),
  casePrefix: 'CASE#',
  caseVersion: (inspectionId: string, caseRef: string, version: number): Key => ({
    pk: insp(inspectionId),
    sk: `CASEHIST#${caseRef}#${String(version).padStart(6, '0')}`,
  }),
  caseVersionPrefix: (caseRef: string) => `CASEHIST#${caseRef}#`,

  grade: (inspectionId: string, criterionId: string): Key => ({ pk: insp(inspectionId), sk: `GRADE#${criterionId}` }),
  gradePrefix: 'GRADE#',

  conclusion: (inspectionId: string, criterionId: string): Key => ({ pk: insp(inspectionId), sk: `CONCL#${criterionId}` }),
  conclusionPrefix: 'CONCL#',

  invitationBatch: (inspectionId: string, audience: string, language: string, batchId: string): Key => ({
    pk: insp(inspectionId),
    sk: `INVBATCH#${audience}#${language}#${batchId}`,
  }),
  invitationBatchPrefix: 'INVBATCH#',

  response: (inspectionId: string, invitationId: string): Key => ({ pk: insp(inspectionId), sk: `RESP#${invitationId}` }),
  responsePrefix: 'RESP#',

  invitationReference: (inspectionId: string, reference: string): Key => ({ pk: insp(inspectionId), sk: `INVREF#${reference}` }),
  invitationReferencePrefix: 'INVREF#',
  /** `who`: a hash of the person's id (shared/domain/paper-returns.ts), so the key holds no id and no `#` of its own. */
  referenceMisses: (inspectionId: string, hour: string, who: string): Key => ({ pk: insp(inspectionId), sk: `REFMISS#${hour}#${who}` }),

  summary: (inspectionId: string): Key => ({ pk: insp(inspectionId), sk: 'SUMMARY' }),
  commentPage: (inspectionId: string, startedAt: string, page: number): Key => ({
    pk: insp(inspectionId),
    sk: `SUMMARYTEXT#${startedAt}#${String(page).padStart(5, '0')}`,
  }),
  commentPagePrefix: 'SUMMARYTEXT#',
  commentPageSetOf: (sk: string): string => sk.slice('SUMMARYTEXT#'.length, sk.lastIndexOf('#')),

  slot: (inspectionId: string, tokenHash: string): Key => ({
    pk: `${insp(inspectionId)}${SLOTS}${Number.parseInt(tokenHash.slice(0, 2), 16) % SLOT_SHARDS}`,
    sk: `SLOT#${tokenHash}`,
  }),
  slotPartitions: (inspectionId: string): string[] => Array.from({ length: SLOT_SHARDS }, (_, n) => `${insp(inspectionId)}${SLOTS}${n}`),
  slotPrefix: 'SLOT#',
  /** The inspection an item belongs to, from its pk (INSP#<id> or a slot partition), or undefined for any other item. */
  inspectionIdOf: (pk: string): string | undefined => (pk.startsWith('INSP#') ? pk.slice('INSP#'.length).split('#')[0] : undefined),

  stale: (inspectionId: string): Key => ({ pk: 'STALE', sk: insp(inspectionId) }),
  stalePartition: 'STALE',
  inspectionIdFromStale: (sk: string) => sk.slice('INSP#'.length),

  partitionOf: insp,

  reportLink: (tokenHash: string): Key => ({ pk: `REPORTLINK#${tokenHash}`, sk: 'REPORTLINK' }),
  reportLinkListing: (inspectionId: string, linkId: string): Key => ({ pk: insp(inspectionId), sk: `REPORTLINK#${linkId}` }),
  reportLinkListingPrefix: 'REPORTLINK#',
  formStashUsed: (stashId: string): Key => ({ pk: `FORMSTASH#${stashId}`, sk: 'USED' }),

  secondMarking: (inspectionId: string, caseRef: string): Key => ({ pk: insp(inspectionId), sk: `SECMARK#${caseRef}` }),
  secondMarkingPrefix: 'SECMARK#',
  secondMarkingVersion: (inspectionId: string, caseRef: string, at: string): Key => ({ pk: insp(inspectionId), sk: `SECMARKHIST#${caseRef}#${at}` }),
  interview: (inspectionId: string, caseRef: string): Key => ({ pk: insp(inspectionId), sk: `INTERVIEW#${caseRef}` }),
  interviewPrefix: 'INTERVIEW#',
  moderationDecision: (inspectionId: string, caseRef: string): Key => ({ pk: insp(inspectionId), sk: `MODDECISION#${caseRef}` }),
  moderationDecisionPrefix: 'MODDECISION#',
  performanceFigures: (inspectionId: string): Key => ({ pk: insp(inspectionId), sk: 'PERFORMANCE' }),
  areaContext: (inspectionId: string): Key => ({ pk: insp(inspectionId), sk: 'CONTEXT' }),
  writeUp: (inspectionId: string): Key => ({ pk: insp(inspectionId), sk: 'WRITEUP' }),
  release: (inspectionId: string, releaseId: string): Key => ({ pk: insp(inspectionId), sk: `RELEASE#${releaseId}` }),
  releasePrefix: 'RELEASE#',
  releasePart: (inspectionId: string, releaseId: string, file: string, n: number): Key => ({
    pk: insp(inspectionId),
    sk: `RELPART#${releaseId}#${file}#${String(n).padStart(3, '0')}`,
  }),
  releasePartPrefix: (releaseId: string, file: string) => `RELPART#${releaseId}#${file}#`,

  session: (idHash: string): Key => ({ pk: `SESSION#${idHash}`, sk: 'SESSION' }),
  sessionListing: (sub: string, idHash: string) => ({
    [TABLE.gsi1.partitionKey]: 'SESSIONS',
    [TABLE.gsi1.sortKey]: `${encodeURIComponent(sub)}#${idHash}`,
  }),
  sessionsIndexPartition: 'SESSIONS',
  sessionIdHashOf: (pk: string) => pk.slice('SESSION#'.length),
  /** A person's sessions in the listing: their id escaped (so it holds no `#`), then `#`. */
  sessionListingPrefix: (sub: string) => `${encodeURIComponent(sub)}#`,
  person: (sub: string): Key => ({ pk: `PERSON#${sub}`, sk: 'PERSON' }),
  signInStateUsed: (stateHash: string): Key => ({ pk: `SIGNIN#${stateHash}`, sk: 'SIGNIN' }),
  meeting: (inspectionId: string, meetingId: string): Key => ({ pk: insp(inspectionId), sk: `MEETING#${meetingId}` }),
  meetingPrefix: 'MEETING#',
  improvementPlan: (inspectionId: string): Key => ({ pk: insp(inspectionId), sk: 'IMPROVEMENTPLAN' }),
  planAnnex: (inspectionId: string, releaseId: string, annexId: string): Key => ({ pk: insp(inspectionId), sk: `PLANANNEX#${releaseId}#${annexId}` }),
  planAnnexPrefix: (releaseId: string) => `PLANANNEX#${releaseId}#`,
  invitationBatchRecovery: (inspectionId: string, batchId: string): Key => ({ pk: insp(inspectionId), sk: `INVBATCHKEY#${batchId}` }),

  idempotency: (scopeHash: string): Key => ({ pk: `IDEM#${scopeHash}`, sk: 'IDEM' }),
  job: (jobId: string): Key => ({ pk: `JOB#${jobId}`, sk: 'JOB' }),
  jobPart: (jobId: string, n: number): Key => ({ pk: `JOB#${jobId}`, sk: `PART#${String(n).padStart(5, '0')}` }),
  jobPartPrefix: 'PART#',
  /** `areaKey`: the area's name folded (case, spacing) and escaped, so it holds no `#` of its own. */
  areaFieldwork: (areaKey: string): Key => ({ pk: `AREA#${areaKey}`, sk: 'FIELDWORK' }),

  /**
   * Everything about a sampled offender, and what people told us in person (meetings: their
   * notes are staff-only personal data), which the retention period after publication covers.
   */
  caseRecordPrefixes: ['CASE#', 'CASEHIST#', 'SECMARK#', 'SECMARKHIST#', 'INTERVIEW#', 'MODDECISION#', 'MEETING#'] as const,
};

const WRITE_UP_SECTION = 'section:';
/** A write-up section's attribute on the write-up item (one item, so a release reads the whole document at once). */
export const writeUpSectionAttribute = (sectionId: string): string => `${WRITE_UP_SECTION}${sectionId}`;
export const writeUpSectionOfAttribute = (attribute: string): string | undefined =>
  attribute.startsWith(WRITE_UP_SECTION) ? attribute.slice(WRITE_UP_SECTION.length) : undefined;
