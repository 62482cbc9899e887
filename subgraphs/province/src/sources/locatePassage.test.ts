import { locatePassage, unwrapLines } from './locatePassage';

// Article 003 wraps its lines mid-sentence, as every seed article does.
const TEXT = '目前,园区已建立非公企业党组\n织115个,建立党组织的企业从业人员近3万人,党组织组建率达71%。\n据统计,今年前四个月';

describe('locatePassage', () => {
  it('finds a passage across a line break and gives the text around it, line wraps undone', () => {
    const found = locatePassage(TEXT, '园区已建立非公企业党组织115个', 5);
    expect(found).toEqual({ offset: 3, before: '目前,', passage: '园区已建立非公企业党组织115个', after: ',建立党组' });
  });

  it('ignores whitespace in the quoted passage too', () => {
    expect(locatePassage(TEXT, '党组织组建率 达71%', 0)?.passage).toBe('党组织组建率达71%');
  });

  it('is null for a passage that does not occur, and for an empty one', () => {
    expect(locatePassage(TEXT, '党组织组建率达72%', 10)).toBeNull();
    expect(locatePassage(TEXT, ' \n', 10)).toBeNull();
  });

  it('stops at the ends of the text', () => {
    const found = locatePassage(TEXT, '目前', 50);
    expect(found?.before).toBe('');
    expect(found?.after.startsWith(',园区已建立非公企业党组织115个')).toBe(true);
  });
});

describe('unwrapLines', () => {
  it('drops a line break between Chinese characters and keeps one space between words', () => {
    expect(unwrapLines('党组\n织 115个')).toBe('党组织 115个');
    expect(unwrapLines('Chengxi\n  New Area')).toBe('Chengxi New Area');
  });
});
