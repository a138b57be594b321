export interface WaitForOptions {
  /** Give up after this long (default 20 s). */
  timeoutMs?: number;
  /** Poll interval (default 50 ms). */
  intervalMs?: number;
  /** The status that counts as up (default any 2xx). */
  status?: number;
  /** Stop early (e.g. the process died); its message becomes the error. */
  abort?: () => string | undefined;
}

/** Polls a URL with GET until it answers as expected; rejects with the last problem after the timeout. */
export async function waitFor(url: string, options: WaitForOptions = {}): Promise<Response> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  let last = 'no attempt';
  for (;;) {
    const aborted = options.abort?.();
    if (aborted) throw new Error(`waiting for ${url}: ${aborted}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      const ok = options.status !== undefined ? response.status === options.status : response.ok;
      if (ok) return response;
      last = `HTTP ${response.status}`;
      await response.body?.cancel();
    } catch (error) {
      last = (error as Error).cause ? String((error as { cause: unknown }).cause) : (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up within ${options.timeoutMs ?? 20_000} ms (last: ${last})`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}

/** Polls a condition until it holds; rejects after the timeout with the description. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
