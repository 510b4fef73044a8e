import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  flush,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { aDetail, aReceipt } from './decisions-fixtures';
import { asReadToday } from '../dates';

beforeEach(resetWx);

async function open(): Promise<Rendered> {
  const page = mount('pages/decision-paper/index');
  await callMethod(page, 'onLoad', { id: 'd1' });
  return page;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i += 1) await flush();
}

describe('paper ballot page', () => {
  it('finds the room, takes the choice, the signer and the photo, and records the ballot', async () => {
    answer('decisions', 'detail', ok(aDetail({ canEnterPaper: true })));
    answer(
      'decisions',
      'unitStatus',
      ok({
        unitId: 'u12-03',
        unitNo: '12-03',
        coveredUnitNos: ['12-03'],
        voted: false,
        voice: null,
        channel: null,
        castAt: null,
        enteredBy: null,
      }),
    );
    answer(
      'decisions',
      'paperBallot',
      ok(aReceipt({ channel: 'paper', choice: 'no', choiceLabel: '反对' })),
    );
    const chooseMedia = jest.fn(async () => ({
      tempFiles: [{ tempFilePath: 'wxfile://form.jpg' }],
    }));
    const uploadFile = jest.fn(async () => ({ fileID: 'cloud://env/ballots/d1/u12-03.jpg' }));
    Object.assign(wx, { chooseMedia });
    Object.assign(wx.cloud, { uploadFile });
    const page = await open();

    page.querySelector('.unit-input')?.dispatchEvent('input', { detail: { value: ' 12-03 ' } });
    page.querySelector('.find')?.dispatchEvent('tap');
    await settle();
    expect(cloudCalls().find((c) => c.data.action === 'unitStatus')?.data).toEqual({
      action: 'unitStatus',
      decisionId: 'd1',
      unitNo: '12-03',
    });
    expect(textOf(page.querySelector('.unit-line'))).toBe('12-03 尚未投票');

    // Without the photo nothing is sent.
    page.querySelector('.submit')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.message'))).toBe('请填写房号、选择表决意见并拍摄签字表决票');

    page.querySelectorAll('.choice')[1]?.dispatchEvent('tap');
    page.querySelector('.signed-by')?.dispatchEvent('change', { detail: { value: 'proxy' } });
    page.querySelector('.photo')?.dispatchEvent('tap');
    await settle();
    expect(uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'wxfile://form.jpg' }),
    );
    // It asks first, saying what will happen; "再核对" sends nothing.
    const showModal = jest
      .fn()
      .mockResolvedValueOnce({ confirm: false, cancel: true })
      .mockResolvedValueOnce({ confirm: true, cancel: false });
    Object.assign(wx, { showModal });
    page.querySelector('.submit')?.dispatchEvent('tap');
    await settle();
    expect(showModal.mock.calls[0][0]).toMatchObject({
      title: '确认录入？',
      content: '为 12-03 录入代理人签字的纸质表决票：反对。录入后立即计票，不能撤销。',
    });
    expect(cloudCalls().filter((c) => c.data.action === 'paperBallot')).toHaveLength(0);
    page.querySelector('.submit')?.dispatchEvent('tap');
    await settle();
    expect(cloudCalls().find((c) => c.data.action === 'paperBallot')?.data).toEqual({
      action: 'paperBallot',
      decisionId: 'd1',
      unitId: 'u12-03',
      choice: 'no',
      photoFileId: 'cloud://env/ballots/d1/u12-03.jpg',
      signedBy: 'proxy',
    });
    expect(textOf(page.querySelector('.done'))).toBe(
      '已录入 12-03：反对，回执 3f2a-9c01-bb4e-77d0',
    );
  });

  it('says when a room has already voted, and when the room does not exist', async () => {
    answer('decisions', 'detail', ok(aDetail({ canEnterPaper: true })));
    answer('decisions', 'unitStatus', (request) =>
      request.unitNo === '3-02'
        ? ok({
            unitId: 'u3-01',
            unitNo: '3-02',
            coveredUnitNos: ['3-01', '3-02'],
            voted: true,
            voice: 'owner',
            channel: 'online',
            castAt: '2026-12-18T10:00:00+08:00',
          })
        : fail('NOT_FOUND', '没有找到房屋 99-99'),
    );
    const page = await open();
    page.querySelector('.unit-input')?.dispatchEvent('input', { detail: { value: '3-02' } });
    page.querySelector('.find')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.unit-line'))).toBe(
      asReadToday('3-01、3-02 已于 2026年12月18日 10:00 由业主本人线上投票；再次录入将以此票为准'),
    );
    page.querySelector('.unit-input')?.dispatchEvent('input', { detail: { value: '99-99' } });
    page.querySelector('.find')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.message'))).toBe('没有找到房屋 99-99');
  });

  it('refuses to take ballots outside the voting period', async () => {
    answer('decisions', 'detail', ok(aDetail({ votingOpen: false, status: 'closed' })));
    const page = await open();
    expect(page.data.status).toBe('empty');
    expect(textOf(page.querySelector('#status'))).toContain('这个议题现在不在投票期');
  });
});
