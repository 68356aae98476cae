// Urgent actions: the queue (open ones first), who was told and when, and acknowledging one.

import {json} from '../api.js';
import {announce, fill, h} from '../dom.js';
import {t, term, when} from '../i18n.js';
import {badge, busy, errorBox, loading} from '../ui.js';

const REFRESH_MS = 30000;

export function render(main, {id}) {
  const list = h('div', {class: 'actions'}, loading());
  const refresh = h('button', {type: 'button'}, t('urgent.refresh'));
  const problem = h('div');

  async function load() {
    const queue = await json('/api/v1/urgent-actions');
    const open = queue.filter((action) => action.status === 'open').length;
    fill(list,
      h('p', {class: 'muted'}, t('urgent.count', {open, all: queue.length})),
      queue.length ? queue.map((action) => actionCard(action, load)) : h('p', {}, t('urgent.empty')));
  }

  // opened from a notification's link: bring that action into view once
  async function first() {
    await load();
    const wanted = id && [...list.querySelectorAll('section[data-action-id]')].find((card) => card.dataset.actionId === id);
    if (wanted) {
      wanted.classList.add('chosen');
      wanted.querySelector('h2').setAttribute('tabindex', '-1');
      wanted.querySelector('h2').focus();
    }
  }

  refresh.addEventListener('click', () => busy(refresh, load, problem));
  main.append(h('h1', {}, t('urgent.title')), h('p', {}, t('urgent.intro')), h('p', {}, refresh), problem, list);
  first().catch((error) => fill(list, errorBox(error)));
  const timer = setInterval(() => load().catch(() => {}), REFRESH_MS);
  return () => clearInterval(timer);
}

function actionCard(action, reload) {
  const headingId = `ua-${action.id}`;
  const problem = h('div');
  const acknowledge = action.status === 'open'
    ? h('button', {type: 'button', class: 'primary', 'aria-describedby': headingId}, t('urgent.acknowledge'))
    : null;
  if (acknowledge) {
    acknowledge.addEventListener('click', () => busy(acknowledge, async () => {
      const done = await json(`/api/v1/urgent-actions/${encodeURIComponent(action.id)}/ack`, {method: 'POST'});
      announce(t('urgent.acknowledged', {by: done.acknowledgedBy || ''}));
      await reload();
    }, problem));
  }
  return h('section', {class: `card action action-${action.status}`, 'aria-labelledby': headingId,
    dataset: {actionId: action.id}},
  h('h2', {id: headingId}, action.headline || action.id),
  h('p', {class: 'meta'},
    badge('status', action.status),
    h('span', {}, action.country),
    badge('sensitivity', action.sensitivity),
    h('span', {}, t('urgent.opened', {at: when(action.openedAt)}))),
  action.acknowledgedBy
    ? h('p', {class: 'ok ack'}, t('urgent.acknowledgedBy', {by: action.acknowledgedBy, at: when(action.acknowledgedAt)}))
    : null,
  h('table', {class: 'steps'},
    h('caption', {}, t('urgent.steps')),
    h('thead', {}, h('tr', {},
      h('th', {scope: 'col'}, t('urgent.when')),
      h('th', {scope: 'col'}, t('urgent.what')),
      h('th', {scope: 'col'}, t('urgent.who')))),
    h('tbody', {}, (action.steps || []).map((step) => h('tr', {},
      h('td', {}, h('time', {datetime: step.at || ''}, when(step.at))),
      h('td', {}, term('step', step.kind)),
      h('td', {}, whoOf(step)))))),
  acknowledge, problem);
}

/** "Dana (system)": whom a step reached, and who did it when that is someone else. */
function whoOf(step) {
  if (!step.whom) return step.by || '';
  return step.by && step.by !== step.whom ? `${step.whom} (${step.by})` : step.whom;
}
