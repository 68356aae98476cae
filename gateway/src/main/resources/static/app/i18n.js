// The interface's words, in English and Russian, from app/i18n/<lang>.json. The choice is kept
// in localStorage (it is no secret), so the next visit opens in the same language.

const KEY = 'civicspace.language';
export const LANGUAGES = ['en', 'ru'];

let language = 'en';
let words = {};
let fallback = {};

async function load(lang) {
  const response = await fetch(`/app/i18n/${lang}.json`);
  if (!response.ok) throw new Error(`no ${lang} words`);
  return response.json();
}

/** Loads the remembered language (else the browser's, else English). */
export async function initLanguage() {
  const remembered = localStorage.getItem(KEY);
  const browser = (navigator.language || 'en').slice(0, 2);
  fallback = await load('en');
  await setLanguage(LANGUAGES.includes(remembered) ? remembered : LANGUAGES.includes(browser) ? browser : 'en', false);
}

export async function setLanguage(lang, remember = true) {
  words = lang === 'en' ? fallback : await load(lang);
  language = lang;
  document.documentElement.lang = lang;
  if (remember) localStorage.setItem(KEY, lang);
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll('[data-i18n-aria]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAria));
  }
}

export function currentLanguage() {
  return language;
}

/** The words for `key` ("alerts.title"), with {name} placeholders filled from `params`. */
export function t(key, params = {}) {
  const template = lookup(words, key) ?? lookup(fallback, key) ?? key;
  return String(template).replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A taxonomy value in words ("peaceful_assembly" → "Peaceful assembly"), or the value itself. */
export function term(group, value) {
  if (value === null || value === undefined) return '';
  const found = lookup(words, `${group}.${value}`) ?? lookup(fallback, `${group}.${value}`);
  return found ?? String(value);
}

/** The keys of a taxonomy group, in the order of the English file. */
export function terms(group) {
  return Object.keys(lookup(fallback, group) || {});
}

function lookup(table, key) {
  return key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), table);
}

/** A date and time in the interface's language, in the user's time zone. */
export function when(instant) {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return date.toLocaleString(language === 'ru' ? 'ru-RU' : 'en-GB', {dateStyle: 'medium', timeStyle: 'short'});
}

/** A calendar date ("2026-11-01") in the interface's language. */
export function day(isoDate) {
  if (!isoDate) return '';
  const date = new Date(`${String(isoDate).slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return String(isoDate);
  return date.toLocaleDateString(language === 'ru' ? 'ru-RU' : 'en-GB', {dateStyle: 'medium', timeZone: 'UTC'});
}
