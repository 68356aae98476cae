// One archived report as the archive answers it ({id, sensitivity, source, report,
// classification, duplicateOf, archivedAt}): its tags, and the words that made each tag marked
// in its title and text.

import {h, highlighted} from './dom.js';
import {t, term, when} from './i18n.js';
import {badge, badges} from './ui.js';

const TAG_GROUPS = {freedom: 'freedom', violation: 'violation', urgency: 'urgency', country: null, language: null};

function tagName(tag) {
  const group = TAG_GROUPS[tag.kind];
  return `${t(`tagKind.${tag.kind}`)}: ${group ? term(group, tag.value) : tag.value}`;
}

/** A link only for http(s) addresses: a javascript: or data: URL from a report is shown as text. */
export function safeLink(url, label) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      return h('a', {href: parsed.href, rel: 'noopener noreferrer nofollow', target: '_blank'}, label || parsed.href);
    }
  } catch {
    // not an absolute URL: shown as text below
  }
  return h('span', {}, url);
}

/** The source of a report in words. */
export function sourceOf(archived) {
  const source = archived.source || {};
  const who = source.kind === 'feed' ? t('report.feed', {id: source.feedId || '?'})
    : t('report.partner', {user: source.submittedBy || '?'});
  const url = archived.report && archived.report.sourceUrl;
  return h('span', {}, who, url ? [' · ', safeLink(url)] : null);
}

export function reportView(archived, headingLevel = 'h2') {
  const report = archived.report || {};
  const classification = archived.classification || {};
  const tags = classification.tags || [];
  // the language tag's evidence is common words, not what happened: only the findings are marked
  const findings = tags.filter((tag) => tag.kind !== 'language');
  const spans = (fieldName) => findings.flatMap((tag) => (tag.evidence || [])
    .filter((evidence) => evidence.field === fieldName).map((evidence) => ({...evidence, tag})));
  const label = (span) => tagName(span.tag);

  const evidenceList = h('ul', {class: 'evidence'}, findings.filter((tag) => (tag.evidence || []).length).map((tag) =>
    h('li', {}, h('strong', {}, tagName(tag)), ' — ',
      (tag.evidence || []).map((evidence, index) => [index ? ', ' : '', h('q', {}, evidence.words || '')]),
      tag.fromHint ? h('span', {class: 'muted'}, ` (${t('report.fromHint')})`) : null)));

  return h('article', {class: 'report', 'aria-labelledby': `report-${archived.id}`},
    h(headingLevel, {id: `report-${archived.id}`, class: 'report-title'}, highlighted(report.title || '', spans('title'), label)),
    h('p', {class: 'meta'},
      badge('urgency', classification.urgency),
      badge('sensitivity', archived.sensitivity),
      h('span', {}, classification.country || ''),
      (classification.otherCountries || []).length ? h('span', {}, `+ ${classification.otherCountries.join(', ')}`) : null,
      h('span', {}, when(report.occurredAt || archived.archivedAt)),
      report.place ? h('span', {}, report.place) : null),
    h('p', {class: 'tags'}, badges('freedom', classification.freedoms), badges('violation', classification.violationTypes)),
    h('div', {class: 'report-text'}, highlighted(report.text || '', spans('text'), label)),
    h('h3', {}, t('report.evidence')),
    findings.some((tag) => (tag.evidence || []).length) ? evidenceList : h('p', {class: 'muted'}, t('report.noEvidence')),
    h('h3', {}, t('report.sources')),
    h('ul', {class: 'plain'},
      h('li', {}, sourceOf(archived)),
      archived.duplicateOf ? h('li', {}, t('report.duplicateOf'), ' ',
        h('a', {href: `#/reports/${encodeURIComponent(archived.duplicateOf)}`}, archived.duplicateOf)) : null),
    h('p', {class: 'muted small'}, t('report.ids', {id: archived.id, version: classification.classifierVersion || '?'})));
}
