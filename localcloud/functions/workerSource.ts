/**
 * The code each function worker runs, as a string for `new Worker(src, { eval: true })`: the
 * function host needs no build step and works the same under tsx, jest and plain node.
 *
 * A worker loads one function's bundled `index.js` once (a warm container) and runs one
 * invocation at a time. Before each invocation it sets the environment variables the real
 * platform sets — `getWXContext()` reads identity from `process.env`, which is private to a
 * worker — and points the SDK at the local cloud with a URL that carries the invocation id, so
 * every database request can be counted against the invocation that made it.
 */
export const WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const util = require('node:util');

function describe(err) {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: 'Error', message: util.inspect(err), stack: '' };
}

// The real runtime reports unhandled failures of a function as an execution failure.
process.on('unhandledRejection', (err) => parentPort.postMessage({ type: 'crash', error: describe(err) }));
process.on('uncaughtException', (err) => parentPort.postMessage({ type: 'crash', error: describe(err) }));

Object.assign(process.env, workerData.baseEnv);
let mod;
try {
  mod = require(workerData.entry);
  if (!mod || typeof mod.main !== 'function') throw new Error('index.js does not export main');
  parentPort.postMessage({ type: 'ready' });
} catch (err) {
  parentPort.postMessage({ type: 'load-failed', error: describe(err) });
}

parentPort.on('message', async (msg) => {
  if (msg.type !== 'invoke') return;
  Object.assign(process.env, msg.env);
  try {
    const result = await mod.main(msg.event, msg.context);
    let json;
    try {
      json = JSON.stringify(result === undefined ? null : result);
    } catch (err) {
      throw new Error('result is not serialisable: ' + (err && err.message));
    }
    parentPort.postMessage({ type: 'result', id: msg.id, json });
  } catch (err) {
    parentPort.postMessage({ type: 'error', id: msg.id, error: describe(err) });
  }
});
`;
