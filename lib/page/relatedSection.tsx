// On an abstract page: a collapsed "Related papers" section at the end of the abstract block. It
// adds one line and loads nothing until the reader opens it.

import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { PaperKey } from '../core/ids';
import { RelatedLoader } from '../../components/containers/RelatedLoader';
import { createShadowHost } from './shadow';

function RelatedSection({ paperKey }: { paperKey: PaperKey }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="ss-related-section ss-root" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>Related papers · ScholarScope</summary>
      {open && <RelatedLoader paperKey={paperKey} />}
    </details>
  );
}

export function mountRelatedSection(doc: Document, css: string, paperKey: PaperKey): void {
  const block = doc.querySelector('#abs');
  if (!block) return;
  const { host, root } = createShadowHost(doc, 'scholarscope-related', css, 'block');
  block.append(host);
  render(<RelatedSection paperKey={paperKey} />, root);
}
