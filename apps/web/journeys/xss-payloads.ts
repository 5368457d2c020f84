/**
 * Known stored-XSS payloads (OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet,
 * published DOMPurify / sanitize-html mutation bypasses, classic polyglots), rewritten so that
 * each one, if it ever ran, would call `__xss(<its id>)` (or set `window.__pwned`) instead of
 * `alert`: the journey exposes `__xss` to every frame and counts the calls, so an execution is
 * seen and named, not only a dialog.
 *
 * `hook` is the call to write: `__xss(12)`. Payloads that would run inside a frame call
 * `parent.__xss(…)`; encoded variants encode the hook itself, so that only the decoding a
 * browser (or a careless renderer) does can make it run.
 */

export interface XssPayload {
  /** 1-based, unique; the number the payload passes to `__xss`. */
  id: number;
  category: XssCategory;
  text: string;
  /** The text depends on the hook it was given (checked when the list is built): it calls it, encoded or not. */
  callsHook: boolean;
}

export type XssCategory =
  | 'script'
  | 'event-handler'
  | 'url-scheme'
  | 'markdown-link'
  | 'markdown-mix'
  | 'attribute-breakout'
  | 'template-injection'
  | 'mutation'
  | 'frame-meta-base-form'
  | 'encoded'
  | 'css'
  | 'svg'
  | 'polyglot';

const entities = (s: string) => [...s].map((c) => `&#${c.charCodeAt(0)};`).join('');
const hexEntities = (s: string) => [...s].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('');
const urlEncoded = (s: string) =>
  [...s].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
