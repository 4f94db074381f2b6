import { CarOutlined, ExperimentOutlined, InboxOutlined, ScissorOutlined, ShopOutlined } from '@ant-design/icons';
import { STEP_KIND_CODES, type StepKind } from '@ocop/domain/traceability';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type TraceabilityTextKey, useTraceabilityTexts } from '../traceability-texts';

export const STEP_LABEL_KEYS: Record<StepKind, TraceabilityTextKey> = {
  harvest: 'step.harvest',
  processing: 'step.processing',
  packing: 'step.packing',
  shipping: 'step.shipping',
  receiving: 'step.receiving',
};

const ICONS: Record<StepKind, ReactNode> = {
  harvest: <ScissorOutlined />,
  processing: <ExperimentOutlined />,
  packing: <InboxOutlined />,
  shipping: <CarOutlined />,
  receiving: <ShopOutlined />,
};

export const stepPath = (lotId: string, kind: StepKind) => `/lots/${lotId}/steps/${kind}`;

/** One large button per step, two a row on a phone: each opens that step's short form. */
export function StepButtons({ lotId }: { lotId: string }) {
  const t = useTraceabilityTexts();
  return (
    <div className="ocop-step-buttons" data-testid="step-buttons">
      {STEP_KIND_CODES.map((kind) => (
        <Link key={kind} to={stepPath(lotId, kind)} data-testid={`step-open-${kind}`}>
          <Button size="large" icon={ICONS[kind]} block style={{ height: 56, whiteSpace: 'normal', lineHeight: 1.2 }}>
            {t(STEP_LABEL_KEYS[kind])}
          </Button>
        </Link>
      ))}
    </div>
  );
}
