/**
 * What the benchmarks share: the median of a run's samples, a fresh process's time to import a
 * bundle, and the open inspection each benchmark writes into (Kent's fieldwork week, the
 * current bank). Imports nothing of the code under measure, so importing it changes no timing.
 */
import { execFileSync } from 'node:child_process';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One fresh process importing the bundle: ms to initialise, with these NODE_OPTIONS. */
export const initOnce = (file: string, nodeOptions: string) =>
  Number(
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const t=performance.now();await import(${JSON.stringify('file://' + file)});process.stdout.write(String(performance.now()-t))`,
      ],
      {
        env: {
          ...process.env,
          NODE_OPTIONS: nodeOptions,
          TABLE_NAME: 'bench',
          AWS_REGION: 'eu-west-2',
          AWS_ACCESS_KEY_ID: 'x',
          AWS_SECRET_ACCESS_KEY: 'x',
        },
      },
    ).toString(),
  );

/** An open inspection for a benchmark to write into: made now, by "bench". */
export const benchInspection = (inspectionId: string, area = 'Bench') => ({
  inspectionId,
  area,
  fieldworkStart: '2007-11-05',
  fieldworkEnd: '2007-11-09',
  questionBankVersion: 'omi-2008.1',
  status: 'open' as const,
  createdAt: new Date().toISOString(),
  createdBy: 'bench',
});
