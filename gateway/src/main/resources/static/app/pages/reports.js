// The archive: search with its filters, a page at a time (the filters live in the address, so a
// search can be bookmarked and the back button works); one report with its tags and evidence.

import {json, query} from '../api.js';
import {fill, h} from '../dom.js';
import {t, when} from '../i18n.js';
import {reportView} from '../report-view.js';
import {badge, badges, errorBox, field, loading, termSelect} from '../ui.js';

const FILTERS = ['q', 'country', 'freedom', 'violation', 'urgency', 'from', 'to'];

export function render(main, {id, params}) {
  return id ? renderOne(main, id) : renderSearch(main, params);
}

async function renderOne(main, id) {
  main.append(h('p', {}, h('a', {href: '#/reports'}, `← ${t('reports.back')}`)));
  const archived = await json(`/api/v1/reports/${encodeURIComponent(id)}`);
  main.append(reportView(archived, 'h1'));
}

function renderSearch(main, params) {
  const value = (name) => params.get(name) || '';
  const inputs = {
    q: h('input', {type: 'search', name: 'q', value: value('q')}),
    country: h('input', {name: 'country', value: value('country'), size: '4', maxlength: '2', autocomplete: 'off'}),
    freedom: termSelect('freedom', 'freedom', value('freedom')),
    violation: termSelect('violation', 'violation', value('violation')),
    urgency: termSelect('urgency', 'urgency', value('urgency')),
    from: h('input', {type: 'date', name: 'from', value: value('from')}),
    to: h('input', {type: 'date', name: 'to', value: value('to')}),
  };
  const form = h('form', {class: 'card search', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    const chosen = {};
    for (const name of FILTERS) chosen[name] = inputs[name].value;
    window.location.hash = `#/reports${query(chosen)}`;
  }},
  h('div', {class: 'row'},
    field(t('reports.keywords'), inputs.q, t('reports.keywordsHint')),
    field(t('filter.country'), inputs.country)),
  h('div', {class: 'row'},
    field(t('filter.freedom'), inputs.freedom),
    field(t('filter.violation'), inputs.violation),
    field(t('filter.urgency'), inputs.urgency)),
  h('div', {class: 'row'},
    field(t('filter.from'), inputs.from),
    field(t('filter.to'), inputs.to)),
  h('button', {type: 'submit', class: 'primary'}, t('reports.search')));

  const results = h('section', {'aria-labelledby': 'results-heading', 'aria-busy': 'true'}, loading());
  main.append(h('h1', {}, t('reports.title')), form, results);

  const page = Math.max(1, Number(params.get('page')) || 1);
  const asked = {};
  for (const name of FILTERS) asked[name] = name === 'country' ? value(name).toUpperCase() : value(name);
  json(`/api/v1/reports${query({...asked, page, size: 20})}`)
    .then((answer) => showResults(results, answer, asked, page))
    .catch((error) => fill(results, h('h2', {id: 'results-heading'}, t('reports.results')), errorBox(error)))
    .finally(() => results.removeAttribute('aria-busy'));
}

function showResults(results, answer, asked, page) {
  const pages = Math.max(1, Math.ceil(answer.total / answer.size));
  const link = (to, label, rel) => h('a', {href: `#/reports${query({...asked, page: to})}`, rel, class: 'button'}, label);
  fill(results,
    h('h2', {id: 'results-heading'}, t('reports.results')),
    h('p', {class: 'muted'}, t('reports.total', {total: answer.total, page, pages})),
    answer.items.length
      ? h('ol', {class: 'results'}, answer.items.map((archived) => resultItem(archived)))
      : h('p', {}, t('reports.none')),
    h('nav', {class: 'pager', 'aria-label': t('reports.pages')},
      page > 1 ? link(page - 1, `← ${t('reports.previous')}`, 'prev') : null,
      answer.next ? link(page + 1, `${t('reports.next')} →`, 'next') : null));
}

function resultItem(archived) {
  const report = archived.report || {};
  const classification = archived.classification || {};
  const text = report.text || '';
  return h('li', {class: 'result'},
    h('a', {class: 'headline', href: `#/reports/${encodeURIComponent(archived.id)}`}, report.title || archived.id),
    h('div', {class: 'meta'},
      badge('urgency', classification.urgency),
      badge('sensitivity', archived.sensitivity),
      h('span', {}, classification.country || ''),
      h('time', {datetime: report.occurredAt || archived.archivedAt || ''}, when(report.occurredAt || archived.archivedAt))),
    h('p', {class: 'snippet'}, text.length > 240 ? `${text.slice(0, 240)}…` : text),
    h('div', {class: 'tags'}, badges('freedom', classification.freedoms), badges('violation', classification.violationTypes)));
}
