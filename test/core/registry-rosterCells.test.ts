import {
  areaTextOf,
  normalizePhone,
  skippedRowText,
  splitOwners,
  splitPhones,
} from '../../core/registry/rosterCells';

/** The roster's cells as offices type them: co-owners, phones, areas, and rows that are not units. */

describe('co-owners', () => {
  it.each([
    ['王伟、李敏', ['王伟', '李敏']],
    ['王伟，李敏', ['王伟', '李敏']],
    ['王伟,李敏', ['王伟', '李敏']],
    ['王伟/李敏', ['王伟', '李敏']],
    ['王伟和李敏', ['王伟', '李敏']],
    ['刘洋和陈静和刘小洋', ['刘洋', '陈静', '刘小洋']],
    ['王和平', ['王和平']],
    ['李和平和王伟', ['李和平', '王伟']],
    ['王\u3000伟', ['王伟']],
    ['王 小明', ['王小明']],
    ['John Smith', ['John Smith']],
  ])('%s → %j', (text, names) => {
    expect(splitOwners(text)).toEqual({ names, unclear: null });
  });

  it('asks about two full names with only a space between them', () => {
    expect(splitOwners('王伟 李敏').unclear).toBe('王伟 李敏');
  });
});

describe('phones', () => {
  it.each([
    ['139 0000 0001', ['13900000001']],
    ['139-0000-0001', ['13900000001']],
    ['+86 139 0000 0001', ['13900000001']],
    ['（+86）13900000001', ['13900000001']],
    ['13900000003 13900000004', ['13900000003', '13900000004']],
    ['13900000003 和 139-0000-0004', ['13900000003', '13900000004']],
    ['１３９００００００01', ['13900000001']],
  ])('%s → %j', (text, phones) => {
    expect(splitPhones(text).map((p) => p.phone)).toEqual(phones);
  });

  it('writes a landline the same way with or without the country code', () => {
    expect(normalizePhone('+86 21 6212 3456')).toBe('02162123456');
    expect(normalizePhone('021-6212-3456')).toBe('02162123456');
    expect(splitPhones('139 0000')).toEqual([{ text: '139 0000', phone: null }]);
  });
});

describe('areas and rows that are not units', () => {
  it.each([
    ['89.12㎡', '89.12'],
    ['89.12 平方米', '89.12'],
    ['89.12m2', '89.12'],
    ['89.12 m²', '89.12'],
    ['８９．１２平米', '89.12'],
    ['1,089.12', '1089.12'],
    ['89,12', '89,12'],
  ])('%s → %s', (text, area) => {
    expect(areaTextOf(text)).toBe(area);
  });

  it('knows totals and notes, and nothing else', () => {
    expect(skippedRowText(['合 计', '', '903.44'])).toBe('合计');
    expect(skippedRowText(['', '总计：138 户'])).toBe('总计：138户');
    expect(skippedRowText(['注：面积以产证为准'])).toBe('注：面积以产证为准');
    expect(skippedRowText(['2-01', '注：', '孙建国'])).toBeNull();
    expect(skippedRowText(['2-01'])).toBeNull();
  });
});
