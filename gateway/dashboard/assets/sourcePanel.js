/* global document */
// The side panel every figure opens: the article's passage in context and a link to the whole
// article for a reported figure, the computation for a computed one, the inputs for a derived one.
import { h, replaceChildren } from './dom.js';
import { figureText, localName, tag } from './format.js';
import { t, tOr } from './i18n.js';
import { passageInContext } from './passage.js';

/**
 * What the panel shows, from any figure or record of the API:
 * { title, value, unitLabel, qualifier, period, status, note, kind, document, passage,
 *   computation, recordCount, recordCompleteness, formula, inputs: [source ...] }
 */
export function sourceOfCell(cell, { title, catalogue }) {
  const definition = catalogue.get(cell.code);
  return {
    title,
    value: cell.value,
    unitLabel: cell.unitLabel,
    qualifier: cell.qualifier,
    period: cell.period,
    status: cell.status,
    note: cell.note,
    kind: cell.provenance?.kind ?? (cell.inputs?.length ? 'DERIVED' : null),
    document: cell.provenance?.document ?? null,
    passage: cell.provenance?.passage ?? null,
    computation: cell.provenance?.computation ?? null,
    recordCount: cell.provenance?.recordCount ?? null,
    recordCompleteness: cell.provenance?.recordCompleteness ?? null,
    formula: definition?.derivation?.formula ?? null,
    inputs: (cell.inputs ?? []).map((input) => sourceOfCell(input, { title: `${title} ← ${indicatorName(catalogue, input.code)}`, catalogue })),
  };
}

/** A record's provenance (organization, enterprise, honor, directory fact). */
export function sourceOfRecord(title, provenance) {
  return { title, kind: provenance?.kind ?? 'REPORTED', document: provenance?.document ?? null, passage: provenance?.passage ?? null, inputs: [] };
}

export function indicatorName(catalogue, code) {
  const definition = catalogue.get(code);
  return definition ? localName(definition) : code;
}

export function createSourcePanel({ client, basePath, onLink }) {
  const documents = new Map();
  const history = [];
  const body = h('div', { class: 'source-panel-body' });
  const heading = h('h2', { id: 'source-panel-title' });
  const back = h('button', { type: 'button', class: 'link-button', onclick: () => goBack() });
  const close = h('button', { type: 'button', class: 'close-button', 'aria-label': 'close', onclick: () => hide() }, '×');
  const panel = h(
    'aside',
    { id: 'source-panel', class: 'source-panel', role: 'dialog', 'aria-labelledby': 'source-panel-title', hidden: true },
    h('header', { class: 'source-panel-header' }, heading, close),
    back,
    body,
  );
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) hide();
  });

  function documentOf(fileName) {
    if (!documents.has(fileName)) {
      const loading = client.run('sourceDocument', { fileName }).then(({ data }) => data.sourceDocument);
      loading.catch(() => documents.delete(fileName));
      documents.set(fileName, loading);
    }
    return documents.get(fileName);
  }

  function hide() {
    panel.hidden = true;
    history.length = 0;
  }

  function goBack() {
    history.pop();
    const previous = history.pop();
    if (previous) show(previous, { nested: true });
  }

  function show(source, { nested = false } = {}) {
    if (!nested) history.length = 0;
    history.push(source);
    panel.hidden = false;
    heading.textContent = source.title ?? t('source.title');
    back.textContent = `← ${t('source.back')}`;
    back.hidden = history.length < 2;
    replaceChildren(body, figureSummary(source), reportedPart(source), computedPart(source), derivedPart(source));
    close.focus();
  }

  function figureSummary(source) {
    const hasValue = source.value !== undefined;
    return h(
      'div',
      { class: 'source-figure' },
      hasValue && source.status !== 'PRESENT' && source.status
        ? h('p', { class: 'missing-figure' }, tag('status', source.status))
        : hasValue && h('p', { class: 'figure-value' }, figureText(source.value, source.unitLabel, source.qualifier), ' ', tag('qualifier', source.qualifier)),
      h('p', { class: 'figure-meta' }, tag('kind', source.kind), source.period && ` ${t('source.period')}: ${source.period}`),
      source.note && h('p', { class: 'figure-note' }, h('strong', {}, `${t('source.note')}: `), source.note),
    );
  }

  function reportedPart(source) {
    if (!source.document) return null;
    const part = h('section', { class: 'source-reported' }, h('p', { class: 'loading' }, t('common.loading')));
    documentOf(source.document).then(
      (article) => {
        if (!article) {
          replaceChildren(part, h('p', { class: 'error' }, t('source.documentMissing', { fileName: source.document })));
          return;
        }
        const quote = passageInContext(article.text, source.passage ?? '');
        const fullText = `${basePath}/sources/${encodeURIComponent(article.fileName)}${source.passage ? `?passage=${encodeURIComponent(source.passage)}` : ''}`;
        replaceChildren(
          part,
          h('h3', {}, t('source.article')),
          h('p', { class: 'document-title' }, article.title),
          h('p', { class: 'document-meta' }, [article.date, article.publisher, article.byline].filter(Boolean).join(' · ')),
          h('h3', {}, t('source.passage')),
          quote
            ? h('blockquote', { class: 'passage' }, quote.before && `…${quote.before}`, h('mark', {}, quote.passage), quote.after && `${quote.after}…`)
            : h('blockquote', { class: 'passage' }, source.passage ?? '', h('p', { class: 'warning' }, t('source.passageNotFound'))),
          h(
            'p',
            {},
            h('a', { href: fullText, class: 'full-text-link', onclick: (event) => onLink(event, fullText) }, t('source.fullText'), ` (${article.fileName})`),
          ),
        );
      },
      (error) => replaceChildren(part, h('p', { class: 'error' }, error.message)),
    );
    return part;
  }

  function computedPart(source) {
    if (!source.computation) return null;
    return h(
      'section',
      { class: 'source-computed' },
      h('h3', {}, t('source.computation')),
      h('p', { class: 'computation' }, source.computation),
      source.recordCount !== null && source.recordCount !== undefined && h('p', {}, t('source.recordCount', { count: source.recordCount })),
      source.recordCompleteness && h('p', {}, tag('completeness', source.recordCompleteness), ' ', tOr(`completeness.${source.recordCompleteness}.help`, '')),
    );
  }

  function derivedPart(source) {
    if (!source.inputs?.length) return null;
    return h(
      'section',
      { class: 'source-derived' },
      h('h3', {}, t('source.derived')),
      source.formula && h('p', { class: 'formula' }, source.formula),
      h(
        'ul',
        { class: 'inputs' },
        source.inputs.map((input) =>
          h(
            'li',
            {},
            h('button', { type: 'button', class: 'link-button', onclick: () => show(input, { nested: true }) }, input.title),
            ': ',
            input.status === 'PRESENT' || input.value !== null ? figureText(input.value, input.unitLabel, input.qualifier) : t('status.MISSING'),
          ),
        ),
      ),
    );
  }

  return { element: panel, open: show, close: hide };
}
