/**
 * The Kent report's Appendix 2 figures and its Appendices 3 and 5, read from the report's own
 * words (test/support/kent-appendices.txt: its lines from "Caseload at end of December 2006" to
 * the end of Appendix 3, then Appendix 5, copied byte for byte from the seed), so that the tests'
 * oracle is the seed's text and never the demo or the code under test.
 */
import { existsSync, readFileSync } from 'node:fs';

export const KENT_APPENDICES_TEXT = readFileSync(new URL('./kent-appendices.txt', import.meta.url), 'utf8');

/** Where the whole seed lives beside the team's worktrees, when it is there to check the copy against. */
export const SEED_PATHS = [
  '/work/shared/seed/kent-omi-report-2008.txt',
  new URL('../../../shared/seed/kent-omi-report-2008.txt', import.meta.url).pathname,
];
export const seedText = (): string | undefined => SEED_PATHS.filter((p) => existsSync(p)).map((p) => readFileSync(p, 'utf8'))[0];

const one = (re: RegExp): RegExpExecArray => {
  const m = re.exec(KENT_APPENDICES_TEXT);
  if (!m) throw new Error(`not in the seed's Appendix 2: ${re}`);
  return m;
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Appendix 2's figures as printed ("0.89%" is 0.89; "£19.817m" is 19,817,000 pounds). */
export function kentAppendix2() {
  const at = one(/^Caseload at end of (\w+) (\d{4})$/m);
  const pct = (label: string) => Number(one(new RegExp(`^% (?:<i>)?${label}\\*?(?:</i>)?\\*?\\t([\\d.]+)%$`, 'm'))[1]);
  const mappa = Object.fromEntries([...KENT_APPENDICES_TEXT.matchAll(/^Level (\d)\t([\d.]+)%$/gm)].map((m) => [m[1]!, Number(m[2])]));
  const budgets = [...KENT_APPENDICES_TEXT.matchAll(/^Total revenue budget in (\d{4}\/\d{4}): £([\d.]+)m\.$/gm)].map((m) => ({
    year: m[1]!,
    pounds: Math.round(Number(m[2]) * 1_000_000),
    printed: `£${m[2]}m`,
  }));
  const premises = [...KENT_APPENDICES_TEXT.matchAll(/^Approved premises: (.+?) capacity – (\d+)\.$/gm)].map((m) => ({
    name: m[1]!,
    capacity: Number(m[2]),
  }));
  return {
    caseloadAt: `${at[2]}-${String(MONTHS.indexOf(at[1]!) + 1).padStart(2, '0')}`,
    caseloadAtWords: `${at[1]} ${at[2]}`,
    caseload: Number(one(/^Total caseload\t([\d,]+)$/m)[1]!.replaceAll(',', '')),
    caseloadPrinted: one(/^Total caseload\t([\d,]+)$/m)[1]!,
    white: pct('White'),
    minorityEthnic: pct('Minority ethnic'),
    male: pct('Male'),
    female: pct('Female'),
    mappa,
    ppo: Number(one(/^Number of PPO cases\t([\d.]+)%$/m)[1]),
    ethnicityFootnote: one(/^(\* Excluding cases for which ethnicity information is not available\.)/m)[1]!,
    ppoDefinition: one(/^(The local definition of a PPO case .*)$/m)[1]!,
    budgets,
    premises,
  };
}

/** Every sentence-bearing line of Appendices 3 and 5 (bullets without their dash), as the seed prints them. */
export function kentFixedAppendixLines(): { appendix3: string[]; appendix5: string[] } {
  const start3 = KENT_APPENDICES_TEXT.indexOf('APPENDIX 3');
  const start5 = KENT_APPENDICES_TEXT.indexOf('APPENDIX 5');
  const lines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.replace(/^\s*- /, '').trim())
      // "Leadership and strategic management.Particular attention ..." is two sentences the seed's text runs together.
      .flatMap((l) => l.split(/(?<=\.)(?=[A-Z])/))
      .filter((l) => l && !/^APPENDIX \d$/.test(l));
  return { appendix3: lines(KENT_APPENDICES_TEXT.slice(start3, start5)), appendix5: lines(KENT_APPENDICES_TEXT.slice(start5)) };
}
