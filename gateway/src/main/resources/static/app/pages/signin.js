// Sign-in: at the organisation's provider where the gateway names one (authorization code with
// PKCE, see oidc.js); a pasted token otherwise, and always as a second way (on one machine,
// `./civicspace token --role ROLE` prints one).

import {session, signIn} from '../api.js';
import {h} from '../dom.js';
import {t} from '../i18n.js';
import {provider, providerUnavailable, startSignIn} from '../oidc.js';
import {errorBox, field} from '../ui.js';

// the problems finishSignIn may send back here (any other value of ?problem= is ignored)
const PROBLEMS = ['signin.refused', 'signin.stale', 'signin.failed'];

export function render(main, {params}) {
  const next = params.get('next');
  const token = h('textarea', {name: 'token', rows: '5', required: true, autocomplete: 'off', spellcheck: 'false'});
  const problem = h('div');
  const form = h('form', {class: 'card narrow', onsubmit: (event) => {
    event.preventDefault();
    if (!signIn(token.value)) {
      problem.replaceChildren(errorBox(t('signin.invalid')));
      token.focus();
      return;
    }
    window.location.hash = next && next.startsWith('/') ? `#${next}` : '#/';
  }},
  field(t('signin.token'), token, t('signin.hint')),
  h('code', {class: 'command'}, './civicspace token --role analyst'),
  problem,
  h('button', {type: 'submit', class: 'primary'}, t('signin.submit')));

  const organisation = provider();
  const returned = PROBLEMS.includes(params.get('problem')) ? params.get('problem') : null;
  const current = session();
  main.append(...[
    h('h1', {}, t('signin.title')),
    returned ? errorBox(t(returned)) : null,
    providerUnavailable() ? errorBox(t('signin.unavailable')) : null,
    current ? h('p', {class: 'muted'}, t('signin.already', {user: current.user})) : null].filter(Boolean));
  if (organisation) {
    const failed = h('div');
    const start = h('button', {type: 'button', class: 'primary', id: 'sign-in-provider', onclick: () => {
      start.disabled = true;
      startSignIn(organisation, next).catch(() => {
        start.disabled = false;
        failed.replaceChildren(errorBox(t('signin.failed')));
      });
    }}, t('signin.provider'));
    main.append(
      h('div', {class: 'card narrow'}, h('p', {}, t('signin.providerIntro')), failed, start),
      h('details', {class: 'narrow'}, h('summary', {}, t('signin.orToken')), h('p', {}, t('signin.intro')), form));
    start.focus();
  } else {
    main.append(h('p', {}, t('signin.intro')), form);
    token.focus();
  }
}
