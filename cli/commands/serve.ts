import { join, resolve } from 'node:path';
import { startLocalCloud, type LocalCloudOptions } from '../../localcloud/server';
import type { RawRoute } from '../../localcloud/module';
import { demoBuilding } from '../seed';
import { watchPreview } from '../../preview/build';
import { previewRoutes } from '../../preview/routes';
import { repoRoot } from '../paths';

export interface ServeOptions {
  port: number;
  host: string;
  data: string;
  seed: 'demo' | 'none';
  preview: boolean;
  /** Run the functions' timer triggers (config.json) as the cloud would. */
  timers: boolean;
}

/** `tongti serve`: runs until SIGINT/SIGTERM; prints one line with the URL when ready. */
export async function runServe(opts: ServeOptions): Promise<number> {
  const root = repoRoot();
  const functionsDir = join(root, 'cloudfunctions');
  const seed = opts.seed === 'demo' ? demoBuilding(Date.now()) : null;
  const routes: RawRoute[] = [];
  let stopPreview: (() => void) | null = null;
  if (opts.preview) {
    const preview = startPreview(root);
    routes.push(...preview.routes);
    stopPreview = preview.stop;
  }
  const options: LocalCloudOptions = {
    dataDir: resolve(opts.data),
    functionsDir,
    port: opts.port,
    host: opts.host,
    routes,
    log: (line) => console.log(line),
    timers: { run: opts.timers },
    ...(seed ? { seed: seed.collections, seedFiles: seed.files, identities: seed.identities } : {}),
  };
  const cloud = await startLocalCloud(options);
  const fns = cloud.functions.list();
  if (opts.host !== '127.0.0.1' && opts.host !== 'localhost') {
    console.warn(
      `warning: bound to ${opts.host}; anyone on that network can read and write this data`,
    );
  }
  console.log("TongTi local cloud — a development server, not for real residents' data.");
  console.log(
    `functions: ${fns.length ? fns.join(', ') : 'none built (run npm run build)'}; data: ${options.dataDir}`,
  );
  // The ready line is the first to carry the address: tools wait for it and read the port.
  console.log(`TongTi local cloud ready at ${cloud.url}`);
  console.log(`console: ${cloud.url}/`);
  if (opts.timers && cloud.timers.triggers.length) {
    const list = cloud.timers.triggers.map(
      (t) => `${t.functionName}/${t.name} "${t.schedule.source}"`,
    );
    console.log(`timer triggers: ${list.join(', ')}`);
  }
  if (stopPreview) console.log(`mini program preview: ${cloud.url}/preview/`);

  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  stopPreview?.();
  await cloud.close();
  return 0;
}

/** Builds the preview once, rebuilds it on change, and serves it under /preview/. */
function startPreview(root: string): { routes: RawRoute[]; stop(): void } {
  const outDir = join(root, '.tongti', 'preview');
  const watcher = watchPreview({
    miniprogramDir: join(root, 'miniprogram'),
    outDir,
    onRebuild: (r) => console.log(`preview built: ${r.files} files in ${r.ms} ms`),
    onError: (e) =>
      console.error(`preview build failed (the last good build stays served): ${e.message}`),
  });
  return { routes: previewRoutes({ outDir }), stop: () => watcher.close() };
}
