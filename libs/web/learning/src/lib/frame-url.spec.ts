import { safeFrameUrl, safeScormLaunchUrl, safeVideoEmbedUrl } from './frame-url';

describe('lesson frame URLs', () => {
  it('keeps https embeds on the allowed video hosts', () => {
    expect(safeVideoEmbedUrl('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    );
    expect(safeVideoEmbedUrl('https://player.vimeo.com/video/76979871?h=1')).toBe(
      'https://player.vimeo.com/video/76979871?h=1',
    );
    expect(safeVideoEmbedUrl('https://www.dailymotion.com/embed/video/x8abc')).not.toBeNull();
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: in another case', 'JavaScript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['http', 'http://www.youtube.com/embed/abc123'],
    ['another host', 'https://evil.example/embed/abc123'],
    ['a look-alike host', 'https://www.youtube.com.evil.example/embed/x'],
    ['a sub-domain of an allowed host', 'https://evil.www.youtube.com/embed/x'],
    ['protocol-relative', '//evil.example/embed/x'],
    ['protocol-relative to an allowed host', '//www.youtube.com/embed/x'],
    ['credentials', 'https://me:pw@www.youtube.com/embed/x'],
    ['another port', 'https://www.youtube.com:8443/embed/x'],
    ['a relative path', '/api/files/123'],
    ['a backslash', 'https:\\\\evil.example\\embed'],
    ['empty', ''],
    ['null', null],
  ])('refuses a video embed: %s', (_what, url) => {
    expect(safeVideoEmbedUrl(url)).toBeNull();
    expect(safeFrameUrl('video', url)).toBeNull();
  });

  it('keeps same-origin launch paths under the package files', () => {
    expect(safeScormLaunchUrl('/api/scorm/0b4a/files/index.html')).toBe('/api/scorm/0b4a/files/index.html');
    expect(safeScormLaunchUrl('/api/scorm/0b4a/files/sco/start.html?lang=fr#p1')).toBe(
      '/api/scorm/0b4a/files/sco/start.html?lang=fr#p1',
    );
    expect(safeFrameUrl('scorm', '/api/scorm/0b4a/files/index.html')).not.toBeNull();
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<b>x</b>'],
    ['another origin', 'https://evil.example/api/scorm/x/files/index.html'],
    ['protocol-relative', '//evil/api/scorm/x'],
    ['climbing out', '/api/scorm/../x'],
    ['climbing out further down', '/api/scorm/0b4a/files/../../auth/me'],
    ['encoded dots', '/api/scorm/%2e%2e/auth/me'],
    ['encoded dots, upper case', '/api/scorm/%2E%2E/auth/me'],
    ['an encoded slash', '/api/scorm/x%2f..%2fauth'],
    ['a backslash', '/api/scorm/x\\..\\auth'],
    ['a double slash inside', '/api/scorm//evil.example/x'],
    ['another API path', '/api/auth/me'],
    ['a path that only looks alike', '/api/scormx/files/index.html'],
    ['a tab', '/api/scorm/x/\tfiles'],
    ['empty', ''],
    ['undefined', undefined],
  ])('refuses a SCORM launch URL: %s', (_what, url) => {
    expect(safeScormLaunchUrl(url)).toBeNull();
    expect(safeFrameUrl('scorm', url)).toBeNull();
  });
});
