import { Modal, message } from 'antd';
import { useEffect } from 'react';
import type { FeedbackApi } from './feedback';

/** Renders antd's message and modal holders inside the app's ConfigProvider and hands out their API. */
export function FeedbackHost({ onReady }: { onReady: (api: FeedbackApi) => void }) {
  const [messageApi, messageHolder] = message.useMessage();
  const [modalApi, modalHolder] = Modal.useModal();

  useEffect(() => {
    onReady({
      success: (text) => void messageApi.success(text),
      error: (text) => void messageApi.error(text),
      confirm: (config) => void modalApi.confirm(config),
    });
  }, [onReady, messageApi, modalApi]);

  return (
    <>
      {messageHolder}
      {modalHolder}
    </>
  );
}
