/**
 * The console at `/`: what a newcomer who ran `npm start` opens first. Like an emulator suite's
 * UI it shows the collections and their documents (read-only, paged), the last invocations with
 * caller, time and database requests, and the outbox of messages and payments. One static page
 * over the `/api/*` endpoints, so it needs no build.
 */
export function consolePage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TongTi local cloud</title>
<style>
  :root { --fg:#1f2329; --muted:#6b7280; --line:#e5e7eb; --brand:#07c160; --bg:#f7f8fa; }
  * { box-sizing: border-box; }
  body { margin:0; font: 14px/1.5 -apple-system, "PingFang SC", "WenQuanYi Micro Hei", sans-serif; color:var(--fg); background:var(--bg); }
  header { background:#fff; border-bottom:1px solid var(--line); padding:12px 20px; display:flex; gap:16px; align-items:center; flex-wrap:wrap; }
  header h1 { font-size:18px; margin:0; }
  header .warn { color:#b45309; font-size:12px; }
  header a { color:var(--brand); }
  main { display:grid; grid-template-columns: 220px 1fr; gap:16px; padding:16px 20px; }
  section { background:#fff; border:1px solid var(--line); border-radius:8px; padding:12px; margin-bottom:16px; overflow:auto; }
  h2 { font-size:15px; margin:0 0 8px; }
  ul.cols { list-style:none; margin:0; padding:0; }
  ul.cols li { padding:6px 8px; border-radius:6px; cursor:pointer; display:flex; justify-content:space-between; }
  ul.cols li:hover, ul.cols li.on { background:#ecfdf3; }
  table { border-collapse:collapse; width:100%; font-size:13px; }
  th, td { text-align:left; padding:4px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
  td.err { color:#b91c1c; }
  pre { margin:0; font-size:12px; white-space:pre-wrap; word-break:break-all; }
  .muted { color:var(--muted); }
  button { border:1px solid var(--line); background:#fff; border-radius:6px; padding:2px 10px; cursor:pointer; }
</style>
</head>
<body>
<header>
  <h1>TongTi 同梯 · local cloud</h1>
  <span class="muted" id="env"></span>
  <a href="/preview/">Open the mini program preview →</a>
  <span class="warn">Development server: not for real residents' data.</span>
</header>
<main>
  <div>
    <section><h2>Collections</h2><ul class="cols" id="cols"></ul></section>
    <section><h2>Functions</h2><ul class="cols" id="fns"></ul></section>
  </div>
  <div>
    <section><h2>Last invocations</h2><table id="inv"></table></section>
    <section><h2>Outbox (messages, QR codes, payments)</h2><table id="outbox"></table></section>
    <section id="docs"><h2>Documents</h2><p class="muted">Pick a collection.</p></section>
  </div>
</main>
<script>
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
const get = (p) => fetch(p).then((r) => r.json());
let current = null, offset = 0;
const PAGE = 20;
async function loadCollections() {
  const cols = await get('/api/collections');
  $('cols').innerHTML = cols.map((c) => '<li data-name="' + esc(c.name) + '"' + (c.name === current ? ' class="on"' : '') + '><span>' + esc(c.name) + '</span><span class="muted">' + c.count + '</span></li>').join('') || '<li class="muted">none yet</li>';
  for (const li of $('cols').querySelectorAll('li[data-name]')) li.onclick = () => { current = li.dataset.name; offset = 0; loadDocs(); loadCollections(); };
}
async function loadDocs() {
  if (!current) return;
  const page = await get('/api/collections/' + encodeURIComponent(current) + '?offset=' + offset + '&limit=' + PAGE);
  const rows = page.docs.map((d) => '<tr><td><pre>' + esc(JSON.stringify(d)) + '</pre></td></tr>').join('');
  $('docs').innerHTML = '<h2>' + esc(current) + ' <span class="muted">' + (page.total ? (offset + 1) + '–' + Math.min(offset + PAGE, page.total) + ' of ' + page.total : 'empty') + '</span> ' +
    '<button id="prev"' + (offset === 0 ? ' disabled' : '') + '>‹ prev</button> <button id="next"' + (offset + PAGE >= page.total ? ' disabled' : '') + '>next ›</button></h2><table>' + rows + '</table>';
  $('prev').onclick = () => { offset = Math.max(0, offset - PAGE); loadDocs(); };
  $('next').onclick = () => { offset += PAGE; loadDocs(); };
}
async function loadInvocations() {
  const inv = await get('/api/invocations');
  $('inv').innerHTML = '<tr><th>when</th><th>function</th><th>action</th><th>caller</th><th>ms</th><th>db requests</th><th>result</th></tr>' +
    inv.slice(0, 50).map((r) => '<tr><td>' + esc(new Date(r.startedAt).toLocaleTimeString()) + '</td><td>' + esc(r.functionName) + '</td><td>' + esc(r.action || '-') + '</td><td>' + esc(r.openid || '-') + '</td><td>' + r.ms + '</td><td>' + r.dbRequests + '</td><td' + (r.ok ? '>ok' : ' class="err">' + esc(r.error)) + '</td></tr>').join('');
}
async function loadOutbox() {
  const out = await get('/api/outbox');
  $('outbox').innerHTML = '<tr><th>#</th><th>kind</th><th>when</th><th>content</th></tr>' +
    out.slice(-50).reverse().map((e) => { const { seq, kind, at, ...rest } = e; return '<tr><td>' + seq + '</td><td>' + esc(kind) + '</td><td>' + esc(new Date(at).toLocaleString()) + '</td><td><pre>' + esc(JSON.stringify(rest)) + '</pre></td></tr>'; }).join('');
}
async function loadFunctions() {
  const fns = await get('/api/functions');
  $('fns').innerHTML = fns.map((f) => '<li><span>' + esc(f) + '</span></li>').join('') || '<li class="muted">none built</li>';
}
async function refresh() { await Promise.all([loadCollections(), loadInvocations(), loadOutbox()]); }
get('/api/health').then((h) => { $('env').textContent = 'env ' + h.envId; });
loadFunctions(); refresh(); setInterval(refresh, 3000);
</script>
</body>
</html>`;
}
