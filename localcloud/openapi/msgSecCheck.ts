import type { BlockedWord, OpenApiRules } from './rules';
import type { OpenApiParams, WxAnswer } from './wxAnswer';
import { numberParam, rid, stringParam, wxError, wxOk } from './wxAnswer';

/**
 * security.msgSecCheck. Version 2 always answers errcode 0 with a verdict
 * (`result.suggest` pass | review | risky, a label, per-strategy `detail`); version 1 answers
 * errcode 87014 for risky content. The verdict comes from the configured word list.
 */
export interface SecCheckOutcome {
  answer: WxAnswer;
  entry: Record<string, unknown>;
}

const MAX_CONTENT = 2500;
const SCENES = new Set([1, 2, 3, 4]);
const PASS_LABEL = 100;

export function msgSecCheck(params: OpenApiParams, rules: OpenApiRules): SecCheckOutcome {
  const content = stringParam(params, 'content');
  const version = numberParam(params, 'version') ?? 1;
  const scene = numberParam(params, 'scene');
  const openid = stringParam(params, 'openid');
  const texts = [content, ...['title', 'nickname', 'signature'].map((k) => stringParam(params, k))];
  const entry: Record<string, unknown> = { content: content ?? null, version, scene, openid };

  const answer = check();
  const json = 'json' in answer ? answer.json : {};
  entry.errcode = json.errcode;
  const result = json.result;
  if (typeof result === 'object' && result !== null) {
    entry.suggest = (result as Record<string, unknown>).suggest;
  } else if (json.errcode === 0 || json.errcode === 87014) {
    entry.suggest = json.errcode === 0 ? 'pass' : 'risky';
  }
  return { answer, entry };

  function check(): WxAnswer {
    if (content === undefined || content === '') return wxError(47001, 'data format error');
    if ([...content].length > MAX_CONTENT) return wxError(47001, 'data format error');
    const hit = findBlocked(
      texts.filter((t): t is string => t !== undefined),
      rules.blockedWords,
    );
    if (version !== 2) {
      return hit ? wxError(87014, 'risky content') : wxOk();
    }
    if (!openid) return wxError(40003, 'invalid openid');
    if (scene === undefined || !SCENES.has(scene)) return wxError(40097, 'invalid args');
    const traceId = rid();
    if (!hit) {
      return wxOk({
        result: { suggest: 'pass', label: PASS_LABEL },
        detail: [
          { strategy: 'content_model', errcode: 0, suggest: 'pass', label: PASS_LABEL, prob: 90 },
        ],
        trace_id: traceId,
      });
    }
    return wxOk({
      result: { suggest: hit.suggest, label: hit.label },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest: hit.suggest, label: hit.label, prob: 90 },
        {
          strategy: 'keyword',
          errcode: 0,
          suggest: hit.suggest,
          label: hit.label,
          level: 20,
          keyword: hit.word,
        },
      ],
      trace_id: traceId,
    });
  }
}

/** The first blocked word found, preferring risky over review like WeChat's overall verdict. */
function findBlocked(texts: string[], words: BlockedWord[]): BlockedWord | null {
  const hits = words.filter((w) =>
    texts.some((t) => t.toLowerCase().includes(w.word.toLowerCase())),
  );
  return hits.find((w) => w.suggest === 'risky') ?? hits[0] ?? null;
}
