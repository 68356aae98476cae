// The app: one page, hash routes (#/alerts, #/reports/r-1, …), each route a module that fills
// <main>. The alert service's notification links are /alerts/{id} and /urgent-actions/{id}
// after its link base, so a link base ending in /# lands on these routes. A route may return a function that undoes what it started (a live stream, a timer).

import {may, session} from './api.js';
import {announce, fill, h} from './dom.js';
import {currentLanguage, initLanguage, setLanguage, t} from './i18n.js';
import {finishSignIn, loadSettings, provider, signOutEverywhere} from './oidc.js';
import * as signin from './pages/signin.js';
import * as alerts from './pages/alerts.js';
import * as urgent from './pages/urgent.js';
import * as reports from './pages/reports.js';
import * as countries from './pages/countries.js';
import * as updates from './pages/updates.js';
import * as feeds from './pages/feeds.js';
import * as subscriptions from './pages/subscriptions.js';

// path pattern, page, roles that may open it (admin may open all), nav label (absent: not in the nav)
const ROUTES = [
  {path: /^\/signin$/, page: signin, roles: null},
  {path: /^\/alerts$/, page: alerts, roles: ['analyst', 'advocacy'], nav: 'nav.alerts', href: '#/alerts'},
  {path: /^\/alerts\/(.+)$/, page: alerts, roles: ['analyst', 'advocacy'], detail: true},
  {path: /^\/urgent-actions$/, page: urgent, roles: ['advocacy'], nav: 'nav.urgent', href: '#/urgent-actions'},
  {path: /^\/urgent-actions\/(.+)$/, page: urgent, roles: ['advocacy'], detail: true},
  {path: /^\/reports$/, page: reports, roles: ['analyst', 'editor', 'partner'], nav: 'nav.reports', href: '#/reports'},
  {path: /^\/reports\/(.+)$/, page: reports, roles: ['analyst', 'editor', 'partner'], detail: true},
  {path: /^\/countries$/, page: countries, roles: ['analyst', 'editor'], nav: 'nav.countries', href: '#/countries'},
  {path: /^\/countries\/([A-Za-z]{2})$/, page: countries, roles: ['analyst', 'editor'], detail: true},
  {path: /^\/updates$/, page: updates, roles: ['editor'], nav: 'nav.updates', href: '#/updates'},
  {path: /^\/updates\/(.+)$/, page: updates, roles: ['editor'], detail: true},
  {path: /^\/subscriptions$/, page: subscriptions, roles: ['analyst', 'advocacy'], nav: 'nav.subscriptions',
    href: '#/subscriptions'},
  {path: /^\/admin\/feeds$/, page: feeds, roles: ['admin'], nav: 'nav.feeds', href: '#/admin/feeds'},
];

const ROLES = ['partner', 'analyst', 'advocacy', 'editor', 'admin'];

let undo = null;
let moveFocus = false; // not on the first page shown, but after every navigation: to the new heading

function location() {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  return {path, params: new URLSearchParams(search)};
}

function home() {
  const first = ROUTES.find((route) => route.nav && may(...route.roles));
  return first ? first.href : '#/signin';
}

function renderNav() {
  const current = location().path;
  const links = ROUTES.filter((route) => route.nav && session() && may(...route.roles)).map((route) => {
    const here = current === route.href.slice(1) || current.startsWith(`${route.href.slice(1)}/`);
    return h('li', {}, h('a', {href: route.href, 'aria-current': here ? 'page' : null}, t(route.nav)));
  });
  fill(document.getElementById('nav-links'), links);
  const user = session();
  // a provider's token may hold roles of its own (offline_access, …): only ours are shown
  const roles = user ? user.roles.filter((role) => ROLES.includes(role)) : [];
  document.getElementById('who').textContent = user ? t('signedInAs', {user: user.user, roles: roles.join(', ')}) : '';
  document.getElementById('sign-out').hidden = !user;
}

async function route() {
  if (undo) {
    undo();
    undo = null;
  }
  const {path, params} = location();
  const main = document.getElementById('main');
  if (path === '/' || path === '') {
    window.location.replace(home());
    return;
  }
  const found = ROUTES.find((candidate) => candidate.path.test(path));
  if (!found) {
    renderNav();
    fill(main, h('h1', {tabindex: '-1'}, t('notFound.title')), h('p', {}, t('notFound.text')));
    return;
  }
  if (found.roles && !session()) {
    window.location.replace(`#/signin?next=${encodeURIComponent(path)}`);
    return;
  }
  renderNav();
  if (found.roles && !may(...found.roles)) {
    fill(main, h('h1', {tabindex: '-1'}, t('forbidden.title')), h('p', {}, t('forbidden.text')));
    return;
  }
  // each visit renders into its own element: a page still loading when the user moves on
  // fills a detached element, never the next page
  const page = h('div', {class: 'page'});
  main.replaceChildren(page);
  const match = path.match(found.path);
  let stop = null;
  try {
    stop = await found.page.render(page, {id: found.detail ? decodeURIComponent(match[1]) : null, params, path}) || null;
  } catch (error) {
    fill(page, h('h1', {}, t('error.title')), h('p', {class: 'error', role: 'alert'}, error.message));
  }
  if (!page.isConnected) {
    if (stop) stop();
    return;
  }
  undo = stop;
  const heading = page.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    document.title = `${heading.textContent} · civicspace`;
    if (moveFocus && !main.contains(document.activeElement)) heading.focus();
  }
  moveFocus = true;
}

async function start() {
  await initLanguage();
  await loadSettings();
  try {
    const next = await finishSignIn();
    if (next) window.location.hash = `#${next}`;
  } catch (error) {
    window.location.hash = `#/signin?problem=${encodeURIComponent(error.reason || 'signin.failed')}`;
  }
  const select = document.getElementById('lang');
  select.value = currentLanguage();
  select.addEventListener('change', async () => {
    await setLanguage(select.value);
    announce(t('languageChanged'));
    moveFocus = false;
    await route();
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    if (!signOutEverywhere(provider())) window.location.hash = '#/signin';
  });
  window.addEventListener('civicspace:signed-out', () => {
    if (!location().path.startsWith('/signin')) window.location.hash = '#/signin';
  });
  window.addEventListener('hashchange', route);
  await route();
  document.body.dataset.ready = 'true';
}

start();
