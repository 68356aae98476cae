// Admin: the registered feeds with their health in plain words; register one, poll one now,
// remove one.

import {json, request} from '../api.js';
import {announce, fill, h} from '../dom.js';
import {t, when} from '../i18n.js';
import {safeLink} from '../report-view.js';
import {busy, countryCodes, errorBox, field, loading} from '../ui.js';

export function render(main) {
  const list = h('div', {}, loading());
  const problem = h('div');

  async function load() {
    const feeds = await json('/api/v1/feeds');
    fill(list,
      h('p', {class: 'muted'}, t('feeds.count', {n: feeds.length,
        failing: feeds.filter((feed) => String(feed.status).startsWith('failing')).length})),
      feeds.length ? h('div', {class: 'table-scroll'}, h('table', {class: 'feeds'},
        h('caption', {class: 'visually-hidden'}, t('feeds.title')),
        h('thead', {}, h('tr', {}, ['feeds.feed', 'feeds.health', 'feeds.lastSuccess', 'feeds.items', 'feeds.next', 'feeds.actions']
          .map((key) => h('th', {scope: 'col'}, t(key))))),
        h('tbody', {}, feeds.map((feed) => feedRow(feed, load, problem))))) : h('p', {}, t('feeds.none')));
  }

  const url = h('input', {type: 'url', name: 'url', required: true, class: 'wide', placeholder: 'https://'});
  const title = h('input', {name: 'title'});
  const language = h('input', {name: 'language', size: '3', maxlength: '3', value: 'en'});
  const country = h('input', {name: 'country', size: '4', maxlength: '2'});
  const interval = h('input', {type: 'number', name: 'pollIntervalMinutes', min: '5', max: '1440', value: '30'});
  const add = h('button', {type: 'submit', class: 'primary'}, t('feeds.add'));
  const form = h('form', {class: 'card', onsubmit: (event) => {
    event.preventDefault();
    busy(add, async () => {
      const [cc] = countryCodes(country.value);
      await json('/api/v1/feeds', {method: 'POST', body: {url: url.value, title: title.value || null,
        language: language.value || null, country: cc || null, pollIntervalMinutes: Number(interval.value), enabled: true}});
      form.reset();
      announce(t('feeds.added'));
      await load();
    }, problem);
  }},
  h('h2', {}, t('feeds.register')),
  field(t('feeds.url'), url),
  h('div', {class: 'row'}, field(t('feeds.feedTitle'), title), field(t('feeds.language'), language),
    field(t('filter.country'), country), field(t('feeds.interval'), interval)),
  add);

  main.append(h('h1', {}, t('feeds.title')), problem, list, form);
  load().catch((error) => fill(list, errorBox(error)));
}

function feedRow(feed, reload, problem) {
  const poll = h('button', {type: 'button'}, t('feeds.poll'));
  poll.addEventListener('click', () => busy(poll, async () => {
    await json(`/api/v1/feeds/${encodeURIComponent(feed.id)}/poll`, {method: 'POST'});
    await reload();
  }, problem));
  const remove = h('button', {type: 'button', class: 'danger'}, t('feeds.remove'));
  remove.addEventListener('click', () => {
    if (!window.confirm(t('feeds.confirmRemove', {title: feed.title || feed.url}))) return;
    busy(remove, async () => {
      await request(`/api/v1/feeds/${encodeURIComponent(feed.id)}`, {method: 'DELETE'});
      await reload();
    }, problem);
  });
  const failing = String(feed.status).startsWith('failing');
  return h('tr', {class: failing ? 'failing' : null},
    h('td', {}, h('strong', {}, feed.title || feed.url), h('br'), safeLink(feed.url),
      h('br'), h('span', {class: 'muted'}, [feed.country, feed.language, t('feeds.every', {n: feed.pollIntervalMinutes})]
        .filter(Boolean).join(' · '))),
    h('td', {}, h('span', {class: `health ${failing ? 'bad' : 'good'}`}, feed.status),
      feed.lastError ? h('p', {class: 'error small'}, feed.lastError) : null,
      (feed.warnings || []).length ? h('ul', {class: 'small'}, feed.warnings.map((w) => h('li', {}, w))) : null),
    h('td', {}, when(feed.lastSuccess) || '—'),
    h('td', {}, String(feed.itemsSeen ?? 0)),
    h('td', {}, feed.enabled ? when(feed.nextPollAt) : t('feeds.disabled')),
    h('td', {class: 'buttons'}, poll, remove));
}
