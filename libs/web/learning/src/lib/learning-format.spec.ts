import {
  clampPercent,
  compactLocalized,
  demoteHeadings,
  formatPercent,
  isAllowedEmbedUrl,
  isScormLaunchUrl,
  toEmbedUrl,
  videoProgressToSend,
} from './learning-format';

describe('learning format rules', () => {
  it('clamps and rounds percents', () => {
    expect(clampPercent(45.4)).toBe(45);
    expect(clampPercent(-3)).toBe(0);
    expect(clampPercent(140)).toBe(100);
    expect(clampPercent(null)).toBe(0);
    expect(clampPercent(Number.NaN)).toBe(0);
  });

  it('writes percents the way each language does', () => {
    expect(formatPercent(45, 'en')).toBe('45%');
    expect(formatPercent(45, 'fr').replace(/\s/g, ' ')).toBe('45 %');
    expect(formatPercent(100, 'ar')).toMatch(/100|١٠٠/);
  });

  it('keeps only the filled languages of a text', () => {
    expect(compactLocalized({ fr: ' Bonjour ', ar: '', en: '   ' })).toEqual({ fr: 'Bonjour' });
  });

  it('frames only https embeds on the allowed hosts', () => {
    expect(isAllowedEmbedUrl('https://www.youtube-nocookie.com/embed/abc123')).toBe(true);
    expect(isAllowedEmbedUrl('https://player.vimeo.com/video/1')).toBe(true);
    expect(isAllowedEmbedUrl('http://www.youtube.com/embed/abc123')).toBe(false);
    expect(isAllowedEmbedUrl('https://evil.example/embed')).toBe(false);
    expect(isAllowedEmbedUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedEmbedUrl('https://www.youtube.com.evil.example/x')).toBe(false);
  });

  it('frames SCORM launch URLs only under the API package files', () => {
    expect(isScormLaunchUrl('/api/scorm/0b4a/files/index.html')).toBe(true);
    expect(isScormLaunchUrl('/api/scorm/0b4a/files/../../auth/me')).toBe(false);
    expect(isScormLaunchUrl('//evil.example/api/scorm/x')).toBe(false);
    expect(isScormLaunchUrl('https://evil.example/api/scorm/x')).toBe(false);
  });

  it('turns watch links into embed links', () => {
    expect(toEmbedUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    );
    expect(toEmbedUrl('https://youtu.be/dQw4w9WgXcQ')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    );
    expect(toEmbedUrl('https://vimeo.com/76979871')).toBe('https://player.vimeo.com/video/76979871');
    expect(toEmbedUrl(' https://player.vimeo.com/video/1 ')).toBe('https://player.vimeo.com/video/1');
    expect(toEmbedUrl('pas une adresse')).toBe('pas une adresse');
  });

  it('sends video progress at each further tenth and at the end only', () => {
    expect(videoProgressToSend(0, 4)).toBeNull();
    expect(videoProgressToSend(0, 10.2)).toBe(10);
    expect(videoProgressToSend(10, 15)).toBeNull();
    expect(videoProgressToSend(10, 31)).toBe(31);
    expect(videoProgressToSend(90, 99.6)).toBe(100);
    expect(videoProgressToSend(100, 100)).toBeNull();
    expect(videoProgressToSend(50, 20)).toBeNull();
  });

  it("puts a lesson page's headings one level under the page title", () => {
    expect(demoteHeadings('<h1 id="a">Titre</h1><p>x</p><h2>Sous</h2><H3>c</H3><h6>f</h6>')).toBe(
      '<h2 id="a">Titre</h2><p>x</p><h3>Sous</h3><h4>c</h4><h6>f</h6>',
    );
    expect(demoteHeadings('<h2>Section</h2><h3>Sous</h3>')).toBe('<h2>Section</h2><h3>Sous</h3>');
    expect(demoteHeadings('<header><hr><p>h1 et <code>&lt;h1&gt;</code></p>')).toBe(
      '<header><hr><p>h1 et <code>&lt;h1&gt;</code></p>',
    );
  });
});
