'use client';

import { useEffect } from 'react';

/** Marks the page as interactive, so end-to-end tests wait for React before they type or click. */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}
