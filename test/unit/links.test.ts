/**
 * Every relative link in the project's Markdown must lead somewhere a person who cloned the
 * repository has: a file or folder in the tree, and a heading where it names one. A link out
 * of the repository (`../shared/...`) fails, because a clone has nothing there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

const markdownFiles = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && !file.includes('node_modules/') && existsSync(join(root, file)));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => headingAnchor(m[1]!)));
}

/** Markdown links and images, `<a href>` and `<img src>`, outside code blocks and code spans. */
function linkTargets(markdown: string): string[] {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const html = [...text.matchAll(/<(?:a|img)\s[^>]*?(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
  return [...inline, ...html];
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

function brokenLinks(file: string, text = readFileSync(join(root, file), 'utf8')): string[] {
  const absolute = join(root, file);
  const problems: string[] = [];
  for (const target of linkTargets(text)) {
    if (isExternal(target)) continue;
    const [path, anchor] = target.split('#', 2) as [string, string | undefined];
    const destination = path ? resolve(dirname(absolute), decodeURIComponent(path)) : absolute;
    const inside = !relative(root, destination).startsWith('..');
    if (!inside || !existsSync(destination)) {
      problems.push(`${file}: ${target} (${inside ? 'no such file' : 'outside the repository'})`);
      continue;
    }
    if (anchor && destination.endsWith('.md') && statSync(destination).isFile() && !anchorsOf(destination).has(anchor.toLowerCase())) {
      problems.push(`${file}: ${target} (no such heading)`);
    }
  }
  return problems;
}

describe('links in the Markdown', () => {
  it('finds the Markdown files', () => {
    expect(markdownFiles).toContain('README.md');
    expect(markdownFiles).toContain('docs/contract.md');
  });

  it('reads links of every kind and leaves code alone', () => {
    const sample = '[a](docs/x.md) ![b](img.png "t") <a href="c.md">c</a> `[d](no.md)`\n```\n[e](no2.md)\n```\n[f](https://example.org)';
    expect(linkTargets(sample)).toEqual(['docs/x.md', 'img.png', 'https://example.org', 'c.md']);
    expect(headingAnchor("An inspection's life cycle")).toBe('an-inspections-life-cycle');
  });

  it('refuses a link out of the repository, to a missing file and to a missing heading, even where the target exists beside the clone', () => {
    const text = '[a](../shared/docs/contract.md) [b](../../etc/hostname) [c](docs/no-such.md) [d](README.md#no-such-heading) [e](docs/contract.md)';
    expect(brokenLinks('README.md', text)).toEqual([
      'README.md: ../shared/docs/contract.md (outside the repository)',
      'README.md: ../../etc/hostname (outside the repository)',
      'README.md: docs/no-such.md (no such file)',
      'README.md: README.md#no-such-heading (no such heading)',
    ]);
  });

  it.each(markdownFiles)('%s: every relative link leads to a file in the repository', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });
});
