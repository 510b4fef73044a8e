import { answer, callMethod, cloudCalls, mount, ok } from '../harness';
import { aFile, exportsSeen, settle, stubDocuments, tapExport } from './exports-fixtures';
import { aLastMile } from './households-fixtures';

/** "导出 Excel" on the funds desk: each unit's charge and payments, and the ledger. */
stubDocuments();

describe('the money export on the funds desk', () => {
  it('exports each unit and the ledger from the charges tab', async () => {
    answer('funds', 'listSchemes', ok({ schemes: [] }));
    answer('households', 'lastMile', ok(aLastMile()));
    answer('decisions', 'list', ok({ decisions: [] }));
    answer('exports', 'ledger', ok(aFile({ fileName: '缴款与账本-20261207-1130.xlsx' })));
    const page = mount('pages/funds-organize/index');
    await callMethod(page, 'onLoad', {});
    await settle();
    expect(page.querySelector('.export-money')).toBeUndefined();
    page.querySelector('.tab-charges')?.dispatchEvent('tap');
    await settle();
    tapExport(page, '.export-money');
    await settle();
    expect(cloudCalls().at(-1)?.data).toEqual({ action: 'ledger' });
    expect(exportsSeen.opened[0]).toMatchObject({ fileType: 'xlsx' });
    expect(String(exportsSeen.opened[0]?.filePath)).toMatch(/缴款与账本-20261207-1130\.xlsx$/);
  });
});
