import { ApiError, callApi, userMessageOf } from '../../../miniprogram/services/cloud';
import { getBuildingSummary } from '../../../miniprogram/services/households';
import { aSummary } from '../fixtures';
import { answer, cloudCalls, fail, ok, resetWx } from '../harness';

beforeEach(resetWx);

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('callApi', () => {
  it('sends the action with the request and returns the data of an ok answer', async () => {
    const summary = aSummary();
    answer('households', 'summary', ok(summary));

    await expect(callApi('households', 'summary', {})).resolves.toEqual(summary);
    expect(cloudCalls()).toEqual([{ name: 'households', data: { action: 'summary' } }]);
  });

  it('turns {ok:false} into an ApiError with a Chinese message for residents', async () => {
    answer('households', 'summary', fail('UNAUTHENTICATED', 'no openid in context'));

    const error = await caught(callApi('households', 'summary', {}));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('请先登录后再试');
    expect(error.detail).toBe('no openid in context');
  });

  it("shows the server's own wording when it is written for residents", async () => {
    answer('households', 'summary', fail('CONFLICT', '表决已截止，不能再修改'));

    const error = await caught(callApi('households', 'summary', {}));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('表决已截止，不能再修改');
  });

  it('never shows the text of an internal error', async () => {
    answer('households', 'summary', fail('INTERNAL', '数据库连接失败 at repo.ts:42'));

    const error = await caught(callApi('households', 'summary', {}));
    expect(error.message).toBe('服务暂时出了问题，请稍后再试');
    expect(error.detail).toContain('repo.ts:42');
  });

  it('treats an unknown error code as internal', async () => {
    answer('households', 'summary', () => ({ ok: false, code: 'TEAPOT', message: 'x' }));

    expect((await caught(callApi('households', 'summary', {}))).code).toBe('INTERNAL');
  });

  it('rejects an answer that is not an envelope', async () => {
    answer('households', 'summary', () => ({ name: '慈爱鑫和公寓' }));

    expect((await caught(callApi('households', 'summary', {}))).code).toBe('BAD_RESPONSE');
  });

  it('reports a network failure as such', async () => {
    answer('households', 'summary', () => {
      throw { errMsg: 'cloud.callFunction:fail request:fail timeout' };
    });

    const error = await caught(callApi('households', 'summary', {}));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe('网络连接失败，请检查网络后重试');
  });

  it('reports a function that crashed as internal', async () => {
    answer('households', 'summary', () => {
      throw { errMsg: 'cloud.callFunction:fail -504002 functions execute fail' };
    });

    expect((await caught(callApi('households', 'summary', {}))).code).toBe('INTERNAL');
  });
});

describe('userMessageOf', () => {
  it('has a message for anything thrown', () => {
    expect(userMessageOf(new ApiError('NOT_FOUND', 'no building'))).toBe('没有找到相关内容');
    expect(userMessageOf(new TypeError('x is undefined'))).toBe('服务暂时出了问题，请稍后再试');
  });
});

describe('getBuildingSummary', () => {
  it('asks households.summary', async () => {
    answer('households', 'summary', ok(aSummary({ name: '测试楼' })));

    await expect(getBuildingSummary()).resolves.toMatchObject({ name: '测试楼' });
    expect(cloudCalls().map((call) => `${call.name}.${String(call.data.action)}`)).toEqual([
      'households.summary',
    ]);
  });
});
