import type { CSSProperties, ReactNode } from 'react';

/**
 * A white box with an optional header, drawn like antd's Card by the `ocop-panel` classes in
 * styles.css. The home page and the signed-in frame use it instead of Card, whose tab bar code
 * (rc-tabs, ~15 KB gzip) no first paint needs.
 */
export function Panel({
  title,
  extra,
  children,
  hoverable = false,
  style,
  testId,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  children?: ReactNode;
  hoverable?: boolean;
  style?: CSSProperties;
  testId?: string;
}) {
  return (
    <section className={hoverable ? 'ocop-panel ocop-panel-hoverable' : 'ocop-panel'} style={style} data-testid={testId}>
      {title || extra ? (
        <header className="ocop-panel-head">
          <div className="ocop-panel-title">{title}</div>
          {extra ? <div>{extra}</div> : null}
        </header>
      ) : null}
      <div className="ocop-panel-body">{children}</div>
    </section>
  );
}

/** An icon, a title and a line of text: the body of a shortcut panel. */
export function PanelMeta({ avatar, title, description }: { avatar: ReactNode; title: ReactNode; description: ReactNode }) {
  return (
    <div className="ocop-panel-meta">
      <div className="ocop-panel-meta-avatar">{avatar}</div>
      <div style={{ minWidth: 0 }}>
        <div className="ocop-panel-meta-title">{title}</div>
        <div className="ocop-text-secondary">{description}</div>
      </div>
    </div>
  );
}

export type FieldListItem = { key: string; label: ReactNode; children: ReactNode };

/** Label: value lines in one column, as antd's small Descriptions draws them, without its code. */
export function FieldList({ items }: { items: readonly FieldListItem[] }) {
  return (
    <dl className="ocop-fields">
      {items.map((item) => (
        <div key={item.key} className="ocop-fields-row">
          <dt>{item.label}</dt>
          <dd>{item.children}</dd>
        </div>
      ))}
    </dl>
  );
}
