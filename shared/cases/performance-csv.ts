/**
 * The area's performance figures as the inspectorate receives them, a spreadsheet saved as
 * CSV: `measure,target,area,national,period`, and optionally `better` (`higher` or `lower`,
 * for a measure such as sickness absence where less is better) and the columns of Appendix 1
 * as the IPPF printed it (issue 28): `kind`, `domain`, `previous`, `grade`, `predicted`,
 * `significant`, `note`, `noteCy` and `measureCy`. A file of the first five columns reads as it always
 * did. Every problem is reported, each naming its row and column in words; nothing is stored
 * unless every row is good. Pure.
 */
import type { ProblemDetail } from '#core/errors';
import { csvRows, headerProblems, rowCountFits, uploadProblems } from './csv-upload';
import { FIGURE_COLUMNS, IPPF_DOMAINS, PERFORMANCE_DOMAINS, PERFORMANCE_KINDS, type PerformanceFigure } from '#schemas/performance';

export const PERFORMANCE_COLUMNS = ['measure', 'target', 'area', 'national', 'period'] as const;
export const OPTIONAL_PERFORMANCE_COLUMNS = [
  'better',
  'kind',
  'domain',
  'previous',
  'grade',
  'predicted',
  'significant',
  'note',
  'noteCy',
  'measureCy',
] as const;
export const MAX_PERFORMANCE_ROWS = 200;
const MAX_TEXT = 200;
/** 86, 86%, 12.7, 10,339 (a thousands separator, as a spreadsheet writes it), -0.8%. */
const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/;
/** What a spreadsheet prints when a figure is too wide for its column, and saves so. */
const TOO_NARROW = /^#+$/;
const NOT_APPLICABLE = 'n/a';
const NOT_AVAILABLE = 'not available';

export interface ParsedPerformance {
  figures: PerformanceFigure[];
  problems: ProblemDetail[];
  problemCount: number;
}

type FigureColumn = (typeof FIGURE_COLUMNS)[number];
type Kind = (typeof PERFORMANCE_KINDS)[number];
type Domain = (typeof PERFORMANCE_DOMAINS)[number];

