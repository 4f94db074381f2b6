import type { StampOrderView, StampView } from '@ocop/contracts/stamps';
import { Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useStamps } from '../api/stamp-orders';
import { useStampTexts } from '../stamp-texts';

const PAGE_SIZE = 20;
const STATE_COLOURS: Record<StampView['state'], string> = { issued: 'default', activated: 'green', void: 'red' };

/** An issued order's stamps, a page of 20 at a time by sequence number, each with its state and scan page. */
export function StampList({ order }: { order: StampOrderView }) {
  const t = useStampTexts();
  const wide = useMediaQuery('(min-width: 768px)');
  const [page, setPage] = useState(1);
  const issued = order.state === 'issued';
  const stamps = useStamps(order.id, (page - 1) * PAGE_SIZE + 1, PAGE_SIZE, issued);
  const state = (stamp: StampView) => (
    <Tag color={STATE_COLOURS[stamp.state]} data-state={stamp.state}>
      {t(`stamp.state.${stamp.state}`)}
    </Tag>
  );
  const serial = (stamp: StampView) => (
    <a href={stamp.url} target="_blank" rel="noopener noreferrer" style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
      {stamp.serial}
    </a>
  );
  const columns: TableColumnsType<StampView> = [
    { title: t('stampList.sequence'), dataIndex: 'sequence', width: 70, align: 'right' },
    { title: t('stampList.serial'), key: 'serial', render: (_, stamp) => serial(stamp) },
    ...(wide ? [{ title: t('stampList.state'), key: 'state', width: 140, render: (_: unknown, stamp: StampView) => state(stamp) }] : []),
  ];
  if (stamps.isError) return <ErrorAlert error={stamps.error} />;
  return (
    <Table<StampView>
      rowKey="sequence"
      size="small"
      columns={
        wide
          ? columns
          : [
              ...columns.slice(0, 1),
              {
                key: 'serial',
                render: (_, stamp) => (
                  <>
                    {serial(stamp)} {state(stamp)}
                  </>
                ),
              },
            ]
      }
      dataSource={issued ? (stamps.data?.items ?? []) : []}
      loading={issued && stamps.isFetching}
      onRow={(stamp) => ({ 'data-testid': 'stamp-row', 'data-serial': stamp.serial }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: issued ? t('common.empty') : t('stampList.empty') }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: issued ? order.issuedCount : 0,
        onChange: setPage,
        showSizeChanger: false,
        hideOnSinglePage: true,
      }}
    />
  );
}
