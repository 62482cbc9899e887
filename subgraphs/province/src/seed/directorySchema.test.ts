import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { citySchema, directorySeedSchema } from './directorySchema';

describe('the directory city convention (full official name with 市, 县 or 区)', () => {
  it.each(['永康市', '宁国市', '肥西县', '当涂县', '濉溪县', '长丰县', '滁州市', '鼓楼区'])('accepts %s', (city) => {
    expect(citySchema.safeParse(city).success).toBe(true);
  });

  it.each(['肥西', '宁国', '市', 'Yongkang', '永康 市', '长丰(双凤)县', ''])('refuses %j', (city) => {
    expect(citySchema.safeParse(city).success).toBe(false);
  });

  it('holds for every zone of the seeded directory', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, '../../seed/directory.json'), 'utf8')) as unknown;
    const parsed = directorySeedSchema.parse(raw);
    expect(parsed.zones.filter((z) => z.city !== undefined).map((z) => z.city)).toEqual([
      '永康市',
      '永康市',
      '晋江市',
      '滁州市',
      '肥西县',
      '宁国市',
      '长丰县',
      '当涂县',
      '濉溪县',
    ]);
  });

  it('names the zone whose city breaks it', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, '../../seed/directory.json'), 'utf8')) as { zones: { city?: string }[] };
    raw.zones[4].city = '肥西';
    const result = directorySeedSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['zones', 4, 'city']);
  });
});
