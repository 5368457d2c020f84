import { renderMarkdown, sanitizeLessonHtml } from './markdown';

/** The markup of the output (text is escaped, so every real tag starts with `<`). */
function tags(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}

function expectSafe(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(
    /<(iframe|object|embed|svg|math|style|form|input|button|base|meta|link|frame|video|audio|details)\b/i,
  );
  for (const tag of tags(html)) {
    expect(tag).not.toMatch(/\son\w+\s*=/i);
    expect(tag).not.toMatch(/javascript:|vbscript:|data:/i);
    expect(tag).not.toMatch(/\sstyle\s*=/i);
    expect(tag).not.toMatch(/\ssrcdoc\s*=/i);
    expect(tag).not.toMatch(/\s(src|href)\s*=\s*"\s*\/\//i); // protocol-relative
  }
}

const XSS_PAYLOADS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://ok.example/a.png" onerror="alert(1)">',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">tab</a>',
  '<a href=" &#14;  javascript:alert(1)">leading junk</a>',
  '<a href="JaVaScRiPt:alert(1)">case</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<p style="behavior: url(xss.htc)">x</p>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '"><script>alert(1)</script>',
  '<a href="https://ok.example" onclick="alert(1)" onmouseover=alert(1)>ok</a>',
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](javascript&#58;alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '![img](javascript:alert(1))',
  '![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![img](http://insecure.example/a.png)',
  '[x](//evil.example/path)',
  '<javascript:alert(1)>',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '<a href="https://ok.example"\nonmouseover="alert(1)">multiline</a>',
  '<img/src="x"/onerror="alert(1)">',
  '<<img src=x onerror=alert(1)//>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<style>@import "javascript:alert(1)";</style>',
  '<template><script>alert(1)</script></template>',
];

describe('renderMarkdown — XSS payloads', () => {
  it('has at least 30 payloads', () => expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30));

  it.each(XSS_PAYLOADS.map((p) => [p]))('neutralises %j', (payload) => {
    expectSafe(renderMarkdown(payload));
    expectSafe(renderMarkdown(`# Title\n\nSome text ${payload} more text\n\n- item ${payload}`));
    expectSafe(sanitizeLessonHtml(payload));
  });

  it('drops the script entirely, not as visible text', () => {
    expect(renderMarkdown('before <script>alert(1)</script> after')).toBe('<p>before  after</p>');
  });

  it('keeps the link text of a javascript: link but not its href', () => {
    const html = renderMarkdown('[click me](javascript:alert(1))');
    expect(html).toContain('click me');
    expect(html).not.toContain('href');
  });
});

describe('renderMarkdown — normal markdown', () => {
  it('renders headings, paragraphs, emphasis', () => {
    expect(renderMarkdown('# Titre\n\nUn *petit* **texte**.')).toBe(
      '<h1>Titre</h1>\n<p>Un <em>petit</em> <strong>texte</strong>.</p>',
    );
  });

  it('renders lists, including ordered lists with a start', () => {
    const html = renderMarkdown('- un\n- deux\n\n3. trois\n4. quatre');
    expect(html).toContain('<ul>\n<li>un</li>\n<li>deux</li>\n</ul>');
    expect(html).toContain('<ol start="3">');
  });

  it('renders safe links with rel and target', () => {
    expect(renderMarkdown('[Site](https://example.org/a?b=1&c=2)')).toBe(
      '<p><a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer" target="_blank">Site</a></p>',
    );
    expect(renderMarkdown('[Écrire](mailto:contact@example.org)')).toContain(
      'href="mailto:contact@example.org"',
    );
    expect(renderMarkdown('[http](http://example.org)')).toContain('href="http://example.org"');
    expect(renderMarkdown('<https://example.org>')).toContain('href="https://example.org"');
  });

  it('forces rel and target even when the author set others', () => {
    const html = renderMarkdown('<a href="https://x.example" target="_self" rel="opener">x</a>');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('target="_blank"');
    expect(html).not.toContain('_self');
  });

  it('keeps https images, drops the others', () => {
    const html = renderMarkdown('![Logo](https://example.org/logo.png "Le logo")');
    expect(html).toContain('<img');
    expect(html).toContain('src="https://example.org/logo.png"');
    expect(html).toContain('alt="Logo"');
    expect(html).toContain('referrerpolicy="no-referrer"');
    expect(renderMarkdown('![x](http://example.org/a.png)')).not.toContain('<img');
    expect(renderMarkdown('![x](/local.png)')).not.toContain('<img');
  });

  it('renders code and pre, escaping their content', () => {
    expect(renderMarkdown('Use `<b>`')).toBe('<p>Use <code>&lt;b&gt;</code></p>');
    const block = renderMarkdown('```js\nconst a = "<script>";\n```');
    expect(block).toContain('<pre><code class="language-js">');
    expect(block).toContain('&lt;script&gt;');
    expect(block).not.toContain('<script');
  });

  it('renders blockquotes and tables', () => {
    expect(renderMarkdown('> Citation')).toBe('<blockquote>\n<p>Citation</p>\n</blockquote>');
    const table = renderMarkdown('| a | b |\n|:--|--:|\n| 1 | 2 |');
    expect(table).toContain('<table>');
    expect(table).toContain('<th align="left">a</th>');
    expect(table).toContain('<td align="right">2</td>');
  });

  it('keeps Arabic and French text as written', () => {
    expect(renderMarkdown('## المساءلة\n\nLa redevabilité des associations')).toBe(
      '<h2>المساءلة</h2>\n<p>La redevabilité des associations</p>',
    );
  });

  it('returns an empty string for empty input', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown('   \n')).toBe('');
    expect(renderMarkdown(undefined as unknown as string)).toBe('');
  });

  it('allows relative links and anchors but not protocol-relative ones', () => {
    expect(renderMarkdown('[ici](#section)')).toContain('href="#section"');
    expect(renderMarkdown('[ici](/spaces/abc)')).toContain('href="/spaces/abc"');
    expect(renderMarkdown('[ici](//evil.example)')).not.toContain('href');
  });
});