export function parsePerformanceCsv(rawText: string): ParsedPerformance {
  const problems = uploadProblems();
  const problem = problems.add;
  const refuse = (): ParsedPerformance => ({ figures: [], problems: problems.kept, problemCount: problems.count });
  const rows = csvRows(rawText, MAX_PERFORMANCE_ROWS, problems, 'Malformed CSV: check the quotes and line ends');
  if (!rows) return refuse();
  const header = rows[0];
  if (!header || (header.length === 1 && header[0] === '')) {
    problem('body', `The CSV is empty: it needs a header row (${PERFORMANCE_COLUMNS.join(',')}) and one row per measure`);
    return refuse();
  }
  const known: readonly string[] = [...PERFORMANCE_COLUMNS, ...OPTIONAL_PERFORMANCE_COLUMNS];
  headerProblems(header, known, problems, {
    unknown: (column, i) =>
      `Unknown column ${column || `${i + 1} (empty)`}: expected ${PERFORMANCE_COLUMNS.join(', ')} (and optionally ${OPTIONAL_PERFORMANCE_COLUMNS.join(', ')})`,
    twice: (column) => `Column ${column} appears twice`,
  });
  for (const required of PERFORMANCE_COLUMNS) if (!header.includes(required)) problem(`header.${required}`, `The ${required} column is missing`);
  if (problems.count) return refuse();
  const words = { tooMany: `At most ${MAX_PERFORMANCE_ROWS} measures in one upload`, none: 'The CSV has a header but no measures' };
  if (!rowCountFits(rows, MAX_PERFORMANCE_ROWS, problems, words)) return refuse();

  const figures: ParsedPerformance['figures'] = [];
  const firstRowOf = new Map<string, number>();
  const scoreRowOf = new Map<string, number>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1; // as a spreadsheet numbers it, header = row 1
    const at = `row ${line}`;
    if (row.length !== header.length) {
      problem(at, `Row ${line} has ${row.length} columns; the header has ${header.length}`);
      continue;
    }
    const has = (column: string) => header.includes(column);
    const cell = (column: string) => row[header.indexOf(column)] ?? '';
    const bad = (column: string, message: string) => problem(`${at}.${column}`, `Row ${line}, column ${column}: ${message}`);
    const quoted = (value: string) => `"${value.slice(0, 40)}"`;

    const measure = cell('measure');
    const period = cell('period');
    if (!measure) bad('measure', 'the measure is empty');
    else if (measure.length > MAX_TEXT) bad('measure', `the measure is longer than ${MAX_TEXT} characters`);
    else if (firstRowOf.has(measure.toLowerCase()))
      bad('measure', `measure "${measure.slice(0, 80)}" appears twice (first on row ${firstRowOf.get(measure.toLowerCase())})`);
    else firstRowOf.set(measure.toLowerCase(), line);
    if (!period) bad('period', 'the period is empty');
    else if (period.length > MAX_TEXT) bad('period', `the period is longer than ${MAX_TEXT} characters`);

    const kindText = cell('kind').toLowerCase();
    const kind: Kind | undefined = (PERFORMANCE_KINDS as readonly string[]).includes(kindText) ? (kindText as Kind) : undefined;
    if (kindText !== '' && kindText !== 'measure' && !kind)
      bad('kind', `${quoted(kindText)} is not a kind of row: use ${PERFORMANCE_KINDS.join(', ')}, or leave it empty for a measure with figures`);
    const domainText = cell('domain').toLowerCase();
    const domain: Domain | undefined = (PERFORMANCE_DOMAINS as readonly string[]).includes(domainText) ? (domainText as Domain) : undefined;
    if (domainText !== '' && !domain)
      bad('domain', `${quoted(domainText)} is not a domain: use ${PERFORMANCE_DOMAINS.join(', ')}, or leave it empty`);
    // An unknown kind is one problem, not one more for each figure cell it leaves empty.
    const withFigures = kindText === '' || kindText === 'measure';

    if (kind === 'domain-score') {
      if (domainText === '') bad('domain', `a domain-score row needs its domain: ${IPPF_DOMAINS.join(', ')}`);
      else if (domain && !(IPPF_DOMAINS as readonly string[]).includes(domain))
        bad('domain', `${domain} has no IPPF domain score: use ${IPPF_DOMAINS.join(', ')}`);
    }
    if (kind === 'area-score' && domainText !== '') bad('domain', "an area-score row is the whole area's: leave its domain empty");
    const scoreKey = kind === 'area-score' ? 'area' : kind === 'domain-score' && domain ? domain : undefined;
    if (scoreKey && scoreRowOf.has(scoreKey))
      bad('kind', `the ${scoreKey === 'area' ? "area's" : `${scoreKey} domain's`} score appears twice (first on row ${scoreRowOf.get(scoreKey)})`);
    else if (scoreKey) scoreRowOf.set(scoreKey, line);

    const notAvailable: FigureColumn[] = [];
    const figureOf = (column: FigureColumn): number | null | undefined => {
      if (!has(column)) return undefined;
      const value = cell(column);
      if (!withFigures) {
        if (value !== '' && kind) bad(column, `${quoted(value)}: a ${kind} row has no figures, so leave it empty`);
        return null;
      }
      if (value === '') {
        bad(column, `the ${column} figure is empty: write a number, ${NOT_APPLICABLE}, or ${NOT_AVAILABLE} (with a note saying why)`);
        return Number.NaN;
      }
      if (value.toLowerCase() === NOT_APPLICABLE) return null;
      if (value.toLowerCase() === NOT_AVAILABLE) {
        notAvailable.push(column);
        return null;
      }
      if (TOO_NARROW.test(value)) {
        bad(
          column,
          `${quoted(value)} is what a spreadsheet shows when a figure is too wide for its column: widen the column and save again, or write ${NOT_AVAILABLE} with a note`,
        );
        return Number.NaN;
      }
      if (!NUMBER.test(value)) {
        bad(
          column,
          `the ${column} figure ${quoted(value)} is not a number: write a number (86, 86%, 10,339), ${NOT_APPLICABLE}, or ${NOT_AVAILABLE}`,
        );
        return Number.NaN;
      }
      return Number(value.replace(/[,%]/g, ''));
    };
    const target = figureOf('target') as number | null;
    const area = figureOf('area') as number | null;
    const national = figureOf('national') as number | null;
    const previous = figureOf('previous');

    const gradeText = cell('grade').toLowerCase();
    const grade = /^[1-4]$/.test(gradeText) ? Number(gradeText) : undefined;
    if (gradeText !== '' && gradeText !== NOT_APPLICABLE && grade === undefined)
      bad(
        'grade',
        `${quoted(gradeText)} is not an IPPF grade: use 1 (poor), 2 (passable), 3 (good) or 4 (outstanding), ${NOT_APPLICABLE}, or leave it empty`,
      );
    if ((kind === 'domain-score' || kind === 'area-score') && gradeText === '')
      bad('grade', `a ${kind} row needs its grade: 1 (poor), 2 (passable), 3 (good) or 4 (outstanding)`);
    if (kind === 'later' && gradeText !== '') bad('grade', 'a row whose data comes later has no grade yet: leave it empty');

    const reoffending = domain === 'reoffending' && withFigures;
    const predictedText = cell('predicted');
    let predicted: number | undefined;
    if (reoffending) {
      if (!has('predicted') || predictedText === '') bad('predicted', 'the re-offending row needs the predicted rate, set against the actual one');
      else if (!NUMBER.test(predictedText)) bad('predicted', `the predicted figure ${quoted(predictedText)} is not a number`);
      else predicted = Number(predictedText.replace(/[,%]/g, ''));
    } else if (predictedText !== '') bad('predicted', 'only the re-offending row (domain reoffending) has a predicted figure: leave it empty');
    const significantText = cell('significant').toLowerCase();
    const significant = significantText === 'yes' ? true : significantText === 'no' ? false : undefined;
    if (reoffending && significant === undefined)
      bad(
        'significant',
        significantText === ''
          ? 'the re-offending row needs yes or no: is the difference from the predicted rate significant?'
          : `${quoted(significantText)}: use yes or no`,
      );
    else if (!reoffending && significantText !== '')
      bad('significant', 'only the re-offending row (domain reoffending) says whether its difference is significant: leave it empty');

    const note = cell('note');
    if (note.length > MAX_TEXT) bad('note', `the note is longer than ${MAX_TEXT} characters`);
    else if (kind === 'later' && note === '') bad('note', 'say when the data comes ("Data available in Q3")');
    else if (notAvailable.length && note === '')
      bad('note', `say why the ${notAvailable.join(' and ')} ${notAvailable.length === 1 ? 'figure is' : 'figures are'} not available`);
    const noteCy = cell('noteCy');
    if (noteCy.length > MAX_TEXT) bad('noteCy', `the Welsh note is longer than ${MAX_TEXT} characters`);
    else if (noteCy && !note) bad('noteCy', 'a Welsh note needs the English note beside it');
    const measureCy = cell('measureCy');
    if (measureCy.length > MAX_TEXT) bad('measureCy', `the Welsh name is longer than ${MAX_TEXT} characters`);

    const better = has('better') ? cell('better').toLowerCase() : '';
    if (better !== '' && better !== 'higher' && better !== 'lower')
      bad('better', `better is ${quoted(better)}: expected higher or lower (or empty, for higher)`);
    const percentages = ([...FIGURE_COLUMNS, 'predicted'] as const).some((column) => has(column) && cell(column).endsWith('%'));
    figures.push({
      measure,
      target,
      area,
      national,
      period,
      ...(better === 'lower' ? { better: 'lower' as const } : {}),
      ...(percentages ? { unit: 'percent' as const } : {}),
      ...(kind ? { kind } : {}),
      ...(domain ? { domain } : {}),
      ...(previous !== undefined && withFigures ? { previous } : {}),
      ...(grade !== undefined ? { grade } : {}),
      ...(predicted !== undefined ? { predicted } : {}),
      ...(significant !== undefined && reoffending ? { significant } : {}),
      ...(note ? { note } : {}),
      ...(noteCy ? { noteCy } : {}),
      ...(measureCy ? { measureCy } : {}),
      ...(notAvailable.length ? { notAvailable } : {}),
    });
  }
  return problems.count ? refuse() : { figures, problems: [], problemCount: 0 };
}
