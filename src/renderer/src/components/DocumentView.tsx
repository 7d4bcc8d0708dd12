/**
 * The original document, as display HTML sanitised here, with the selected finding's target
 * highlighted and scrolled into view.
 */
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { SourcePos } from '../../../core/model/types';
import { sanitizeDocumentHtml } from '../lib/sanitize';
import { applyHighlight, clearHighlight } from '../lib/highlight';

export interface DocumentViewProps {
  html: string;
  /** What to highlight; null clears. `nonce` re-triggers the scroll when the same finding is clicked again. */
  target: { pos: SourcePos; quote?: string; nonce: number } | null;
  /**
   * Blocks the extractor recognised as the title and the section headings. Plain-text sources
   * carry no markup for them, so the viewer styles them from the model.
   */
  titleBlocks?: readonly number[];
  headingBlocks?: readonly number[];
}

/** The HTML body never re-renders on highlight changes: React would wipe the marks. */
const Body = memo(function Body({ html }: { html: string }) {
  return <div className="nb-doc-body" dangerouslySetInnerHTML={{ __html: html }} />;
});

export function DocumentView({
  html,
  target,
  titleBlocks,
  headingBlocks,
}: DocumentViewProps): React.JSX.Element {
  const clean = useMemo(() => sanitizeDocumentHtml(html), [html]);
  const box = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const root = box.current;
    if (!root) return;
    const mark = (blocks: readonly number[] | undefined, cls: string): void => {
      for (const b of blocks ?? []) {
        const el = root.querySelector(`p[data-nb-block="${b}"]`);
        el?.classList.add(cls);
      }
    };
    mark(titleBlocks, 'nb-doc-title');
    mark(headingBlocks, 'nb-doc-heading');
  }, [clean, titleBlocks, headingBlocks]);

  useLayoutEffect(() => {
    const root = box.current;
    if (!root) return;
    if (!target) {
      clearHighlight(root);
      root.scrollTo({ top: 0 });
      return;
    }
    const el = applyHighlight(root, target.pos, target.quote);
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: 'auto' });
      el.classList.remove('nb-flash');
      // Restart the flash animation so a repeated click is visible too.
      void el.offsetWidth;
      el.classList.add('nb-flash');
    }
  }, [target, clean]);

  return (
    // Focusable, so the arrow keys and Page Up/Down scroll the document once it is clicked or tabbed to.
    <div
      ref={box}
      className="nb-doc"
      data-testid="document-view"
      tabIndex={0}
      aria-label="报告原文"
    >
      <Body html={clean} />
    </div>
  );
}
