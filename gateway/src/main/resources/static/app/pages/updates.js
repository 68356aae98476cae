// Country updates in the CIVICUS Monitor format: compile a draft from the archive, edit its
// headline, introduction and developments, send it to review, publish it, export it.

import {json, request} from '../api.js';
import {announce, fill, h} from '../dom.js';
import {day, t, term, when} from '../i18n.js';
import {safeLink} from '../report-view.js';
import {badge, badges, busy, countryCodes, field} from '../ui.js';

const RECENT = 'civicspace.updates.recent';
const FORMATS = ['md', 'html', 'docx', 'pdf', 'json', 'csv'];

export function render(main, {id}) {
  return id ? renderOne(main, id) : renderCompile(main);
}

function recent() {
  try {
    return JSON.parse(localStorage.getItem(RECENT) || '[]');
  } catch {
    return [];
  }
}

function remember(update) {
  const entry = {id: update.id, country: update.country, from: update.from, to: update.to};
  localStorage.setItem(RECENT, JSON.stringify([entry, ...recent().filter((e) => e.id !== update.id)].slice(0, 10)));
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function renderCompile(main) {
  const today = new Date();
  const monthAgo = new Date(today.getTime() - 30 * 24 * 3600 * 1000);
  const country = h('input', {name: 'country', required: true, size: '4', maxlength: '2', autocomplete: 'off'});
  const from = h('input', {type: 'date', name: 'from', required: true, value: isoDay(monthAgo)});
  const to = h('input', {type: 'date', name: 'to', required: true, value: isoDay(today)});
  const internal = h('input', {type: 'checkbox', name: 'internal'});
  const problem = h('div');
  const button = h('button', {type: 'submit', class: 'primary'}, t('updates.compile'));
  const form = h('form', {class: 'card', onsubmit: (event) => {
    event.preventDefault();
    busy(button, async () => {
      const [cc] = countryCodes(country.value);
      const update = await json('/api/v1/updates', {method: 'POST', body: {country: cc || country.value, from: from.value, to: to.value, internal: internal.checked}});
      remember(update);
      window.location.hash = `#/updates/${encodeURIComponent(update.id)}`;
    }, problem);
  }},
  h('div', {class: 'row'},
    field(t('filter.country'), country),
    field(t('filter.from'), from),
    field(t('filter.to'), to)),
  h('label', {class: 'check'}, internal, ` ${t('updates.internal')}`),
  problem, h('div', {}, button));

  const mine = recent();
  main.append(h('h1', {}, t('updates.title')), h('p', {}, t('updates.intro')), form,
    h('h2', {}, t('updates.recent')),
    mine.length
      ? h('ul', {}, mine.map((entry) => h('li', {}, h('a', {href: `#/updates/${encodeURIComponent(entry.id)}`},
        `${entry.country} · ${day(entry.from)} – ${day(entry.to)}`))))
      : h('p', {class: 'muted'}, t('updates.noRecent')));
  country.focus();
}

async function renderOne(main, id) {
  const place = h('div');
  main.append(h('p', {}, h('a', {href: '#/updates'}, `← ${t('updates.back')}`)), place);
  show(place, await json(`/api/v1/updates/${encodeURIComponent(id)}`));
}

function show(place, update) {
  remember(update);
  const editable = update.status !== 'published';
  const problem = h('div');
  const headline = h('input', {name: 'headline', value: update.headline || '', disabled: !editable, class: 'wide'});
  const introduction = h('textarea', {name: 'introduction', rows: '4', disabled: !editable}, update.introduction || '');
  const texts = new Map();

  const sections = (update.sections || []).map((section) => h('section', {class: 'update-section',
    'aria-labelledby': `section-${section.freedom}`},
  h('h2', {id: `section-${section.freedom}`}, section.title || term('freedom', section.freedom)),
  section.developments && section.developments.length
    ? h('ol', {class: 'developments'}, section.developments.map((development) => {
      const text = h('textarea', {rows: '4', disabled: !editable, name: `development-${development.id}`},
        development.text || '');
      // a development of two freedoms stands in both sections: whichever copy was edited counts
      const entry = texts.get(development.id) || {original: development.text || '', areas: []};
      entry.areas.push(text);
      texts.set(development.id, entry);
      return h('li', {class: 'development'},
        h('p', {class: 'meta'}, h('time', {datetime: development.date || ''}, day(development.date)),
          badges('violation', development.violationTypes),
          (development.footnotes || []).length
            ? h('span', {class: 'muted'}, t('updates.sources', {list: development.footnotes.join(', ')})) : null),
        field(t('updates.developmentText', {date: day(development.date)}), text));
    }))
    : h('p', {class: 'muted'}, t('updates.nothingRecorded'))));

  const save = h('button', {type: 'button', class: 'primary', disabled: !editable}, t('updates.save'));
  save.addEventListener('click', () => busy(save, async () => {
    // one text per development, though it may stand in several sections; If-Match: a colleague's
    // newer version is never overwritten (412)
    const body = {
      headline: headline.value,
      introduction: introduction.value,
      developments: [...texts].map(([id, entry]) => ({id,
        text: (entry.areas.find((area) => area.value !== entry.original) || entry.areas[0]).value})),
    };
    const saved = await json(`/api/v1/updates/${encodeURIComponent(update.id)}`,
      {method: 'PATCH', body, headers: {'If-Match': `"${update.version}"`}});
    announce(t('updates.saved', {version: saved.version}));
    show(place, saved);
  }, problem));

  const step = (action, label, enabled) => {
    const button = h('button', {type: 'button', disabled: !enabled}, label);
    button.addEventListener('click', () => busy(button, async () => {
      const moved = await json(`/api/v1/updates/${encodeURIComponent(update.id)}/${action}`, {method: 'POST'});
      announce(t('updates.nowStatus', {status: term('updateStatus', moved.status)}));
      show(place, moved);
    }, problem));
    return button;
  };

  const exports = h('div', {class: 'exports'}, FORMATS.map((format) => {
    const button = h('button', {type: 'button', dataset: {format}}, t('updates.exportAs', {format: format.toUpperCase()}));
    button.addEventListener('click', () => busy(button, () => download(update, format), problem));
    return button;
  }));

  fill(place,
    h('h1', {}, t('updates.heading', {country: update.countryName || update.country, from: day(update.from), to: day(update.to)})),
    h('p', {class: 'meta'},
      badge('updateStatus', update.status),
      update.rating ? badge('rating', update.rating) : null,
      h('span', {}, t('updates.version', {version: update.version ?? 1})),
      update.editedBy ? h('span', {}, t('updates.edited', {by: update.editedBy, at: when(update.editedAt)})) : null),
    problem,
    h('form', {class: 'card', onsubmit: (event) => event.preventDefault()},
      field(t('updates.headline'), headline),
      field(t('updates.introduction'), introduction),
      sections,
      h('div', {class: 'actions-row'}, save,
        step('review', t('updates.toReview'), update.status === 'draft'),
        step('publish', t('updates.publish'), update.status === 'in_review'))),
    h('section', {class: 'card', 'aria-labelledby': 'export-heading'},
      h('h2', {id: 'export-heading'}, t('updates.export')), exports),
    h('section', {'aria-labelledby': 'footnotes-heading'},
      h('h2', {id: 'footnotes-heading'}, t('updates.footnotes')),
      (update.footnotes || []).length
        ? h('ol', {class: 'footnotes'}, update.footnotes.map((note) => h('li', {value: String(note.number)},
          note.title || '', note.publisher ? ` — ${note.publisher}` : '', note.date ? `, ${day(note.date)}` : '',
          note.url ? [' ', safeLink(note.url)] : null)))
        : h('p', {class: 'muted'}, t('updates.noFootnotes'))));
}

/** Fetches the export with the user's token and hands it to the browser as a file. */
async function download(update, format) {
  const response = await request(`/api/v1/updates/${encodeURIComponent(update.id)}/export?format=${format}`);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = disposition.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  const name = named ? decodeURIComponent(named[1]) : `update-${update.country}-${update.to}.${format}`;
  const url = URL.createObjectURL(blob);
  const link = h('a', {href: url, download: name.replace(/[\\/]/g, '_'), hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  announce(t('updates.downloaded', {name}));
}
