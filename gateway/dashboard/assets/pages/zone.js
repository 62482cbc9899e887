/* global queueMicrotask */
// A zone's page: directory facts, its figures over periods (a chart per indicator with several
// periods, reported and computed kept as separate series), its party-organization tree,
// enterprises, honors and the on-site meetings it hosted. Every figure and record opens its source.
import { KIND_COLOURS, mountChart } from '../charts.js';
import { h, replaceChildren } from '../dom.js';
import { escapeHtml, figureText, formatNumber, localName, qualifierSign, tag } from '../format.js';
import { t, tOr } from '../i18n.js';
import { indicatorName, sourceOfCell, sourceOfRecord } from '../sourcePanel.js';
import { card, figureCellContent, partialErrors } from './common.js';

export function renderZone(page, context) {
  const { route } = context;
  replaceChildren(page, h('p', { class: 'loading' }, t('common.loading')));
  context.client.run('zone', { id: route.zoneId }).then(
    ({ data, errors }) => {
      if (!context.isCurrent()) return;
      draw(page, context, data.zone, errors);
    },
    (error) => {
      if (context.isCurrent()) context.fail(page, error);
    },
  );
}

function draw(page, context, zone, errors) {
  const { session } = context;
  const open = (source) => context.openSource(source);
  const figures = [...(zone.indicators ?? [])].sort((a, b) => a.code.localeCompare(b.code) || b.period.localeCompare(a.period));
  replaceChildren(
    page,
    h('h2', { class: 'page-title', id: 'zone-title' }, localName(zone), h('small', {}, ` ${zone.id}`)),
    partialErrors(errors),
    facts(zone, open),
    card(t('zone.charts'), figureCharts(figures, session)),
    card(t('zone.figures'), figureTable(figures, zone, session, open), unassessed(zone, session)),
    card(t('zone.organizations', { count: zone.partyOrganizations?.totalCount ?? 0 }), organizationTree(zone, open)),
    card(t('zone.enterprises', { count: zone.enterprises?.totalCount ?? 0 }), enterpriseTable(zone, open)),
    card(t('zone.honors', { count: zone.honors?.length ?? 0 }), honorTable(zone, open)),
    zone.onsiteMeetingsHosted.length > 0 && card(t('zone.meetings'), meetings(zone, open)),
  );
}

function sourceButton(title, provenance, open) {
  if (!provenance?.document) return '—';
  return h(
    'button',
    { type: 'button', class: 'source-button', title: provenance.passage ?? '', onclick: () => open(sourceOfRecord(title, provenance)) },
    t('common.source'),
  );
}

function facts(zone, open) {
  const records = zone.records;
  const row = (label, ...value) => h('div', { class: 'fact' }, h('dt', {}, label), h('dd', {}, value));
  return card(
    null,
    h(
      'dl',
      { class: 'facts', id: 'zone-facts' },
      row(t('zone.nameZh'), zone.nameZh),
      row(t('zone.nameEn'), zone.nameEn),
      row(t('zone.province'), localName(zone.province)),
      row(t('zone.city'), zone.city ?? '—'),
      row(t('zone.level'), tOr(`level.${zone.level}`, zone.level)),
      row(t('zone.service'), zone.service?.name ?? '—'),
      records &&
        row(
          t('zone.records'),
          ['partyOrganizations', 'enterprises', 'honors'].map((kind) =>
            h('span', { class: 'record-kind' }, `${t(`zone.records.${kind}`)} `, tag('completeness', records[kind])),
          ),
          records.asOf ? ` ${t('zone.asOf', { date: records.asOf })}` : '',
        ),
      zone.directorySource && row(t('zone.directorySource'), sourceButton(`${localName(zone)} · ${t('zone.directorySource')}`, zone.directorySource, open)),
    ),
  );
}

