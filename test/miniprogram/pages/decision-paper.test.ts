import type { UnitBallotStatusView } from '../../../typings/api';
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

async function open(query: Record<string, string> = { id: 'd1' }): Promise<Rendered> {
  const page = mount('pages/decision-paper/index');
  await callMethod(page, 'onLoad', query);
  return page;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i += 1) await flush();
}

function aUnit(overrides: Partial<UnitBallotStatusView> = {}): UnitBallotStatusView {
  return {
    unitId: 'u12-03',
    unitNo: '12-03',
    coveredUnitNos: ['12-03'],
    voted: false,
    voice: null,
    channel: null,
    channelLabel: null,
    castAt: null,
    enteredBy: null,
    witnessedBy: null,
    ...overrides,
  };
}

/** The camera returns one file, and the cloud stores it under the path the page chose. */
function camera(tempFilePath = 'wxfile://form.jpg'): { upload: jest.Mock; choose: jest.Mock } {
  const choose = jest.fn(async () => ({ tempFiles: [{ tempFilePath }] }));
  const upload = jest.fn(async ({ cloudPath }: { cloudPath: string }) => ({
    fileID: `cloud://env/${cloudPath}`,
  }));
  Object.assign(wx, { chooseMedia: choose });
  Object.assign(wx.cloud, { uploadFile: upload });
  return { upload, choose };
}

function confirmAll(): jest.Mock {
  const showModal = jest.fn(async () => ({ confirm: true, cancel: false }));
  Object.assign(wx, { showModal });
  return showModal;
}

async function findRoom(page: Rendered, room: string): Promise<void> {
  page.querySelector('.unit-input')?.dispatchEvent('input', { detail: { value: room } });
  page.querySelector('.find')?.dispatchEvent('tap');
  await settle();
}

const tapChannel = async (page: Rendered, label: string): Promise<void> => {
  const button = page.querySelectorAll('.channel').find((b) => textOf(b) === label);
  button?.dispatchEvent('tap');
  await settle();
};

const sent = (action: string) => cloudCalls().filter((c) => c.data.action === action);

