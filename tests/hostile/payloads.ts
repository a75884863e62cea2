// The classic hostile strings, used wherever text from pages, APIs, files or the reader is shown.

/** Set by a payload that runs: `window.__scholarscopePwned`. */
export const PWNED_FLAG = '__scholarscopePwned';

export const HOSTILE_TEXTS: readonly string[] = [
  `<img src=x onerror="window.${PWNED_FLAG}=1">`,
  `<script>window.${PWNED_FLAG}=1</script>`,
  `"><svg onload="window.${PWNED_FLAG}=1">`,
  `javascript:window.${PWNED_FLAG}=1`,
  `'><iframe src="javascript:parent.${PWNED_FLAG}=1"></iframe>`,
  '{{constructor.constructor("return 1")()}}',
  'A'.repeat(20_000),
  '\u202Egnp.exe\u202C Right-to-left override',
  'Zero\u200Bwidth\u200Djoiner\uFEFF',
  'Lone surrogate \uD800 here',
  '',
  '   ',
  'O\u0301scar Ñúñez & Co. <b>bold</b> %s %n ${x}',
];
