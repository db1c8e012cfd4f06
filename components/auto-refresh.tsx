'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Re-renders the server page every few seconds while something runs (a send in progress), or
 * from a moment on (a planned send, which the scheduler starts then). The page drops this
 * component once its state has changed; a refresh keeps focus and what was typed.
 */
export function AutoRefresh({ seconds, from }: { seconds: number; from?: number }) {
  const router = useRouter();
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      router.refresh();
      timer = setInterval(() => router.refresh(), seconds * 1000);
    };
    const wait = setTimeout(start, Math.max(0, (from ?? Date.now()) - Date.now()));
    return () => {
      clearTimeout(wait);
      clearInterval(timer);
    };
  }, [router, seconds, from]);
  return null;
}