describe('paper ballot page', () => {
  it('finds the room, takes the choice, the signer and the photo, and records the ballot', async () => {
    answer('decisions', 'detail', ok(aDetail({ canEnterPaper: true })));
    answer('decisions', 'unitStatus', ok(aUnit()));
    answer(
      'decisions',
      'paperBallot',
      ok(aReceipt({ channel: 'paper', channelLabel: '纸质', choice: 'no', choiceLabel: '反对' })),
    );
    const { upload } = camera();
    const page = await open();

    await findRoom(page, ' 12-03 ');
    expect(sent('unitStatus')[0]?.data).toEqual({
      action: 'unitStatus',
      decisionId: 'd1',
      unitNo: '12-03',
    });
    expect(textOf(page.querySelector('.unit-line'))).toBe('12-03 尚未投票');
    // Paper is the way unless another is chosen.
    expect(textOf(page.querySelector('.channel--on'))).toBe('纸质');

    // Without the choice and the photo nothing is sent, and the message names just those two,
    // above the button it refers to.
    page.querySelector('.submit')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.message'))).toBe('还缺：表决意见、签字表决票照片');
    const html = page.dom?.innerHTML ?? '';
    expect(html.indexOf('还缺')).toBeGreaterThan(0);
    expect(html.indexOf('还缺')).toBeLessThan(html.indexOf('确认录入'));

    page.querySelectorAll('.choice')[1]?.dispatchEvent('tap');
    page.querySelector('.submit')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.message'))).toBe('还缺：签字表决票照片');

    page.querySelector('.signed-by')?.dispatchEvent('change', { detail: { value: 'proxy' } });
    page.querySelector('.photo')?.dispatchEvent('tap');
    await settle();
    expect(upload).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://form.jpg' }));
    expect(textOf(page.querySelector('.photo'))).toBe('已拍摄，重新拍摄');
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
    expect(sent('paperBallot')).toHaveLength(0);
    page.querySelector('.submit')?.dispatchEvent('tap');
    await settle();
    const request = sent('paperBallot')[0]?.data;
    expect(request).toEqual({
      action: 'paperBallot',
      decisionId: 'd1',
      unitId: 'u12-03',
      choice: 'no',
      photoFileId: expect.stringMatching(/^cloud:\/\/env\/ballots\/d1\/u12-03-\d+\.jpg$/) as string,
      signedBy: 'proxy',
    });
    expect(textOf(page.querySelector('.done'))).toBe(
      '已录入 12-03：反对，回执 3f2a-9c01-bb4e-77d0',
    );
  });

  it('takes a door-to-door ballot with its record and the second staff member who signed it', async () => {
    answer('decisions', 'detail', ok(aDetail({ canEnterPaper: true })));
    answer('decisions', 'unitStatus', ok(aUnit()));
    answer(
      'decisions',
      'witnesses',
      ok({
        witnesses: [
          { openid: 'demo-staff2', label: '李建国（社区工作者）' },
          { openid: 'demo-organizer', label: '郑德明（换梯小组）' },
        ],
      }),
    );
    answer(
      'decisions',
      'paperBallot',
      ok(aReceipt({ channel: 'visit', channelLabel: '上门', choiceLabel: '同意' })),
    );
    camera('wxfile://visit.png');
    const showModal = confirmAll();
    const page = await open();
    await findRoom(page, '12-03');
    await tapChannel(page, '上门');
    expect(textOf(page.querySelector('.channel--on'))).toBe('上门');
    expect(textOf(page.querySelector('.hint'))).toContain('两位工作人员上门');
    expect(textOf(page.querySelector('.witness-label'))).toBe('另一位签字的工作人员');
    page.querySelectorAll('.choice')[0]?.dispatchEvent('tap');
    page.querySelector('.photo')?.dispatchEvent('tap');
    await settle();
    page.querySelector('.submit')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.message'))).toBe('还缺：另一位签字的工作人员');
    expect(sent('paperBallot')).toHaveLength(0);

    page.querySelector('.witness')?.dispatchEvent('change', { detail: { value: '1' } });
    await settle();
    expect(textOf(page.querySelector('.witness-pick'))).toBe('郑德明（换梯小组） ▾');
    page.querySelector('.submit')?.dispatchEvent('tap');
    await settle();
    expect(showModal.mock.calls[0]?.[0]).toMatchObject({
      content:
        '为 12-03 录入上门听取的业主本人表决（与郑德明（换梯小组）两人签字）：同意。录入后立即计票，不能撤销。',
    });
    expect(sent('paperBallot')[0]?.data).toEqual({
      action: 'paperBallot',
      decisionId: 'd1',
      unitId: 'u12-03',
      choice: 'yes',
      channel: 'visit',
      photoFileId: expect.stringMatching(/^cloud:\/\/env\/ballots\/d1\/u12-03-\d+\.png$/) as string,
      witness: 'demo-organizer',
      signedBy: 'owner',
    });
    expect(textOf(page.querySelector('.done'))).toContain('已录入 12-03：同意');
  });

  it('keeps the meeting sign-in sheet for the next flat, and a video takes a recording', async () => {
    answer('decisions', 'detail', ok(aDetail({ canEnterPaper: true })));
    answer('decisions', 'unitStatus', (request) =>
      ok(
        aUnit({
          unitId: `u${String(request.unitNo)}`,
          unitNo: String(request.unitNo),
          coveredUnitNos: [String(request.unitNo)],
        }),
      ),
    );
    answer('decisions', 'paperBallot', ok(aReceipt({ channel: 'meeting' })));
    answer('decisions', 'witnesses', ok({ witnesses: [] }));
    const { upload, choose } = camera('wxfile://sheet.jpg');
    confirmAll();
    const page = await open();
    await findRoom(page, '7-01');
    await tapChannel(page, '现场');
    expect(textOf(page.querySelector('.photo'))).toBe('拍摄业主大会签到表');
    page.querySelectorAll('.choice')[0]?.dispatchEvent('tap');
    page.querySelector('.photo')?.dispatchEvent('tap');
    await settle();
    expect(upload.mock.calls[0]?.[0]).toMatchObject({
      cloudPath: expect.stringMatching(/^ballots\/d1\/meeting-sheet-\d+\.jpg$/) as string,
    });
    page.querySelector('.submit')?.dispatchEvent('tap');
    await settle();
    // The next flat from the same meeting needs no second photo of the same sheet.
    await findRoom(page, '7-02');
    expect(textOf(page.querySelector('.channel--on'))).toBe('现场');
    expect(textOf(page.querySelector('.photo'))).toBe('已拍摄，重新拍摄');
    page.querySelectorAll('.choice')[1]?.dispatchEvent('tap');
    page.querySelector('.submit')?.dispatchEvent('tap');
    await settle();
    const [first, second] = sent('paperBallot').map((c) => c.data);
    expect(first).toMatchObject({ unitId: 'u7-01', channel: 'meeting' });
    expect(second).toMatchObject({
      unitId: 'u7-02',
      channel: 'meeting',
      photoFileId: first?.photoFileId,
    });
    expect(upload).toHaveBeenCalledTimes(1);

    // Video: recordings or screenshots, and with no colleague to pick the page says so.
    await findRoom(page, '7-03');
    await tapChannel(page, '视频');
    expect(textOf(page.querySelector('.message'))).toBe(
      '没有其他工作人员可以选择，请联系换梯小组添加',
    );
    page.querySelector('.photo')?.dispatchEvent('tap');
    await settle();
    expect(choose).toHaveBeenLastCalledWith(
      expect.objectContaining({ mediaType: ['image', 'video'] }),
    );
  });

  it('stays silent when the camera is cancelled, and says so when the upload fails', async () => {
    answer('decisions', 'detail', ok(aDetail({ canEnterPaper: true })));
    answer('decisions', 'unitStatus', ok(aUnit()));
    const page = await open();
    await findRoom(page, '12-03');
    Object.assign(wx, {
      chooseMedia: jest.fn(async () => {
        throw { errMsg: 'chooseMedia:fail cancel' };
      }),
    });
    page.querySelector('.photo')?.dispatchEvent('tap');
    await settle();
    expect(page.querySelector('.message')).toBeUndefined();
    expect(page.data.message).toBe('');

    camera();
    Object.assign(wx.cloud, {
      uploadFile: jest.fn(async () => {
        throw { errMsg: 'cloud.uploadFile:fail network' };
      }),
    });
    page.querySelector('.photo')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.message'))).toBe('签字表决票照片上传失败，请重试');
  });

  it('prefills the flat from the map’s link (room number or unit id)', async () => {
    answer('decisions', 'detail', ok(aDetail({ canEnterPaper: true })));
    answer('decisions', 'unitStatus', (request) =>
      request.unitNo === '5-02' || request.unitId === 'u5-02'
        ? ok(aUnit({ unitId: 'u5-02', unitNo: '5-02', coveredUnitNos: ['5-02'] }))
        : fail('NOT_FOUND', `没有找到房屋 ${String(request.unitNo)}`),
    );
    const byNo = await open({ decisionId: 'd1', unit: '5-02' });
    expect(sent('detail')[0]?.data).toEqual({ action: 'detail', decisionId: 'd1' });
    expect(textOf(byNo.querySelector('.unit-line'))).toBe('5-02 尚未投票');
    expect(byNo.data.unitNo).toBe('5-02');

    resetWx();
    answer('decisions', 'detail', ok(aDetail({ canEnterPaper: true })));
    answer('decisions', 'unitStatus', (request) =>
      request.unitId === 'u5-02'
        ? ok(aUnit({ unitId: 'u5-02', unitNo: '5-02', coveredUnitNos: ['5-02'] }))
        : fail('NOT_FOUND', `没有找到房屋 ${String(request.unitNo)}`),
    );
    const byId = await open({ decisionId: 'd1', unit: 'u5-02' });
    expect(textOf(byId.querySelector('.unit-line'))).toBe('5-02 尚未投票');
    expect(byId.data.unitNo).toBe('5-02');
  });

  it('says when a room has already voted, and how, and when the room does not exist', async () => {
    answer('decisions', 'detail', ok(aDetail({ canEnterPaper: true })));
    answer('decisions', 'unitStatus', (request) =>
      request.unitNo === '3-02'
        ? ok(
            aUnit({
              unitId: 'u3-01',
              unitNo: '3-02',
              coveredUnitNos: ['3-01', '3-02'],
              voted: true,
              voice: 'owner',
              channel: 'visit',
              channelLabel: '上门',
              castAt: '2026-12-18T10:00:00+08:00',
            }),
          )
        : fail('NOT_FOUND', '没有找到房屋 99-99'),
    );
    const page = await open();
    await findRoom(page, '3-02');
    expect(textOf(page.querySelector('.unit-line'))).toBe(
      asReadToday('3-01、3-02 已于 2026年12月18日 10:00 由业主本人上门投票；再次录入将以此票为准'),
    );
    await findRoom(page, '99-99');
    expect(textOf(page.querySelector('.message'))).toBe('没有找到房屋 99-99');
  });

  it('refuses to take ballots outside the voting period', async () => {
    answer('decisions', 'detail', ok(aDetail({ votingOpen: false, status: 'closed' })));
    const page = await open();
    expect(page.data.status).toBe('empty');
    expect(textOf(page.querySelector('#status'))).toContain('这个议题现在不在投票期');
  });
});
