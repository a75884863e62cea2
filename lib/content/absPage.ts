// The abstract-page feature: a chip beside each author name and the hover card behind it.

import { h, render } from 'preact';
import { Chip, type ChipState } from '../../components/Chip';
import { matchAuthors } from '../authorMatch';
import type { Author, AuthorCardData, PaperWithAuthors } from '../model';
import type { AbsPageContext, PageAuthor } from '../pages/arxiv';
import { createHoverCard, type HoverCard } from './hoverCard';
import { createShadowHost, HOST_ATTRIBUTE } from './shadow';

export interface AbsPageDeps {
  doc: Document;
  css: string;
  papers: (arxivIds: string[]) => Promise<Record<string, PaperWithAuthors | null>>;
  authorCard: (authorId: string) => Promise<AuthorCardData>;
}

interface PlacedChip {
  pageAuthor: PageAuthor;
  host: HTMLElement;
  root: ShadowRoot;
}

function drawChip(chip: PlacedChip, state: ChipState, onActivate: () => void = () => {}) {
  render(h(Chip, { name: chip.pageAuthor.name, state, expanded: false, onActivate }), chip.root);
}

function placeChips(doc: Document, css: string, authors: PageAuthor[]): PlacedChip[] {
  const chips: PlacedChip[] = [];
  for (const pageAuthor of authors) {
    // Already annotated (the script ran twice): leave it.
    if (pageAuthor.element.nextElementSibling?.hasAttribute(HOST_ATTRIBUTE)) continue;
    const { host, root } = createShadowHost(doc, 'scholarscope-chip', css, 'inline');
    pageAuthor.element.after(host);
    const chip = { pageAuthor, host, root };
    drawChip(chip, { status: 'loading' });
    chips.push(chip);
  }
  return chips;
}

/** Annotates the page; resolves when every chip shows its final state. */
export async function annotateAbsPage(context: AbsPageContext, deps: AbsPageDeps): Promise<void> {
  const chips = placeChips(deps.doc, deps.css, context.authors);
  if (chips.length === 0) return;
  let entry: PaperWithAuthors | null;
  try {
    entry = (await deps.papers([context.arxiv.id]))[context.arxiv.id] ?? null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    for (const chip of chips) drawChip(chip, { status: 'error', message });
    return;
  }
  if (!entry) {
    for (const chip of chips) drawChip(chip, { status: 'unknown' });
    return;
  }
  const sourceAuthors = entry.authors;
  const matches = matchAuthors(chips.map((chip) => chip.pageAuthor.name), sourceAuthors.map((author) => author.name));
  let card: HoverCard | null = null;
  chips.forEach((chip, index) => {
    const match = matches[index];
    const author: Author | undefined = match === null || match === undefined ? undefined : sourceAuthors[match];
    if (!author) {
      drawChip(chip, { status: 'unknown' });
      return;
    }
    card ??= createHoverCard({ doc: deps.doc, css: deps.css, loadCard: deps.authorCard });
    const hoverCard = card;
    drawChip(chip, { status: 'ready', author }, () => hoverCard.open(chip.host, author, true));
    hoverCard.attach(chip.pageAuthor.element, author);
    hoverCard.attach(chip.host, author);
  });
}
