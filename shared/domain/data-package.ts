/**
 * The analyst's export of a release (issue 28, item 11): the case-level judgements and the
 * questionnaire answers as CSV files, described by a `datapackage.json` (the Frictionless Data
 * Package standard: each resource's path, and each column's name, type, description and allowed
 * values), so that a statistician can load the release without asking what a column means.
 *
 * It follows the release it comes from: the cases and closed answers are frozen with the
 * release (the release file `analysis`), so every request gives the same bytes. Case
 * references are pseudonyms, a keyed hash (HMAC-SHA256) under a key made at random for that
 * release and kept only in its frozen file: stable within a release, unlinkable between
 * releases, and never the inspectorate's own reference; rows go in the order of the pseudonyms,
 * so their order says nothing either. Responses are pseudonymised the same way.
 *
 * Free text is never frozen (a respondent's erasure must reach it; releases strip comments for
 * the same reason). Asked for (`?freeText=include`, admin and staff), it is read from the
 * responses still stored, only those the release froze, under the release's pseudonyms.
 */
import { PROFILE_FIELDS } from '#cases/words';
import { Forbidden, Gone, NotFound } from '#core/errors';
import type { User } from '#core/roles';
import { getQuestionnaireVersion } from '#questionnaires/index';
import type { QuestionBank } from '#schemas/bank';
import type { CaseProfile } from '#schemas/case';
import type { Audience, QuestionnaireQuestion } from '#schemas/questionnaire';
import type { DataPackage, DataPackageField } from '#schemas/analysis';
import { getReleaseFile } from '#store/releases';
import { allResponses } from '#store/responses';
import { pseudonym, type AnalysisSnapshot, type Answer } from './analysis-snapshot';
import { bankOf } from './bank-of';
import { toCsv } from '#core/csv-out';
import { requireRelease } from './releases';

const AUDIENCES = ['offender', 'victim', 'sentencer'] as const satisfies readonly Audience[];
export const DATA_PACKAGE_RESOURCES = ['cases.csv', 'offender-answers.csv', 'victim-answers.csv', 'sentencer-answers.csv', 'free-text.csv'] as const;
export type DataPackageResource = (typeof DATA_PACKAGE_RESOURCES)[number];
/** Who may read respondents' own words in an export: not every signed-in role. */
const FREE_TEXT_ROLES = ['admin', 'staff'] as const;

async function frozenSnapshot(inspectionId: string, releaseId: string) {
  const { inspection, release } = await requireRelease(inspectionId, releaseId);
  const frozen = release.files.analysis;
  if (!frozen) throw new NotFound(`Release ${release.releaseId} was made before releases carried a data package: make a new release for one.`);
  // DynamoDB's TTL deletes within days, not at once: past its time the package is gone whatever is still stored.
  if (frozen.expiresAtEpoch !== undefined && frozen.expiresAtEpoch * 1000 <= Date.now()) {
    throw new Gone(`The data package of release ${release.releaseId} was deleted with the case records at the end of their retention.`);
  }
  const snapshot = JSON.parse(await getReleaseFile(inspection.inspectionId, release, 'analysis')) as AnalysisSnapshot;
  return { inspection, release, snapshot, bank: bankOf({ ...inspection, questionBankVersion: snapshot.questionBankVersion }) };
}

function requireFreeTextRole(user: User): void {
  if (!user.roles.some((r) => (FREE_TEXT_ROLES as readonly string[]).includes(r))) {
    throw new Forbidden("Respondents' own words are for admins and staff: the data package without them is open to every signed-in role.");
  }
}

/* The columns, once: the descriptor says them and the CSVs are written from the same list. */

