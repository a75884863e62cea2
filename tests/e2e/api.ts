// How every browser suite answers the APIs: from the recordings, with the same hooks for latency,
// held-back answers and injected faults. The Chromium harness answers through request
// interception, the Firefox harness through a local HTTPS server; both ask this.

import { createLimits, limitedAnswer, type ServiceLimits } from '../fixtures/serviceLimits';

export { createLimits };

export interface ApiRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The request's body (a paper batch's ids), when it has one. */
  body?: string;
}

/** An answer to send; status 0 is a network error. */
export interface ApiAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface ApiState {
  /** Every request answered, in order. */
  apiRequests: ApiRequest[];
  /** Awaited before an API request is answered: holds answers back (fault injection). */
  apiGate: ((request: ApiRequest) => Promise<void>) | null;
  /** Override for API answers (fault injection; status 0 is a network error); null uses the recording. */
  apiOverride: ((request: ApiRequest) => ApiAnswer | null) | null;
  /** The services' real limits, which every answer passes (fixtures/serviceLimits.ts). */
  limits: ServiceLimits;
}

/** The answer to an API request, or null for one the recordings do not have (refused). */
export async function answerApi(state: ApiState, request: ApiRequest, latency: number | ((request: ApiRequest) => number) = 0): Promise<ApiAnswer | null> {
  state.apiRequests.push(request);
  // arXiv asks for one connection at a time: count a request that starts while another is in flight.
  const arxiv = new URL(request.url).hostname === 'export.arxiv.org';
  if (arxiv && state.limits.arxivInFlight++ > 0) state.limits.arxivOverlaps += 1;
  try {
    const latencyMs = typeof latency === 'function' ? latency(request) : latency;
    if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (state.apiGate) await state.apiGate(request);
    const override = state.apiOverride?.(request);
    if (override) return override;
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
    const answer = limitedAnswer(state.limits, request.method, request.url, headers, request.body ?? null);
    // The real APIs allow any origin; the benchmarks' naive baseline asks from a page.
    return answer && { status: answer.status, body: answer.body, headers: { 'content-type': answer.contentType, 'access-control-allow-origin': '*', ...answer.headers } };
  } finally {
    if (arxiv) state.limits.arxivInFlight -= 1;
  }
}