const jsEscaped = (s: string) =>
  [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

type Make = (hook: string, n: number) => string;

const TEMPLATES: [XssCategory, Make][] = [
  // Classic script tags.
  ['script', (h) => `<script>${h}</script>`],
  ['script', (h) => `<SCRIPT>${h}</SCRIPT>`],
  ['script', (h) => `<script src="data:text/javascript,${h}"></script>`],
  ['script', (h) => `<scr<script>ipt>${h}</scr</script>ipt>`],
  ['script', (h) => `</title><script>${h}</script>`],
  ['script', (h) => `</textarea><script>${h}</script>`],
  ['script', (h) => `'"><script>${h}</script>`],
  ['script', (h) => `<script type="module">${h}</script>`],
  ['script', (h) => `<script>eval(atob('${base64(h)}'))</script>`],
  ['script', (h) => `<script\x20type="text/javascript">${h};</script>`],
  ['script', (h) => `<<script>${h}//<</script>`],

  // Event handlers on img, svg, body, details, video and friends.
  ['event-handler', (h) => `<img src=x onerror=${h}>`],
  ['event-handler', (h) => `<img src="x" onerror="${h}">`],
  ['event-handler', (h) => `<IMG SRC=x OnErRoR=${h}>`],
  ['event-handler', (h) => `<img/src/onerror=${h}>`],
  ['event-handler', (h) => `<img src onerror=${h}>`],
  ['event-handler', (_h, n) => `<img src=x onerror=window.__pwned=${n}>`],
  ['event-handler', (h) => `<svg onload=${h}>`],
  ['event-handler', (h) => `<svg/onload=${h}>`],
  ['event-handler', (h) => `<body onload=${h}>`],
  ['event-handler', (h) => `<body onpageshow=${h}>`],
  ['event-handler', (h) => `<details open ontoggle=${h}>`],
  ['event-handler', (h) => `<video><source onerror=${h}></video>`],
  ['event-handler', (h) => `<video src=x onerror=${h}></video>`],
  ['event-handler', (h) => `<audio src=x onerror=${h}>`],
  ['event-handler', (h) => `<input autofocus onfocus=${h}>`],
  ['event-handler', (h) => `<select autofocus onfocus=${h}></select>`],
  ['event-handler', (h) => `<textarea autofocus onfocus=${h}></textarea>`],
  ['event-handler', (h) => `<iframe onload=${h}></iframe>`],
  ['event-handler', (h) => `<object data=x onerror=${h}></object>`],
  ['event-handler', (h) => `<marquee onstart=${h}>x</marquee>`],
  ['event-handler', (h) => `<div onmouseover=${h}>survol</div>`],
  ['event-handler', (h) => `<a href=# autofocus onfocus=${h}>lien</a>`],
  ['event-handler', (h) => `<style onload=${h}></style>`],
  ['event-handler', (h) => `<link rel=stylesheet href=x onerror=${h}>`],
  ['event-handler', (h) => `<x contenteditable autofocus onfocus=${h}>x</x>`],
  ['event-handler', (h) => `<img src=x onerror="${h}"//`],

  // javascript:, data: and vbscript: URLs in HTML links and sources.
  ['url-scheme', (h) => `<a href="javascript:${h}">lien</a>`],
  ['url-scheme', (h) => `<a href="JaVaScRiPt:${h}">lien</a>`],
  ['url-scheme', (h) => `<a href=" javascript:${h}">lien</a>`],
  ['url-scheme', (h) => `<a href="java&#x09;script:${h}">lien</a>`],
  ['url-scheme', (h) => `<a href="${entities('javascript:')}${h}">lien</a>`],
  ['url-scheme', (h) => `<a href="&#x6A;avascript:${h}">lien</a>`],
  ['url-scheme', (h) => `<a href="javascript&colon;${h}">lien</a>`],
  ['url-scheme', (h) => `<a href="data:text/html;base64,${base64(`<script>opener.${h}</script>`)}">lien</a>`],
  ['url-scheme', (h) => `<a href="vbscript:${h}">lien</a>`],
  ['url-scheme', (h) => `<a href="javascript:${urlEncoded(h)}">lien</a>`],
  ['url-scheme', (h) => `<iframe src="javascript:parent.${h}"></iframe>`],
  ['url-scheme', (h) => `<embed src="javascript:${h}">`],
  ['url-scheme', (h) => `<object data="javascript:${h}"></object>`],
  ['url-scheme', (h) => `<img src="javascript:${h}">`],

  // Markdown links.
  ['markdown-link', (h) => `[lien](javascript:${h})`],
  ['markdown-link', (h) => `[lien](JAVASCRIPT:${h})`],
  ['markdown-link', (h) => `[lien](javascript&#58;${h})`],
  ['markdown-link', (h) => `[lien](<javascript:${h}>)`],
  ['markdown-link', (h) => `[lien]( javascript:${h})`],
  ['markdown-link', (h) => `[lien](data:text/html;base64,${base64(`<script>${h}</script>`)})`],
  ['markdown-link', (h) => `[lien](vbscript:${h})`],
  [
    'markdown-link',
    (h) => `[lien][ref${h.replace(/\D/g, '')}]\n\n[ref${h.replace(/\D/g, '')}]: javascript:${h}`,
  ],
  ['markdown-link', (h) => `<javascript:${h}>`],
  ['markdown-link', (h) => `[lien](javascript:${h} "titre")`],
  ['markdown-link', (h) => `[lien](j&#x61;vascript:${h})`],
  ['markdown-link', (h) => `[lien](javas%09cript:${h})`],
  ['markdown-link', (h) => `[lien](javascript://%0a${h})`],

  // Markdown images and markdown/HTML mixes.
  ['markdown-mix', (h) => `![x](x" onerror="${h})`],
  ['markdown-mix', (h) => `![x](javascript:${h})`],
  ['markdown-mix', (h) => `![x" onerror="${h}](https://example.invalid/a.png)`],
  ['markdown-mix', (h) => `![x](https://example.invalid/a.png"onerror="${h})`],
  ['markdown-mix', (h) => `[![x](https://example.invalid/i.png)](javascript:${h})`],
  ['markdown-mix', (h) => `**<img src=x onerror=${h}>**`],
  ['markdown-mix', (h) => `\`<img src=x onerror=${h}>\``],
  ['markdown-mix', (h) => `<a href="https://ok.example">[x](javascript:${h})</a>`],
  ['markdown-mix', (h) => `> <svg onload=${h}>`],
  ['markdown-mix', (h) => `| a |\n|---|\n| <img src=x onerror=${h}> |`],
  ['markdown-mix', (h) => `<details>\n\n*x* <img src=x onerror=${h}>\n\n</details>`],
  ['markdown-mix', (h) => `\`\`\`html\n</code><img src=x onerror=${h}>\n\`\`\``],

  // Breaking out of an attribute or an element the page wraps the text in.
  ['attribute-breakout', (h) => `"><svg onload=${h}>`],
  ['attribute-breakout', (h) => `'><svg onload=${h}>`],
  ['attribute-breakout', (h) => `" onmouseover="${h}`],
  ['attribute-breakout', (h) => `' autofocus onfocus='${h}`],
  ['attribute-breakout', (h) => `"autofocus onfocus=${h} x="`],
  ['attribute-breakout', (h) => `</bdi><img src=x onerror=${h}>`],
  ['attribute-breakout', (h) => `--><svg onload=${h}>`],
  ['attribute-breakout', (h) => `]]><svg onload=${h}>`],
  ['attribute-breakout', (h) => `</style><svg onload=${h}>`],
  ['attribute-breakout', (h) => `</script><svg onload=${h}>`],

  // Template / expression injection (Angular, AngularJS, JS template literals, i18n interpolation).
  ['template-injection', (h) => `{{constructor.constructor('${h}')()}}`],
  ['template-injection', (h) => `{{$on.constructor('${h}')()}}`],
  ['template-injection', (h) => `<div ng-app ng-csp>{{$eval.constructor('${h}')()}}</div>`],
  ['template-injection', (h) => `\${${h}}`],
  ['template-injection', (h) => `{{ ${h} }}`],
  ['template-injection', (h) => `#{${h}} <%= ${h} %>`],
  ['template-injection', (h) => `{{'a'.constructor.prototype.charAt=[].join;$eval('x=${h}')}}`],

  // Mutation XSS: parser differentials between sanitizer and browser (noscript, style,
  // textarea, math/svg namespace confusion, comments, CDATA).
  ['mutation', (h) => `<noscript><p title="</noscript><img src=x onerror=${h}>">`],
  ['mutation', (h) => `<math><mtext><table><mglyph><style><img src=x onerror=${h}>`],
  ['mutation', (h) => `<svg></p><style><a id="</style><img src=1 onerror=${h}>">`],
  [
    'mutation',
    (h) => `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${h} src=1>">`,
  ],
  ['mutation', (h) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${h}>`],
  ['mutation', (h) => `<textarea><img title="</textarea><img src=x onerror=${h}>">`],
  ['mutation', (h) => `<style><img src="</style><img src=x onerror=${h}>">`],
  ['mutation', (h) => `<svg><style><img src=x onerror=${h}></style></svg>`],
  ['mutation', (h) => `<math><style><img src=x onerror=${h}></style></math>`],
  ['mutation', (h) => `<xmp><img title="</xmp><img src=x onerror=${h}>">`],
  ['mutation', (h) => `<iframe><img title="</iframe><img src=x onerror=${h}>"></iframe>`],
  ['mutation', (h) => `<noembed><img title="</noembed><img src=x onerror=${h}>"></noembed>`],
  ['mutation', (h) => `<template><img src=x onerror=${h}></template>`],
  ['mutation', (h) => `<title><img title="</title><img src=x onerror=${h}>"></title>`],
  ['mutation', (h) => `<svg><![CDATA[><img src=x onerror=${h}>]]></svg>`],
  ['mutation', (h) => `<!--><img src=x onerror=${h}>-->`],
  ['mutation', (h) => `<a title="<!--"><img src=x onerror=${h}>-->`],
  ['mutation', (h) => `<table><td><img src=x onerror=${h}></table>`],
  ['mutation', (h) => `<select><template><img src=x onerror=${h}></template></select>`],

  // Frames with srcdoc, meta refresh, base href, form actions.
  ['frame-meta-base-form', (h) => `<iframe srcdoc="<script>parent.${h}</script>"></iframe>`],
  ['frame-meta-base-form', (h) => `<iframe srcdoc="&lt;img src=x onerror=parent.${h}&gt;"></iframe>`],
  ['frame-meta-base-form', (h) => `<iframe src="data:text/html,<script>parent.${h}</script>"></iframe>`],
  ['frame-meta-base-form', (h) => `<meta http-equiv="refresh" content="0;url=javascript:${h}">`],
  ['frame-meta-base-form', (h) => `<base href="javascript:${h}//">`],
  ['frame-meta-base-form', (h) => `<form action="javascript:${h}"><input type=submit></form>`],
  ['frame-meta-base-form', (h) => `<form><button formaction=javascript:${h}>x</button></form>`],
  ['frame-meta-base-form', (h) => `<isindex action=javascript:${h} type=image>`],
  ['frame-meta-base-form', (h) => `<object data="data:text/html,<script>parent.${h}</script>"></object>`],

  // Encoded variants: HTML entities, URL encoding, unicode escapes, "null bytes".
  ['encoded', (h) => `&lt;img src=x onerror=${h}&gt;`],
  ['encoded', (h) => `%3Cimg%20src%3Dx%20onerror%3D${h}%3E`],
  ['encoded', (h) => `\\u003cimg src=x onerror=${h}\\u003e`],
  ['encoded', (h) => `\\x3cimg src=x onerror=${h}\\x3e`],
  ['encoded', (h) => `<img src=x onerror=${jsEscaped(h.slice(0, 5))}${h.slice(5)}>`],
  ['encoded', (h) => `<img src=x onerror="${entities(h)}">`],
  ['encoded', (h) => `<img src=x onerror=${hexEntities(h)}>`],
  ['encoded', (h) => `<img src=x o\\0nerror=${h}>`],
  ['encoded', (h) => `<scr\\0ipt>${h}</scr\\0ipt>`],
  ['encoded', (h) => `<img src=x onerror=eval('\\x5f\\x5f${h.slice(2)}')>`],
  ['encoded', (h) => `\uFF1Cscript\uFF1E${h}\uFF1C/script\uFF1E`],
  ['encoded', (h) => `<img src=x onerror=${h.replace('(', '&#40;').replace(')', '&#41;')}>`],
  ['encoded', (h) => `+ADw-script+AD4-${h}+ADw-/script+AD4-`],
  ['encoded', (h) => `<img src=x onerror=\`${h}\`>`],
  ['encoded', (h) => `&#60;script&#62;${h}&#60;/script&#62;`],
  ['encoded', (h) => `<a href="javascript:void(0)" onclick="${h}">lien</a>`],

  // CSS: expression(), url(javascript:), @import.
  ['css', (h) => `<div style="background:url(javascript:${h})">x</div>`],
  ['css', (h) => `<div style="width:expression(${h})">x</div>`],
  ['css', (h) => `<style>@import 'javascript:${h}';</style>`],
  ['css', (h) => `<style>body{background:url("javascript:${h}")}</style>`],
  ['css', (h) => `<link rel=stylesheet href="javascript:${h}">`],
  ['css', (h) => `<p style="x:\\65xpression(${h})">x</p>`],

  // SVG: <use>, <animate>, <set>, xlink:href, foreignObject.
  ['svg', (h) => `<svg><script>${h}</script></svg>`],
  ['svg', (h) => `<svg><animate onbegin=${h} attributeName=x dur=1s>`],
  ['svg', (h) => `<svg><set onbegin=${h} attributeName=x to=1>`],
  ['svg', (h) => `<svg><a xlink:href="javascript:${h}"><text x=20 y=20>x</text></a></svg>`],
  [
    'svg',
    (h) => `<svg><a><animate attributeName=href values=javascript:${h} /><text x=20 y=20>x</text></a></svg>`,
  ],
  [
    'svg',
    (h) =>
      `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${h}'/></svg>#x"/></svg>`,
  ],
  ['svg', (h) => `<svg><foreignObject><img src=x onerror=${h}></foreignObject></svg>`],
  ['svg', (h) => `<svg><image href=x onerror=${h}></image></svg>`],
  ['svg', (h) => `<svg><discard onbegin=${h}>`],

  // Polyglots.
  [
    'polyglot',
    (h) =>
      `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=${h} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=${h}//>\\x3e`,
  ],
  [
    'polyglot',
    (h) =>
      `'">><marquee><img src=x onerror=${h}></marquee>"></plaintext\\></|\\><plaintext/onmouseover=${h}>`,
  ],
  ['polyglot', (h) => `" onclick=${h}//<button ' onclick=${h}//> */ ${h}//`],
  [
    'polyglot',
    (h) =>
      `javascript:"/*'/*\`/*--></noscript></title></textarea></style></template></noembed></script><html " onmouseover=/*&lt;svg/*/onload=${h}//>`,
  ],
  ['polyglot', (h) => `-->'"/></sCript><deTailS open x=">" onToggle=${h}>`],
  ['polyglot', (h) => `<svg/onload=${h}>"onmouseover=${h} '<img src=x onerror=${h}>`],
];

export const XSS_PAYLOADS: readonly XssPayload[] = TEMPLATES.map(([category, make], i) => {
  const text = make(`__xss(${i + 1})`, i + 1);
  return {
    id: i + 1,
    category,
    text,
    callsHook: make('__xss(0)', i + 1) !== text || text.includes(`window.__pwned=${i + 1}`),
  };
});

/** Payloads short enough for a field of `max` characters (display names, tags, region names…). */
export function payloadsUpTo(max: number): XssPayload[] {
  return XSS_PAYLOADS.filter((p) => p.text.length <= max);
}

/** One line of text (the whitespace a browser collapses when it shows text). */
export function asShownText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
