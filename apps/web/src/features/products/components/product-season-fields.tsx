import { ALL_MONTHS, formatSeasons, SEASON_NOTE_MAX } from '@ocop/domain/registry';
import { Button, Card, Checkbox, Col, Collapse, Flex, Form, Input, Row, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';

const half = { xs: 24, md: 12 } as const;

/**
 * Twelve month boxes in two rows of six (three rows of four on a phone), "all year" and "clear",
 * and the season as the public page will write it, so "10, 11, 12, 1" reads back as "tháng 10 – tháng 1".
 */
export function SeasonsPicker({ value, onChange, id }: { value?: number[]; onChange?: (months: number[]) => void; id?: string }) {
  const { t, language } = useI18n();
  const months = value ?? [];
  const summary = formatSeasons(months, language === 'en' ? 'en' : 'vi');
  return (
    <Flex vertical gap={8} id={id}>
      <Checkbox.Group value={months} onChange={(checked) => onChange?.([...checked].sort((a, b) => a - b))} style={{ width: '100%' }}>
        <Row gutter={[4, 4]} style={{ width: '100%' }}>
          {ALL_MONTHS.map((month) => (
            <Col key={month} xs={6} sm={4}>
              <Checkbox value={month} aria-label={t('productForm.monthLong', { month })} data-testid={`season-month-${month}`}>
                {t('productForm.month', { month })}
              </Checkbox>
            </Col>
          ))}
        </Row>
      </Checkbox.Group>
      <Flex gap={8} wrap align="center">
        <Button size="small" onClick={() => onChange?.([...ALL_MONTHS])}>
          {t('productForm.seasonsAll')}
        </Button>
        <Button size="small" onClick={() => onChange?.([])} disabled={months.length === 0}>
          {t('productForm.seasonsNone')}
        </Button>
        {summary ? (
          <Typography.Text type="secondary" data-testid="seasons-summary">
            {t('productForm.seasonsSummary', { text: summary })}
          </Typography.Text>
        ) : null}
      </Flex>
    </Flex>
  );
}

/** The season card of the product form: the months and a short note. */
export function SeasonsSection() {
  const { t } = useI18n();
  return (
    <Card title={t('productForm.section.seasons')} size="small">
      <Row gutter={16}>
        <Col xs={24}>
          <Form.Item name="seasons" label={t('productForm.seasons')} extra={t('productForm.seasonsHint')}>
            <SeasonsPicker />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="seasonNote" label={t('productForm.seasonNote')}>
            <Input maxLength={SEASON_NOTE_MAX} placeholder={t('productForm.seasonNotePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/**
 * The producer's Chinese description and story, folded away (most producers write none); rendered
 * while folded so that the form keeps and sends their values.
 */
export function ChineseTextsSection({ open }: { open: boolean }) {
  const { t } = useI18n();
  return (
    <Collapse
      defaultActiveKey={open ? ['zh'] : []}
      items={[
        {
          key: 'zh',
          label: t('productForm.section.chinese'),
          forceRender: true,
          children: (
            <>
              <Typography.Paragraph type="secondary">{t('productForm.chineseHint')}</Typography.Paragraph>
              <Form.Item name="descriptionZh" label={t('productForm.descriptionZh')}>
                <Input.TextArea lang="zh-Hans" autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
              </Form.Item>
              <Form.Item name="storyZh" label={t('productForm.storyZh')}>
                <Input.TextArea lang="zh-Hans" autoSize={{ minRows: 4, maxRows: 14 }} maxLength={10000} />
              </Form.Item>
            </>
          ),
        },
      ]}
    />
  );
}
