// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedbackProvider, useFeedback } from './feedback';

afterEach(cleanup);

function AsksAtOnce() {
  const { message } = useFeedback();
  // Asked during the first commit: the host's chunk is not loaded yet.
  useEffect(() => message.success('Đã lưu chủ thể'), [message]);
  return null;
}

function AsksToConfirm({ onOk }: { onOk: () => void }) {
  const { modal } = useFeedback();
  return (
    <button type="button" onClick={() => modal.confirm({ title: 'Khóa tài khoản?', okText: 'Đồng ý', onOk })}>
      khóa
    </button>
  );
}

describe('feedback of the signed-in frame', () => {
  it('shows a toast asked for before its host has loaded', async () => {
    render(
      <FeedbackProvider>
        <AsksAtOnce />
      </FeedbackProvider>,
    );
    expect(await screen.findByText('Đã lưu chủ thể', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('opens a confirmation whose OK button runs the action', async () => {
    let confirmed = 0;
    render(
      <FeedbackProvider>
        <AsksToConfirm onOk={() => (confirmed += 1)} />
      </FeedbackProvider>,
    );
    fireEvent.click(screen.getByText('khóa'));
    fireEvent.click(await screen.findByRole('button', { name: 'Đồng ý' }, { timeout: 10_000 }));
    expect(screen.getAllByText('Khóa tài khoản?').length).toBeGreaterThan(0);
    await expect.poll(() => confirmed).toBe(1);
  });
});
