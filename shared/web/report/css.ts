/**
 * The report's own styles, served by GET /report.css (the pages' CSP allows no inline
 * styles). GOV.UK Frontend does the rest; this adds the chart's sizing, the compact sample
 * tables and the print rules: no header, footer or links to downloads on paper, each major
 * part on a new page, tables and the chart kept whole where they fit.
 */
import { createHash } from 'node:crypto';

export const REPORT_CSS = `/* The collector for probation inspections: the printable report */
.app-chart {
  margin: 0 0 40px;
}
.app-chart__svg {
  display: block;
  width: 100%;
  max-width: 960px;
  height: auto;
}
.app-chart__caption {
  margin-bottom: 5px;
}
.app-report-meta {
  margin-bottom: 30px;
}
.app-sample-grid {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(280px, 1fr));
  column-gap: 30px;
}
.app-sample-grid .govuk-table {
  align-self: start;
  margin-bottom: 30px;
}
.app-colgroup {
  text-align: center;
}
.app-score--none {
  color: #505a5f;
  font-style: italic;
}
.app-nowrap {
  white-space: nowrap;
}
.app-comment {
  margin-top: 0;
  margin-bottom: 15px;
}
.app-print-only {
  display: none;
}

@page {
  size: A4;
  margin: 15mm 12mm;
}

@media print {
  .govuk-template__header,
  .govuk-template__footer,
  .govuk-skip-link,
  .app-no-print {
    display: none !important;
  }
  .app-print-only {
    display: block;
  }
  .govuk-template,
  .govuk-template__body {
    background: #ffffff;
  }
  .govuk-width-container {
    max-width: none;
    margin: 0;
  }
  .govuk-main-wrapper {
    padding-top: 0;
    padding-bottom: 0;
  }
  .app-page-break {
    break-before: page;
    page-break-before: always;
  }
  .app-chart,
  .app-keep,
  .govuk-summary-list {
    break-inside: avoid;
    page-break-inside: avoid;
  }
  .govuk-table__row {
    break-inside: avoid;
    page-break-inside: avoid;
  }
  h2,
  h3,
  .govuk-table__caption {
    break-after: avoid;
    page-break-after: avoid;
  }
  .govuk-table,
  .govuk-body,
  .govuk-list,
  .govuk-summary-list {
    font-size: 11pt;
  }
  .govuk-body-s {
    font-size: 10pt;
  }
  .govuk-body-l {
    font-size: 14pt;
  }
  .app-chart__svg {
    max-width: 100%;
  }
}
`;

/** Part of the stylesheet's URL, so a new release is never served from a year's cache. */
export const REPORT_CSS_VERSION = createHash('sha256').update(REPORT_CSS).digest('hex').slice(0, 12);
export const REPORT_CSS_PATH = `/report.css?v=${REPORT_CSS_VERSION}`;
