// Benchmark selection (selectBenchmarkSites): a stored preset or the analyst's own criteria, the
// ranking with each criterion's contribution as stacked bars, rank acceptability as a heat map
// (Monte Carlo robustness), the excluded zones with their reasons, and saving the run
// (saveSelectionRun) so it can be replayed later.
import { mountChart, SERIES_COLOURS } from '../charts.js';
import { h, replaceChildren, select } from '../dom.js';
import { escapeHtml, figureText, formatDateTime, formatNumber, localName, tag } from '../format.js';
import { t, tOr } from '../i18n.js';
import { indicatorName, sourceOfCell } from '../sourcePanel.js';
import { card, errorBox, failedZonesNotice, figureCellContent, partialErrors } from './common.js';

const METHODS = ['WEIGHTED_SUM', 'TOPSIS'];
const NORMALIZATIONS = ['MIN_MAX', 'VECTOR', 'Z_SCORE', 'EFFICACY'];
const WEIGHTINGS = ['GIVEN', 'ENTROPY', 'BLEND'];
const MISSING_POLICIES = ['EXCLUDE', 'IMPUTE'];
const IMPUTATION_RULES = ['WORST', 'MIN', 'MEAN', 'MEDIAN'];
const SOURCES = ['PREFER_REPORTED', 'REPORTED', 'COMPUTED'];
const DIRECTIONS = ['BENEFIT', 'COST'];

