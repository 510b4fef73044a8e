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
} from '../harness';
import { aBinding } from './households-fixtures';

beforeEach(resetWx);

describe('bind page', () => {
  it('sends the code, the choice of owner or resident and the name; shows the request', async () => {
    answer(
      'households',
      'requestBinding',
      ok({
        bindings: [aBinding({ unitNo: '20-01', as: 'resident' })],
        message: '已提交 20-01 的绑定申请，换梯小组核实后即可使用',
      }),
    );
    const page = mount('pages/bind/index');
    callMethod(page, 'onLoad', { code: 'ABCD-EFGH' });
    expect(page.data.code).toBe('ABCD-EFGH');

    page.querySelector('.as-group')?.dispatchEvent('change', { detail: { value: 'resident' } });
    page.querySelector('.name-input')?.dispatchEvent('input', { detail: { value: ' 王小明 ' } });
    await flush();
    expect(page.data.as).toBe('resident');
    page.querySelector('.submit')?.dispatchEvent('tap');
    await flush();

    expect(cloudCalls()).toEqual([
      {
        name: 'households',
        data: { action: 'requestBinding', code: 'ABCD-EFGH', as: 'resident', name: '王小明' },
      },
    ]);
    expect(textOf(page.querySelector('.message'))).toBe(
      '已提交 20-01 的绑定申请，换梯小组核实后即可使用',
    );
    expect(textOf(page.querySelector('.binding-unit'))).toBe('20-01（住户）');
    expect(textOf(page.querySelector('.binding-status'))).toBe('等待换梯小组审核');
  });

  it('asks for what is missing before calling the cloud', async () => {
    const page = mount('pages/bind/index');
    page.querySelector('.submit')?.dispatchEvent('tap');
    await flush();
    expect(textOf(page.querySelector('.error'))).toBe('请填写大堂公示的邀请码');
    page.querySelector('.code-input')?.dispatchEvent('input', { detail: { value: 'abcd efgh' } });
    page.querySelector('.submit')?.dispatchEvent('tap');
    await flush();
    expect(textOf(page.querySelector('.error'))).toBe('请填写房产证上的业主姓名');
    expect(cloudCalls()).toHaveLength(0);
  });

  it('shows the server’s words when somebody else got the seat first', async () => {
    answer(
      'households',
      'requestBinding',
      fail(
        'CONFLICT',
        '21-03 的业主 林** 已由另一位微信用户先一步申请绑定，正在等待换梯小组审核。',
      ),
    );
    const page = mount('pages/bind/index');
    callMethod(page, 'onLoad', { code: 'ABCD-EFGH' });
    page.querySelector('.name-input')?.dispatchEvent('input', { detail: { value: '林涛' } });
    page.querySelector('.submit')?.dispatchEvent('tap');
    await flush();
    expect(textOf(page.querySelector('.error'))).toContain('已由另一位微信用户先一步申请绑定');
    expect(page.data.submitting).toBe(false);
  });

  it('binds by the phone number WeChat verifies', async () => {
    answer(
      'households',
      'requestBindingByPhone',
      ok({
        bindings: [aBinding({ method: 'phone' })],
        message: '已提交 15-05 的绑定申请，换梯小组核实后即可使用',
      }),
    );
    const page = mount('pages/bind/index');
    page.querySelector('.phone-button')?.dispatchEvent('getphonenumber', {
      detail: { code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' },
    });
    await flush();
    expect(cloudCalls()[0]?.data).toEqual({
      action: 'requestBindingByPhone',
      phoneCode: 'phone-code-1',
    });
    expect(textOf(page.querySelector('.binding-unit'))).toBe('15-05（业主）');

    page
      .querySelector('.phone-button')
      ?.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail user deny' } });
    await flush();
    expect(textOf(page.querySelector('.error'))).toBe('没有获得手机号授权，可以改用邀请码绑定');
    expect(cloudCalls()).toHaveLength(1);
  });

  it('has one large primary button', () => {
    const page = mount('pages/bind/index');
    expect(page.querySelectorAll('.primary-button')).toHaveLength(1);
  });
});
