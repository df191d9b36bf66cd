import type { TestApplication } from './engines.ts';

/** Calls the app in-process, as a script would: JSON in, JSON out, with a bearer token. */
export async function api(app: TestApplication, method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await app.web.request(`/api/v1${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  const json = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined;
  return { status: response.status, headers: response.headers, json, text };
}

export async function auditCount(app: TestApplication): Promise<number> {
  const row = await app.services.db.selectFrom('audit_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
