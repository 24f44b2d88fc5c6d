// The heading every page starts with; it takes focus after navigation so screen readers announce the page.
import { useEffect, useRef } from 'react';

export function PageHeader({ title, intro }: { title: string; intro?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement?.closest('nav')) {
      heading.current?.focus({ preventScroll: true });
    }
  }, []);
  return (
    <header className="page-header">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {intro && <p className="page-intro">{intro}</p>}
    </header>
  );
}
