/**
 * Renders PDF pages to canvases with pdf.js, for the passport preview. The worker is bundled
 * by Vite (`?url`) so it loads from the app itself, as the CSP requires; eval is off for
 * the same reason. The PDFs embed their own fonts, so no font or CMap files are fetched.
 */

import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export async function openPdf(bytes: ArrayBuffer): Promise<PDFDocumentProxy> {
  // pdf.js hands the buffer to its worker and detaches it: give it a copy so the caller's
  // bytes stay usable.
  const data = new Uint8Array(bytes.slice(0));
  return getDocument({ data, isEvalSupported: false, useSystemFonts: false, stopAtErrors: false }).promise;
}

/** Draws one page into `canvas`, `cssWidth` pixels wide, sharp on high-density screens. */
export async function drawPage(doc: PDFDocumentProxy, pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<void> {
  const page = await doc.getPage(pageNumber);
  const unscaled = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / unscaled.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  // Setting element.style from script is allowed by the CSP (inline style attributes are not).
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this computer could not draw the preview');
  await page.render({ canvas, canvasContext: context, viewport }).promise;
  page.cleanup();
}
