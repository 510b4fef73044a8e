import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';

/*
 * The real `tongti` command as a child process: `serve` in its own process group (so a SIGKILL
 * reaches it and anything it started), `env` parsed from its NAME=value lines.
 */

export const REPO_ROOT = join(__dirname, '..', '..');
const BIN = join(REPO_ROOT, 'bin', 'tongti.js');

export interface ServeProcess {
  proc: ChildProcess;
  /** e.g. http://127.0.0.1:41234, from the line serve prints when ready. */
  url: string;
  port: number;
  adminUrl: string;
  /** Everything printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Signals the whole process group and waits for the server to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * `node bin/tongti.js serve --port 0 --data DIR --seed none --no-preview`, resolved once ready;
 * `command` replaces `node bin/tongti.js serve --seed none` (the options after it stay).
 */
export function startServe(
  dataDir: string,
  command: readonly string[] = [process.execPath, BIN, 'serve', '--seed', 'none'],
): Promise<ServeProcess> {
  const [file, ...args] = command;
  if (!file) throw new Error('startServe: empty command');
  const proc = spawn(file, [...args, '--port', '0', '--data', dataDir, '--no-preview'], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals): Promise<void> => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    try {
      if (proc.pid !== undefined) process.kill(-proc.pid, signal);
    } catch (e) {
      // ESRCH: the group is already gone.
      if ((e as { code?: unknown }).code !== 'ESRCH') throw e;
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    let ready = false;
    // Keep draining both pipes for the server's whole life: a full pipe would block its logging.
    proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (ready) return;
      const m = /^.*(http:\/\/127\.0\.0\.1:(\d+)).*$/m.exec(out);
      if (!m?.[1] || !m[2]) return;
      ready = true;
      const url = m[1];
      resolve({
        proc,
        url,
        port: Number(m[2]),
        adminUrl: `${url}/admin`,
        output: () => out,
        kill,
      });
    });
    proc.once('exit', (code, signal) => {
      if (!ready)
        reject(new Error(`tongti serve exited (${code ?? signal}) before ready:\n${out}`));
    });
  });
}

/** What `node bin/tongti.js env --port N` prints, as a name → value map. */
export async function tongtiEnv(port: number): Promise<Record<string, string>> {
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, 'env', '--port', String(port)],
      { cwd: REPO_ROOT },
      (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out)),
    );
  });
  const env: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`tongti env printed a line that is not NAME=value: ${line}`);
    env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

/** What a finished `tongti` command left: its exit code and both streams. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** This process's environment without what points an SDK somewhere: --port must be enough. */
export function withoutSdkEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(TCB_|TENCENTCLOUD|WX_|SCF_)/.test(k)),
  );
}

/** `node bin/tongti.js ARGS…` run to its end; a failing exit is an answer, not a throw. */
export function runTongti(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
