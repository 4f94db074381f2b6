import { describe, expect, it } from 'vitest';
import { bareBizStep, compareJourneySteps, journeyStepKind, journeyStepLabel } from './journey';

describe('the journey of a lot', () => {
  it('reads a business step in its bare, web-URI and 1.x URN spellings alike, and not one of one’s own', () => {
    expect(bareBizStep('packing')).toBe('packing');
    expect(bareBizStep('https://ref.gs1.org/cbv/BizStep-packing')).toBe('packing');
    expect(bareBizStep('urn:epcglobal:cbv:bizstep:packing')).toBe('packing');
    expect(bareBizStep('https://ocop.vn/voc/say-kho')).toBeUndefined();
    expect(bareBizStep(null)).toBeUndefined();
  });

  it('tells the kind of step from the event type first, then its CBV step', () => {
    expect(journeyStepKind({ type: 'ObjectEvent', bizStep: 'commissioning' })).toBe('harvest');
    expect(journeyStepKind({ type: 'TransformationEvent', bizStep: 'commissioning' })).toBe('processing');
    expect(journeyStepKind({ type: 'AggregationEvent', bizStep: 'https://ref.gs1.org/cbv/BizStep-packing' })).toBe('packing');
    expect(journeyStepKind({ type: 'AggregationEvent' })).toBe('packing');
    expect(journeyStepKind({ type: 'ObjectEvent', bizStep: 'shipping' })).toBe('shipping');
    expect(journeyStepKind({ type: 'ObjectEvent', bizStep: 'receiving' })).toBe('receiving');
    expect(journeyStepKind({ type: 'ObjectEvent', bizStep: 'inspecting' })).toBe('other');
    expect(journeyStepKind({ type: 'ObjectEvent', bizStep: 'https://ocop.vn/voc/say-kho' })).toBe('other');
  });

  it('labels other steps with the CBV step’s Vietnamese name', () => {
    expect(journeyStepLabel('processing')).toEqual({ vi: 'Chế biến', en: 'Processing' });
    expect(journeyStepLabel('other', 'inspecting')).toEqual({ vi: 'Kiểm tra', en: 'inspecting' });
    expect(journeyStepLabel('other', 'urn:x:y')).toEqual({ vi: 'Sự kiện khác', en: 'Other event' });
  });

  it('orders by time, and steps at one instant in the order goods move', () => {
    const steps = [
      { eventTime: '2026-03-02T08:00:00+07:00', kind: 'packing' as const },
      { eventTime: '2026-03-02T01:00:00Z', kind: 'processing' as const },
      { eventTime: '2026-03-02T08:00:00+07:00', kind: 'harvest' as const },
    ];
    expect(steps.sort(compareJourneySteps).map((step) => step.kind)).toEqual(['harvest', 'processing', 'packing']);
  });
});
