// How content scripts and extension pages ask the background: typed, and failures as exceptions.

import { browser } from 'wxt/browser';
import type { BackgroundRequest, BackgroundResponses, Reply } from './messages';

export async function ask<R extends BackgroundRequest>(request: R): Promise<BackgroundResponses[R['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<BackgroundResponses[R['type']]> | undefined;
  if (!reply) throw new Error('The extension did not answer; try reloading the page');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
