import QRCode from 'qrcode';
import type { OpenApiRules } from './rules';
import { pageIsKnown } from './rules';
import type { OpenApiParams, WxAnswer } from './wxAnswer';
import { booleanParam, numberParam, recordParam, stringParam, wxError } from './wxAnswer';

/**
 * wxacode.getUnlimited / get / createQRCode. WeChat draws a "sun code" only its client can scan;
 * locally we draw a real QR code (PNG) whose text names the page and scene, so a preview or a test
 * can decode it and open the page the way the client would.
 */
export const WXACODE_SCHEME = 'wxacode://';

/** The text inside a local mini-program code: `wxacode://<page>?scene=<urlencoded scene>`. */
export function wxacodeText(page: string, scene?: string): string {
  return scene === undefined
    ? `${WXACODE_SCHEME}${page}`
    : `${WXACODE_SCHEME}${page}?scene=${encodeURIComponent(scene)}`;
}

export function parseWxacodeText(
  text: string,
): { page: string; query: Record<string, string> } | null {
  if (!text.startsWith(WXACODE_SCHEME)) return null;
  const [page = '', search = ''] = text.slice(WXACODE_SCHEME.length).split('?', 2);
  return { page, query: Object.fromEntries(new URLSearchParams(search)) };
}

export interface WxacodeOutcome {
  answer: WxAnswer;
  entry: Record<string, unknown>;
}

const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const ENV_VERSIONS = new Set(['release', 'trial', 'develop']);
const DEFAULT_PAGE = 'pages/index/index';

export async function getUnlimited(
  params: OpenApiParams,
  rules: OpenApiRules,
): Promise<WxacodeOutcome> {
  const scene = stringParam(params, 'scene') ?? '';
  const page = stringParam(params, 'page') || DEFAULT_PAGE;
  const checkPath = booleanParam(params, 'check_path') ?? true;
  const envVersion = stringParam(params, 'env_version') ?? 'release';
  const width = clampWidth(numberParam(params, 'width'));
  const entry: Record<string, unknown> = { scene, page, checkPath, envVersion, width };
  let answer: WxAnswer;
  if (!SCENE_PATTERN.test(scene)) {
    answer = wxError(40169, 'invalid length for scene, or the data is not json string');
  } else if (page.startsWith('/') || (checkPath && !pageIsKnown(rules, page))) {
    answer = wxError(41030, 'invalid page');
  } else if (!ENV_VERSIONS.has(envVersion)) {
    answer = wxError(40097, 'invalid args');
  } else {
    const text = wxacodeText(page, scene);
    entry.text = text;
    answer = { buffer: await drawCode(text, params, width), contentType: 'image/png' };
  }
  entry.errcode = 'json' in answer ? answer.json.errcode : 0;
  return { answer, entry };
}

/** wxacode.get and wxacode.createQRCode take a full path (page plus query), at most 128 chars. */
export async function getByPath(params: OpenApiParams): Promise<WxacodeOutcome> {
  const path = stringParam(params, 'path') ?? '';
  const width = clampWidth(numberParam(params, 'width'));
  const entry: Record<string, unknown> = { path, width };
  let answer: WxAnswer;
  if (path === '' || path.length > 128) {
    answer = wxError(40159, 'invalid length for path, or the data is not json string');
  } else {
    const text = wxacodeText(path.replace(/^\/+/, ''));
    entry.text = text;
    answer = { buffer: await drawCode(text, params, width), contentType: 'image/png' };
  }
  entry.errcode = 'json' in answer ? answer.json.errcode : 0;
  return { answer, entry };
}

function clampWidth(width: number | undefined): number {
  if (width === undefined) return 430;
  return Math.min(1280, Math.max(280, Math.round(width)));
}

/**
 * PNG filter 2 ("Up"): QR rows repeat, so it compresses about as well as adaptive filtering at a
 * fraction of the cost (adaptive takes seconds per image under jest's VM).
 */
const rendererOpts = { deflateLevel: 9, filterType: 2 };

async function drawCode(text: string, params: OpenApiParams, width: number): Promise<Buffer> {
  const hyaline = booleanParam(params, 'is_hyaline') ?? false;
  return QRCode.toBuffer(text, {
    type: 'png',
    width,
    margin: 2,
    errorCorrectionLevel: 'M',
    color: {
      dark: lineColor(recordParam(params, 'line_color')),
      light: hyaline ? '#0000' : '#ffff',
    },
    rendererOpts,
  });
}

/** `line_color: {r, g, b}` (numbers or numeric strings, as WeChat accepts) to #rrggbbff. */
function lineColor(color: Record<string, unknown> | undefined): string {
  if (!color) return '#000000ff';
  const channel = (v: unknown): string => {
    const n = Math.min(255, Math.max(0, Math.round(Number(v) || 0)));
    return n.toString(16).padStart(2, '0');
  };
  return `#${channel(color.r)}${channel(color.g)}${channel(color.b)}ff`;
}