export function renderSelection(page, context) {
  const { session } = context;
  let presets = [];
  /** The analyst's own criteria, for the custom mode. */
  const customCriteria = [
    { indicator: 'party_org.count', weight: '0.4', direction: '', unacceptable: '', satisfactory: '' },
    { indicator: 'party_member.count', weight: '0.3', direction: '', unacceptable: '', satisfactory: '' },
    { indicator: 'pioneer_post.count', weight: '0.3', direction: '', unacceptable: '', satisfactory: '' },
  ].filter((criterion) => session.catalogue.has(criterion.indicator));
  let lastInput = null;

  const form = h('form', { id: 'selection-form', class: 'card controls', onsubmit: (event) => void run(event) });
  const presetDetails = h('div', { id: 'preset-details' });
  const runs = h('div', { id: 'saved-runs' });
  const results = h('div', { id: 'selection-results' });
  replaceChildren(
    page,
    h('h2', { class: 'page-title' }, t('selection.title')),
    h('p', { class: 'page-intro' }, t('selection.intro')),
    form,
    presetDetails,
    results,
    card(t('selection.savedRuns'), runs),
  );
  replaceChildren(form, h('p', { class: 'loading' }, t('common.loading')));
  context.client.run('presets').then(
    ({ data }) => {
      if (!context.isCurrent()) return;
      presets = data.benchmarkPresets;
      drawForm();
    },
    (error) => context.isCurrent() && context.fail(form, error),
  );
  void loadRuns();

  function field(name) {
    return form.elements.namedItem(name);
  }

  function option(values, family) {
    return [['', t('selection.presetDefault')], ...values.map((value) => [value, tOr(`${family}.${value}`, value)])];
  }

  function drawForm() {
    const mode = field('mode')?.value ?? 'preset';
    const presetCode = field('preset')?.value ?? presets[0]?.code ?? '';
    replaceChildren(
      form,
      h(
        'fieldset',
        { class: 'control-group' },
        h('legend', {}, t('selection.criteria')),
        h(
          'label',
          { class: 'check' },
          h('input', { type: 'radio', name: 'mode', value: 'preset', checked: mode === 'preset', onchange: drawForm }),
          t('selection.modePreset'),
        ),
        h(
          'label',
          { class: 'check' },
          h('input', { type: 'radio', name: 'mode', value: 'custom', checked: mode === 'custom', onchange: drawForm }),
          t('selection.modeCustom'),
        ),
        mode === 'preset'
          ? h(
              'label',
              {},
              `${t('selection.preset')} `,
              select(
                { name: 'preset', id: 'preset-select', onchange: drawPresetDetails },
                presets.map((preset) => [preset.code, `${localName(preset)} (${preset.code})`]),
                presetCode,
              ),
            )
          : customCriteriaEditor(),
      ),
      h(
        'fieldset',
        { class: 'control-group' },
        h('legend', {}, t('selection.candidates')),
        session.provinces.map((province) =>
          h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'province', value: province.code, checked: true }), localName(province)),
        ),
        h(
          'label',
          {},
          `${t('selection.asOfYear')} `,
          h('input', { name: 'asOfYear', id: 'as-of-year', type: 'number', min: 1990, max: 2100, placeholder: t('selection.currentYear') }),
        ),
        h(
          'label',
          {},
          `${t('selection.excludeHosted')} `,
          h('input', { name: 'excludeHostedWithinYears', type: 'number', min: 0, max: 50, placeholder: t('selection.presetDefault') }),
        ),
      ),
      h(
        'fieldset',
        { class: 'control-group' },
        h('legend', {}, t('selection.method')),
        h('label', {}, `${t('selection.methodLabel')} `, select({ name: 'method' }, option(METHODS, 'method'), '')),
        h('label', {}, `${t('selection.normalization')} `, select({ name: 'normalization' }, option(NORMALIZATIONS, 'normalization'), '')),
        h('label', {}, `${t('selection.weighting')} `, select({ name: 'weighting' }, option(WEIGHTINGS, 'weighting'), '')),
        h('label', {}, `${t('selection.missing')} `, select({ name: 'missing' }, option(MISSING_POLICIES, 'missingPolicy'), '')),
        h('label', {}, `${t('selection.imputation')} `, select({ name: 'imputationRule' }, option(IMPUTATION_RULES, 'imputation'), '')),
        h('label', {}, `${t('selection.source')} `, select({ name: 'source' }, option(SOURCES, 'valueSource'), '')),
        h('label', {}, `${t('selection.top')} `, h('input', { name: 'top', type: 'number', min: 1, max: 100, placeholder: t('selection.presetDefault') })),
        h('label', {}, `${t('selection.seed')} `, h('input', { name: 'seed', type: 'number', min: 0, placeholder: '1' })),
        h(
          'label',
          { class: 'check', title: t('compare.namedOnlyHelp') },
          h('input', { type: 'checkbox', name: 'computedOverNamedOnly' }),
          t('compare.namedOnly'),
        ),
      ),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', id: 'run-selection', class: 'primary' }, t('selection.run'))),
    );
    drawPresetDetails();
  }

  function customCriteriaEditor() {
    const indicatorOptions = session.catalogueList.map((definition) => [definition.code, `${localName(definition)} (${definition.code})`]);
    const rows = customCriteria.map((criterion, index) => {
      const bind = (key) => (event) => {
        criterion[key] = event.target.value;
      };
      return h(
        'tr',
        { class: 'criterion-row' },
        h(
          'td',
          {},
          select({ class: 'criterion-indicator', 'aria-label': t('selection.indicator'), onchange: bind('indicator') }, indicatorOptions, criterion.indicator),
        ),
        h(
          'td',
          {},
          h('input', {
            class: 'criterion-weight',
            type: 'number',
            step: 'any',
            min: 0,
            value: criterion.weight,
            'aria-label': t('selection.weight'),
            oninput: bind('weight'),
          }),
        ),
        h(
          'td',
          {},
          select(
            { class: 'criterion-direction', 'aria-label': t('selection.direction'), onchange: bind('direction') },
            [['', t('selection.catalogueDirection')], ...DIRECTIONS.map((direction) => [direction, t(`direction.${direction}`)])],
            criterion.direction,
          ),
        ),
        h(
          'td',
          {},
          h('input', { type: 'number', step: 'any', value: criterion.unacceptable, 'aria-label': t('selection.unacceptable'), oninput: bind('unacceptable') }),
        ),
        h(
          'td',
          {},
          h('input', { type: 'number', step: 'any', value: criterion.satisfactory, 'aria-label': t('selection.satisfactory'), oninput: bind('satisfactory') }),
        ),
        h(
          'td',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'chip-remove',
              'aria-label': t('selection.removeCriterion'),
              disabled: customCriteria.length === 1,
              onclick: () => {
                customCriteria.splice(index, 1);
                drawForm();
              },
            },
            '×',
          ),
        ),
      );
    });
    return h(
      'div',
      { class: 'custom-criteria' },
      h(
        'table',
        { class: 'data-table compact', id: 'custom-criteria' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['indicator', 'weight', 'direction', 'unacceptable', 'satisfactory'].map((column) => h('th', { scope: 'col' }, t(`selection.${column}`))),
            h('th', {}),
          ),
        ),
        h('tbody', {}, rows),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          id: 'add-criterion',
          onclick: () => {
            customCriteria.push({ indicator: session.catalogueList[0].code, weight: '1', direction: '', unacceptable: '', satisfactory: '' });
            drawForm();
          },
        },
        `+ ${t('selection.addCriterion')}`,
      ),
    );
  }

  function drawPresetDetails() {
    const preset = field('mode')?.value === 'preset' ? presets.find((candidate) => candidate.code === field('preset')?.value) : null;
    if (!preset) {
      replaceChildren(presetDetails);
      return;
    }
    replaceChildren(
      presetDetails,
      card(
        `${t('selection.presetDetails')}: ${localName(preset)}`,
        h('p', { class: 'secondary' }, preset.purpose),
        h(
          'p',
          { class: 'preset-settings' },
          [
            `${t('selection.methodLabel')}: ${tOr(`method.${preset.method}`, preset.method)}`,
            `${t('selection.normalization')}: ${tOr(`normalization.${preset.normalization}`, preset.normalization)}`,
            `${t('selection.missing')}: ${tOr(`missingPolicy.${preset.missing}`, preset.missing)}${preset.imputationRule ? ` (${tOr(`imputation.${preset.imputationRule}`, preset.imputationRule)})` : ''}`,
            `${t('selection.top')}: ${preset.top}`,
            preset.excludeHostedWithinYears ? `${t('selection.excludeHosted')}: ${preset.excludeHostedWithinYears}` : null,
          ]
            .filter(Boolean)
            .join(' · '),
        ),
        h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'data-table compact' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['dimension', 'indicator', 'weight', 'unacceptable', 'satisfactory', 'justification'].map((column) =>
                  h('th', { scope: 'col' }, t(`selection.${column}`)),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              preset.criteria.map((criterion) =>
                h(
                  'tr',
                  {},
                  h('td', {}, criterion.dimension),
                  h('td', {}, indicatorName(session.catalogue, criterion.indicator)),
                  h('td', { class: 'num' }, formatNumber(criterion.weight, 3)),
                  h('td', { class: 'num' }, criterion.unacceptable === null ? '—' : formatNumber(criterion.unacceptable)),
                  h('td', { class: 'num' }, criterion.satisfactory === null ? '—' : formatNumber(criterion.satisfactory)),
                  h('td', { class: 'secondary' }, criterion.justification),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }

  /** The selection input from the form: only what the analyst set, so the preset supplies the rest. */
  function readInput() {
    const input = {};
    const number = (name) => {
      const raw = field(name)?.value?.trim();
      if (!raw) return null;
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new Error(t('selection.badNumber', { field: name }));
      return value;
    };
    const choice = (name) => field(name)?.value || null;
    if (field('mode').value === 'preset') input.preset = field('preset').value;
    else {
      input.criteria = customCriteria.map((criterion, index) => {
        const weight = criterion.weight === '' ? 1 : Number(criterion.weight);
        if (!Number.isFinite(weight) || weight < 0) throw new Error(t('selection.badWeight', { row: index + 1 }));
        const optional = (raw) => (raw === '' ? undefined : Number(raw));
        return JSON.parse(
          JSON.stringify({
            indicator: criterion.indicator,
            weight,
            direction: criterion.direction || undefined,
            unacceptable: optional(criterion.unacceptable),
            satisfactory: optional(criterion.satisfactory),
          }),
        );
      });
    }
    const provinces = [...form.querySelectorAll('input[name=province]:checked')].map((box) => box.value);
    if (provinces.length === 0) throw new Error(t('selection.noProvince'));
    if (provinces.length < session.provinces.length) input.provinces = provinces;
    const constraints = {};
    if (number('asOfYear') !== null) constraints.asOfYear = number('asOfYear');
    if (number('excludeHostedWithinYears') !== null) constraints.excludeHostedWithinYears = number('excludeHostedWithinYears');
    if (Object.keys(constraints).length) input.constraints = constraints;
    if (choice('method')) input.method = choice('method');
    if (choice('normalization')) input.normalization = choice('normalization');
    if (choice('weighting')) input.weighting = { kind: choice('weighting') };
    if (choice('missing') || choice('imputationRule')) {
      input.missing = {
        policy: choice('missing') ?? (choice('imputationRule') ? 'IMPUTE' : 'EXCLUDE'),
        ...(choice('imputationRule') ? { rule: choice('imputationRule') } : {}),
      };
    }
    if (choice('source')) input.source = choice('source');
    if (number('top') !== null) input.top = number('top');
    if (number('seed') !== null) input.robustness = { seed: number('seed') };
    if (field('computedOverNamedOnly').checked) input.computedOverNamedOnly = true;
    return input;
  }

  async function run(event) {
    event.preventDefault();
    let input;
    try {
      input = readInput();
    } catch (error) {
      replaceChildren(results, errorBox({ kind: 'input', message: error.message }));
      return;
    }
    replaceChildren(results, h('p', { class: 'loading', id: 'selection-loading' }, t('common.loading')));
    try {
      const { data, errors } = await context.client.run('selectBenchmarkSites', { input });
      if (!context.isCurrent()) return;
      lastInput = input;
      drawResult(data.selectBenchmarkSites, errors, { saveable: true });
    } catch (error) {
      if (context.isCurrent()) context.fail(results, error);
    }
  }

  async function loadRuns() {
    try {
      const { data } = await context.client.run('selectionRuns');
      if (!context.isCurrent()) return;
      if (data.selectionRuns.length === 0) {
        replaceChildren(runs, h('p', { class: 'empty' }, t('selection.noSavedRuns')));
        return;
      }
      replaceChildren(
        runs,
        h(
          'ul',
          { class: 'saved-runs' },
          data.selectionRuns.map((saved) =>
            h(
              'li',
              { dataset: { runId: saved.id } },
              h('button', { type: 'button', class: 'link-button', onclick: () => void openRun(saved.id) }, saved.title),
              h('span', { class: 'secondary' }, ` · ${formatDateTime(saved.createdAt)} · ${saved.createdBy} · ${saved.id}`),
            ),
          ),
        ),
      );
    } catch (error) {
      if (context.isCurrent()) context.fail(runs, error);
    }
  }

  async function openRun(id) {
    replaceChildren(results, h('p', { class: 'loading' }, t('common.loading')));
    try {
      const { data, errors } = await context.client.run('selectionRun', { id });
      if (!context.isCurrent()) return;
      const saved = data.selectionRun;
      drawResult(saved.result, errors, {
        saveable: false,
        heading: h(
          'div',
          { class: 'notice', id: 'opened-run' },
          h('strong', {}, `${t('selection.openedRun')}: ${saved.title}`),
          ` · ${formatDateTime(saved.createdAt)} · ${saved.id} · `,
          saved.replayMatchesSaved ? t('selection.replayMatches') : h('span', { class: 'warning' }, t('selection.replayDiffers')),
        ),
      });
    } catch (error) {
      if (context.isCurrent()) context.fail(results, error);
    }
  }

  function zoneLink(zone) {
    return context.link(`/zones/${encodeURIComponent(zone.id)}`, localName(zone), { class: 'zone-link' });
  }

  function drawResult(selection, errors, { saveable, heading = null }) {
    const stacked = h('div', { id: 'selection-stacked', class: 'chart tall' });
    const heatmap = h('div', { id: 'selection-heatmap', class: 'chart' });
    replaceChildren(
      results,
      heading,
      partialErrors(errors),
      failedZonesNotice(selection.failedZones),
      card(t('selection.result'), summary(selection), selectedZones(selection), rankingTable(selection)),
      saveable && saveBlock(),
      card(t('selection.contributions'), selection.ranked.length ? stacked : h('p', { class: 'empty' }, t('selection.nothingRanked'))),
      card(
        t('selection.acceptability'),
        selection.ranked.some((site) => site.rankAcceptability) ? heatmap : h('p', { class: 'empty' }, t('selection.noMonteCarlo')),
        robustness(selection),
      ),
      card(t('selection.excluded', { count: selection.excluded.length }), excludedTable(selection)),
      selection.unassessableCriteria.length > 0 &&
        card(
          t('selection.unassessable'),
          h(
            'ul',
            { id: 'unassessable-criteria' },
            selection.unassessableCriteria.map((criterion) =>
              h('li', {}, h('strong', {}, indicatorName(session.catalogue, criterion.indicator)), `: ${criterion.reason}`),
            ),
          ),
        ),
      card(t('selection.weights'), weightsTable(selection)),
      card(t('selection.breakdown'), breakdownTable(selection)),
    );
    if (selection.ranked.length) drawStacked(stacked, selection);
    if (selection.ranked.some((site) => site.rankAcceptability)) drawHeatmap(heatmap, selection);
  }

  function summary(selection) {
    const settings = selection.settings;
    return h(
      'p',
      { class: 'preset-settings', id: 'selection-settings' },
      [
        settings.preset && `${t('selection.preset')}: ${settings.preset}`,
        `${t('selection.methodLabel')}: ${tOr(`method.${settings.method}`, settings.method)}`,
        `${t('selection.normalization')}: ${tOr(`normalization.${settings.normalization}`, settings.normalization)}`,
        `${t('selection.weighting')}: ${tOr(`weighting.${settings.weighting}`, settings.weighting)}`,
        `${t('selection.missing')}: ${tOr(`missingPolicy.${settings.missing}`, settings.missing)}${settings.imputationRule ? ` (${tOr(`imputation.${settings.imputationRule}`, settings.imputationRule)})` : ''}`,
        `${t('selection.source')}: ${tOr(`valueSource.${settings.source}`, settings.source)}`,
        `${t('selection.asOfYear')}: ${settings.asOfYear}`,
        `${t('selection.top')}: ${settings.top}`,
        `${t('selection.dataTakenAt')}: ${formatDateTime(selection.dataTakenAt)}`,
        `${t('selection.engine')}: ${selection.engineVersion}`,
      ]
        .filter(Boolean)
        .join(' · '),
    );
  }

  function selectedZones(selection) {
    if (selection.ranked.every((site) => !site.selected)) return h('p', { class: 'empty' }, t('selection.noneSelected'));
    return h(
      'div',
      { class: 'selected-sites', id: 'selected-sites' },
      h('span', {}, `${t('selection.selected')}: `),
      selection.ranked
        .filter((site) => site.selected)
        .map((site) => h('span', { class: 'selected-site', dataset: { zoneId: site.zone.id } }, '★ ', zoneLink(site.zone), ` ${formatNumber(site.score, 3)}`)),
    );
  }

  function rankingTable(selection) {
    return h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data-table', id: 'selection-ranking' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['rank', 'zone', 'score', 'probabilityFirst', 'meanRank', 'imputed', 'selectedColumn'].map((column) =>
              h('th', { scope: 'col' }, t(`selection.${column}`)),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          selection.ranked.map((site) =>
            h(
              'tr',
              { dataset: { zoneId: site.zone.id, rank: site.rank }, class: site.selected ? 'selected-row' : '' },
              h('td', { class: 'num' }, String(site.rank)),
              h('th', { scope: 'row' }, zoneLink(site.zone)),
              h('td', { class: 'num' }, formatNumber(site.score, 3)),
              h('td', { class: 'num' }, site.probabilityFirst === null ? '—' : `${formatNumber(site.probabilityFirst * 100, 1)}%`),
              h('td', { class: 'num' }, site.meanRank === null ? '—' : formatNumber(site.meanRank, 2)),
              h('td', {}, site.imputedIndicators.map((code) => indicatorName(session.catalogue, code)).join('、') || '—'),
              h('td', {}, site.selected ? `★ ${t('selection.selectedMark')}` : ''),
            ),
          ),
        ),
      ),
    );
  }

  function saveBlock() {
    const defaultTitle = `${lastInput.preset ?? t('selection.modeCustom')} · ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
    const title = h('input', { id: 'run-title', type: 'text', maxlength: 200, value: defaultTitle, 'aria-label': t('selection.runTitle') });
    const status = h('p', { id: 'save-status', role: 'status' });
    const button = h(
      'button',
      {
        type: 'button',
        id: 'save-run',
        class: 'primary',
        onclick: async () => {
          button.disabled = true;
          replaceChildren(status, t('selection.saving'));
          try {
            const { data } = await context.client.run('saveSelectionRun', { title: title.value, input: lastInput });
            const saved = data.saveSelectionRun;
            replaceChildren(
              status,
              h('span', { class: 'saved', dataset: { runId: saved.id } }, t('selection.savedAs', { id: saved.id, createdAt: formatDateTime(saved.createdAt) })),
              ' ',
              saved.replayMatchesSaved ? t('selection.replayMatches') : h('span', { class: 'warning' }, t('selection.replayDiffers')),
            );
            void loadRuns();
          } catch (error) {
            if (error.kind === 'unauthenticated') context.fail(status, error);
            else replaceChildren(status, errorBox(error));
          } finally {
            button.disabled = false;
          }
        },
      },
      t('selection.save'),
    );
    return card(
      t('selection.saveTitle'),
      h('div', { class: 'save-run' }, h('label', { for: 'run-title' }, `${t('selection.runTitle')} `), title, button),
      status,
    );
  }

  function drawStacked(element, selection) {
    const criteria = selection.weights.map((weight) => weight.indicator);
    const zones = selection.ranked.map((site) => localName(site.zone));
    mountChart(element, {
      title: { text: t('selection.stackedTitle'), left: 'center', textStyle: { fontSize: 15 } },
      legend: { bottom: 0, type: 'scroll', data: criteria.map((code) => indicatorName(session.catalogue, code)) },
      tooltip: {
        trigger: 'item',
        formatter: (point) => {
          const part = selection.ranked[point.dataIndex].breakdown.find((item) => item.indicator === criteria[point.seriesIndex]);
          if (!part) return '';
          const figure = part.imputed
            ? t('selection.imputedValue', { value: formatNumber(part.raw) })
            : figureText(part.figure.value, part.figure.unitLabel, part.figure.qualifier);
          return [
            `${point.name} · ${point.seriesName}`,
            `${t('selection.raw')}: ${figure}`,
            `${t('selection.normalized')}: ${formatNumber(part.normalized, 3)}`,
            `${t('selection.weight')}: ${formatNumber(part.weight, 3)}`,
            `${t('selection.contribution')}: ${formatNumber(part.contribution, 3)}`,
          ]
            .map(escapeHtml)
            .join('<br/>');
        },
      },
      grid: { left: 64, right: 24, top: 48, bottom: 64 },
      xAxis: { type: 'category', data: zones },
      yAxis: { type: 'value', name: t('selection.score') },
      series: criteria.map((code, index) => ({
        id: `criterion:${code}`,
        name: indicatorName(session.catalogue, code),
        type: 'bar',
        stack: 'score',
        barMaxWidth: 64,
        itemStyle: { color: SERIES_COLOURS[index % SERIES_COLOURS.length] },
        data: selection.ranked.map((site) => {
          const part = site.breakdown.find((item) => item.indicator === code);
          return part ? { value: part.contribution, itemStyle: part.imputed ? { opacity: 0.45 } : undefined } : { value: 0 };
        }),
      })),
    }).on('click', (point) => {
      const site = selection.ranked[point.dataIndex];
      const part = site?.breakdown.find((item) => item.indicator === criteria[point.seriesIndex]);
      if (part)
        context.openSource(
          sourceOfCell(part.figure, { title: `${localName(site.zone)} · ${indicatorName(session.catalogue, part.indicator)}`, catalogue: session.catalogue }),
        );
    });
  }

  function drawHeatmap(element, selection) {
    const sites = selection.ranked.filter((site) => site.rankAcceptability);
    const ranks = Math.max(...sites.map((site) => site.rankAcceptability.length));
    const data = sites.flatMap((site, row) => site.rankAcceptability.map((share, column) => [column, row, share]));
    mountChart(element, {
      title: { text: t('selection.heatmapTitle', { draws: selection.robustness.monteCarloDraws ?? 0 }), left: 'center', textStyle: { fontSize: 15 } },
      tooltip: {
        formatter: (point) =>
          escapeHtml(
            `${localName(sites[point.data[1]].zone)} · ${t('selection.rankN', { rank: point.data[0] + 1 })}: ${formatNumber(point.data[2] * 100, 1)}%`,
          ),
      },
      grid: { left: 140, right: 24, top: 48, bottom: 72 },
      xAxis: {
        type: 'category',
        name: t('selection.rank'),
        data: Array.from({ length: ranks }, (_, index) => t('selection.rankN', { rank: index + 1 })),
        splitArea: { show: true },
      },
      yAxis: { type: 'category', data: sites.map((site) => localName(site.zone)), inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max: 1,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 8,
        inRange: { color: ['#fff7f0', '#f4a582', '#c8161d'] },
        text: ['100%', '0%'],
      },
      series: [
        {
          id: 'acceptability',
          name: t('selection.acceptability'),
          type: 'heatmap',
          data,
          label: { show: true, formatter: (point) => `${formatNumber(point.data[2] * 100, 0)}%` },
        },
      ],
    });
  }

  function robustness(selection) {
    const result = selection.robustness;
    return h(
      'div',
      { class: 'robustness', id: 'selection-robustness' },
      h(
        'p',
        {},
        result.stable === null
          ? t('selection.perturbationOff')
          : result.stable
            ? t('selection.stable', { delta: result.perturbationDelta })
            : t('selection.unstable', { delta: result.perturbationDelta }),
      ),
      result.perturbations.some((perturbation) => perturbation.rankChanges.length > 0) &&
        h(
          'ul',
          { class: 'perturbations' },
          result.perturbations
            .filter((perturbation) => perturbation.rankChanges.length > 0)
            .map((perturbation) =>
              h(
                'li',
                {},
                `${indicatorName(session.catalogue, perturbation.indicator)} ${tOr(`perturbation.${perturbation.direction}`, perturbation.direction)} ${formatNumber(perturbation.originalWeight, 3)} → ${formatNumber(perturbation.newWeight, 3)}: `,
                perturbation.rankChanges.map((change) => `${localName(change.zone)} ${change.baseRank}→${change.newRank}`).join('、'),
              ),
            ),
        ),
      result.dethrone &&
        h(
          'p',
          {},
          t('selection.dethrone', {
            indicator: indicatorName(session.catalogue, result.dethrone.indicator),
            from: formatNumber(result.dethrone.originalWeight, 3),
            to: formatNumber(result.dethrone.newWeight, 3),
            winner: localName(result.dethrone.winner),
            leader: localName(result.dethrone.newLeader),
          }),
        ),
      result.notes.length > 0 &&
        h(
          'ul',
          { class: 'notes' },
          result.notes.map((note) => h('li', {}, note)),
        ),
    );
  }

  function excludedTable(selection) {
    if (selection.excluded.length === 0) return h('p', { class: 'empty' }, t('selection.noneExcluded'));
    return h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data-table', id: 'selection-excluded' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['zone', 'reason', 'message'].map((column) => h('th', { scope: 'col' }, t(`selection.excluded.${column}`))),
          ),
        ),
        h(
          'tbody',
          {},
          selection.excluded.map((exclusion) =>
            h(
              'tr',
              { dataset: { zoneId: exclusion.zone.id, reason: exclusion.reason } },
              h('th', { scope: 'row' }, zoneLink(exclusion.zone)),
              h('td', {}, h('span', { class: 'tag tag-reason', title: exclusion.reason }, tOr(`exclusion.${exclusion.reason}`, exclusion.reason))),
              h('td', { class: 'secondary' }, exclusion.message),
            ),
          ),
        ),
      ),
    );
  }

  function weightsTable(selection) {
    return h(
      'table',
      { class: 'data-table compact', id: 'selection-weights' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['indicator', 'weight', 'subjectiveWeight', 'entropyWeight'].map((column) => h('th', { scope: 'col' }, t(`selection.${column}`))),
        ),
      ),
      h(
        'tbody',
        {},
        selection.weights.map((weight) =>
          h(
            'tr',
            {},
            h('td', {}, indicatorName(session.catalogue, weight.indicator)),
            [weight.weight, weight.subjectiveWeight, weight.entropyWeight].map((value) =>
              h('td', { class: 'num' }, value === null ? '—' : formatNumber(value, 3)),
            ),
          ),
        ),
      ),
    );
  }

  function breakdownTable(selection) {
    return h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data-table compact', id: 'selection-breakdown' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['zone', 'indicator', 'figure', 'raw', 'normalized', 'weight', 'contribution'].map((column) => h('th', { scope: 'col' }, t(`selection.${column}`))),
          ),
        ),
        h(
          'tbody',
          {},
          selection.ranked.flatMap((site) =>
            site.breakdown.map((part) =>
              h(
                'tr',
                { dataset: { zoneId: site.zone.id, code: part.indicator } },
                h('td', {}, localName(site.zone)),
                h('td', {}, indicatorName(session.catalogue, part.indicator)),
                h(
                  'td',
                  { class: 'figure-cell' },
                  figureCellContent(part.figure, () =>
                    context.openSource(
                      sourceOfCell(part.figure, {
                        title: `${localName(site.zone)} · ${indicatorName(session.catalogue, part.indicator)}`,
                        catalogue: session.catalogue,
                      }),
                    ),
                  ),
                  part.imputed && tag('imputed', 'IMPUTED'),
                ),
                h('td', { class: 'num' }, formatNumber(part.raw)),
                h('td', { class: 'num' }, formatNumber(part.normalized, 3)),
                h('td', { class: 'num' }, formatNumber(part.weight, 3)),
                h('td', { class: 'num' }, formatNumber(part.contribution, 3)),
              ),
            ),
          ),
        ),
      ),
    );
  }
}
