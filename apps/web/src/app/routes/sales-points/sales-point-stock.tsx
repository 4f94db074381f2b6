import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { StockedProductView } from '@ocop/contracts/sales-points';
import { Alert, Button, Card, Empty, Flex, Input, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { useSalesPoint, useSalesPointStock, useStockCandidates } from '../../../features/sales-points/api/sales-point-queries';
import { usePutSalesPointStock } from '../../../features/sales-points/api/sales-point-writes';
import { useSalesPointTexts } from '../../../features/sales-points/sales-point-texts';
import { formatDateTime } from '../../../lib/format';

const stars = (n: number) => '★'.repeat(n);

/** The operator ticks what is on the point's shelf; saving replaces the list the public product pages read. */
export function SalesPointStockPage() {
  const { salesPointId } = useParams();
  const t = useSalesPointTexts();
  const { message } = useFeedback();
  const point = useSalesPoint(salesPointId);
  const stock = useSalesPointStock(salesPointId);
  const [shelf, setShelf] = useState<StockedProductView[] | null>(null);
  const [search, setSearch] = useState('');
  const candidates = useStockCandidates(salesPointId, search);
  const save = usePutSalesPointStock();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (stock.data && shelf === null) setShelf(stock.data.items);
  }, [stock.data, shelf]);

  const items = shelf ?? [];
  const onShelf = new Set(items.map((item) => item.productId));
  const dirty =
    stock.data !== undefined && shelf !== null && shelf.map((i) => i.productId).join() !== stock.data.items.map((i) => i.productId).join();

  const submit = async () => {
    if (!salesPointId) return;
    setError(null);
    try {
      const saved = await save.mutateAsync({ id: salesPointId, productIds: items.map((item) => item.productId) });
      setShelf(saved.items);
      void message.success(t('stock.saved', { count: saved.items.length }));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <p>
        <Link to="/sales-points">{t('stock.back')}</Link>
      </p>
      <PageHeader title={point.data?.name ?? t('stock.title')} description={t('stock.intro')} />
      {point.isError ? <ErrorAlert error={point.error} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      <Card size="small" title={t('stock.title')} style={{ marginBottom: 16 }}>
        <List<StockedProductView>
          loading={stock.isPending}
          dataSource={items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stock.empty')} /> }}
          renderItem={(item) => (
            <List.Item data-testid="stock-row">
              <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text strong>{item.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    <span style={{ color: '#b8860b' }}>{stars(item.stars)}</span> · {item.producerName}
                  </Typography.Text>
                </Flex>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={`${t('stock.remove')} ${item.name}`}
                  title={t('stock.remove')}
                  onClick={() => setShelf(items.filter((other) => other.productId !== item.productId))}
                />
              </Flex>
            </List.Item>
          )}
        />
        <Flex gap={8} align="center" wrap style={{ marginTop: 12 }}>
          <Button
            type="primary"
            size="large"
            loading={save.isPending}
            disabled={!dirty}
            onClick={() => void submit()}
            data-testid="stock-save"
          >
            {t('stock.save')}
          </Button>
          {dirty ? <Alert type="warning" showIcon title={t('stock.unsaved')} /> : null}
          {stock.data?.updatedAt ? (
            <Typography.Text type="secondary">{t('stock.updatedAt', { at: formatDateTime(stock.data.updatedAt) })}</Typography.Text>
          ) : null}
        </Flex>
      </Card>
      <Card size="small" title={t('stock.add')}>
        <Input.Search
          placeholder={t('stock.search')}
          aria-label={t('stock.search')}
          allowClear
          size="large"
          maxLength={200}
          onSearch={setSearch}
          data-testid="stock-search"
        />
        <List<StockedProductView>
          loading={candidates.isFetching}
          dataSource={(candidates.data?.items ?? []).filter((item) => !onShelf.has(item.productId))}
          renderItem={(item) => (
            <List.Item data-testid="stock-candidate">
              <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text>{item.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    <span style={{ color: '#b8860b' }}>{stars(item.stars)}</span> · {item.producerName}
                  </Typography.Text>
                </Flex>
                <Button icon={<PlusOutlined />} aria-label={`${t('stock.add')} ${item.name}`} onClick={() => setShelf([...items, item])}>
                  {t('stock.add')}
                </Button>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
