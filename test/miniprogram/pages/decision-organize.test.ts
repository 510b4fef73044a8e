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
import { aDetail } from './decisions-fixtures';
import {
  confirmationFor,
  controlsFor,
  emptyForm,
  fieldsOf,
  yuanToFen,
} from '../../../miniprogram/pages/decision-organize/view';
import { asReadToday } from '../dates';

beforeEach(resetWx);

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i += 1) await flush();
}

function type(page: Rendered, selector: string, value: string, index = 0): void {
  page.querySelectorAll(selector)[index]?.dispatchEvent('input', { detail: { value } });
}

describe('organizer page', () => {
  it('chooses in the draft whether the result posts each flat’s choice, and states it once posted', async () => {
    const draft = aDetail({ id: 'd9', status: 'draft', votingOpen: false, canOrganize: true });
    answer('decisions', 'create', ok({ ...draft, privacy: 'receipts' }));
    const page = mount('pages/decision-organize/index');
    await callMethod(page, 'onLoad', {});
    expect(page.querySelectorAll('.privacy-label').map((l) => textOf(l))).toEqual([
      '公开每户的表决意见',
      '不公开每户意见，只公示回执',
    ]);
    type(page, '.field-title', '楼道照明改造');
    page.querySelector('.privacy')?.dispatchEvent('change', { detail: { value: 'receipts' } });
    await flush();
    page.querySelector('.control--save')?.dispatchEvent('tap');
    await settle();
    expect(cloudCalls().find((c) => c.data.action === 'create')?.data).toMatchObject({
      title: '楼道照明改造',
      privacy: 'receipts',
    });
    expect(page.data.form.privacy).toBe('receipts');

    // Posted: no choice any more, only the sentence residents read on the notice.
    const statement = '本次表决不公开每户的表决意见：结果公示时只列出参加表决的房号和面积。';
    answer(
      'decisions',
      'detail',
      ok({ ...draft, status: 'notice', privacy: 'receipts', privacyStatement: statement }),
    );
    const posted = mount('pages/decision-organize/index');
    await callMethod(posted, 'onLoad', { id: 'd9' });
    expect(posted.querySelector('.privacy')).toBeUndefined();
    expect(textOf(posted.querySelector('.posted-privacy'))).toBe(statement);
  });

  it('creates a draft of plans with their costs and posts its notice', async () => {
    const draft = aDetail({
      id: 'd9',
      status: 'draft',
      statusLabel: '草稿',
      votingOpen: false,
      canOrganize: true,
    });
    answer('decisions', 'create', ok(draft));
    answer('decisions', 'postNotice', ok({ ...draft, status: 'notice', statusLabel: '公示中' }));
    const page = mount('pages/decision-organize/index');
    await callMethod(page, 'onLoad', {});
    expect(page.querySelectorAll('.control').map((c) => textOf(c))).toEqual([
      '保存草稿',
      '发布公示',
    ]);

    type(page, '.field-title', '电梯更换方案选择');
    page.querySelector('.kind')?.dispatchEvent('change', { detail: { value: 'plans' } });
    await flush();
    type(page, '.field-question', '请选择电梯更换方案');
    type(page, '.plan .field', '保留导轨', 0);
    callMethod(page, 'setData', {
      'form.plans[0].costYuan': '980,000',
      'form.plans[1].title': '整体更换',
      'form.opensDate': '2026-12-17',
      'form.closesDate': '2026-12-31',
    });
    Object.assign(wx, { showModal: jest.fn().mockResolvedValue({ confirm: true }) });
    page.querySelector('.control--postNotice')?.dispatchEvent('tap');
    await settle();
    const create = cloudCalls().find((c) => c.data.action === 'create');
    expect(create?.data).toMatchObject({
      title: '电梯更换方案选择',
      matter: 'rebuild',
      question: {
        kind: 'plans',
        text: '请选择电梯更换方案',
        plans: [
          { key: 'A', title: '保留导轨', summary: '', costFen: 98_000_000 },
          { key: 'B', title: '整体更换', summary: '', costFen: null },
        ],
      },
      noticeDays: 15,
      opensAt: '2026-12-17T09:00:00+08:00',
      closesAt: '2026-12-31T18:00:00+08:00',
    });
    expect(cloudCalls().find((c) => c.data.action === 'postNotice')?.data).toEqual({
      action: 'postNotice',
      decisionId: 'd9',
    });
    expect(textOf(page.querySelector('.message'))).toBe('公示已发布');
    expect(page.querySelectorAll('.control').map((c) => textOf(c))).toEqual([
      '开始投票',
      '撤回公示（修改后须重新公示）',
    ]);
  });

  it('shows the server’s refusal (the notice period) and keeps the form', async () => {
    const draft = aDetail({ id: 'd9', status: 'draft', votingOpen: false, canOrganize: true });
    answer('decisions', 'detail', ok(draft));
    answer('decisions', 'edit', ok(draft));
    answer(
      'decisions',
      'postNotice',
      fail('CONFLICT', '公示期至少 15 天：表决最早 12月16日 09:00 开始，请推迟开始时间'),
    );
    Object.assign(wx, { showModal: jest.fn().mockResolvedValue({ confirm: true }) });
    const page = mount('pages/decision-organize/index');
    await callMethod(page, 'onLoad', { id: 'd9' });
    page.querySelector('.control--postNotice')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.error'))).toContain('公示期至少 15 天');
    expect(page.data.form.title).toBe('电梯更换与自筹资金');
  });

  it('runs a recount and shows what it says', async () => {
    answer(
      'decisions',
      'detail',
      ok(aDetail({ status: 'closed', votingOpen: false, canOrganize: true })),
    );
    answer(
      'decisions',
      'recount',
      ok({
        decisionId: 'd1',
        ballots: 90,
        counters: { owners: 90, areaHundredths: 900000, choices: [] },
        recounted: { owners: 90, areaHundredths: 900000, choices: [] },
        equal: true,
        message: '复核一致：90 张表决票（90 位业主、9000.00 m²）与计数完全相符',
      }),
    );
    const page = mount('pages/decision-organize/index');
    await callMethod(page, 'onLoad', { id: 'd1' });
    expect(page.querySelector('.field-title')).toBeUndefined();
    // What was posted is shown as people read dates, not as stored.
    expect(textOf(page.querySelector('.posted-window'))).toBe(
      asReadToday('已公示的内容不能修改，投票时间 2026年12月17日 09:00 至 2026年12月31日 18:00'),
    );
    page.querySelector('.control--recount')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.message'))).toBe(
      '复核一致：90 张表决票（90 位业主、9000.00 m²）与计数完全相符',
    );
  });
});

