import { Flex } from 'antd';
import { useI18n } from '../lib/i18n';

function StarBadge({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="30" fill="#14532d" stroke="#facc15" strokeWidth="3" />
      <path fill="#facc15" d="M32 12l5.6 12.3 13.4 1.5-10 9.1 2.8 13.2L32 41.4l-11.8 6.7L23 34.9l-10-9.1 13.4-1.5z" />
    </svg>
  );
}

// Plain elements, not antd's Typography: the mark is on the login page, whose first load stays small.
/** The programme's mark: a star badge, "OCOP" and the province, as text so it scales and translates. */
export function BrandMark({ variant = 'header' }: { variant?: 'header' | 'compact' | 'hero' }) {
  const { t } = useI18n();
  if (variant === 'hero') {
    return (
      <Flex align="center" gap={16}>
        <StarBadge size={64} />
        <div>
          <h1 style={{ margin: 0, color: 'inherit', letterSpacing: 1, fontSize: 38, lineHeight: 1.23, fontWeight: 600 }}>
            {t('app.name')}
          </h1>
          <span style={{ color: 'inherit', opacity: 0.9, fontSize: 16 }}>{t('app.programme')}</span>
        </div>
      </Flex>
    );
  }
  const compact = variant === 'compact';
  return (
    <Flex align="center" gap={compact ? 6 : 10} style={{ minWidth: 0 }}>
      <StarBadge size={compact ? 26 : 32} />
      <span
        style={{
          color: 'inherit',
          fontWeight: 600,
          fontSize: compact ? 15 : 18,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        }}
      >
        {t('app.name')}
      </span>
    </Flex>
  );
}
