// Small pieces the pages share: labelled fields, taxonomy badges, errors, loading states.

import {h} from './dom.js';
import {t, term, terms} from './i18n.js';

/** The countries the pages offer first: Eastern Europe, the Caucasus and Central Asia. */
export const REGION_COUNTRIES = ['KZ', 'KG', 'TJ', 'UZ', 'TM', 'RU', 'BY', 'UA', 'MD', 'GE', 'AM', 'AZ'];

let counter = 0;

/** A label and its control, tied by id. */
export function field(label, control, hint) {
  control.id = control.id || `f${++counter}`;
  const hintElement = hint ? h('small', {id: `${control.id}-hint`, class: 'hint'}, hint) : null;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return h('div', {class: 'field'}, h('label', {for: control.id}, label), control, hintElement);
}

/** A <select> of a taxonomy group, with an empty "any" choice first unless `required`. */
export function termSelect(group, name, value, {required = false, anyLabel = t('any')} = {}) {
  return h('select', {name},
    required ? null : h('option', {value: ''}, anyLabel),
    terms(group).map((key) => h('option', {value: key, selected: key === value}, term(group, key))));
}

/** Badges for taxonomy values; urgency and ratings get their own colour class. */
export function badges(group, values) {
  return (values || []).map((value) => h('span', {class: `badge ${group}-${value}`}, term(group, value)));
}

export function badge(group, value) {
  return value ? h('span', {class: `badge ${group}-${value}`}, term(group, value)) : null;
}

/** An error where the user will notice it (role=alert is read out at once). */
export function errorBox(error) {
  return h('p', {class: 'error', role: 'alert'}, error && error.message ? error.message : String(error));
}

export function loading() {
  return h('p', {class: 'muted', 'aria-busy': 'true'}, t('loading'));
}

/** Runs `action` while `button` is disabled; shows a failure in `place` (an element to fill). */
export async function busy(button, action, place) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    if (place) place.replaceChildren();
    return await action();
  } catch (error) {
    if (place) place.replaceChildren(errorBox(error));
    else throw error;
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** Upper-case ISO country codes from "kz, KG tj". */
export function countryCodes(text) {
  return String(text || '').toUpperCase().split(/[^A-Z]+/).filter((code) => /^[A-Z]{2}$/.test(code));
}
