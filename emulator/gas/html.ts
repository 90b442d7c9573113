/**
 * HtmlService: HTML outputs from strings or from `<distDir>/<name>.html`, for showSidebar.
 * Templates are minimal: `<?= name ?>` (escaped) and `<?!= name ?>` (raw) print a property set on the
 * template; any other scriptlet throws, since scriptlets aren't evaluated. Not modelled: sandbox modes,
 * XFrameOptions, favicon, meta tags, google.script.run (the workbench wires that up separately).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutionContext } from './execution';

export class FakeHtmlOutput {
  private title = '';
  private width?: number;
  private height?: number;

  constructor(private content: string) {}

  getContent(): string { return this.content; }
  setContent(content: string): this { this.content = content; return this; }
  append(content: string): this { this.content += content; return this; }
  getTitle(): string { return this.title; }
  setTitle(title: string): this { this.title = title; return this; }
  getWidth(): number | undefined { return this.width; }
  setWidth(width: number): this { this.width = width; return this; }
  getHeight(): number | undefined { return this.height; }
  setHeight(height: number): this { this.height = height; return this; }
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export class FakeHtmlTemplate {
  [property: string]: unknown;

  constructor(private readonly source: string, private readonly ctx: ExecutionContext) {}

  getRawContent(): string {
    return this.source;
  }

  evaluate(): FakeHtmlOutput {
    const html = this.source.replace(/<\?(!?=)?([\s\S]*?)\?>/g, (scriptlet, kind: string | undefined, body: string) => {
      const name = body.trim();
      if (!kind || !/^[A-Za-z_$][\w$]*$/.test(name)) throw this.ctx.error(`Scriptlets are not modelled by the emulator: ${scriptlet}`);
      const value = String(this[name] ?? '');
      return kind === '=' ? escapeHtml(value) : value;
    });
    return new FakeHtmlOutput(html);
  }
}

export function createHtmlService(ctx: ExecutionContext, distDir: string | undefined) {
  const readFile = (method: string, name: string): string => {
    ctx.enter(`HtmlService.${method}`);
    const file = distDir ? join(distDir, name.endsWith('.html') ? name : `${name}.html`) : undefined;
    if (!file || !existsSync(file)) throw ctx.error(`No HTML file named ${name} was found.`);
    return readFileSync(file, 'utf8');
  };
  return {
    createHtmlOutput(html = ''): FakeHtmlOutput {
      ctx.enter('HtmlService.createHtmlOutput');
      return new FakeHtmlOutput(String(html));
    },
    createHtmlOutputFromFile(name: string): FakeHtmlOutput {
      return new FakeHtmlOutput(readFile('createHtmlOutputFromFile', name));
    },
    createTemplate(source: string): FakeHtmlTemplate {
      ctx.enter('HtmlService.createTemplate');
      return new FakeHtmlTemplate(String(source), ctx);
    },
    createTemplateFromFile(name: string): FakeHtmlTemplate {
      return new FakeHtmlTemplate(readFile('createTemplateFromFile', name), ctx);
    },
    SandboxMode: { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' },
  };
}
