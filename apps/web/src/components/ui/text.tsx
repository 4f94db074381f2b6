import type { CSSProperties, ReactNode } from 'react';

/**
 * Headings and text drawn like antd's Typography by the `ocop-…` classes in styles.css, for
 * the pages of the first load: Typography brings its copy and edit tools (a textarea, a
 * tooltip, the form store: ~18 KB gzip) even where nothing is copied or edited.
 */
export function Title({ level, children, style }: { level: 2 | 3 | 4; children: ReactNode; style?: CSSProperties }) {
  const Heading = `h${level}` as const;
  return (
    <Heading className={`ocop-title ocop-title-${level}`} style={style}>
      {children}
    </Heading>
  );
}

export function Paragraph({ children, secondary = false }: { children: ReactNode; secondary?: boolean }) {
  return <p className={secondary ? 'ocop-paragraph ocop-text-secondary' : 'ocop-paragraph'}>{children}</p>;
}

/** Inline text; `ellipsis` cuts it to one line with "…" (the full text stays in the title). */
export function Text({
  children,
  secondary = false,
  strong = false,
  ellipsis = false,
  style,
}: {
  children: ReactNode;
  secondary?: boolean;
  strong?: boolean;
  ellipsis?: boolean;
  style?: CSSProperties;
}) {
  const classes = ['ocop-text', secondary && 'ocop-text-secondary', strong && 'ocop-text-strong', ellipsis && 'ocop-text-ellipsis'];
  return (
    <span
      className={classes.filter(Boolean).join(' ')}
      style={style}
      title={ellipsis && typeof children === 'string' ? children : undefined}
    >
      {children}
    </span>
  );
}
