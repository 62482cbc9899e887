/* global URLSearchParams */
// Province comparison: zones × indicators (compareZones), sortable by clicking a column header
// (an indicator is ranked by the API: ties share a rank, lower bounds are flagged), filterable by
// province and name, with a bar chart of the chosen indicator and per-province aggregates.
import { KIND_COLOURS, mountChart } from '../charts.js';
import { h, replaceChildren, select } from '../dom.js';
import { escapeHtml, figureText, formatNumber, localName, qualifierSign, tag } from '../format.js';
import { t } from '../i18n.js';
import { indicatorName, sourceOfCell } from '../sourcePanel.js';
import { card, failedZonesNotice, figureCellContent, partialErrors } from './common.js';

export const DEFAULT_INDICATORS = ['party_org.count', 'party_member.count', 'org_coverage.rate', 'red_flag_branch.count', 'derived.members_per_org'];
const SOURCES = ['PREFER_REPORTED', 'REPORTED', 'COMPUTED'];
const LOCAL_SORTS = ['zone', 'province'];

function listParam(query, name) {
  const value = query.get(name);
  return value ? value.split(',').filter(Boolean) : null;
}

/** The page's settings, from the address bar (so a reload or a shared link shows the same table). */
function readState(query, session) {
  const indicators = (listParam(query, 'indicators') ?? DEFAULT_INDICATORS).filter((code) => session.catalogue.has(code)).slice(0, 50);
  const provinces = listParam(query, 'provinces')?.filter((code) => session.provinces.some((province) => province.code === code)) ?? null;
  const sort = query.get('sort') ?? '';
  return {
    indicators: indicators.length ? indicators : DEFAULT_INDICATORS.filter((code) => session.catalogue.has(code)),
    provinces,
    sort: indicators.includes(sort) || LOCAL_SORTS.includes(sort) ? sort : '',
    direction: query.get('dir') === 'asc' ? 'ASC' : 'DESC',
    source: SOURCES.includes(query.get('source')) ? query.get('source') : 'PREFER_REPORTED',
    computedOverNamedOnly: query.get('named') === '1',
    period: query.get('period') ?? '',
    chart: query.get('chart') ?? '',
    filter: query.get('q') ?? '',
  };
}

function writeState(state, setQuery) {
  const params = new URLSearchParams();
  if (state.provinces) params.set('provinces', state.provinces.join(','));
  params.set('indicators', state.indicators.join(','));
  if (state.sort) {
    params.set('sort', state.sort);
    params.set('dir', state.direction.toLowerCase());
  }
  if (state.source !== 'PREFER_REPORTED') params.set('source', state.source);
  if (state.computedOverNamedOnly) params.set('named', '1');
  if (state.period) params.set('period', state.period);
  if (state.chart) params.set('chart', state.chart);
  if (state.filter) params.set('q', state.filter);
  setQuery(params);
}

