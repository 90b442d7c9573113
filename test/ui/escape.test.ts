/** Display text from users is plain and bounded (src/ui/escape.ts); markup, when ever needed, is escaped. */
import { displayText, escapeHtml, MAX_DISPLAY_CHARS } from '../../src/ui/escape';

describe('displayText', () => {
  it('turns anything into a string', () => {
    expect(displayText(null)).toBe('');
    expect(displayText(undefined)).toBe('');
    expect(displayText(12)).toBe('12');
    expect(displayText('<b>Team</b>')).toBe('<b>Team</b>');
  });

  it('drops control characters and bidi overrides, keeps newlines and tabs', () => {
    expect(displayText('a\u0000b\u0007c\u202Ed\u2066e\nf\tg')).toBe('abcde\nf\tg');
  });

  it('bounds the length with an ellipsis', () => {
    const long = displayText('x'.repeat(MAX_DISPLAY_CHARS + 50));
    expect(long).toHaveLength(MAX_DISPLAY_CHARS);
    expect(long.endsWith('…')).toBe(true);
    expect(displayText('abcdef', 4)).toBe('abc…');
  });
});

describe('escapeHtml', () => {
  it('escapes every character that matters in markup and attributes', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`))
      .toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });
});
