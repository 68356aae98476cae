// Sign-in: on one machine, paste a token from `./civicspace token --role ROLE`.

import {session, signIn} from '../api.js';
import {h} from '../dom.js';
import {t} from '../i18n.js';
import {errorBox, field} from '../ui.js';

export function render(main, {params}) {
  const token = h('textarea', {name: 'token', rows: '5', required: true, autocomplete: 'off', spellcheck: 'false'});
  const problem = h('div');
  const form = h('form', {class: 'card narrow', onsubmit: (event) => {
    event.preventDefault();
    if (!signIn(token.value)) {
      problem.replaceChildren(errorBox(t('signin.invalid')));
      token.focus();
      return;
    }
    const next = params.get('next');
    window.location.hash = next && next.startsWith('/') ? `#${next}` : '#/';
  }},
  field(t('signin.token'), token, t('signin.hint')),
  h('code', {class: 'command'}, './civicspace token --role analyst'),
  problem,
  h('button', {type: 'submit', class: 'primary'}, t('signin.submit')));

  const current = session();
  main.append(
    h('h1', {}, t('signin.title')),
    h('p', {}, t('signin.intro')),
    current ? h('p', {class: 'muted'}, t('signin.already', {user: current.user})) : null,
    form);
  token.focus();
}
