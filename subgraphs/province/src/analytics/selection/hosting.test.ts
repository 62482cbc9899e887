import { resolve } from 'node:path';
import { loadDirectoryFile } from '../../seed/loadDirectory';
import { screenCandidates } from './eligibility';
import { recentHosting } from './hosting';
import type { SelectionSettings } from './settings';
import type { HostingRecord, SelectionSnapshot } from './snapshot';
import { selectionSettings } from './__tests__/selectionSettings.fixture';

/** The real Anhui history, one record per meeting × host, as takeSnapshot builds it from the database. */
const directory = loadDirectoryFile(resolve(__dirname, '../../../seed/directory.json'));
const HOSTING: HostingRecord[] = directory.onsiteMeetings.flatMap((m) =>
  m.hostZoneIds.map((zoneId) => ({ zoneId, meetingId: m.id, title: m.title, period: m.period, precision: m.precision, document: m.source.document })),
);

const EXACT_2018 = HOSTING.find((h) => h.meetingId === 'anhui-2018-dangtu')!;
const SERIES_2018_2019 = HOSTING.find((h) => h.meetingId === 'anhui-2018-2019-series' && h.zoneId === 'dangtu')!;
const FEIXI_2020 = HOSTING.find((h) => h.meetingId === 'anhui-2020-feixi')!;
const SOURCE_DOCUMENT = '003_037c2896ec0aa84d.txt';
const ANHUI_ZONES = directory.zones.filter((z) => z.provinceCode === 'anhui').map((z) => z.id);

const settings = (overrides: Partial<SelectionSettings> = {}): SelectionSettings =>
  selectionSettings({ excludeHostedWithinYears: 3, asOfYear: 2020, ...overrides });

/** Zones of `zoneIds` that count as recent hosts under `s`. */
const recentHosts = (s: SelectionSettings, hosting: readonly HostingRecord[] = HOSTING, zoneIds: readonly string[] = ANHUI_ZONES) =>
  zoneIds.filter((id) => recentHosting(id, hosting, s) !== null).sort();

describe('the Anhui on-site meeting history in seed/directory.json', () => {
  it('holds the records these tests rely on', () => {
    expect(EXACT_2018).toMatchObject({ zoneId: 'dangtu', period: '2018', precision: 'exact_year', document: SOURCE_DOCUMENT });
    expect(
      HOSTING.filter((h) => h.meetingId === 'anhui-2018-2019-series')
        .map((h) => h.zoneId)
        .sort(),
    ).toEqual(['changfeng', 'dangtu', 'suixi']);
    expect(SERIES_2018_2019).toMatchObject({ period: '2018/2019', precision: 'within_period', document: SOURCE_DOCUMENT });
    expect(FEIXI_2020).toMatchObject({ zoneId: 'feixi', period: '2020', precision: 'announced', document: SOURCE_DOCUMENT });
    expect(ANHUI_ZONES).toEqual(expect.arrayContaining(['chuzhou', 'ningguo', 'feixi', 'changfeng', 'dangtu', 'suixi']));
  });
});

