// Live alerts: the chosen countries' alerts as they stand, then new ones as they come (SSE),
// filtered by freedom and urgency; one alert opens with its incident and its report.

import {json, may, query} from '../api.js';
import {announce, fill, h} from '../dom.js';
import {t, term, when} from '../i18n.js';
import {reportView} from '../report-view.js';
import {follow} from '../sse.js';
import {REGION_COUNTRIES, badge, badges, busy, countryCodes, errorBox, field, loading, termSelect} from '../ui.js';

const KEY = 'civicspace.alerts.countries';
const URGENCY_ORDER = ['routine', 'high', 'urgent'];

export function render(main, {id}) {
  return id ? renderOne(main, id) : renderLive(main);
}

function remembered() {
  const saved = countryCodes(localStorage.getItem(KEY));
  return saved.length ? saved : ['KZ'];
}

function renderLive(main) {
  const alerts = new Map();
  let stream = null;
  const chosen = new Set(remembered());

  const boxes = REGION_COUNTRIES.map((code) => h('label', {class: 'check'},
    h('input', {type: 'checkbox', name: 'country', value: code, checked: chosen.has(code)}), ` ${code}`));
  const others = h('input', {name: 'others', value: [...chosen].filter((code) => !REGION_COUNTRIES.includes(code)).join(', '),
    autocomplete: 'off', size: '12'});
  const freedom = termSelect('freedom', 'freedom', '');
  const urgency = termSelect('urgency', 'urgency', '', {anyLabel: t('alerts.anyUrgency')});
  urgency.querySelector('option[value="not_relevant"]')?.remove();
  const state = h('p', {class: 'live-state', role: 'status'});
  const subscriptionNote = h('div');
  const list = h('ol', {class: 'alerts', 'aria-live': 'polite', 'aria-relevant': 'additions', id: 'alert-list'});
  const count = h('p', {class: 'muted'});

  function countries() {
    const picked = boxes.map((box) => box.querySelector('input')).filter((box) => box.checked).map((box) => box.value);
    return [...new Set([...picked, ...countryCodes(others.value)])];
  }

  function shown(alert) {
    if (freedom.value && !(alert.freedoms || []).includes(freedom.value)) return false;
    if (urgency.value && URGENCY_ORDER.indexOf(alert.urgency) < URGENCY_ORDER.indexOf(urgency.value)) return false;
    return true;
  }

  function redraw() {
    const visible = [...alerts.values()].filter(shown)
      .sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0) || String(b.occurredAt).localeCompare(String(a.occurredAt)));
    fill(list, visible.map(alertItem));
    count.textContent = t('alerts.count', {shown: visible.length, all: alerts.size});
  }

  function take(alert, seq, live) {
    const known = alerts.get(alert.alertId);
    if (known && (known.revision ?? 0) > (alert.revision ?? 0)) return;
    alerts.set(alert.alertId, {...alert, seq: seq ?? alert.seq, fresh: live});
    redraw();
    if (live) announce(t('alerts.arrived', {headline: alert.headline || ''}));
  }

  async function watch() {
    if (stream) stream.stop();
    const codes = countries();
    if (!codes.length) {
      fill(state, t('alerts.pickOne'));
      return;
    }
    localStorage.setItem(KEY, codes.join(','));
    alerts.clear();
    redraw();
    fill(state, t('alerts.loading'));
    const latest = await json(`/api/v1/alerts${query({country: codes.join(',')})}`);
    let last = null;
    for (const alert of latest) {
      take(alert, alert.seq, false);
      last = last === null || alert.seq > last ? alert.seq : last;
    }
    checkSubscriptions(codes);
    // resume from the newest alert we already show: the stream replays what came after it, nothing twice
    stream = follow(`/api/v1/alerts/stream${query({country: codes.join(',')})}`, {
      lastEventId: last === null ? null : String(last),
      onEvent: (event) => {
        if (event.type !== 'alert') return;
        try {
          take(JSON.parse(event.data), Number(event.id), true);
        } catch {
          // an event we cannot read is skipped; the next one still comes
        }
      },
      onState: (now, error) => {
        const words = {connecting: 'alerts.connecting', open: 'alerts.live', waiting: 'alerts.reconnecting',
          stopped: 'alerts.stopped'}[now];
        fill(state, h('span', {class: `dot dot-${now}`, 'aria-hidden': 'true'}), ' ',
          t(words, {countries: codes.join(', ')}), error ? ` — ${error.message}` : '');
        state.dataset.state = now;
      },
    });
  }

  async function checkSubscriptions(codes) {
    subscriptionNote.replaceChildren();
    const mine = await json('/api/v1/subscriptions');
    const covered = new Set(mine.filter((s) => s.channel === 'sse' || !s.channel).flatMap((s) => s.countries || []));
    const missing = codes.filter((code) => !covered.has(code));
    if (!missing.length) return;
    const button = h('button', {type: 'button', class: 'primary', id: 'subscribe-missing'},
      t('alerts.subscribe', {countries: missing.join(', ')}));
    const problem = h('div');
    button.addEventListener('click', () => busy(button, async () => {
      await json('/api/v1/subscriptions', {method: 'POST', body: {countries: missing, channel: 'sse'}});
      fill(subscriptionNote, h('p', {class: 'ok'}, t('alerts.subscribed', {countries: missing.join(', ')})));
    }, problem));
    fill(subscriptionNote, h('div', {class: 'notice'},
      h('p', {}, t('alerts.notSubscribed', {countries: missing.join(', ')})), button, problem));
  }

  const form = h('form', {class: 'card', onsubmit: (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    busy(button, watch, state);
  }},
  h('fieldset', {}, h('legend', {}, t('alerts.countries')), h('div', {class: 'checks'}, boxes),
    field(t('alerts.otherCountries'), others, t('alerts.otherHint'))),
  h('div', {class: 'row'},
    field(t('filter.freedom'), freedom),
    field(t('filter.minUrgency'), urgency)),
  h('button', {type: 'submit', class: 'primary'}, t('alerts.watch')));
  freedom.addEventListener('change', redraw);
  urgency.addEventListener('change', redraw);

  main.append(h('h1', {}, t('alerts.title')), form, subscriptionNote, state, count, list);
  watch().catch((error) => fill(state, errorBox(error)));
  return () => stream && stream.stop();
}

