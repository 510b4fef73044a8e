import { z } from 'zod';

/**
 * Test switches for the openapi stand-in: who refuses subscription messages, which words the
 * content check flags, which pages exist. Set through `POST /openapi/rules` or the module's API.
 */
export type SecuritySuggest = 'risky' | 'review';

export interface BlockedWord {
  word: string;
  /** WeChat's label: 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 10001 ad… */
  label: number;
  suggest: SecuritySuggest;
}

export interface OpenApiRules {
  /** Openids whose subscription messages fail with 43101; '*' means everyone. */
  refusedSubscribers: string[];
  /**
   * When true a send needs a grant (one accepted wx.requestSubscribeMessage = one send), given by
   * `POST /openapi/subscriptions` or `grantSubscription`; without one the send fails with 43101.
   */
  requireSubscribeGrants: boolean;
  blockedWords: BlockedWord[];
  /** Pages of the mini program, for wxacode check_path and subscribe `page`; empty = any page. */
  knownPages: string[];
}

export function defaultRules(): OpenApiRules {
  return {
    refusedSubscribers: [],
    requireSubscribeGrants: false,
    blockedWords: [],
    knownPages: [],
  };
}

/** Label for words given as plain strings: 20006 (illegal/crime), WeChat's most common. */
export const DEFAULT_BLOCK_LABEL = 20006;

const blockedWordInput = z.union([
  z.string().min(1),
  z.object({
    word: z.string().min(1),
    label: z.number().int().optional(),
    suggest: z.enum(['risky', 'review']).optional(),
  }),
]);

export const rulesPatchSchema = z
  .object({
    refusedSubscribers: z.array(z.string()).optional(),
    requireSubscribeGrants: z.boolean().optional(),
    blockedWords: z.array(blockedWordInput).optional(),
    knownPages: z.array(z.string()).optional(),
  })
  .strict();

export type RulesPatch = z.input<typeof rulesPatchSchema>;

export function applyRulesPatch(rules: OpenApiRules, patch: RulesPatch): OpenApiRules {
  const parsed = rulesPatchSchema.parse(patch);
  return {
    refusedSubscribers: parsed.refusedSubscribers ?? rules.refusedSubscribers,
    requireSubscribeGrants: parsed.requireSubscribeGrants ?? rules.requireSubscribeGrants,
    blockedWords: parsed.blockedWords
      ? parsed.blockedWords.map((w) =>
          typeof w === 'string'
            ? { word: w, label: DEFAULT_BLOCK_LABEL, suggest: 'risky' }
            : {
                word: w.word,
                label: w.label ?? DEFAULT_BLOCK_LABEL,
                suggest: w.suggest ?? 'risky',
              },
        )
      : rules.blockedWords,
    knownPages: parsed.knownPages ? parsed.knownPages.map(normalizePage) : rules.knownPages,
  };
}

/** 'pages/a/index?x=1' and '/pages/a/index' both name the page 'pages/a/index'. */
export function normalizePage(page: string): string {
  return (page.split('?')[0] ?? '').replace(/^\/+/, '');
}

export function pageIsKnown(rules: OpenApiRules, page: string): boolean {
  return rules.knownPages.length === 0 || rules.knownPages.includes(normalizePage(page));
}
