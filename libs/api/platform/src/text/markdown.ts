/**
 * Markdown written by members and animators (lessons, discussions, resources) → HTML safe to put in
 * the page (`innerHTML`).
 *
 * marked (GitHub-flavoured, synchronous) renders; sanitize-html then keeps an allow-list of
 * tags and attributes, whatever marked let through (raw HTML in markdown included):
 * no script, style, iframe, object, form, event handler or style attribute; links only to
 * http(s), mailto, or relative paths and #anchors, always opened with
 * `rel="noopener noreferrer" target="_blank"`; images only from https URLs.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const HTTPS_URL = /^https:\/\/[^\s]+$/i;

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'strong',
    'b',
    'em',
    'i',
    'del',
    's',
    'sup',
    'sub',
    'code',
    'pre',
    'blockquote',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'referrerpolicy'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    code: ['class'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Contents of these are dropped along with the tag (not turned into text).
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'template',
    'title',
  ],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' },
    }),
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      const out: sanitizeHtml.Attributes = { ...rest, loading: 'lazy', referrerpolicy: 'no-referrer' };
      if (src && HTTPS_URL.test(src.trim())) out['src'] = src.trim();
      return { tagName, attribs: out };
    },
  },
  // An image whose source was not https is dropped entirely.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['src'],
};

/** Renders `markdown` to sanitised HTML. Empty or non-string input gives ''. */
export function renderMarkdown(markdown: string): string {
  if (typeof markdown !== 'string' || markdown.trim() === '') return '';
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, SANITIZE_OPTIONS).trim();
}

/** Sanitises HTML that did not come from markdown, with the same rules. */
export function sanitizeLessonHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS).trim();
}
