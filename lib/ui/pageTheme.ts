// Extension pages (popup, library, options) follow the reader's theme setting.

import { ask } from './ask';
import type { Theme } from '../core/settings';

export function showTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function applyPageTheme(): void {
  void ask({ type: 'getSettings' }).then((settings) => showTheme(settings.theme), () => undefined);
}
