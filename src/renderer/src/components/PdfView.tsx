/**
 * A PDF report shown as its pages, drawn by pdf.js (bundled; its worker is a local asset of the
 * app, nothing is fetched), lazily: a page is drawn when it scrolls near the viewport. A
 * finding's position carries the page and the box of its cell or paragraph in PDF points, so
 * the highlight is a box drawn over the page at the page's scale.
 *
 * pdf.js runs with eval disabled (isEvalSupported: false): font programs in hostile PDFs have
 * been a way in before, and the app's CSP forbids eval anyway.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Alert, Spin } from 'antd';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { SourcePos } from '../../../core/model/types';
import { api, errorText, unwrap } from '../api';

GlobalWorkerOptions.workerSrc = workerUrl;

export interface PdfViewProps {
  reportId: string;
  target: { pos: SourcePos; nonce: number } | null;
}

interface PageSize {
  width: number;
  height: number;
}

/** Space around pages, in CSS pixels. */
const GAP = 16;
/** Pages further than this from the viewport (pixels) are not drawn yet. */
const LOOKAHEAD = '600px';

function decode(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function PdfView({ reportId, target }: PdfViewProps): React.JSX.Element {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [sizes, setSizes] = useState<PageSize[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [width, setWidth] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const drawn = useRef(new Set<number>());
  /** Bumped whenever drawn pages become stale (new file, new scale): late draws of old ones are dropped. */
  const generation = useRef(0);

  // Load the file and the size of every page (cheap: no drawing).
  useEffect(() => {
    let live = true;
    let loaded: PDFDocumentProxy | null = null;
    setDoc(null);
    setSizes([]);
    setError(null);
    drawn.current = new Set();
    void (async () => {
      try {
        const file = await unwrap(api().getReportFile({ id: reportId }));
        const pdf = await getDocument({
          data: decode(file.base64),
          isEvalSupported: false,
          enableXfa: false,
          disableAutoFetch: true,
        }).promise;
        loaded = pdf;
        const list: PageSize[] = [];
        for (let i = 1; i <= pdf.numPages; i++) {
          const vp = (await pdf.getPage(i)).getViewport({ scale: 1 });
          list.push({ width: vp.width, height: vp.height });
        }
        if (!live) return;
        setSizes(list);
        setDoc(pdf);
      } catch (e) {
        if (live) setError(errorText(e));
      }
    })();
    return () => {
      live = false;
      void loaded?.destroy();
    };
  }, [reportId]);

  // Follow the panel's width: pages are drawn to fit it.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  const maxWidth = Math.max(...sizes.map((s) => s.width), 1);
  const scale = width > 0 ? Math.min(2, (width - 2 * GAP) / maxWidth) : 1;

  // Redraw at a new scale.
  useEffect(() => {
    generation.current++;
    drawn.current = new Set();
    box.current?.querySelectorAll('canvas').forEach((c) => c.remove());
    box.current
      ?.querySelectorAll<HTMLElement>('.nb-pdf-page')
      .forEach((p) => delete p.dataset.rendered);
  }, [scale, doc]);

  // Draw pages as they come near the viewport.
  useEffect(() => {
    const root = box.current;
    if (!root || !doc) return;
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const holder = e.target;
          if (!e.isIntersecting || !(holder instanceof HTMLElement)) continue;
          const n = Number(holder.dataset.page);
          if (drawn.current.has(n)) continue;
          drawn.current.add(n);
          const gen = generation.current;
          void drawPage(doc, n, holder, scale, () => gen === generation.current);
        }
      },
      { root, rootMargin: LOOKAHEAD },
    );
    root.querySelectorAll<HTMLElement>('.nb-pdf-page').forEach((p) => io.observe(p));
    return () => io.disconnect();
  }, [doc, scale, sizes]);

  // Scroll to the finding's page and draw its box.
  useLayoutEffect(() => {
    const root = box.current;
    if (!root) return;
    root.querySelectorAll('.nb-pdf-highlight').forEach((h) => h.remove());
    const pos = target?.pos;
    if (!pos?.page || !pos.box || !sizes[pos.page - 1]) return;
    const page = root.querySelector<HTMLElement>(`.nb-pdf-page[data-page="${pos.page}"]`);
    if (!page) return;
    const mark = document.createElement('div');
    mark.className = 'nb-pdf-highlight nb-flash';
    mark.dataset.testid = 'pdf-highlight';
    const pad = 2;
    mark.style.left = `${pos.box.x0 * scale - pad}px`;
    mark.style.top = `${pos.box.y0 * scale - pad}px`;
    mark.style.width = `${(pos.box.x1 - pos.box.x0) * scale + 2 * pad}px`;
    mark.style.height = `${(pos.box.y1 - pos.box.y0) * scale + 2 * pad}px`;
    page.appendChild(mark);
    mark.scrollIntoView({ block: 'center', behavior: 'auto' });
  }, [target, scale, sizes]);

  if (error) return <Alert type="warning" showIcon title={error} className="nb-gap-sm" />;
  return (
    <div ref={box} className="nb-doc nb-pdf" data-testid="pdf-view">
      {!doc ? <Spin className="nb-pdf-loading" /> : null}
      {sizes.map((s, i) => (
        <div
          key={i}
          className="nb-pdf-page"
          data-page={i + 1}
          data-testid={`pdf-page-${i + 1}`}
          data-scale={scale}
          style={{ width: Math.floor(s.width * scale), height: Math.floor(s.height * scale) }}
        />
      ))}
    </div>
  );
}

/** Draws one page into a canvas inside its placeholder, unless the drawing went stale meanwhile. */
async function drawPage(
  doc: PDFDocumentProxy,
  n: number,
  holder: HTMLElement,
  scale: number,
  current: () => boolean,
): Promise<void> {
  const page = await doc.getPage(n);
  if (!current()) return;
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  holder.prepend(canvas);
  try {
    await page.render({
      canvas,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
    }).promise;
    if (current()) holder.dataset.rendered = 'true';
    else canvas.remove();
  } catch {
    // A page pdf.js cannot draw stays blank; the findings and their boxes still show.
  }
}
