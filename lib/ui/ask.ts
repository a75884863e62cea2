// How content scripts and extension pages ask the background: typed, and failures as exceptions.
// An MV3 service worker can be stopped at any moment; a request it dropped is asked again (every
// request is safe to repeat: reads, or writes of the same value).

import { browser } from 'wxt/browser';
import type { Answer, Reply, Request } from '../core/protocol';

/** Waits before asking again after the background went away (it restarts on the next message). */
export const RETRY_DELAYS_MS = [100, 500, 2000];

// What the browser says when the worker stopped or restarted while the message was in flight.
const DROPPED = /message port closed|receiving end does not exist|could not establish connection|extension context invalidated|message channel closed/i;

export function isDroppedMessage(error: unknown): boolean {
  return DROPPED.test(error instanceof Error ? error.message : String(error));
}

type Send = (request: Request) => Promise<unknown>;
const sendToBackground: Send = (request) => browser.runtime.sendMessage(request);

/** Sends a message of the protocol (core/protocol) and answers its typed answer, or throws why not. */
export async function ask<R extends Request>(
  request: R,
  send: Send = sendToBackground,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<Answer<R['type']>> {
  let reply: Reply<Answer<R['type']>> | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      reply = (await send(request)) as Reply<Answer<R['type']>> | undefined;
      if (reply !== undefined || attempt >= RETRY_DELAYS_MS.length) break;
    } catch (error) {
      if (!isDroppedMessage(error) || attempt >= RETRY_DELAYS_MS.length) throw error;
    }
    await sleep(RETRY_DELAYS_MS[attempt]!);
  }
  if (!reply) throw new Error('The extension did not answer; try reloading the page');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
