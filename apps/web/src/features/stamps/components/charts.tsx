import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Small charts drawn as SVG by hand: the app has no chart library, and the two shapes the scan
 * screen needs (counts per day, a ranking) do not justify one (the usual ones weigh 100+ KB gzip).
 * Each chart names what it shows for screen readers and gives every bar its value in a tooltip.
 */

/** The top of an axis: the max rounded up to 1, 2 or 5 × 10^k (at least 2). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((m) => m * power >= max) ?? 10;
  return Math.max(step * power, 2);
}

/** The axis lines: zero, the half when it is a whole count, the top. */
export function axisTicks(top: number): number[] {
  return Number.isInteger(top / 2) ? [0, top / 2, top] : [0, top];
}

/**
 * The width the chart's box has on screen, so it is drawn at its real size: text stays 12 px on a
 * phone and a wide screen alike, instead of a fixed drawing scaled up or down. Before layout (or
 * where nothing is laid out, as in tests) it is `fallback`.
 */
function useBoxWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

export type DayPoint = { day: string; value: number };

const DEFAULT_WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 44, right: 8, top: 10, bottom: 26 };
/** Above this many days bars get thinner than a couple of pixels: a line reads better. */
export const DAY_BARS_MAX = 62;

/**
 * Counts per day: bars up to two months, a line with its area beyond. `formatDay` writes a day
 * for the axis and the tooltips, `formatValue` a count; `label` says what the chart shows.
 */
export function DayChart({
  points,
  label,
  formatDay,
  formatValue,
  tooltip,
}: {
  points: readonly DayPoint[];
  label: string;
  formatDay: (day: string) => string;
  formatValue: (value: number) => string;
  tooltip: (point: DayPoint) => string;
}) {
  const { ref, width } = useBoxWidth(DEFAULT_WIDTH);
  const top = niceMax(Math.max(0, ...points.map((point) => point.value)));
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
  const slot = plotWidth / Math.max(1, points.length);
  const x = (index: number) => PAD.left + slot * index + slot / 2;
  const ticks = axisTicks(top);
  const labelled = points.length <= 1 ? [0] : [0, Math.floor((points.length - 1) / 2), points.length - 1];
  const bars = points.length <= DAY_BARS_MAX;
  const line = points.map((point, index) => `${x(index).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');

  return (
    <div ref={ref}>
      <svg
        viewBox={`0 0 ${width} ${HEIGHT}`}
        width="100%"
        height={HEIGHT}
        role="img"
        aria-label={label}
        data-testid="day-chart"
        style={{ display: 'block' }}
      >
        <title>{label}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={width - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e5e7eb" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#6b7280">
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {bars ? (
          points.map((point, index) => (
            <rect
              key={point.day}
              x={x(index) - (slot * 0.7) / 2}
              y={y(point.value)}
              width={slot * 0.7}
              height={Math.max(0, PAD.top + plotHeight - y(point.value))}
              fill="#15803d"
              data-testid="day-bar"
            >
              <title>{tooltip(point)}</title>
            </rect>
          ))
        ) : (
          <>
            <polygon
              points={`${x(0).toFixed(1)},${y(0)} ${line} ${x(points.length - 1).toFixed(1)},${y(0)}`}
              fill="#15803d"
              fillOpacity={0.15}
            />
            <polyline points={line} fill="none" stroke="#15803d" strokeWidth={2} data-testid="day-line" />
            {points.map((point, index) => (
              <circle key={point.day} cx={x(index)} cy={y(point.value)} r={slot / 2} fill="transparent">
                <title>{tooltip(point)}</title>
              </circle>
            ))}
          </>
        )}
        {points.length > 0
          ? labelled.map((index, i) => (
              <text
                key={index}
                x={x(index)}
                y={HEIGHT - 8}
                fontSize="12"
                fill="#6b7280"
                textAnchor={i === 0 && labelled.length > 1 ? 'start' : i === labelled.length - 1 && labelled.length > 1 ? 'end' : 'middle'}
              >
                {formatDay(points[index]?.day ?? '')}
              </text>
            ))
          : null}
      </svg>
    </div>
  );
}

export type BarRow = { key: string; label: ReactNode; sub?: ReactNode; value: number };

/**
 * A ranking as horizontal bars, the largest first as given: HTML labels (long Vietnamese names
 * wrap on a phone), SVG bars scaled to the largest value.
 */
export function BarList({
  rows,
  label,
  formatValue,
  empty,
  colour = '#15803d',
}: {
  rows: readonly BarRow[];
  label: string;
  formatValue: (value: number) => string;
  empty: ReactNode;
  colour?: string;
}) {
  if (rows.length === 0) return <p style={{ color: '#6b7280', margin: 0 }}>{empty}</p>;
  const max = Math.max(1, ...rows.map((row) => row.value));
  return (
    <ol aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="bar-list">
      {rows.map((row) => (
        <li key={row.key} style={{ marginBottom: 10 }} data-testid="bar-row">
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, fontSize: 14 }}>
            <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {row.label}
              {row.sub ? <span style={{ color: '#6b7280' }}> · {row.sub}</span> : null}
            </span>
            <strong style={{ whiteSpace: 'nowrap' }}>{formatValue(row.value)}</strong>
          </div>
          <svg width="100%" height="10" aria-hidden="true" style={{ display: 'block', marginTop: 2 }}>
            <rect x="0" y="0" width="100%" height="10" rx="3" fill="#f1f5f9" />
            <rect x="0" y="0" width={`${(row.value / max) * 100}%`} height="10" rx="3" fill={colour} />
          </svg>
        </li>
      ))}
    </ol>
  );
}