/** One chart per indicator that has figures for several periods; kinds are separate series, never joined. */
function figureCharts(figures, session) {
  const byCode = new Map();
  for (const figure of figures) {
    if (!byCode.has(figure.code)) byCode.set(figure.code, []);
    byCode.get(figure.code).push(figure);
  }
  const multiPeriod = [...byCode.entries()].filter(([, list]) => new Set(list.map((figure) => figure.period)).size > 1);
  if (multiPeriod.length === 0) return h('p', { class: 'empty', id: 'zone-no-charts' }, t('zone.noSeries'));
  const grid = h('div', { class: 'chart-grid', id: 'zone-charts' });
  const pending = multiPeriod.map(([code, list]) => {
    const element = h('div', { class: 'chart small', dataset: { code } });
    grid.append(element);
    return { code, list, element };
  });
  // Charts are drawn once the grid is in the page (ECharts needs the element's size).
  queueMicrotask(() => {
    for (const { code, list, element } of pending) {
      const periods = [...new Set(list.map((figure) => figure.period))].sort();
      const kinds = [...new Set(list.map((figure) => figure.provenance.kind))];
      const definition = session.catalogue.get(code);
      mountChart(element, {
        title: { text: `${indicatorName(session.catalogue, code)} (${definition?.unitLabel ?? ''})`, left: 'center', textStyle: { fontSize: 13 } },
        legend: { bottom: 0, data: kinds.map((kind) => t(`kind.${kind}`)) },
        tooltip: {
          trigger: 'item',
          formatter: (point) => escapeHtml(`${point.seriesName} · ${point.name}: ${point.data?.text ?? '—'}`),
        },
        grid: { left: 48, right: 16, top: 48, bottom: 56 },
        xAxis: { type: 'category', data: periods },
        yAxis: { type: 'value' },
        series: kinds.map((kind) => ({
          name: t(`kind.${kind}`),
          type: 'bar',
          barMaxWidth: 36,
          itemStyle: { color: KIND_COLOURS[kind] },
          label: { show: true, position: 'top', formatter: (point) => point.data?.label ?? '' },
          data: periods.map((period) => {
            const figure = list.find((candidate) => candidate.period === period && candidate.provenance.kind === kind);
            return figure
              ? {
                  value: figure.value,
                  label: `${qualifierSign(figure.qualifier)}${formatNumber(figure.value)}`,
                  text: figureText(figure.value, figure.unitLabel, figure.qualifier),
                }
              : { value: null };
          }),
        })),
      });
    }
  });
  return grid;
}

function figureTable(figures, zone, session, open) {
  if (figures.length === 0) return h('p', { class: 'empty' }, t('zone.noFigures'));
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data-table', id: 'zone-figures' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['indicator', 'period', 'value', 'note'].map((column) => h('th', { scope: 'col' }, t(`zone.figure.${column}`))),
        ),
      ),
      h(
        'tbody',
        {},
        figures.map((figure) => {
          const cell = { ...figure, status: 'PRESENT', inputs: [] };
          const title = `${localName(zone)} · ${localName(figure)}`;
          return h(
            'tr',
            { dataset: { code: figure.code, period: figure.period, kind: figure.provenance.kind } },
            h('td', { title: session.catalogue.get(figure.code)?.definition ?? figure.code }, localName(figure)),
            h('td', {}, figure.period),
            h(
              'td',
              { class: 'figure-cell' },
              figureCellContent(cell, () => open(sourceOfCell(cell, { title, catalogue: session.catalogue }))),
            ),
            h('td', { class: 'note' }, figure.note ?? ''),
          );
        }),
      ),
    ),
  );
}

function unassessed(zone, session) {
  if (!zone.unassessedIndicators?.length) return null;
  return h(
    'details',
    { class: 'unassessed' },
    h('summary', {}, t('zone.unassessed', { count: zone.unassessedIndicators.length })),
    h(
      'ul',
      {},
      zone.unassessedIndicators.map((item) => h('li', {}, h('strong', {}, indicatorName(session.catalogue, item.code)), `: ${item.reason}`)),
    ),
  );
}

