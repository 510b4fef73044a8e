/**
 * The help line where people need it: on a page whose load failed (the cloud went away after
 * the building named its phone), and on 我的 with a button that dials it.
 */
import { getBuildingSummary } from '../../../miniprogram/services/households';
import { aSummary } from '../fixtures';
import { answer, callMethod, fail, flush, mount, ok, resetWx, settle, textOf } from '../harness';
import { aMe } from './households-fixtures';

beforeEach(resetWx);

const HELP = { label: '居委会', phone: '021-6213 0000' };

it('shows on a page whose load fails, under the retry button', async () => {
  answer('households', 'summary', ok(aSummary({ helpLine: HELP })));
  await getBuildingSummary();
  answer('decisions', 'list', fail('INTERNAL', '服务暂时不可用'));
  const page = mount('pages/decisions/index');
  await callMethod(page, 'onLoad', {});
  await settle();

  expect(page.data.status).toBe('error');
  const status = page.querySelector('#status');
  expect(status?.querySelector('.retry')).toBeDefined();
  expect(textOf(status)).toContain('有问题请打电话给居委会 021-6213 0000');
});

it('shows on 我的 and dials the committee', async () => {
  answer('households', 'me', ok(aMe({ helpLine: HELP })));
  const me = mount('pages/me/index');
  await callMethod(me, 'onShow');
  await settle();

  expect(textOf(me.querySelector('.help-text'))).toBe('有问题请打电话给居委会 021-6213 0000');
  const call = jest.spyOn(wx, 'makePhoneCall');
  me.querySelector('.call-help')?.dispatchEvent('tap');
  await flush();
  expect(call).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '02162130000' }));
});

it('still shows on 我的 when the cloud cannot be reached, from the last answer', async () => {
  answer('households', 'me', ok(aMe({ helpLine: HELP })));
  const first = mount('pages/me/index');
  await callMethod(first, 'onShow');
  await settle();
  answer('households', 'me', () => {
    throw { errMsg: 'cloud.callFunction:fail request:fail timeout' };
  });
  const again = mount('pages/me/index');
  await callMethod(again, 'onShow');
  await settle();
  expect(textOf(again.querySelector('.help-text'))).toBe('有问题请打电话给居委会 021-6213 0000');
});