describe('recentHosting: a meeting counts when its latest possible year > asOfYear − N', () => {
  it('as of 2020 with N = 1, only feixi (announced for 2020) is a recent host', () => {
    expect(recentHosts(settings({ asOfYear: 2020, excludeHostedWithinYears: 1 }))).toEqual(['feixi']);
  });

  it('as of 2020 with N = 2, the 2018/2019 span counts (taken at 2019): dangtu, changfeng and suixi are recent hosts too', () => {
    expect(recentHosts(settings({ asOfYear: 2020, excludeHostedWithinYears: 2 }))).toEqual(['changfeng', 'dangtu', 'feixi', 'suixi']);
  });

  it("dangtu's exact 2018 meeting alone would not count with N = 2 (2018 ≤ 2020 − 2), but does with N = 3", () => {
    const onlyExact = [EXACT_2018];
    expect(recentHosting('dangtu', onlyExact, settings({ asOfYear: 2020, excludeHostedWithinYears: 2 }))).toBeNull();
    expect(recentHosting('dangtu', onlyExact, settings({ asOfYear: 2020, excludeHostedWithinYears: 3 }))).not.toBeNull();
  });

  it('with N = 2 the message for dangtu names only the 2018/2019 series, not the exact 2018 meeting', () => {
    const message = recentHosting('dangtu', HOSTING, settings({ asOfYear: 2020, excludeHostedWithinYears: 2 }))!;
    expect(message).toContain(SERIES_2018_2019.title);
    expect(message).not.toContain(EXACT_2018.title);
  });

  it('the span counts at its end year only: as of 2021 it needs N = 3 (2019 > 2018), N = 2 is not enough', () => {
    expect(recentHosts(settings({ asOfYear: 2021, excludeHostedWithinYears: 2 }))).toEqual(['feixi']);
    expect(recentHosts(settings({ asOfYear: 2021, excludeHostedWithinYears: 3 }))).toEqual(['changfeng', 'dangtu', 'feixi', 'suixi']);
  });

  it('with countAnnouncedMeetings = false the announced feixi meeting is not counted, the held ones still are', () => {
    expect(recentHosts(settings({ asOfYear: 2020, excludeHostedWithinYears: 1, countAnnouncedMeetings: false }))).toEqual([]);
    expect(recentHosts(settings({ asOfYear: 2020, excludeHostedWithinYears: 2, countAnnouncedMeetings: false }))).toEqual(['changfeng', 'dangtu', 'suixi']);
  });

  it('with N = null (no hosting rule) nothing counts, however recent', () => {
    for (const asOfYear of [2018, 2019, 2020, 2030]) {
      expect(recentHosts(settings({ asOfYear, excludeHostedWithinYears: null }))).toEqual([]);
    }
  });

  it('zones that never hosted are never recent hosts', () => {
    const s = settings({ asOfYear: 2020, excludeHostedWithinYears: 50 });
    expect(recentHosting('chuzhou', HOSTING, s)).toBeNull();
    expect(recentHosting('ningguo', HOSTING, s)).toBeNull();
    expect(recentHosts(s)).toEqual(['changfeng', 'dangtu', 'feixi', 'suixi']);
  });

  it('an announced meeting after asOfYear still counts (the rule has no upper bound)', () => {
    expect(recentHosting('feixi', HOSTING, settings({ asOfYear: 2019, excludeHostedWithinYears: 1 }))).not.toBeNull();
  });

  describe('the message', () => {
    it('names the announced meeting, says it is announced and not confirmed, and cites the source document', () => {
      const message = recentHosting('feixi', HOSTING, settings({ asOfYear: 2020, excludeHostedWithinYears: 1 }))!;
      expect(message).toContain('"2020年全省开发园区非公党建现场会"');
      expect(message).toContain('announced for 2020, not confirmed as held');
      expect(message).toContain(SOURCE_DOCUMENT);
      expect(message).toContain('2020–2020');
    });

    it('says a within_period meeting is only known within its span, taken at the latest year', () => {
      const message = recentHosting('suixi', HOSTING, settings({ asOfYear: 2020, excludeHostedWithinYears: 2 }))!;
      expect(message).toContain(SERIES_2018_2019.title);
      expect(message).toContain('within 2018/2019; the source gives only the span, taken at its latest year');
      expect(message).toContain(SOURCE_DOCUMENT);
      expect(message).toContain('2019–2020');
    });

    it('lists every meeting that counts, the exact 2018 one first, with its plain year', () => {
      const message = recentHosting('dangtu', HOSTING, settings({ asOfYear: 2020, excludeHostedWithinYears: 3 }))!;
      const exactAt = message.indexOf(`"${EXACT_2018.title}" (2018; ${SOURCE_DOCUMENT})`);
      const seriesAt = message.indexOf(`"${SERIES_2018_2019.title}" (within 2018/2019`);
      expect(exactAt).toBeGreaterThan(-1);
      expect(seriesAt).toBeGreaterThan(exactAt);
      expect(message).not.toContain('announced');
    });
  });
});

describe('screenCandidates with the hosting rule on the Anhui zones', () => {
  const snapshot: SelectionSnapshot = {
    takenAt: '2021-06-01T00:00:00.000Z',
    zones: ANHUI_ZONES.map((id) => ({ id, provinceCode: 'anhui' })),
    cells: {},
    failures: [],
    hosting: HOSTING,
  };

  it('as of 2021 with the preset rule (N = 3) leaves chuzhou and ningguo as the only candidates', () => {
    const { candidates, excluded } = screenCandidates(settings({ asOfYear: 2021, excludeHostedWithinYears: 3 }), snapshot);
    expect([...candidates].sort()).toEqual(['chuzhou', 'ningguo']);
    expect(excluded.map((e) => e.zoneId).sort()).toEqual(['changfeng', 'dangtu', 'feixi', 'suixi']);
    for (const e of excluded) {
      expect(e.reason).toBe('HOSTED_RECENTLY');
      expect(e.indicators).toEqual([]);
      expect(e.message).toContain(SOURCE_DOCUMENT);
    }
  });

  it('as of 2024 with N = 3 nobody is excluded (the latest meeting, 2020, is ≤ 2024 − 3)', () => {
    const { candidates, excluded } = screenCandidates(settings({ asOfYear: 2024, excludeHostedWithinYears: 3 }), snapshot);
    expect(excluded).toEqual([]);
    expect(candidates).toEqual(ANHUI_ZONES);
  });
});
