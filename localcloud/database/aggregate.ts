import { Aggregator, ProcessingMode } from 'mingo';
import { CloudError } from '../errors';
import { type Doc, isPlainObject, parseWire } from './ejson';
import { asCloudError, queryContext } from './query';

/** Without a $limit stage the server returns this many results. */
export const AGGREGATE_DEFAULT_LIMIT = 20;

/** Turns the SDK's `[{stageKey, stageValue}]` (stageValue is EJSON text) into a pipeline. */
export function parseStages(stages: unknown, now: number): Doc[] {
  if (!Array.isArray(stages)) throw new CloudError('INVALID_PARAM', 'stages must be an array');
  const pipeline = stages.map((stage: unknown, i) => {
    if (
      !isPlainObject(stage) ||
      typeof stage.stageKey !== 'string' ||
      !stage.stageKey.startsWith('$')
    ) {
      throw new CloudError('INVALID_PARAM', `stage ${i} must be {stageKey: "$op", stageValue}`);
    }
    return { [stage.stageKey]: parseWire(stage.stageValue, now, `stage ${stage.stageKey}`) };
  });
  if (!pipeline.some((s) => '$limit' in s)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT });
  return pipeline;
}

/** Runs a pipeline; `collection(name)` supplies documents to $lookup and friends. */
export function runPipeline(
  docs: Doc[],
  pipeline: Doc[],
  collection: (name: string) => Doc[],
): Doc[] {
  try {
    const agg = new Aggregator(pipeline, {
      context: queryContext,
      // Stages like $addFields write into their input; cached documents must stay untouched.
      processingMode: ProcessingMode.CLONE_INPUT,
      collectionResolver: collection,
    });
    return agg.run<Doc>(docs);
  } catch (e) {
    throw asCloudError(e);
  }
}