interface Column extends DataPackageField {
  /** The cell of one row. */
  cell: (row: Record<string, unknown>) => string;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
const listed = (values: readonly string[]) => values.join(', ');

/** A text column every row fills, its cell the row's field of the same name. */
const rowField = (name: string, description: string, constraints: DataPackageField['constraints'] = {}): Column => ({
  name,
  type: 'string',
  description,
  constraints: { required: true, ...constraints },
  cell: (r) => str(r[name]),
});

function caseColumns(bank: QuestionBank): Column[] {
  const profile: Column[] = [
    rowField(
      'case',
      "The case's pseudonym in this release: a keyed hash of the inspectorate's reference, the same for the case in every file of this release and different in every other release. Never the reference itself.",
      { unique: true },
    ),
    {
      name: 'caseType',
      type: 'string',
      description: 'Case type: community, licence or custody.',
      constraints: { required: true, enum: ['community', 'licence', 'custody'] },
      cell: (r) => str((r.profile as CaseProfile).caseType),
    },
    ...PROFILE_FIELDS.map((f): Column => {
      const codes = f.choices.map(([code]) => code);
      const integer = f.kind === 'int';
      return {
        name: f.name,
        type: integer ? 'integer' : 'string',
        description: `${f.label}: ${f.choices.map(([code, words]) => `${code} = ${words}`).join('; ')}. Empty when not recorded.`,
        constraints: { enum: integer ? codes.map(Number) : codes },
        cell: (r) => str((r.profile as Record<string, unknown>)[f.name]),
      };
    }),
  ];
  const questions = bank.questions.map(
    (q): Column => ({
      name: q.id,
      type: 'string',
      description: `Question ${q.id} (criterion ${q.criterion}${q.summary ? ', its summary question' : ''}${q.roh ? ', Risk of Harm thread' : ''}): ${q.text} yes = sufficient, no = insufficient, na = not relevant to this case. Empty when the case type (${listed(q.appliesTo)} takes it) does not take it.`,
      constraints: { enum: ['yes', 'no', 'na'] },
      cell: (r) => str((r.answers as Record<string, string>)[q.id]),
    }),
  );
  return [...profile, ...questions];
}

/** Every closed question an audience's responses in this release were given, in questionnaire order, the newest version's words. */
function closedQuestionsOf(snapshot: AnalysisSnapshot, audience: Audience): QuestionnaireQuestion[] {
  const versions = [...new Set(snapshot.responses.filter((r) => r.audience === audience).map((r) => r.questionnaireVersion))].sort();
  const byId = new Map<string, QuestionnaireQuestion>();
  for (const v of versions) for (const q of getQuestionnaireVersion(v, 'en')?.questions ?? []) if (q.type !== 'text') byId.set(q.id, q);
  return [...byId.values()];
}

function answerColumns(snapshot: AnalysisSnapshot, audience: Audience): Column[] {
  const head: Column[] = [
    rowField('response', "The response's pseudonym in this release (a keyed hash of its invitation, never the invitation or its reference).", {
      unique: true,
    }),
    rowField('language', 'The language answered in: en = English, cy = Welsh.', { enum: ['en', 'cy'] }),
    rowField('channel', 'How it came in: online, or paper (entered by an inspector).', { enum: ['online', 'paper'] }),
    rowField('questionnaireVersion', 'The version of the questionnaire the respondent was given.'),
  ];
  const columns = closedQuestionsOf(snapshot, audience).flatMap((q): Column[] => {
    const options = q.options ?? [];
    const routed = q.showIf ? ` Asked only when ${q.showIf.question} was answered ${listed(q.showIf.in)}.` : '';
    const marks = `${q.positive?.length ? ` Positive in the summaries: ${listed(q.positive)}.` : ''}${q.notApplicable?.length ? ` Not counted as an answer: ${listed(q.notApplicable)}.` : ''}`;
    if (q.type === 'multi-choice') {
      return options.map((o) => ({
        name: `${q.id}.${o.value}`,
        type: 'string',
        description: `${q.text} (tick all that apply) Option ${o.value} = ${o.label}: yes when ticked, no when the question was answered without it; empty when it was not answered.${routed}`,
        constraints: { enum: ['yes', 'no'] },
        cell: (r) => {
          const a = (r.answers as Record<string, Answer>)[q.id];
          return Array.isArray(a) ? (a.includes(o.value) ? 'yes' : 'no') : '';
        },
      }));
    }
    return [
      {
        name: q.id,
        type: 'string',
        description: `${q.text} ${options.map((o) => `${o.value} = ${o.label}`).join('; ')}.${marks}${routed} Empty when not answered${q.showIf ? ' or not asked' : ''}.`,
        constraints: { enum: options.map((o) => o.value) },
        cell: (r) => str((r.answers as Record<string, Answer>)[q.id]),
      },
    ];
  });
  return [...head, ...columns];
}

function freeTextColumns(): Column[] {
  return [
    rowField('response', "The response's pseudonym, as in the audience's answers file."),
    rowField('audience', 'Who answered: offender, victim or sentencer.', { enum: [...AUDIENCES] }),
    rowField('question', "The free-text question's id in the questionnaire."),
    rowField('text', "The respondent's own words, as sent. Not for publication."),
  ];
}

const schemaOf = (columns: readonly Column[], primaryKey?: string) => ({
  fields: columns.map(({ cell: _cell, ...field }) => field),
  missingValues: [''],
  ...(primaryKey ? { primaryKey } : {}),
});

function csvOf(columns: readonly Column[], rows: readonly Record<string, unknown>[]): string {
  return toCsv([columns.map((c) => c.name), ...rows.map((r) => columns.map((c) => c.cell(r)))]);
}

/** The descriptor: every resource as a path relative to it (`data-package/cases.csv`), each column described. */
export async function dataPackageOf(inspectionId: string, releaseId: string, user: User, freeText: boolean): Promise<DataPackage> {
  if (freeText) requireFreeTextRole(user);
  const { inspection, release, snapshot, bank } = await frozenSnapshot(inspectionId, releaseId);
  const resource = (name: string, title: string, description: string, columns: readonly Column[], primaryKey?: string) => ({
    name,
    path: `data-package/${name}.csv`,
    title,
    description,
    profile: 'tabular-data-resource' as const,
    format: 'csv' as const,
    mediatype: 'text/csv' as const,
    encoding: 'utf-8' as const,
    schema: schemaOf(columns, primaryKey),
  });
  const count = (a: Audience) => snapshot.responses.filter((r) => r.audience === a).length;
  return {
    profile: 'tabular-data-package',
    name: `omi-${inspection.inspectionId}-${release.releaseId.toLowerCase()}`,
    title: `${inspection.area}: the analyst's data package of the ${release.kind} release of ${release.createdAt.slice(0, 10)}`,
    description:
      'Staff only, not for publication: case-level judgements and questionnaire answers exactly as this release froze them, with pseudonyms in place of case references and invitations. Small groups are not suppressed here; anything published from it must follow the disclosure rule.',
    created: release.createdAt,
    version: release.releaseId,
    resources: [
      resource(
        'cases',
        'Case judgements',
        `The ${snapshot.cases.length} finished cases of the release, one row each: the profile, then every question of bank ${snapshot.questionBankVersion}.`,
        caseColumns(bank),
        'case',
      ),
      ...AUDIENCES.map((a) =>
        resource(
          `${a}-answers`,
          `${a.charAt(0).toUpperCase()}${a.slice(1)}s' questionnaire answers`,
          `The ${count(a)} ${a} responses of the release, one row each, closed questions only.`,
          answerColumns(snapshot, a),
          'response',
        ),
      ),
      ...(freeText
        ? [
            resource(
              'free-text',
              "Respondents' own words",
              'The free-text answers of the responses this release counted that are still held (an erased response has none). Not for publication.',
              freeTextColumns(),
            ),
          ]
        : []),
    ],
  };
}

/** One resource of the data package as CSV, byte for byte the same on every request (free text: while the responses are held). */
export async function dataPackageResource(
  inspectionId: string,
  releaseId: string,
  resource: string,
  user: User,
): Promise<{ csv: string; filename: string }> {
  if (!(DATA_PACKAGE_RESOURCES as readonly string[]).includes(resource)) {
    throw new NotFound(`The data package has no resource ${resource.slice(0, 40)}: it has ${listed(DATA_PACKAGE_RESOURCES)}.`);
  }
  if (resource === 'free-text.csv') requireFreeTextRole(user);
  const { inspection, release, snapshot, bank } = await frozenSnapshot(inspectionId, releaseId);
  const filename = `${inspection.inspectionId}-${release.releaseId}-${resource}`;
  if (resource === 'cases.csv') return { csv: csvOf(caseColumns(bank), snapshot.cases as unknown as Record<string, unknown>[]), filename };
  const audience = AUDIENCES.find((a) => resource === `${a}-answers.csv`);
  if (audience)
    return {
      csv: csvOf(
        answerColumns(snapshot, audience),
        snapshot.responses.filter((r) => r.audience === audience),
      ),
      filename,
    };
  return { csv: csvOf(freeTextColumns(), await freeTextRows(inspection.inspectionId, snapshot)), filename };
}

async function freeTextRows(inspectionId: string, snapshot: AnalysisSnapshot): Promise<Record<string, unknown>[]> {
  const key = Buffer.from(snapshot.key, 'base64url');
  const frozen = new Set(snapshot.responses.map((r) => r.response));
  const rows: { response: string; audience: string; question: string; text: string }[] = [];
  for await (const page of allResponses(inspectionId)) {
    for (const r of page) {
      const response = pseudonym(key, 'R', r.invitationId);
      if (!frozen.has(response)) continue;
      const texts = getQuestionnaireVersion(r.questionnaireVersion, 'en')?.questions.filter((q) => q.type === 'text') ?? [];
      for (const q of texts) {
        const text = r.answers[q.id];
        if (typeof text === 'string' && text.trim() !== '') rows.push({ response, audience: r.audience, question: q.id, text });
      }
    }
  }
  return rows.sort((a, b) => (a.response === b.response ? (a.question < b.question ? -1 : 1) : a.response < b.response ? -1 : 1));
}
