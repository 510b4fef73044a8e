import { sdkEnv, DEFAULT_ENV_ID } from '../../localcloud/sdkEnv';

/** `tongti env`: one NAME=value line per variable, ready for `export $(tongti env)` or a .env file. */
export function runEnv(opts: { port: number; host: string; openid: string }): string {
  const env = sdkEnv({
    adminUrl: `http://${opts.host}:${opts.port}/admin`,
    envId: DEFAULT_ENV_ID,
    openid: opts.openid,
  });
  return Object.entries(env)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n')
    .concat('\n');
}
