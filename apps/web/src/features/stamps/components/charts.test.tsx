// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { axisTicks, BarList, DAY_BARS_MAX, DayChart, niceMax } from './charts';

afterEach(cleanup);

const days = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ day: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), value: i % 7 }));

describe('the hand-drawn charts', () => {
  it('round an axis up to 1, 2 or 5 × 10^k, with a middle line only where it is a whole count', () => {
    expect([0, 1, 2, 3, 7, 10, 11, 20, 21, 99, 101, 4_999, 5_001].map(niceMax)).toEqual([
      1, 2, 2, 5, 10, 10, 20, 20, 50, 100, 200, 5_000, 10_000,
    ]);
    expect(axisTicks(5)).toEqual([0, 5]);
    expect(axisTicks(2)).toEqual([0, 1, 2]);
    expect(axisTicks(50)).toEqual([0, 25, 50]);
  });

  it(`draw up to ${DAY_BARS_MAX} days as bars, each with its value in a tooltip, under a labelled axis`, () => {
    render(
      <DayChart
        points={days(30)}
        label="Lượt quét theo ngày"
        formatDay={(day) => day.slice(5)}
        formatValue={String}
        tooltip={(point) => `${point.day}: ${point.value}`}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Lượt quét theo ngày' });
    const bars = chart.querySelectorAll('[data-testid="day-bar"]');
    expect(bars).toHaveLength(30);
    expect(bars[6]?.querySelector('title')?.textContent).toBe('2026-01-07: 6');
    // The tallest bar (6) reaches most of the way to the axis top (10); an empty day has no height.
    expect(Number(bars[6]?.getAttribute('height'))).toBeGreaterThan(Number(bars[3]?.getAttribute('height')));
    expect(Number(bars[0]?.getAttribute('height'))).toBe(0);
    expect([...chart.querySelectorAll('text')].map((text) => text.textContent)).toEqual(['0', '5', '10', '01-01', '01-15', '01-30']);
  });

  it('draw a year as a line, and an empty period still as a named chart', () => {
    const { container } = render(
      <DayChart points={days(366)} label="năm" formatDay={(day) => day} formatValue={String} tooltip={(point) => point.day} />,
    );
    expect(container.querySelectorAll('[data-testid="day-bar"]')).toHaveLength(0);
    expect(container.querySelector('[data-testid="day-line"]')?.getAttribute('points')?.split(' ')).toHaveLength(366);
    cleanup();
    const empty = render(
      <DayChart points={[]} label="trống" formatDay={(day) => day} formatValue={String} tooltip={(point) => point.day} />,
    );
    expect(empty.getByRole('img', { name: 'trống' })).toBeTruthy();
  });

  it('scale a ranking’s bars to its largest value, and say so when it is empty', () => {
    render(
      <BarList
        label="Theo sản phẩm"
        formatValue={(value) => `${value} lượt`}
        empty="Chưa có lượt quét"
        rows={[
          { key: 'a', label: 'Chè Shan tuyết', value: 40 },
          { key: 'b', label: 'Mận sấy', sub: 'MS-01', value: 10 },
        ]}
      />,
    );
    const rows = screen.getAllByTestId('bar-row');
    expect(rows.map((row) => row.textContent)).toEqual(['Chè Shan tuyết40 lượt', 'Mận sấy · MS-0110 lượt']);
    expect(rows.map((row) => row.querySelectorAll('rect')[1]?.getAttribute('width'))).toEqual(['100%', '25%']);
    cleanup();
    render(<BarList label="x" formatValue={String} empty="Chưa có lượt quét" rows={[]} />);
    expect(screen.getByText('Chưa có lượt quét')).toBeTruthy();
  });
});
