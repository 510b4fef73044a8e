import { demoSeed } from '../../cli/seed/demo';
import type { Person, Unit } from '../../core/registry/model';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { csvOf, putFile, xlsxOf, type Sheet } from '../helpers/rosterFiles';
import { documents, households, type HouseholdsClient } from './householdsApi';

/**
 * The organizers' roster import on an uploaded file (wx.cloud.uploadFile, then its fileID):
 * dry run, apply, re-import without duplicates, and line-numbered errors that stop the import.
 */

const seed = demoSeed();
const ORGANIZER = 'demo-organizer';
let t: TestCloud;
let api: HouseholdsClient;

beforeAll(async () => {
  t = await startTestCloud({ seed: seed.collections });
  api = households(t);
});
afterAll(() => t.stop());

const UPDATE: Sheet = [
  ['房号', '面积', '业主', '电话'],
  // 25-01 is new; 2-03's area was re-surveyed; 2-05 is as registered.
  ['25-01', '101.20', '新业主甲', '13800000001'],
  ['2-03', '62.50', nameOf('2-03'), ''],
  ['2-05', areaOf('2-05'), nameOf('2-05'), ''],
];

function unit(no: string): Unit {
  const found = seed.collections.units.find((u) => u.unitNo === no);
  if (!found) throw new Error(`no unit ${no}`);
  return found;
}
function nameOf(no: string): string {
  return seed.collections.people.find((p) => p._id === unit(no).ownerIds[0])?.name ?? '';
}
function areaOf(no: string): string {
  const a = unit(no).areaHundredths;
  return `${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

describe('roster import from an uploaded file', () => {
  it('previews a dry run without writing anything', async () => {
    const fileId = putFile(t, 'rosters/update.csv', csvOf(UPDATE));
    const preview = await api.ok('importRoster', { fileId, dryRun: true }, ORGANIZER);
    expect(preview).toMatchObject({
      fileName: 'update.csv',
      dryRun: true,
      applied: false,
      rows: 3,
      errors: [],
      created: ['25-01'],
      updated: [{ unitNo: '2-03', changes: ['area'] }],
      unchanged: 1,
      peopleCreated: 1,
    });
    expect(preview.missing).toHaveLength(138 - 2);
    expect(documents<Unit>(t, 'units').some((u) => u.unitNo === '25-01')).toBe(false);
  });

  it('applies, then a re-import changes nothing and duplicates nothing', async () => {
    const fileId = putFile(t, 'rosters/update.csv', csvOf(UPDATE));
    const applied = await api.ok('importRoster', { fileId, dryRun: false }, ORGANIZER);
    expect(applied).toMatchObject({ applied: true, created: ['25-01'] });
    const units = documents<Unit>(t, 'units');
    expect(units).toHaveLength(139);
    expect(units.find((u) => u.unitNo === '2-03')?.areaHundredths).toBe(6250);
    const newcomer = units.find((u) => u.unitNo === '25-01');
    expect(newcomer).toMatchObject({
      _id: 'u25-01',
      floor: 25,
      areaHundredths: 10120,
      status: 'owned',
    });
    const person = documents<Person>(t, 'people').find((p) => p._id === newcomer?.ownerIds[0]);
    expect(person).toMatchObject({ name: '新业主甲', phone: '13800000001' });

    const peopleBefore = documents(t, 'people').length;
    const again = await api.ok('importRoster', { fileId, dryRun: false }, ORGANIZER);
    expect(again).toMatchObject({
      applied: true,
      created: [],
      updated: [],
      unchanged: 3,
      peopleCreated: 0,
      peopleUpdated: 0,
    });
    expect(documents(t, 'units')).toHaveLength(139);
    expect(documents(t, 'people')).toHaveLength(peopleBefore);
  });

  it('reads XLSX the same way', async () => {
    const fileId = putFile(t, 'rosters/update.xlsx', await xlsxOf(UPDATE));
    const preview = await api.ok('importRoster', { fileId, dryRun: true }, ORGANIZER);
    expect(preview).toMatchObject({ errors: [], created: [], updated: [], unchanged: 3 });
  });

  it('reports every bad row by line and applies nothing', async () => {
    const bad: Sheet = [
      ['房号', '面积', '业主', '状态'],
      ['25-02', '80.00', '好业主', ''],
      ['二楼三号', '80', '某人', ''],
      ['25-03', '80.123', '某人', ''],
      ['25-04', '70', '', ''],
      ['25-02', '70', '另一人', '自住'],
      ['25-05', '70', '某人', '拆迁'],
    ];
    const fileId = putFile(t, 'rosters/bad.csv', csvOf(bad));
    const result = await api.ok('importRoster', { fileId, dryRun: false }, ORGANIZER);
    expect(result.applied).toBe(false);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, '房号'],
      [4, '面积'],
      [5, '业主'],
      [6, '房号'],
      [7, '状态'],
    ]);
    expect(result.errors[3]?.message).toContain('第 2 行');
    expect(documents<Unit>(t, 'units').some((u) => u.unitNo === '25-02')).toBe(false);

    const history = await api.ok('importHistory', {}, ORGANIZER);
    expect(history.imports[0]).toMatchObject({
      fileName: 'bad.csv',
      applied: false,
      errorCount: 5,
      source: 'upload',
    });
    expect(history.imports.map((i) => i.fileName)).toContain('物业房屋名册.xlsx');
  });

  it('says so when the upload is missing or not a spreadsheet', async () => {
    const missing = await api.err(
      'importRoster',
      {
        fileId: 'cloud://tongti-local.746f-tongti-local-1300000000/rosters/none.csv',
        dryRun: true,
      },
      ORGANIZER,
    );
    expect(missing.code).toBe('NOT_FOUND');
    const pdf = await api.err(
      'importRoster',
      { fileId: putFile(t, 'rosters/a.pdf', 'x'), dryRun: true },
      ORGANIZER,
    );
    expect(pdf.code).toBe('INVALID_INPUT');
  });
});