export function renderCompare(page, context) {
  const { session } = context;
  const state = readState(context.query, session);
  let answer = null;
  let partial = [];

  const controls = h('form', { class: 'card controls', id: 'compare-controls', onsubmit: (event) => event.preventDefault() });
  const notices = h('div', { class: 'notices' });
  const chartTitle = h('div', { class: 'chart-toolbar' });
  const chartElement = h('div', { id: 'compare-chart', class: 'chart' });
  const chartLegend = h('div', { class: 'chart-legend' });
  const table = h('table', { id: 'compare-table', class: 'data-table' });
  const aggregates = h('div', { id: 'compare-aggregates' });
  replaceChildren(
    page,
    h('h2', { class: 'page-title' }, t('compare.title')),
    h('p', { class: 'page-intro' }, t('compare.intro')),
    controls,
    notices,
    card(t('compare.chart'), chartTitle, chartElement, chartLegend),
    card(t('compare.table'), h('div', { class: 'table-scroll' }, table)),
    card(t('compare.aggregates'), aggregates),
  );
  drawControls();
  void load();

  function update(patch, { reload = true } = {}) {
    Object.assign(state, patch);
    writeState(state, context.setQuery);
    if (reload) void load();
    else draw();
  }

  async function load() {
    if (state.provinces && state.provinces.length === 0) {
      answer = null;
      replaceChildren(notices, h('p', { class: 'notice' }, t('compare.noProvince')));
      draw();
      return;
    }
    replaceChildren(notices, h('p', { class: 'loading', id: 'compare-loading' }, t('common.loading')));
    const serverSort = state.sort && !LOCAL_SORTS.includes(state.sort) ? { indicator: state.sort, direction: state.direction } : null;
    const variables = {
      indicators: state.indicators,
      provinces: state.provinces,
      sort: serverSort,
      source: state.source,
      computedOverNamedOnly: state.computedOverNamedOnly,
      period: state.period || null,
    };
    try {
      const { data, errors } = await context.client.run('compareZones', variables);
      if (!context.isCurrent()) return;
      answer = data.compareZones;
      partial = errors;
      replaceChildren(notices, partialErrors(partial), failedZonesNotice(answer.failedZones));
      draw();
    } catch (error) {
      if (context.isCurrent()) context.fail(notices, error);
    }
  }

  function visibleRows() {
    if (!answer) return [];
    const needle = state.filter.trim().toLowerCase();
    const rows = answer.rows.filter((row) => !needle || [row.zone.id, row.zone.nameZh, row.zone.nameEn].some((name) => name?.toLowerCase().includes(needle)));
    if (LOCAL_SORTS.includes(state.sort)) {
      const key = (row) => (state.sort === 'zone' ? localName(row.zone) : `${localName(row.zone.province)} ${localName(row.zone)}`);
      const sign = state.direction === 'ASC' ? 1 : -1;
      rows.sort((a, b) => sign * key(a).localeCompare(key(b), 'zh-CN'));
    }
    return rows;
  }

  function chartCode() {
    if (state.indicators.includes(state.chart)) return state.chart;
    if (state.indicators.includes(state.sort)) return state.sort;
    return state.indicators[0];
  }

  function draw() {
    drawTable();
    drawChart();
    drawAggregates();
  }

  function drawControls() {
    const provinceBoxes = session.provinces.map((province) =>
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          name: 'province',
          value: province.code,
          checked: !state.provinces || state.provinces.includes(province.code),
          onchange: () => {
            const checked = [...controls.querySelectorAll('input[name=province]:checked')].map((box) => box.value);
            update({ provinces: checked.length === session.provinces.length ? null : checked });
          },
        }),
        localName(province),
      ),
    );
    const chosen = h(
      'ul',
      { class: 'chips', id: 'chosen-indicators' },
      state.indicators.map((code) =>
        h(
          'li',
          { class: 'chip', dataset: { code } },
          indicatorName(session.catalogue, code),
          h(
            'button',
            {
              type: 'button',
              class: 'chip-remove',
              title: t('compare.removeIndicator'),
              'aria-label': `${t('compare.removeIndicator')} ${code}`,
              disabled: state.indicators.length === 1,
              onclick: () => {
                update({ indicators: state.indicators.filter((other) => other !== code), sort: state.sort === code ? '' : state.sort });
                drawControls();
              },
            },
            '×',
          ),
        ),
      ),
    );
    const picker = select(
      { id: 'indicator-picker', 'aria-label': t('compare.addIndicator') },
      [
        ['', `${t('compare.addIndicator')}…`],
        ...session.catalogueList
          .filter((definition) => !state.indicators.includes(definition.code))
          .map((definition) => [definition.code, `${localName(definition)} (${definition.code})`]),
      ],
      '',
    );
    picker.addEventListener('change', () => {
      if (!picker.value || state.indicators.length >= 50) return;
      update({ indicators: [...state.indicators, picker.value] });
      drawControls();
    });
    replaceChildren(
      controls,
      h('fieldset', { class: 'control-group' }, h('legend', {}, t('compare.provinces')), provinceBoxes),
      h('fieldset', { class: 'control-group indicators' }, h('legend', {}, t('compare.indicators')), chosen, picker),
      h(
        'fieldset',
        { class: 'control-group' },
        h('legend', {}, t('compare.figures')),
        h(
          'label',
          {},
          `${t('compare.source')} `,
          select(
            { id: 'source-select', onchange: (event) => update({ source: event.target.value }) },
            SOURCES.map((source) => [source, t(`valueSource.${source}`)]),
            state.source,
          ),
        ),
        h(
          'label',
          { class: 'check', title: t('compare.namedOnlyHelp') },
          h('input', {
            type: 'checkbox',
            id: 'named-only',
            checked: state.computedOverNamedOnly,
            onchange: (event) => update({ computedOverNamedOnly: event.target.checked }),
          }),
          t('compare.namedOnly'),
        ),
        h(
          'label',
          {},
          `${t('compare.period')} `,
          h('input', {
            id: 'period-input',
            type: 'text',
            size: 8,
            maxlength: 20,
            placeholder: '2022',
            value: state.period,
            onchange: (event) => update({ period: event.target.value.trim() }),
          }),
        ),
      ),
      h(
        'fieldset',
        { class: 'control-group' },
        h('legend', {}, t('compare.filter')),
        h('input', {
          id: 'zone-filter',
          type: 'search',
          placeholder: t('compare.filterPlaceholder'),
          value: state.filter,
          oninput: (event) => update({ filter: event.target.value }, { reload: false }),
        }),
      ),
    );
  }

  function sortHeader(key, label, extra) {
    const active = state.sort === key;
    const ariaSort = active ? (state.direction === 'ASC' ? 'ascending' : 'descending') : 'none';
    return h(
      'th',
      { scope: 'col', 'aria-sort': ariaSort, dataset: { sortKey: key } },
      h(
        'button',
        {
          type: 'button',
          class: 'sort-button',
          title: t('compare.sortHelp'),
          onclick: () => {
            const direction = active ? (state.direction === 'DESC' ? 'ASC' : 'DESC') : LOCAL_SORTS.includes(key) ? 'ASC' : 'DESC';
            update(
              { sort: key, direction, chart: LOCAL_SORTS.includes(key) ? state.chart : key },
              { reload: !LOCAL_SORTS.includes(key) || !LOCAL_SORTS.includes(state.sort) },
            );
          },
        },
        label,
        h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (state.direction === 'ASC' ? ' ▲' : ' ▼') : ' ⇅'),
      ),
      extra,
    );
  }

  function drawTable() {
    if (!answer) {
      replaceChildren(table);
      return;
    }
    const ranked = answer.sortedBy !== null && answer.sortedBy !== undefined;
    const head = h(
      'tr',
      {},
      ranked && h('th', { scope: 'col', class: 'rank-col' }, t('compare.rank')),
      sortHeader('zone', t('compare.zone')),
      sortHeader('province', t('compare.province')),
      state.indicators.map((code) => {
        const definition = session.catalogue.get(code);
        return sortHeader(
          code,
          localName(definition),
          h('span', { class: 'column-unit', title: definition.definition }, `${definition.unitLabel} · ${t(`direction.${definition.direction}`)}`),
        );
      }),
    );
    const rows = visibleRows().map((row) =>
      h(
        'tr',
        { dataset: { zoneId: row.zone.id } },
        ranked &&
          h(
            'td',
            { class: 'rank-col', title: row.rankNote ?? '', dataset: { rank: row.rank ?? '' } },
            row.rank === null ? '—' : String(row.rank),
            row.rankNote && h('span', { class: 'rank-note', title: row.rankNote }, ' ⚠'),
          ),
        h('th', { scope: 'row', class: 'zone-col' }, context.link(`/zones/${encodeURIComponent(row.zone.id)}`, localName(row.zone), { class: 'zone-link' })),
        h('td', { class: 'province-col' }, localName(row.zone.province)),
        row.cells.map((cell) =>
          h(
            'td',
            {
              class: `figure-cell status-${cell.status.toLowerCase()}`,
              title: cell.status === 'PRESENT' ? null : (cell.note ?? t(`status.${cell.status}`)),
              dataset: {
                code: cell.code,
                status: cell.status,
                value: cell.value ?? '',
                qualifier: cell.qualifier ?? '',
                kind: cell.provenance?.kind ?? (cell.inputs?.length ? 'DERIVED' : ''),
              },
            },
            figureCellContent(cell, () =>
              context.openSource(
                sourceOfCell(cell, { title: `${localName(row.zone)} · ${indicatorName(session.catalogue, cell.code)}`, catalogue: session.catalogue }),
              ),
            ),
          ),
        ),
      ),
    );
    replaceChildren(
      table,
      h('caption', {}, t('compare.caption', { count: rows.length })),
      h('thead', {}, head),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: state.indicators.length + 3, class: 'empty' }, t('compare.noRows')))),
    );
  }

  function drawChart() {
    const code = chartCode();
    const definition = session.catalogue.get(code);
    const column = state.indicators.indexOf(code);
    replaceChildren(
      chartTitle,
      h(
        'label',
        {},
        `${t('compare.chartIndicator')} `,
        select(
          { id: 'chart-indicator', onchange: (event) => update({ chart: event.target.value }, { reload: false }) },
          state.indicators.map((indicator) => [indicator, indicatorName(session.catalogue, indicator)]),
          code,
        ),
      ),
    );
    replaceChildren(
      chartLegend,
      ['REPORTED', 'COMPUTED', 'DERIVED'].map((kind) =>
        h('span', { class: 'legend-item' }, h('span', { class: 'swatch', style: `background:${KIND_COLOURS[kind]}` }), t(`kind.${kind}`)),
      ),
      h('span', { class: 'legend-item' }, t('compare.chartLowerBound')),
    );
    if (!answer) return;
    const rows = visibleRows();
    const cells = rows.map((row) => row.cells[column]);
    const missing = rows.filter((row, index) => cells[index].status !== 'PRESENT').map((row) => localName(row.zone));
    const chart = mountChart(chartElement, {
      title: {
        text: `${localName(definition)} (${definition.unitLabel})`,
        subtext: missing.length ? t('compare.chartMissing', { zones: missing.join('、') }) : '',
        left: 'center',
        textStyle: { fontSize: 15 },
        subtextStyle: { color: '#8a5a00', width: 900, overflow: 'break' },
      },
      tooltip: {
        trigger: 'item',
        formatter: (point) => {
          const cell = cells[point.dataIndex];
          const line =
            cell.status === 'PRESENT'
              ? `${figureText(cell.value, cell.unitLabel, cell.qualifier)} · ${t(`qualifier.${cell.qualifier}`)} · ${t(`kind.${cell.provenance?.kind ?? 'DERIVED'}`)}${cell.period ? ` · ${cell.period}` : ''}`
              : t(`status.${cell.status}`);
          return `${escapeHtml(point.name)}<br/>${escapeHtml(line)}`;
        },
      },
      grid: { left: 64, right: 24, top: missing.length ? 84 : 56, bottom: 96 },
      xAxis: { type: 'category', data: rows.map((row) => localName(row.zone)), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: definition.unitLabel },
      series: [
        {
          id: 'compare',
          name: localName(definition),
          type: 'bar',
          barMaxWidth: 48,
          data: cells.map((cell) =>
            cell.status === 'PRESENT'
              ? {
                  value: cell.value,
                  itemStyle: { color: KIND_COLOURS[cell.provenance?.kind ?? 'DERIVED'] ?? KIND_COLOURS.REPORTED },
                  label: { show: true, position: 'top', formatter: `${qualifierSign(cell.qualifier)}${formatNumber(cell.value)}` },
                }
              : { value: null },
          ),
        },
      ],
    });
    chart.on('click', (point) => {
      const row = rows[point.dataIndex];
      const cell = cells[point.dataIndex];
      if (row && cell) context.openSource(sourceOfCell(cell, { title: `${localName(row.zone)} · ${localName(definition)}`, catalogue: session.catalogue }));
    });
  }

  function drawAggregates() {
    if (!answer) {
      replaceChildren(aggregates);
      return;
    }
    const head = h(
      'tr',
      {},
      [
        'province',
        'indicator',
        'zoneCount',
        'valueCount',
        'missingCount',
        'unavailableCount',
        'mean',
        'median',
        'min',
        'max',
        'qualifier',
        'origin',
        'periods',
      ].map((column) => h('th', { scope: 'col' }, t(`aggregate.${column}`))),
    );
    const rows = answer.provinceAggregates.map((aggregate) => {
      const statistic = (value) => h('td', { class: 'num' }, value === null ? '—' : `${qualifierSign(aggregate.qualifier)}${formatNumber(value)}`);
      return h(
        'tr',
        { dataset: { province: aggregate.province.code, indicator: aggregate.indicator } },
        h('td', {}, localName(aggregate.province)),
        h('td', {}, indicatorName(session.catalogue, aggregate.indicator)),
        [aggregate.zoneCount, aggregate.valueCount, aggregate.missingCount, aggregate.unavailableCount].map((count) =>
          h('td', { class: 'num' }, String(count)),
        ),
        [aggregate.mean, aggregate.median, aggregate.min, aggregate.max].map(statistic),
        h('td', {}, aggregate.qualifier ? tag('qualifier', aggregate.qualifier) : h('span', { title: t('aggregate.noValues') }, '—')),
        h(
          'td',
          { class: 'origin' },
          t('aggregate.originCounts', {
            reported: aggregate.reportedCount,
            computed: aggregate.computedCount,
            derived: aggregate.derivedCount,
            namedOnly: aggregate.namedOnlyCount,
          }),
        ),
        h('td', {}, aggregate.periods.join(', ') || '—'),
      );
    });
    replaceChildren(aggregates, h('div', { class: 'table-scroll' }, h('table', { class: 'data-table compact' }, h('thead', {}, head), h('tbody', {}, rows))));
  }
}
