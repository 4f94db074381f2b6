/** What a probe saw while it ran: the slowest /api/health answer and the process's peak resident memory. */
export type ProbeResult = { worstMs: number; answers: number; failures: number; peakRssBytes: number };

/**
 * Asks `/api/health` over real HTTP every few milliseconds until stopped. A request sent through
 * the socket waits for the event loop like a user's would, so its latency is an honest measure of
 * how long anything else held the loop (an injected request would not be).
 */
export function probeHealth(baseUrl: string, everyMs = 10) {
  const result: ProbeResult = { worstMs: 0, answers: 0, failures: 0, peakRssBytes: process.memoryUsage.rss() };
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}/api/health`);
        await response.text();
        if (response.ok) result.answers++;
        else result.failures++;
      } catch {
        result.failures++;
      }
      result.worstMs = Math.max(result.worstMs, performance.now() - started);
      result.peakRssBytes = Math.max(result.peakRssBytes, process.memoryUsage.rss());
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop(): Promise<ProbeResult> {
      running = false;
      await loop;
      return result;
    },
  };
}
