// A grouped bar chart drawn as SVG (no library): one group per month, one bar per freedom. The
// same numbers follow as a table, for screen readers and for anyone who wants the figures.

import {h, svg} from './dom.js';
import {t, term} from './i18n.js';

const FREEDOMS = ['association', 'peaceful_assembly', 'expression'];
const WIDTH = 720;
const HEIGHT = 260;
const PAD = {top: 16, right: 12, bottom: 40, left: 36};

/** `months`: [{month: "2026-11", reports, byFreedom: {association, peaceful_assembly, expression}}]. */
export function monthlyChart(months, titleText) {
  const max = Math.max(1, ...months.flatMap((month) => FREEDOMS.map((freedom) => month.byFreedom?.[freedom] || 0)));
  const top = niceCeiling(Math.max(2, max));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const groupWidth = plotWidth / Math.max(1, months.length);
  const barWidth = Math.max(2, (groupWidth - 6) / FREEDOMS.length);
  const y = (value) => PAD.top + plotHeight - (value / top) * plotHeight;
  const titleId = `chart-title-${Math.random().toString(36).slice(2)}`;

  const grid = (top % 2 ? [0, top] : [0, top / 2, top]).map((value) => svg('g', {class: 'grid'},
    svg('line', {x1: PAD.left, x2: WIDTH - PAD.right, y1: y(value), y2: y(value)}),
    svg('text', {x: PAD.left - 6, y: y(value) + 4, 'text-anchor': 'end'}, String(value))));

  const groups = months.map((month, index) => {
    const x0 = PAD.left + index * groupWidth + 3;
    return svg('g', {class: 'month'},
      FREEDOMS.map((freedom, f) => {
        const value = month.byFreedom?.[freedom] || 0;
        return svg('rect', {class: `bar bar-${freedom}`, x: x0 + f * barWidth, y: y(value), width: barWidth - 1,
          height: Math.max(0, PAD.top + plotHeight - y(value))},
        svg('title', {}, `${month.month} · ${term('freedom', freedom)}: ${value}`));
      }),
      svg('text', {class: 'axis', x: x0 + (groupWidth - 6) / 2, y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle'},
        month.month.slice(2)));
  });

  const chart = svg('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': titleId, class: 'chart'},
    svg('title', {id: titleId}, titleText), grid, groups);

  const legend = h('ul', {class: 'legend'}, FREEDOMS.map((freedom) =>
    h('li', {}, h('span', {class: `swatch bar-${freedom}`, 'aria-hidden': 'true'}), term('freedom', freedom))));

  const table = h('table', {class: 'figures'},
    h('caption', {}, titleText),
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('country.month')),
      FREEDOMS.map((freedom) => h('th', {scope: 'col'}, term('freedom', freedom))),
      h('th', {scope: 'col'}, t('country.allReports')))),
    h('tbody', {}, months.map((month) => h('tr', {}, h('th', {scope: 'row'}, month.month),
      FREEDOMS.map((freedom) => h('td', {}, String(month.byFreedom?.[freedom] || 0))),
      h('td', {}, String(month.reports || 0))))));

  return h('figure', {class: 'chart-figure'}, chart, legend,
    h('details', {}, h('summary', {}, t('country.figures')), table));
}

function niceCeiling(value) {
  const step = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 5, 10]) {
    if (factor * step >= value) return factor * step;
  }
  return value;
}
