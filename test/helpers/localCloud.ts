import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startLocalCloud,
  OPENID_HEADER,
  type LocalCloud,
  type LocalCloudOptions,
} from '../../localcloud/server';

/** A local cloud on port 0 over a fresh data folder, removed again by `stop()`. */
export interface TestCloud {
  cloud: LocalCloud;
  dataDir: string;
  /** What a client gets from `POST /functions/<name>` as `openid`. */
  call(name: string, data: unknown, openid?: string): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

export const REPO_FUNCTIONS = join(__dirname, '..', '..', 'cloudfunctions');
export const FIXTURE_FUNCTIONS = join(__dirname, '..', 'fixtures', 'functions');
/** Functions that reach cloudPay and the database from inside an invocation (conformance tests). */
export const SDK_FIXTURE_FUNCTIONS = join(__dirname, '..', 'fixtures', 'sdkfunctions');

export async function startTestCloud(
  opts: Partial<Omit<LocalCloudOptions, 'dataDir'>> & { dataDir?: string } = {},
): Promise<TestCloud> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'tongti-test-'));
  const cloud = await startLocalCloud({ functionsDir: REPO_FUNCTIONS, ...opts, dataDir, port: 0 });
  return {
    cloud,
    dataDir,
    async call(name, data, openid = '') {
      const res = await fetch(`${cloud.url}/functions/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
        body: JSON.stringify({ data }),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    },
    async stop() {
      await cloud.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
