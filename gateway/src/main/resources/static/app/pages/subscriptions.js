// The user's own subscriptions: what they are told about, and how (live stream, e-mail, webhook).

import {json, request} from '../api.js';
import {announce, fill, h} from '../dom.js';
import {t, term, terms, when} from '../i18n.js';
import {badges, busy, countryCodes, errorBox, field, loading} from '../ui.js';

export function render(main) {
  const list = h('div', {}, loading());
  const problem = h('div');

  async function load() {
    const mine = await json('/api/v1/subscriptions');
    fill(list, mine.length
      ? h('ul', {class: 'subscriptions'}, mine.map((subscription) => item(subscription, load, problem)))
      : h('p', {}, t('subscriptions.none')));
  }

  const countries = h('input', {name: 'countries', required: true, placeholder: 'KZ, KG'});
  const freedoms = terms('freedom').map((freedom) => h('label', {class: 'check'},
    h('input', {type: 'checkbox', name: 'freedoms', value: freedom}), ` ${term('freedom', freedom)}`));
  const minUrgency = h('select', {name: 'minUrgency'},
    ['routine', 'high', 'urgent'].map((value) => h('option', {value}, term('urgency', value))));
  const channel = h('select', {name: 'channel'},
    ['sse', 'email', 'webhook'].map((value) => h('option', {value}, term('channel', value))));
  const cadence = h('select', {name: 'cadence'},
    ['immediate', 'daily'].map((value) => h('option', {value}, term('cadence', value))));
  const email = h('input', {type: 'email', name: 'email', autocomplete: 'email'});
  const webhookUrl = h('input', {type: 'url', name: 'webhookUrl', class: 'wide'});
  const webhookSecret = h('input', {type: 'password', name: 'webhookSecret', autocomplete: 'new-password'});
  const emailField = field(t('subscriptions.email'), email, t('subscriptions.emailHint'));
  const webhookFields = h('div', {class: 'row'}, field(t('subscriptions.webhookUrl'), webhookUrl),
    field(t('subscriptions.webhookSecret'), webhookSecret));
  const showChannelFields = () => {
    emailField.hidden = channel.value !== 'email';
    webhookFields.hidden = channel.value !== 'webhook';
  };
  channel.addEventListener('change', showChannelFields);
  showChannelFields();

  const add = h('button', {type: 'submit', class: 'primary'}, t('subscriptions.add'));
  const form = h('form', {class: 'card', onsubmit: (event) => {
    event.preventDefault();
    busy(add, async () => {
      const body = {
        countries: countryCodes(countries.value),
        freedoms: freedoms.map((label) => label.querySelector('input')).filter((box) => box.checked).map((box) => box.value),
        minUrgency: minUrgency.value, channel: channel.value, cadence: cadence.value,
      };
      if (channel.value === 'email' && email.value) body.email = email.value;
      if (channel.value === 'webhook') Object.assign(body, {webhookUrl: webhookUrl.value, webhookSecret: webhookSecret.value});
      await json('/api/v1/subscriptions', {method: 'POST', body});
      form.reset();
      showChannelFields();
      announce(t('subscriptions.added'));
      await load();
    }, problem);
  }},
  h('h2', {}, t('subscriptions.new')),
  field(t('subscriptions.countries'), countries, t('alerts.otherHint')),
  h('fieldset', {}, h('legend', {}, t('subscriptions.freedoms')), h('div', {class: 'checks'}, freedoms)),
  h('div', {class: 'row'}, field(t('filter.minUrgency'), minUrgency), field(t('subscriptions.channel'), channel),
    field(t('subscriptions.cadence'), cadence)),
  emailField, webhookFields, problem, add);

  main.append(h('h1', {}, t('subscriptions.title')), h('p', {}, t('subscriptions.intro')), list, form);
  load().catch((error) => fill(list, errorBox(error)));
}

function item(subscription, reload, problem) {
  const remove = h('button', {type: 'button', class: 'danger'}, t('subscriptions.remove'));
  remove.addEventListener('click', () => busy(remove, async () => {
    await request(`/api/v1/subscriptions/${encodeURIComponent(subscription.id)}`, {method: 'DELETE'});
    announce(t('subscriptions.removed'));
    await reload();
  }, problem));
  return h('li', {class: 'card'},
    h('p', {}, h('strong', {}, (subscription.countries || []).join(', ')), ' · ',
      t('subscriptions.from', {urgency: term('urgency', subscription.minUrgency)}), ' · ',
      term('channel', subscription.channel), ' · ', term('cadence', subscription.cadence),
      subscription.email ? ` · ${subscription.email}` : ''),
    h('p', {class: 'tags'}, badges('freedom', subscription.freedoms), badges('violation', subscription.violationTypes)),
    h('p', {class: 'muted small'}, t('subscriptions.created', {at: when(subscription.createdAt)})),
    remove);
}