function alertItem(alert) {
  return h('li', {class: `alert ${alert.fresh ? 'fresh' : ''}`, dataset: {alertId: alert.alertId}},
    h('div', {class: 'meta'},
      badge('urgency', alert.urgency),
      h('span', {class: 'country'}, alert.country),
      h('time', {datetime: alert.occurredAt || ''}, when(alert.occurredAt)),
      alert.status === 'resolved' ? badge('status', 'resolved') : null,
      alert.corroboration > 1 ? h('span', {}, t('alerts.sources', {n: alert.corroboration})) : null),
    h('a', {class: 'headline', href: `#/alerts/${encodeURIComponent(alert.alertId)}`}, alert.headline || t('alerts.noHeadline')),
    h('div', {class: 'tags'}, badges('freedom', alert.freedoms), badges('violation', alert.violationTypes)));
}

async function renderOne(main, alertId) {
  main.append(h('p', {}, h('a', {href: '#/alerts'}, `← ${t('alerts.back')}`)), loading());
  const all = await json('/api/v1/alerts');
  const alert = all.find((candidate) => candidate.alertId === alertId);
  main.lastChild.remove();
  if (!alert) {
    main.append(h('h1', {}, t('alerts.one')), errorBox(t('alerts.gone')));
    return;
  }
  main.append(
    h('h1', {}, alert.headline || t('alerts.noHeadline')),
    h('section', {class: 'card', 'aria-labelledby': 'incident-heading'},
      h('h2', {id: 'incident-heading'}, t('alerts.incident')),
      h('dl', {class: 'facts'},
        h('dt', {}, t('alerts.country')), h('dd', {}, alert.country),
        h('dt', {}, t('filter.urgency')), h('dd', {}, badge('urgency', alert.urgency)),
        h('dt', {}, t('alerts.status')), h('dd', {}, term('status', alert.status)),
        h('dt', {}, t('alerts.corroboration')), h('dd', {}, t('alerts.sources', {n: alert.corroboration ?? 1})),
        h('dt', {}, t('alerts.revision')), h('dd', {}, String(alert.revision ?? 1)),
        h('dt', {}, t('alerts.raised')), h('dd', {}, when(alert.occurredAt)),
        h('dt', {}, t('alerts.incidentId')), h('dd', {}, h('code', {}, alert.incidentId || '—')),
        h('dt', {}, t('alerts.freedoms')), h('dd', {}, badges('freedom', alert.freedoms)),
        h('dt', {}, t('alerts.violations')), h('dd', {}, badges('violation', alert.violationTypes)))));

  const reportPlace = h('section', {'aria-labelledby': 'report-heading'}, h('h2', {id: 'report-heading'}, t('alerts.report')));
  main.append(reportPlace);
  if (!may('analyst', 'editor', 'partner')) {
    reportPlace.append(h('p', {class: 'muted'}, t('alerts.noReportRole')));
    return;
  }
  try {
    reportPlace.append(reportView(await json(`/api/v1/reports/${encodeURIComponent(alert.reportId)}`), 'h3'));
  } catch (error) {
    // the archive answers a report the reader may not see exactly like a missing one
    reportPlace.append(error.status === 404 && alert.sensitivity !== 'public'
      ? h('p', {class: 'notice'}, t('alerts.confidential')) : errorBox(error));
  }
}
