// A country: its CIVICUS rating and the rating's history, reports per freedom per month as a
// chart, and the watchlist signal; an editor may change the rating, giving a reason.

import {json, may} from '../api.js';
import {fill, h} from '../dom.js';
import {monthlyChart} from '../chart.js';
import {t, term, terms, when} from '../i18n.js';
import {REGION_COUNTRIES, badge, busy, countryCodes, field, termSelect} from '../ui.js';


export function render(main, {id}) {
  const code = h('input', {name: 'country', value: id ? id.toUpperCase() : '', size: '4', maxlength: '2',
    autocomplete: 'off', list: 'country-codes'});
  const form = h('form', {class: 'card row', onsubmit: (event) => {
    event.preventDefault();
    const [chosen] = countryCodes(code.value);
    if (chosen) window.location.hash = `#/countries/${chosen}`;
  }},
  field(t('filter.country'), code, t('country.codeHint')),
  h('datalist', {id: 'country-codes'}, REGION_COUNTRIES.map((cc) => h('option', {value: cc}))),
  h('button', {type: 'submit', class: 'primary'}, t('country.open')));

  if (!id) {
    main.append(h('h1', {}, t('country.title')), form,
      h('ul', {class: 'inline'}, REGION_COUNTRIES.map((cc) => h('li', {}, h('a', {href: `#/countries/${cc}`}, cc)))));
    return undefined;
  }
  return renderCountry(main, id.toUpperCase(), form);
}

async function renderCountry(main, cc, form) {
  const page = await json(`/api/v1/countries/${cc}`);
  const rating = page.rating;
  const ratingPlace = h('section', {class: 'card', 'aria-labelledby': 'rating-heading'});

  function showRating(current) {
    fill(ratingPlace,
      h('h2', {id: 'rating-heading'}, t('country.rating')),
      current
        ? h('p', {class: 'rating'}, badge('rating', current.rating),
          current.since ? h('span', {}, t('country.since', {year: current.since})) : null)
        : h('p', {}, t('country.noRating')),
      current && current.note ? h('p', {class: 'muted'}, current.note) : null,
      current && current.history.length ? historyTable(current.history) : null,
      may('editor') ? rateForm(cc, current, showRating) : null);
  }
  showRating(rating);

  const watch = page.watchlist || {candidate: false, reasons: []};
  main.append(
    h('h1', {}, t('country.heading', {cc})),
    form,
    ratingPlace,
    h('section', {class: 'card', 'aria-labelledby': 'chart-heading'},
      h('h2', {id: 'chart-heading'}, t('country.perMonth')),
      h('p', {class: 'muted'}, t('country.perMonthHint')),
      monthlyChart(page.months || [], t('country.chartTitle', {cc}))),
    h('section', {class: `card ${watch.candidate ? 'notice' : ''}`, 'aria-labelledby': 'watch-heading'},
      h('h2', {id: 'watch-heading'}, t('country.watchlist')),
      h('p', {}, watch.candidate ? t('country.candidate') : t('country.notCandidate')),
      watch.reasons.length ? h('ul', {}, watch.reasons.map((reason) => h('li', {}, reason))) : null));
}

function historyTable(history) {
  return h('table', {},
    h('caption', {}, t('country.history')),
    h('thead', {}, h('tr', {},
      h('th', {scope: 'col'}, t('country.when')), h('th', {scope: 'col'}, t('country.change')),
      h('th', {scope: 'col'}, t('country.by')), h('th', {scope: 'col'}, t('country.reason')))),
    h('tbody', {}, [...history].reverse().map((change) => h('tr', {},
      h('td', {}, when(change.at)),
      h('td', {}, change.from ? `${term('rating', change.from)} → ${term('rating', change.to)}` : term('rating', change.to)),
      h('td', {}, change.by || ''),
      h('td', {}, change.reason || '')))));
}

function rateForm(cc, current, done) {
  const rating = termSelect('rating', 'rating', current ? current.rating : terms('rating')[0], {required: true});
  const reason = h('textarea', {name: 'reason', rows: '2', required: true, maxlength: '2000'});
  const problem = h('div');
  const button = h('button', {type: 'submit'}, t('country.rate'));
  return h('form', {class: 'rate', onsubmit: (event) => {
    event.preventDefault();
    busy(button, async () => {
      done(await json(`/api/v1/countries/${cc}/rating`, {method: 'PUT', body: {rating: rating.value, reason: reason.value}}));
    }, problem);
  }},
  h('h3', {}, t('country.changeRating')),
  h('div', {class: 'row'}, field(t('country.newRating'), rating), field(t('country.reason'), reason)),
  problem, button);
}
