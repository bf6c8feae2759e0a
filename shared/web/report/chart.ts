/**
 * Chart 1 of the report ("Scoring of sections 1-3"): one horizontal bar per criterion, grouped
 * by section, each section led by its own score. Inline SVG, drawn with presentation
 * attributes only (the pages' CSP allows no inline styles), readable in black and white:
 * section bars are hatched, criterion bars solid, every bar carries its figure as text, and a
 * criterion without a score says so in words rather than drawing a bar of 0.
 *
 * For assistive technology the SVG is one image (role="img", named by its <title> and
 * described by its <desc>); the same figures follow it as a table.
 */
import { esc } from '#web/common/layout';
import { reportTextEn, type ReportText } from './text-en';

export interface ChartCriterion {
  id: string;
  title: string;
  percent: number | null;
}

export interface ChartSection {
  id: number;
  title: string;
  percent: number | null;
  criteria: ChartCriterion[];
}

export const NO_SCORE = reportTextEn.noScore;

const WIDTH = 960;
const LABEL_RIGHT = 430; // labels end here (text-anchor end)
const BAR_LEFT = 438;
const BAR_WIDTH = 450; // 100%
const ROW = 26;
const BAR = 16;
const HEADING = 34;
const TOP = 44; // legend
const AXIS = 34;
const FONT = 'GDS Transport, arial, sans-serif';
const BLUE = '#1d70b8';
const BLACK = '#0b0c0c';
const GREY = '#505a5f';
const LIGHT = '#b1b4b6';

const x = (percent: number) => BAR_LEFT + (BAR_WIDTH * Math.max(0, Math.min(100, percent))) / 100;

function describe(sections: readonly ChartSection[], t: ReportText): string {
  const parts = sections.map((s) => {
    const scored = s.criteria.filter((c) => c.percent !== null);
    const pct = (p: number | null) => (p === null ? t.noScore : `${p}%`);
    const range = scored.length ? t.chartRange(Math.min(...scored.map((c) => c.percent!)), Math.max(...scored.map((c) => c.percent!))) : '';
    return `${t.sectionLabel(s.id, s.title)}: ${pct(s.percent)}${range}`;
  });
  return t.chartDescription(parts.join('. '));
}

/** Chart 1 as an SVG string; `idPrefix` keeps its ids unique on the page. */
export function chart1Svg(sections: readonly ChartSection[], caption: string, idPrefix = 'chart1', t: ReportText = reportTextEn): string {
  const rows: string[] = [];
  let y = TOP;

  // Legend: what the two kinds of bar are, in shapes as well as colour.
  rows.push(
    `<g font-size="14" fill="${BLACK}">`,
    `<rect x="${BAR_LEFT}" y="8" width="28" height="${BAR}" fill="url(#${idPrefix}-hatch)" stroke="${BLACK}" stroke-width="1"/>`,
    `<text x="${BAR_LEFT + 36}" y="21">${esc(t.chartLegendSection)}</text>`,
    `<rect x="${BAR_LEFT + 170}" y="8" width="28" height="${BAR}" fill="${BLUE}"/>`,
    `<text x="${BAR_LEFT + 206}" y="21">${esc(t.chartLegendCriterion)}</text>`,
    `</g>`,
  );

  const bar = (label: string, percent: number | null, kind: 'section' | 'criterion') => {
    const mid = y + ROW / 2;
    const weight = kind === 'section' ? ' font-weight="700"' : '';
    rows.push(`<text x="${LABEL_RIGHT}" y="${mid + 5}" text-anchor="end" font-size="14"${weight} fill="${BLACK}">${esc(label)}</text>`);
    if (percent === null) {
      rows.push(`<text x="${BAR_LEFT + 4}" y="${mid + 5}" font-size="14" font-style="italic" fill="${GREY}">${esc(t.noScore)}</text>`);
    } else {
      const end = x(percent);
      const fill = kind === 'section' ? `url(#${idPrefix}-hatch)` : BLUE;
      const stroke = kind === 'section' ? ` stroke="${BLACK}" stroke-width="1"` : '';
      rows.push(
        `<rect x="${BAR_LEFT}" y="${mid - BAR / 2}" width="${Math.max(0, end - BAR_LEFT).toFixed(1)}" height="${BAR}" fill="${fill}"${stroke}/>`,
      );
      rows.push(`<text x="${(end + 6).toFixed(1)}" y="${mid + 5}" font-size="14"${weight} fill="${BLACK}">${esc(`${percent}%`)}</text>`);
    }
    y += ROW;
  };

  const gridTop = y;
  for (const section of sections) {
    rows.push(`<text x="0" y="${y + 24}" font-size="16" font-weight="700" fill="${BLACK}">${esc(t.sectionLabel(section.id, section.title))}</text>`);
    y += HEADING;
    bar(t.sectionScoreLabel(section.id), section.percent, 'section');
    for (const c of section.criteria) bar(`${c.id} ${c.title}`, c.percent, 'criterion');
    y += 6;
  }
  const gridBottom = y;

  // Grid lines and the axis, behind the bars (drawn first below).
  const grid: string[] = [];
  for (const tick of [0, 20, 40, 60, 80, 100]) {
    const gx = x(tick);
    grid.push(
      `<line x1="${gx}" y1="${gridTop}" x2="${gx}" y2="${gridBottom}" stroke="${tick === 0 ? BLACK : LIGHT}" stroke-width="1"${tick === 0 ? '' : ' stroke-dasharray="3 3"'}/>`,
    );
    grid.push(`<text x="${gx}" y="${gridBottom + 18}" text-anchor="middle" font-size="13" fill="${BLACK}">${tick}%</text>`);
  }
  const height = gridBottom + AXIS;

  return `<svg class="app-chart__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="${FONT}" focusable="false">
<title id="${idPrefix}-title">${esc(caption)}</title>
<desc id="${idPrefix}-desc">${esc(describe(sections, t))}</desc>
<defs>
<pattern id="${idPrefix}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
<rect width="6" height="6" fill="#ffffff"/>
<line x1="0" y1="0" x2="0" y2="6" stroke="${BLACK}" stroke-width="3"/>
</pattern>
</defs>
${grid.join('\n')}
${rows.join('\n')}
</svg>`;
}
