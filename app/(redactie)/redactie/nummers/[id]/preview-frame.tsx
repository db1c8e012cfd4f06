'use client';

import { useLayoutEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/button';
import { Modal } from '@/components/modal';

export type View = 'desktop' | 'mobiel' | 'tekst' | 'donker';

const FRAME_HEIGHT = 900;
// A simulation of the colour inversion that some mail apps apply in dark mode.
const darkFilter = { filter: 'invert(1) hue-rotate(180deg)' };

/** The width of an element as it is laid out, followed as it changes. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

function Frame({ html, view, scale }: { html: string; view: View; scale: number }) {
  const natural = view === 'mobiel' ? 375 : 600;
  return (
    <iframe
      title={`Voorbeeld van de e-mail (${view})`}
      srcDoc={html}
      sandbox=""
      width={natural}
      height={FRAME_HEIGHT}
      data-preview-frame={view}
      className="origin-top-left rounded-md border border-line bg-white"
      style={{
        transform: scale < 1 ? `scale(${scale})` : undefined,
        ...(view === 'donker' ? darkFilter : {}),
      }}
    />
  );
}

/**
 * The mail at its own width (600 px, or 375 for mobile), scaled down to fit the column beside the
 * issue so that it is seen whole; "Op ware grootte" shows it unscaled in a dialog.
 */
export function ScaledPreview({ html, view }: { html: string; view: Exclude<View, 'tekst'> }) {
  const { ref, width } = useWidth();
  const [full, setFull] = useState(false);
  const natural = view === 'mobiel' ? 375 : 600;
  const scale = width ? Math.min(1, width / natural) : 1;
  return (
    <div className="space-y-2">
      <div
        ref={ref}
        className="overflow-hidden"
        style={{ height: Math.ceil(FRAME_HEIGHT * scale) }}
        data-preview-scale={scale.toFixed(2)}
      >
        <Frame html={html} view={view} scale={scale} />
      </div>
      <p className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <span>
          {scale < 1 ? `Verkleind tot ${Math.round(scale * 100)} %.` : 'Op ware grootte.'}
        </span>
        <button type="button" className={buttonClass('secondary')} onClick={() => setFull(true)}>
          Op ware grootte bekijken
        </button>
      </p>
      {full ? (
        <Modal title="Voorbeeld op ware grootte" wide onClose={() => setFull(false)}>
          <div className="mt-3 max-h-[75vh] overflow-auto">
            <Frame html={html} view={view} scale={1} />
          </div>
          <button
            type="button"
            className={`${buttonClass('secondary')} mt-3`}
            onClick={() => setFull(false)}
          >
            Sluiten
          </button>
        </Modal>
      ) : null}
    </div>
  );
}
