/** The preview's page: the runtime builds the phone frame into #pv-root once every script ran. */
export function indexHtml(opts: { buildId: string; title: string }): string {
  const v = encodeURIComponent(opts.buildId);
  const title = opts.title.replace(/[<&>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title} · 预览</title>
</head>
<body>
<div id="pv-root"></div>
<script src="wxml.js?v=${v}"></script>
<script src="app-config.js?v=${v}"></script>
<script src="runtime.js?v=${v}"></script>
<script src="service.js?v=${v}"></script>
</body>
</html>
`;
}
