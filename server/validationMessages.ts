import type * as z from 'zod';

/**
 * What a refused request says, in Chinese: the people who read it use the mini program in
 * Chinese, and zod's own words are English. Messages a schema sets itself (“请填写姓名”) win;
 * this covers every issue a schema leaves unworded.
 */
type Issue = z.core.$ZodRawIssue;

function sizeLimit(issue: Issue & { origin?: unknown }, limit: unknown, more: boolean): string {
  const n = typeof limit === 'bigint' ? limit.toString() : String(limit);
  switch (issue.origin) {
    case 'string':
      return more ? `不能为空，至少 ${n} 个字` : `最多 ${n} 个字`;
    case 'array':
    case 'set':
      return more ? `至少 ${n} 项` : `最多 ${n} 项`;
    default:
      return more ? `不能小于 ${n}` : `不能大于 ${n}`;
  }
}

export function chineseIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少这一项' : '类型不对';
    case 'too_small':
      return sizeLimit(issue, issue.minimum, true);
    case 'too_big':
      return sizeLimit(issue, issue.maximum, false);
    case 'invalid_value':
      return '不是可以选择的值';
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_format':
      return '格式不对';
    case 'not_multiple_of':
      return '数值不对';
    default:
      return '内容不对';
  }
}

/** One line for all issues: `字段：原因；…`, the field as the request names it. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}：${issue.message}` : issue.message;
    })
    .join('；');
}
