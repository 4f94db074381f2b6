import { EditOutlined, PlusOutlined, ShopOutlined } from '@ant-design/icons';
import { SALES_POINT_KIND_NAMES, type SalesPointView } from '@ocop/contracts/sales-points';
import { can } from '@ocop/domain/shared';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { useProvinceUnits } from '../../../features/admin-units/api/get-province-units';
import { useSalesPoints } from '../../../features/sales-points/api/sales-point-queries';
import { SalesPointDialog } from '../../../features/sales-points/components/sales-point-dialog';
import { useSalesPointTexts } from '../../../features/sales-points/sales-point-texts';
import { homeProvinceCode, useCurrentUser } from '../../../lib/auth';
import { CURRENT_MAP, currentCommuneOptions, LEGACY_MAP } from '../../../lib/communes';
import { useI18n } from '../../../lib/i18n';

/** "Điểm bán": the province's register (its staff add and correct points), a commune's points, an operator's own point. */
export function SalesPointsPage() {
  const { language } = useI18n();
  const t = useSalesPointTexts();
  const { user } = useCurrentUser();
  const provinceCode = homeProvinceCode(user);
  const points = useSalesPoints();
  const current = useProvinceUnits(provinceCode, CURRENT_MAP);
  const legacy = useProvinceUnits(provinceCode, LEGACY_MAP);
  const communeOptions = useMemo(() => currentCommuneOptions(current.data), [current.data]);
  const districtOptions = useMemo(
    () => (legacy.data?.districts ?? []).map((unit) => ({ value: unit.code, label: unit.name })),
    [legacy.data],
  );
  const [editing, setEditing] = useState<SalesPointView | 'new' | null>(null);
  const mayManage = can(user.roles, 'sales_points.manage', { provinceCode });
  const communeName = (code: string) => communeOptions.find((option) => option.value === code)?.label ?? code;

  return (
    <>
      <PageHeader
        title={t('salesPoints.title')}
        description={t('salesPoints.intro')}
        extra={
          <Flex gap={8} wrap>
            <Button href="/diem-ban" target="_blank" rel="noopener">
              {t('salesPoints.publicMap')}
            </Button>
            {mayManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="sales-point-new">
                {t('salesPoints.new')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      {points.isError ? <ErrorAlert error={points.error} /> : null}
      <Card size="small">
        <List<SalesPointView>
          loading={points.isPending}
          dataSource={points.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('salesPoints.empty')} /> }}
          renderItem={(point) => (
            <List.Item data-testid="sales-point-row">
              <Flex justify="space-between" align="flex-start" gap={8} style={{ width: '100%' }}>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>{point.name}</Typography.Text>
                    <Tag>{SALES_POINT_KIND_NAMES[point.kind][language]}</Tag>
                    {point.status === 'closed' ? <Tag color="default">{t('salesPoints.closed')}</Tag> : null}
                  </Flex>
                  <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                    {[point.address, communeName(point.communeCode)].filter(Boolean).join(', ')}
                  </Typography.Text>
                  <Typography.Text type="secondary">{t('salesPoints.products', { count: point.stockCount })}</Typography.Text>
                </Flex>
                <Flex gap={8} wrap justify="flex-end">
                  {can(user.roles, 'sales_points.stock', {
                    provinceCode: point.provinceCode,
                    communeCode: point.communeCode,
                    salesPointId: point.id,
                  }) ? (
                    <Link to={`/sales-points/${point.id}/stock`} data-testid="sales-point-stock-link">
                      <Button icon={<ShopOutlined />}>{t('salesPoints.stock')}</Button>
                    </Link>
                  ) : null}
                  {mayManage ? (
                    <Button
                      icon={<EditOutlined />}
                      onClick={() => setEditing(point)}
                      aria-label={`${t('salesPoint.edit')} ${point.name}`}
                      title={t('salesPoint.edit')}
                    />
                  ) : null}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      {editing ? (
        <SalesPointDialog
          point={editing === 'new' ? undefined : editing}
          provinceCode={provinceCode}
          communeOptions={communeOptions}
          districtOptions={districtOptions}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
