// Pieces every page uses: error and notice boxes, cards, figure cells.
import { h } from '../dom.js';
import { figureText, tag } from '../format.js';
import { t } from '../i18n.js';

/** A refused or failed request as a message: never a blank page. */
export function errorBox(error) {
  const kind = error?.kind ?? 'graphql';
  const title = t(`error.${kind}`);
  return h(
    'div',
    { class: `error-box error-${kind}`, role: 'alert', dataset: { errorKind: kind } },
    h('strong', {}, title),
    error?.status ? ` (HTTP ${error.status}${error.code ? `, ${error.code}` : ''})` : error?.code ? ` (${error.code})` : '',
    h('p', {}, error?.message ?? String(error)),
    kind === 'forbidden' && h('p', { class: 'hint' }, t('error.forbiddenHint')),
  );
}

/** Errors that came with data (a zone that could not answer ...): listed above what did answer. */
export function partialErrors(errors) {
  if (!errors?.length) return null;
  return h(
    'div',
    { class: 'notice warning', role: 'status' },
    h('strong', {}, t('common.partialErrors')),
    h(
      'ul',
      {},
      errors.map((error) => h('li', {}, error.extensions?.code ? `${error.extensions.code}: ` : '', error.message)),
    ),
  );
}

export function failedZonesNotice(failedZones) {
  if (!failedZones?.length) return null;
  return h(
    'div',
    { class: 'notice warning failed-zones', role: 'status' },
    h('strong', {}, t('common.failedZones')),
    h(
      'ul',
      {},
      failedZones.map((failure) => h('li', {}, `${failure.zoneId}${failure.service ? ` (${failure.service})` : ''}: ${failure.message}`)),
    ),
  );
}

export function card(title, ...children) {
  return h('section', { class: 'card' }, title && h('h3', { class: 'card-title' }, title), children);
}

/**
 * A figure in a table: the value with its precision and kind, a button that opens its source; a
 * missing figure is "—" with the reason as its tooltip, never a zero or a blank.
 */
export function figureCellContent(cell, onOpen) {
  if (cell.status === 'PRESENT') {
    return [
      h(
        'button',
        { type: 'button', class: 'figure-button', title: cell.note ?? t('common.openSource'), onclick: onOpen },
        figureText(cell.value, cell.unitLabel, cell.qualifier),
      ),
      h('span', { class: 'cell-tags' }, tag('qualifier', cell.qualifier), tag('kind', cell.provenance?.kind ?? (cell.inputs?.length ? 'DERIVED' : null))),
    ];
  }
  const why = cell.note ? `${t(`status.${cell.status}`)}: ${cell.note}` : t(`status.${cell.status}`);
  return h(
    'button',
    { type: 'button', class: `figure-button missing status-${cell.status.toLowerCase()}`, title: why, 'aria-label': why, onclick: onOpen },
    cell.status === 'ZONE_UNAVAILABLE' ? `× ${t('status.ZONE_UNAVAILABLE')}` : '—',
  );
}
