// The reader's own click, as happy-dom can give it: browsers make `isTrusted` unforgeable, happy-dom
// keeps it on the event, so a unit test can stand for the reader here (the browser tests click for real).

export function trustedClick(element: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}