describe('irreversible steps ask first', () => {
  const NOW = Date.parse('2026-12-20T10:00:00+08:00');

  function modal(confirm: boolean): jest.Mock {
    const showModal = jest.fn().mockResolvedValue({ confirm, cancel: !confirm });
    Object.assign(wx, { showModal });
    return showModal;
  }

  it.each([
    ['notice', 'open', '开始投票？'],
    ['closed', 'publishPreliminary', '公示初步结果？'],
  ] as const)('from %s, %s asks and sends nothing when cancelled', async (status, step, title) => {
    answer('decisions', 'detail', ok(aDetail({ status, votingOpen: false, canOrganize: true })));
    const showModal = modal(false);
    const page = mount('pages/decision-organize/index');
    await callMethod(page, 'onLoad', { id: 'd1' });

    page.querySelector(`.control--${step}`)?.dispatchEvent('tap');
    await settle();

    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title, showCancel: true }));
    expect(String(showModal.mock.calls[0][0].content)).toContain('不可撤销');
    expect(cloudCalls().filter((c) => c.data.action === step)).toHaveLength(0);
  });

  it('sends the step once confirmed', async () => {
    const notice = aDetail({ status: 'notice', votingOpen: false, canOrganize: true });
    answer('decisions', 'detail', ok(notice));
    answer('decisions', 'open', ok({ ...notice, status: 'open', votingOpen: true }));
    modal(true);
    const page = mount('pages/decision-organize/index');
    await callMethod(page, 'onLoad', { id: 'd1' });

    page.querySelector('.control--open')?.dispatchEvent('tap');
    await settle();

    expect(cloudCalls().filter((c) => c.data.action === 'open')).toHaveLength(1);
  });

  it('结束投票 before the deadline explains why not, and sends nothing', async () => {
    const closesAt = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    answer(
      'decisions',
      'detail',
      ok(aDetail({ status: 'open', votingOpen: true, canOrganize: true, closesAt })),
    );
    const showModal = modal(true);
    const page = mount('pages/decision-organize/index');
    await callMethod(page, 'onLoad', { id: 'd1' });

    page.querySelector('.control--close')?.dispatchEvent('tap');
    await settle();

    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '还不能结束投票', showCancel: false }),
    );
    expect(String(showModal.mock.calls[0][0].content)).toMatch(/截止前不能提前结束/);
    expect(cloudCalls().filter((c) => c.data.action === 'close')).toHaveLength(0);
  });

  it('says what each step does, and the deadline as people read it', () => {
    const d = {
      title: '电梯更换',
      opensAt: null,
      closesAt: '2026-12-31T18:00:00+08:00',
      objectionDays: 7,
    };
    expect(confirmationFor('close', d, NOW)).toMatchObject({
      allowed: false,
      content: expect.stringContaining('投票到 12月31日 18:00 截止'),
    });
    expect(confirmationFor('close', d, Date.parse('2026-12-31T18:00:00+08:00'))).toMatchObject({
      allowed: true,
      title: '结束投票？',
      content: '「电梯更换」将停止投票，之后任何人都不能再投票或改票，此操作不可撤销。',
    });
    expect(confirmationFor('publishPreliminary', d, NOW)?.content).toContain('7 天异议期');
    expect(confirmationFor('recount', d, NOW)).toBeNull();
    expect(confirmationFor('extend', d, NOW)).toBeNull();
  });
});

describe('organizer form', () => {
  it('reads yuan as integer fen and refuses what is not an amount', () => {
    expect(yuanToFen('980000')).toBe(98_000_000);
    expect(yuanToFen('1,234.5')).toBe(123_450);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('12.345')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
  });

  it('asks for a title and whole days', () => {
    expect(fieldsOf(emptyForm())).toEqual({ ok: false, message: '请填写标题' });
    expect(fieldsOf({ ...emptyForm(), title: 'x', noticeDays: '7.5' })).toMatchObject({
      ok: false,
    });
  });

  it('offers each status its next steps', () => {
    expect(controlsFor('open').map((c) => c.step)).toEqual(['close', 'extend', 'recount']);
    expect(controlsFor('preliminary').map((c) => c.step)).toEqual(['publishFinal', 'recount']);
  });
});
