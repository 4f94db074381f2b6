import { ArrowRightOutlined } from '@ant-design/icons';
import type { AdminUnitView, UnitLinkView } from '@ocop/contracts/geography';
import { Alert, Button, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { formatIsoDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useCommunePredecessors } from '../api/list-commune-predecessors';
import { useCommuneSuccessors } from '../api/list-commune-successors';

export function WholeOrPartTag({ whole }: { whole: boolean }) {
  const { t } = useI18n();
  return whole ? <Tag color="green">{t('units.whole')}</Tag> : <Tag color="orange">{t('units.part')}</Tag>;
}

function LinkRow({
  unit,
  whole,
  context,
  onOpen,
  openLabel,
}: {
  unit: AdminUnitView;
  whole: boolean;
  context?: string;
  onOpen: () => void;
  openLabel: string;
}) {
  return (
    <Flex
      component="li"
      justify="space-between"
      align="center"
      gap={8}
      wrap
      style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong>{unit.name}</Typography.Text>{' '}
        <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
          ({unit.code})
        </Typography.Text>{' '}
        <WholeOrPartTag whole={whole} />
        {context ? (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {context}
            </Typography.Text>
          </div>
        ) : null}
      </div>
      <Button size="small" type="link" icon={<ArrowRightOutlined />} iconPlacement="end" onClick={onOpen}>
        {openLabel}
      </Button>
    </Flex>
  );
}

/**
 * How the reform changed one commune. An old commune (before the newest snapshot) lists the new
 * communes it went into; a new one lists the old communes it was formed from.
 */
export function UnitMapping({
  unit,
  isLatestSnapshot,
  otherSnapshot,
  districtName,
  onOpen,
}: {
  unit: AdminUnitView;
  isLatestSnapshot: boolean;
  otherSnapshot: string | undefined;
  districtName: (code: string | null) => string | undefined;
  onOpen: (unit: AdminUnitView) => void;
}) {
  const { t } = useI18n();
  const successors = useCommuneSuccessors(unit.code, { enabled: !isLatestSnapshot });
  const predecessors = useCommunePredecessors(unit.code, { enabled: isLatestSnapshot });
  const query = isLatestSnapshot ? predecessors : successors;
  const links: UnitLinkView[] = query.data ?? [];
  const openLabel = otherSnapshot ? t('units.showOnMap', { snapshot: formatIsoDate(otherSnapshot) }) : '';
  const parent = districtName(unit.parentCode);
  const hasPart = links.some((link) => !link.whole);

  return (
    <Flex vertical gap={12} data-testid="unit-mapping">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('common.name'), children: <Typography.Text strong>{unit.name}</Typography.Text> },
          { key: 'code', label: t('common.code'), children: <Typography.Text code>{unit.code}</Typography.Text> },
          ...(parent ? [{ key: 'district', label: t('units.level.district'), children: parent }] : []),
          { key: 'snapshot', label: t('units.snapshot'), children: formatIsoDate(unit.snapshot) },
        ]}
      />
      <Typography.Text>
        {isLatestSnapshot ? t('units.predecessors', { name: unit.name }) : t('units.successors', { name: unit.name })}
      </Typography.Text>
      {query.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {query.isSuccess && links.length === 0 ? (
        <Alert type="info" showIcon title={isLatestSnapshot ? t('units.noPredecessors') : t('units.noSuccessors')} />
      ) : null}
      {links.length > 0 ? (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {links.map((link) => {
            const target = isLatestSnapshot ? link.oldUnit : link.newUnit;
            return (
              <LinkRow
                key={`${link.oldUnit.code}>${link.newUnit.code}`}
                unit={target}
                whole={link.whole}
                context={isLatestSnapshot ? districtName(target.parentCode) : undefined}
                onOpen={() => onOpen(target)}
                openLabel={openLabel}
              />
            );
          })}
        </ul>
      ) : null}
      {hasPart ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('units.partNote')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