/** The tree from each organization's parent (the API pages organizations; the tree needs no recursion depth). */
function organizationTree(zone, open) {
  const items = zone.partyOrganizations?.items ?? [];
  if (items.length === 0) return h('p', { class: 'empty' }, t('zone.noOrganizations'));
  const ids = new Set(items.map((item) => item.id));
  const children = new Map();
  for (const item of items) {
    const parent = item.parent && ids.has(item.parent.id) ? item.parent.id : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(item);
  }
  const branch = (parent) =>
    h(
      'ul',
      { class: parent === null ? 'org-tree' : 'org-children' },
      (children.get(parent) ?? []).map((organization) =>
        h(
          'li',
          { class: 'org', dataset: { orgId: organization.id } },
          h(
            'div',
            { class: 'org-line' },
            h('span', { class: 'org-name' }, organization.nameZh),
            ' ',
            h('span', { class: 'tag tag-org-type' }, tOr(`orgType.${organization.type}`, organization.type)),
            organization.starRating &&
              h('span', { class: 'stars', title: t('zone.org.stars', { count: organization.starRating }) }, ' ', '★'.repeat(organization.starRating)),
            organization.memberCount &&
              h(
                'span',
                { class: 'members' },
                ` ${t('zone.org.members')} ${figureText(organization.memberCount.value, '人', organization.memberCount.qualifier)}`,
              ),
            organization.brand && h('span', { class: 'brand-name' }, ` · ${t('zone.org.brand')}: ${organization.brand}`),
            organization.foundedOn && h('span', { class: 'founded' }, ` · ${t('zone.org.founded')} ${organization.foundedOn}`),
            ' ',
            sourceButton(organization.nameZh, organization.provenance, open),
          ),
          organization.enterprises.length > 0 &&
            h('div', { class: 'org-detail' }, `${t('zone.org.covers')}: `, organization.enterprises.map((enterprise) => enterprise.nameZh).join('、')),
          organization.honors.length > 0 &&
            h(
              'div',
              { class: 'org-detail' },
              `${t('zone.org.honors')}: `,
              organization.honors.map((honor) => `${honor.title}${honor.year ? ` (${honor.year})` : ''}`).join('、'),
            ),
          children.has(organization.id) && branch(organization.id),
        ),
      ),
    );
  return h('div', { id: 'zone-organizations' }, branch(null));
}

function enterpriseTable(zone, open) {
  const items = zone.enterprises?.items ?? [];
  if (items.length === 0) return h('p', { class: 'empty' }, t('zone.noEnterprises'));
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data-table', id: 'zone-enterprises' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['name', 'industry', 'flags', 'employees', 'organizations', 'source'].map((column) => h('th', { scope: 'col' }, t(`zone.enterprise.${column}`))),
        ),
      ),
      h(
        'tbody',
        {},
        items.map((enterprise) =>
          h(
            'tr',
            { dataset: { enterpriseId: enterprise.id } },
            h('td', {}, enterprise.nameZh, enterprise.nameEn && h('div', { class: 'secondary' }, enterprise.nameEn)),
            h('td', {}, enterprise.industry ?? '—'),
            h(
              'td',
              {},
              enterprise.flags.map((flag) => h('span', { class: 'tag tag-flag' }, tOr(`flag.${flag}`, flag))),
            ),
            h('td', { class: 'num' }, enterprise.employees ? figureText(enterprise.employees.value, '人', enterprise.employees.qualifier) : '—'),
            h('td', {}, enterprise.partyOrganizations.map((organization) => organization.nameZh).join('、') || '—'),
            h('td', {}, sourceButton(enterprise.nameZh, enterprise.provenance, open)),
          ),
        ),
      ),
    ),
  );
}

function honorTable(zone, open) {
  const honors = zone.honors ?? [];
  if (honors.length === 0) return h('p', { class: 'empty' }, t('zone.noHonors'));
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data-table', id: 'zone-honors' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['title', 'level', 'year', 'holder', 'awardedBy', 'source'].map((column) => h('th', { scope: 'col' }, t(`zone.honor.${column}`))),
        ),
      ),
      h(
        'tbody',
        {},
        honors.map((honor) => {
          const holder = honor.enterprise?.nameZh ?? honor.partyOrganization?.nameZh ?? honor.zone?.nameZh ?? '—';
          return h(
            'tr',
            { dataset: { honorId: honor.id } },
            h('td', {}, honor.title),
            h('td', {}, tOr(`honorLevel.${honor.level}`, honor.level)),
            h('td', {}, honor.year ?? '—'),
            h('td', {}, holder),
            h('td', {}, honor.awardedBy ?? '—'),
            h('td', {}, sourceButton(`${holder} · ${honor.title}`, honor.provenance, open)),
          );
        }),
      ),
    ),
  );
}

function meetings(zone, open) {
  return h(
    'ul',
    { class: 'meetings' },
    zone.onsiteMeetingsHosted.map((meeting) =>
      h(
        'li',
        {},
        `${meeting.period} · ${meeting.title} `,
        h('span', { class: 'tag' }, tOr(`meetingPrecision.${meeting.precision}`, meeting.precision)),
        ' ',
        sourceButton(meeting.title, meeting.source, open),
      ),
    ),
  );
}
