/**
 * Every error screen names someone to call: the residents' committee's phone, configured on the
 * building, remembered from the last answer that carried it, so it shows even when the cloud
 * cannot be reached — and a button that dials it.
 */
import { getBuildingSummary } from '../../../miniprogram/services/households';
import { aSummary } from '../fixtures';
import { answer, flush, mount, ok, resetWx, textOf } from '../harness';

beforeEach(resetWx);

const HELP = { label: '居委会', phone: '021-6213 0000' };

it('shows the help line with the error once the building has named it, and dials it', async () => {
  answer('households', 'summary', ok(aSummary({ helpLine: HELP })));
  await getBuildingSummary();
  const status = mount('components/status-view/index', {
    status: 'error',
    message: '网络连接失败',
  });
  await flush();

  expect(textOf(status.querySelector('.help-text'))).toBe('有问题请打电话给居委会 021-6213 0000');
  const call = jest.spyOn(wx, 'makePhoneCall');
  status.querySelector('.call')?.dispatchEvent('tap');
  await flush();
  expect(call).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '02162130000' }));
});

it('shows no help line while loading, nor when no phone is known', async () => {
  const loading = mount('components/status-view/index', { status: 'loading' });
  expect(loading.querySelector('.help')).toBeUndefined();
  const error = mount('components/status-view/index', { status: 'error' });
  await flush();
  expect(error.querySelector('.retry')).toBeDefined();
  expect(error.querySelector('.help')).toBeUndefined();
});

it('forgets the phone when the building no longer names one', async () => {
  answer('households', 'summary', ok(aSummary({ helpLine: HELP })));
  await getBuildingSummary();
  answer('households', 'summary', ok(aSummary({ helpLine: null })));
  await getBuildingSummary();
  const error = mount('components/status-view/index', { status: 'error' });
  await flush();
  expect(error.querySelector('.help')).toBeUndefined();
});
