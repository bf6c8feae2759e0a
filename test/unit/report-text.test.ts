/**
 * The report's two dictionaries: every English text has a Welsh one, none is left empty, and
 * only names and abbreviations read the same in both.
 */
import { describe, expect, it } from 'vitest';
import { reportTextCy } from '#web/report/text-cy';
import { reportTextEn } from '#web/report/text-en';
import { getBank } from '#bank/index';
import { QUANTITY_WORDS } from '#schemas/summary';

/** Texts that are the same in both languages on purpose. */
const SAME = new Set(['headKappa', 'labels.mappa1', 'labels.mappa2', 'labels.mappa3']);

const SAMPLE_ARGS: Record<string, unknown[]> = {
  criteriaOf: [['1.2', '2.2']],
  flagged: [['KNT07-001', 'KNT07-002']],
  caseloadSentence: ['5,559', { white: 93, female: 10 }],
  commentsOmitted: [3, 'size'],
  staleFinding: [79, 56],
  questionSentence: ['Q?', 'most', 7, 71],
  dateRange: ['5', '9 November 2007'],
  numberWord: [7],
};

/** Every leaf of a dictionary as [path, value]; functions are called with sample arguments. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const call = (args: unknown[]) => {
      try {
        return (value as (...a: unknown[]) => unknown)(...args);
      } catch {
        return undefined;
      }
    };
    const n = value.length;
    const out = SAMPLE_ARGS[path] ? call(SAMPLE_ARGS[path]) : (call(Array(n).fill('Kent')) ?? call(Array(n).fill(3)));
    expect(typeof out, path).toBe('string');
    return [[path, out as string]];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

describe('the report dictionaries', () => {
  const en = new Map(leaves(reportTextEn));
  const cy = new Map(leaves(reportTextCy));

  it('have a Welsh text for every English one, none empty', () => {
    for (const key of Object.keys(reportTextEn)) expect(Object.keys(reportTextCy), key).toContain(key);
    for (const path of en.keys()) {
      if (path.startsWith('criteria') || path === 'lang') continue;
      expect(cy.get(path), path).toBeTruthy();
    }
    for (const [path, text] of cy) expect(text.trim(), path).not.toBe('');
  });

  it('translate every fixed text (only names and abbreviations read the same)', () => {
    const same = [...en].filter(([path, text]) => cy.get(path) === text && !SAME.has(path) && !/^quantity|^lang$/.test(path));
    expect(same).toEqual([]);
  });

  it('have the contract’s quantity words and the number words one to nine in both languages', () => {
    for (const word of QUANTITY_WORDS) {
      expect(reportTextEn.quantity[word]).toBe(word);
      expect(reportTextCy.quantity[word], word).toBeTruthy();
      expect(reportTextCy.quantity[word]).not.toBe(word === 'half' ? '' : word);
    }
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(reportTextEn.numberWord)).toEqual([
      'one',
      'two',
      'three',
      'four',
      'five',
      'six',
      'seven',
      'eight',
      'nine',
    ]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(reportTextCy.numberWord)).toEqual([
      'un',
      'dau',
      'tri',
      'pedwar',
      'pump',
      'chwech',
      'saith',
      'wyth',
      'naw',
    ]);
    expect(reportTextCy.numberWord(10)).toBe('10');
    expect(reportTextCy.numberWord(5559)).toBe('5,559');
  });

  it('give every criterion of the bank a Welsh title and statement', () => {
    for (const c of getBank('omi-2008.1')!.criteria) {
      expect(reportTextCy.criteria[c.id]?.title, c.id).toBeTruthy();
      expect(reportTextCy.criteria[c.id]?.statement, c.id).toBeTruthy();
    }
  });
});
