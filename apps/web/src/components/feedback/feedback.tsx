import type { ModalFuncProps } from 'antd';
import { createContext, lazy, type ReactNode, Suspense, useContext, useMemo, useState } from 'react';

/** What the host hands over once antd's message and modal code is here. */
export type FeedbackApi = {
  success: (text: string) => void;
  error: (text: string) => void;
  confirm: (config: ModalFuncProps) => void;
};

type FeedbackStore = { ready: Promise<FeedbackApi>; attach: (api: FeedbackApi) => void };

function createFeedbackStore(): FeedbackStore {
  let attach: (api: FeedbackApi) => void = () => undefined;
  const ready = new Promise<FeedbackApi>((resolve) => {
    attach = resolve;
  });
  return { ready, attach };
}

const FeedbackContext = createContext<FeedbackStore | null>(null);

// antd's message and modal hooks (what <App> bundles) are ~18 KB gzip no first paint needs:
// the host that owns them loads right after the signed-in frame shows, and any toast asked for
// earlier waits for it rather than being lost.
const FeedbackHost = lazy(() => import('./feedback-host').then((m) => ({ default: m.FeedbackHost })));

/** Toasts and confirmations for the pages of the signed-in frame, themed by the ConfigProvider above. */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createFeedbackStore);
  return (
    <FeedbackContext.Provider value={store}>
      {children}
      <Suspense fallback={null}>
        <FeedbackHost onReady={store.attach} />
      </Suspense>
    </FeedbackContext.Provider>
  );
}

export type Feedback = {
  message: { success: (text: string) => void; error: (text: string) => void };
  modal: { confirm: (config: ModalFuncProps) => void };
};

/** The toasts (`message`) and the confirm dialog (`modal`) of the signed-in frame. */
export function useFeedback(): Feedback {
  const store = useContext(FeedbackContext);
  if (!store) throw new Error('useFeedback must be used inside <FeedbackProvider>.');
  return useMemo(() => {
    const later = (use: (api: FeedbackApi) => void) => void store.ready.then(use);
    return {
      message: {
        success: (text) => later((api) => api.success(text)),
        error: (text) => later((api) => api.error(text)),
      },
      modal: { confirm: (config) => later((api) => api.confirm(config)) },
    };
  }, [store]);
}
