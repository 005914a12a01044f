import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, unwrap } from './api';
import { saveLang } from './i18n';

// The API names statuses and words errors in the user's language: every call says which one.
describe('the API client sends the chosen language', () => {
  afterEach(() => {
    saveLang('zh-CN');
  });

  async function languageOfCall(): Promise<string | null> {
    const seen: Request[] = [];
    const fetch = vi.fn(async (input: Request) => {
      seen.push(input);
      return new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    await unwrap(api.GET('/api/notices', { fetch }));
    return seen[0]?.headers.get('accept-language') ?? null;
  }

  it('asks for Chinese by default and English once the user chose it', async () => {
    expect(await languageOfCall()).toBe('zh-CN');
    saveLang('en');
    expect(await languageOfCall()).toBe('en');
  });
});
