// The README's first hour, checked the way a reader meets it: the "30 seconds" code compiled and
// rendered as printed against the embedded mock; no API key taught through a client-side
// environment variable; and the CORS section's line identical to the warning the client prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { extractSnippets, ROOT, typeErrors, writeSnippets, type WrittenSnippets } from './markdownSnippets.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The text of the README section under `## title`, up to the next `## `. */
function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  expect(start, `README.md has no section "## ${title}"`).toBeGreaterThan(-1);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end === -1 ? undefined : end);
}

describe('README "30 seconds"', () => {
  let written: WrittenSnippets;
  beforeAll(() => {
    written = writeSnippets(extractSnippets(section('30 seconds'), 'README 30 seconds'), 'readme');
  });
  afterAll(() => written.remove());

  it('compiles as printed (strict TypeScript, as a Vite app)', () => {
    expect(written.files.length).toBeGreaterThanOrEqual(2);
    expect(typeErrors(written.files)).toEqual([]);
  }, 60_000);

  it('runs as is: 50 of the mock\'s 150 migrations, and Next goes to page 2 in the URL', async () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/');
    const { App } = (await import(/* @vite-ignore */ written.file('src/App.tsx'))) as { App: ComponentType };
    render(<App />);
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(screen.getAllByRole('listitem').filter((item) => !item.closest('nav'))).toHaveLength(50);
    expect(screen.getByText('Showing 1–50 of 150')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(screen.getByText('Showing 51–100 of 150')).toBeInTheDocument();
    expect(new URLSearchParams(window.location.search).get('page')).toBe('2');
    window.history.replaceState(null, '', '/');
  }, 30_000); // the first import transforms the whole library on demand
});

describe('README: no API key in client-side environment variables', () => {
  it('teaches no import.meta.env / NEXT_PUBLIC_ key in any code block', () => {
    const code = [...README.matchAll(/^```[\w-]*\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '').join('\n');
    expect(code).not.toMatch(/apiKey:\s*import\.meta\.env/);
    expect(code).not.toMatch(/apiKey:\s*process\.env\.(VITE|NEXT_PUBLIC)_/);
  });
});

describe('README "CORS headers a Sensei server must expose"', () => {
  const line = () => {
    const block = /```\n(Access-Control-Expose-Headers: [^\n]+)\n```/.exec(section('CORS headers a Sensei server must expose'));
    expect(block, 'the section needs the header line in a code block').not.toBeNull();
    return block?.[1] ?? '';
  };

  it('is the exact line the client warns with when a 429 hides its headers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const client = createSenseiClient({
      // A cross-origin API whose rate-limit headers CORS hides: the 429 arrives bare.
      baseUrl: 'https://cors-readme.sensei.test',
      apiKey: 'k',
      fetch: async () => new Response(JSON.stringify({ error: { code: 'E429', message: 'slow down' } }), { status: 429 }),
    });
    await client.get('/v1/migrations').catch(() => undefined);
    const warnings = warn.mock.calls.map((args) => args.map(String).join(' '));
    expect(warnings.some((text) => text.includes(`"${line()}"`))).toBe(true);
  });

  it('lists X-Request-Id, Date and every rate-limit header the gate reads, seed and IETF', () => {
    const listed = line().replace('Access-Control-Expose-Headers: ', '').split(', ');
    for (const header of ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'RateLimit', 'RateLimit-Policy', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Date', 'X-Request-Id']) {
      expect(listed).toContain(header);
    }
  });
});
