import { StarFilled, StarOutlined } from '@ant-design/icons';

const LEVELS = [1, 2, 3, 4, 5];

/** Five stars, the first `stars` of them filled; the text beside it carries the number for screen readers. */
export function StarIcons({ stars, size = 20 }: { stars: number; size?: number }) {
  return (
    <span aria-hidden style={{ color: '#f59e0b', fontSize: size, whiteSpace: 'nowrap' }}>
      {LEVELS.map((level) => (level <= stars ? <StarFilled key={level} /> : <StarOutlined key={level} style={{ color: '#d1d5db' }} />))}
    </span>
  );
}
