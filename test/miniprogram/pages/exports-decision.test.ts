import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  flush,
  mount,
  ok,
  textOf,
  type Rendered,
} from '../harness';
import { aDetail } from './decisions-fixtures';
import { aFile, exportsSeen, settle, stubDocuments, tapExport } from './exports-fixtures';

/**
 * "导出 Excel" on the decision organizer's page, and what one tap does: the exports function,
 * then the download under the file's own name, then WeChat's viewer for an xlsx.
 */
stubDocuments();

async function openDecision(status: 'draft' | 'open'): Promise<Rendered> {
  answer(
    'decisions',
    'detail',
    ok(
      aDetail({
        id: 'd1',
        status,
        canOrganize: true,
        ...(status === 'draft' ? { electorate: null } : {}),
      }),
    ),
  );
  const page = mount('pages/decision-organize/index');
  await callMethod(page, 'onLoad', { id: 'd1' });
  await settle();
  return page;
}

describe('the decision export on the organizer page', () => {
  it('exportsSeen.downloads the roll under its own name and opens it as a spreadsheet', async () => {
    answer('exports', 'decision', ok(aFile()));
    const page = await openDecision('open');
    expect(textOf(page.querySelector('.export-decision'))).toBe('导出 Excel：表决名册与计票');

    tapExport(page, '.export-decision');
    await settle();

    expect(cloudCalls().at(-1)).toMatchObject({
      name: 'exports',
      data: { action: 'decision', decisionId: 'd1' },
    });
    expect(exportsSeen.downloads).toEqual([
      {
        url: aFile().tempUrl,
        filePath: `${wx.env.USER_DATA_PATH}/表决名册-电梯更换-20261207-1130.xlsx`,
      },
    ]);
    expect(exportsSeen.opened).toEqual([
      {
        filePath: `${wx.env.USER_DATA_PATH}/表决名册-电梯更换-20261207-1130.xlsx`,
        fileType: 'xlsx',
        showMenu: true,
      },
    ]);
    expect(textOf(page.querySelector('.export-decision'))).toContain(
      '已生成 表决名册-电梯更换-20261207-1130.xlsx，共 138 户',
    );
  });

  it('is not offered before voting opens: there is no roll yet', async () => {
    const page = await openDecision('draft');
    expect(page.querySelector('.export-decision')).toBeUndefined();
  });

  it("shows the function's refusal and exportsSeen.downloads nothing", async () => {
    answer(
      'exports',
      'decision',
      fail('FORBIDDEN', '您当前的身份（社区工作者）不能导出表决名册和表决票'),
    );
    const page = await openDecision('open');
    tapExport(page, '.export-decision');
    await settle();
    expect(textOf(page.querySelector('.export-decision'))).toContain(
      '您当前的身份（社区工作者）不能导出表决名册和表决票',
    );
    expect(exportsSeen.downloads).toEqual([]);
    expect(exportsSeen.opened).toEqual([]);
  });

  it('asks once while a tap is being answered', async () => {
    let release: (v: unknown) => void = () => undefined;
    answer('exports', 'decision', () => new Promise((resolve) => (release = resolve)));
    const page = await openDecision('open');
    tapExport(page, '.export-decision');
    await flush();
    tapExport(page, '.export-decision');
    await flush();
    expect(textOf(page.querySelector('.export-decision'))).toContain('正在生成');
    release(ok(aFile()));
    await settle();
    expect(cloudCalls().filter((c) => c.data.action === 'decision')).toHaveLength(1);
    expect(exportsSeen.opened).toHaveLength(1);
  });

  it('falls back to the cloud download when storage gave no address', async () => {
    answer('exports', 'decision', ok(aFile({ tempUrl: '' })));
    const cloudDownload = jest.fn().mockResolvedValue({ tempFilePath: 'wxfile://tmp/x.xlsx' });
    Object.assign(wx.cloud, { downloadFile: cloudDownload });
    const page = await openDecision('open');
    tapExport(page, '.export-decision');
    await settle();
    expect(cloudDownload).toHaveBeenCalledWith({ fileID: aFile().fileId });
    expect(exportsSeen.opened[0]).toMatchObject({
      filePath: 'wxfile://tmp/x.xlsx',
      fileType: 'xlsx',
    });
  });
});
