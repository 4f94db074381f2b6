import type { AdminUnitView } from '@ocop/contracts/geography';
import { Card, Col, Drawer, Empty, Flex, Form, Row, Segmented, Select } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useI18n } from '../../../lib/i18n';
import { DESKTOP_QUERY, useMediaQuery } from '../../../lib/use-media-query';
import type { MessageKey } from '../../../messages/vi';
import { useProvinceUnits } from '../api/get-province-units';
import { useAdminUnitSnapshots } from '../api/list-admin-unit-snapshots';
import { useProvinces } from '../api/list-provinces';
import { UnitMapping } from './unit-mapping';
import { UnitSearch } from './unit-search';
import { UnitTable } from './unit-table';

const KNOWN_SNAPSHOTS = ['2025-03-01', '2025-07-01'] as const;

function snapshotLabelKey(snapshot: string): MessageKey | null {
  return (KNOWN_SNAPSHOTS as readonly string[]).includes(snapshot) ? (`units.snapshot.${snapshot}` as MessageKey) : null;
}

/**
 * Browses one province on one snapshot date and shows how a chosen commune maps across the
 * July 2025 reform. The choice lives in the address (?asOf=&province=&unit=) so it can be shared.
 */
export function AdminUnitBrowser({ defaultProvinceCode }: { defaultProvinceCode: string }) {
  const { t } = useI18n();
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const [params, setParams] = useSearchParams();
  const snapshotsQuery = useAdminUnitSnapshots();
  const snapshots = useMemo(() => [...(snapshotsQuery.data?.snapshots ?? KNOWN_SNAPSHOTS)].sort(), [snapshotsQuery.data]);
  const latest = snapshots[snapshots.length - 1] ?? '2025-07-01';
  const oldest = snapshots[0] ?? '2025-03-01';

  const requestedAsOf = params.get('asOf');
  const asOf = requestedAsOf && snapshots.includes(requestedAsOf) ? requestedAsOf : latest;
  const isLatest = asOf === latest;
  const otherSnapshot = isLatest ? snapshots[snapshots.length - 2] : latest;

  const provincesQuery = useProvinces(asOf);
  const provinces = provincesQuery.data ?? [];
  const requestedProvince = params.get('province') ?? defaultProvinceCode;
  // Province codes differ between the maps (63 provinces before, 34 after); fall back when gone.
  const provinceCode =
    provinces.length === 0 || provinces.some((p) => p.code === requestedProvince)
      ? requestedProvince
      : (provinces.find((p) => p.code === defaultProvinceCode)?.code ?? provinces[0]?.code ?? requestedProvince);

  const unitsQuery = useProvinceUnits(provinceCode, asOf);
  const oldUnitsQuery = useProvinceUnits(provinceCode, oldest);
  const selectedCode = params.get('unit');
  const selected = unitsQuery.data?.communes.find((commune) => commune.code === selectedCode) ?? null;

  const provinceNames = useMemo(() => new Map(provinces.map((p) => [p.code, p.name])), [provinces]);
  const districtNames = useMemo(() => new Map((oldUnitsQuery.data?.districts ?? []).map((d) => [d.code, d.name])), [oldUnitsQuery.data]);

  const update = (next: { asOf?: string; province?: string; unit?: string | null }) => {
    const merged = new URLSearchParams(params);
    if (next.asOf !== undefined) merged.set('asOf', next.asOf);
    if (next.province !== undefined) merged.set('province', next.province);
    if (next.unit === null) merged.delete('unit');
    else if (next.unit !== undefined) merged.set('unit', next.unit);
    setParams(merged, { replace: true });
  };

  const openUnit = (unit: AdminUnitView) => update({ asOf: unit.snapshot, province: unit.provinceCode, unit: unit.code });

  const mapping = selected ? (
    <UnitMapping
      key={`${selected.snapshot}:${selected.code}`}
      unit={selected}
      isLatestSnapshot={isLatest}
      otherSnapshot={otherSnapshot}
      districtName={(code) => (code ? districtNames.get(code) : undefined)}
      onOpen={openUnit}
    />
  ) : null;

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Form layout={isDesktop ? 'inline' : 'vertical'} style={{ rowGap: 8 }}>
          <Form.Item label={t('units.snapshot')} style={{ marginInlineEnd: 24, marginBottom: isDesktop ? 0 : 12 }}>
            <Segmented<string>
              value={asOf}
              onChange={(value) => update({ asOf: value, unit: null })}
              options={snapshots.map((snapshot) => {
                const key = snapshotLabelKey(snapshot);
                return { value: snapshot, label: key ? t(key) : snapshot };
              })}
              orientation={isDesktop ? 'horizontal' : 'vertical'}
              block={!isDesktop}
            />
          </Form.Item>
          <Form.Item label={t('units.province')} style={{ minWidth: 260, flex: '1 1 260px', marginBottom: 0 }}>
            <Select
              value={provinceCode}
              loading={provincesQuery.isPending}
              onChange={(value: string) => update({ province: value, unit: null })}
              options={provinces.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('units.province')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Form>
      </Card>
      {snapshotsQuery.isError ? <ErrorAlert error={snapshotsQuery.error} /> : null}
      {provincesQuery.isError ? <ErrorAlert error={provincesQuery.error} /> : null}
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} lg={isDesktop ? 14 : 24} xxl={isDesktop ? 15 : 24}>
          <Card title={unitsQuery.data?.province.name ?? t('units.title')}>
            <UnitSearch asOf={asOf} provinceCode={provinceCode} provinceName={(code) => provinceNames.get(code)} onSelect={openUnit} />
            {unitsQuery.isError ? (
              <ErrorAlert error={unitsQuery.error} />
            ) : (
              <UnitTable
                key={`${provinceCode}:${asOf}`}
                view={unitsQuery.data}
                loading={unitsQuery.isPending}
                selectedCode={selected?.code ?? null}
                onSelect={(unit) => update({ unit: unit.code })}
              />
            )}
          </Card>
        </Col>
        {isDesktop ? (
          <Col xs={24} lg={10} xxl={9} style={{ position: 'sticky', top: 80 }}>
            <Card title={t('units.mapping')}>
              {selected ? mapping : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.selectHint')} />}
            </Card>
          </Col>
        ) : null}
      </Row>
      {/* On a phone the mapping opens over the list, where the user tapped, not 1,600 px below it. */}
      {isDesktop ? null : (
        <Drawer
          placement="bottom"
          open={selected !== null}
          onClose={() => update({ unit: null })}
          title={selected ? selected.name : t('units.mapping')}
          size="70%"
          styles={{ body: { paddingTop: 8 } }}
          data-testid="unit-mapping-drawer"
        >
          {mapping}
        </Drawer>
      )}
    </Flex>
  );
}
