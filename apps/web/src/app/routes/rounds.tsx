import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { RoundView } from '@ocop/contracts/dossiers';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Table, type TableColumnsType, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useFeedback } from '../../components/feedback/feedback';
import { ErrorAlert } from '../../components/ui/error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { useRounds } from '../../features/dossiers/api/dossier-queries';
import {
  type Holiday,
  useCreateRound,
  useHolidays,
  useOpenDefaultRounds,
  useSaveHolidays,
  useUpdateRound,
} from '../../features/dossiers/api/round-writes';
import { homeProvinceCode, useCurrentUser } from '../../lib/auth';
import { DATE_FORMAT, formatIsoDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMediaQuery } from '../../lib/use-media-query';

type ExtraValues = { name?: string; filingBy?: Dayjs | null; proposalsBy: Dayjs; resultsBy: Dayjs };
const iso = (value: Dayjs) => value.format('YYYY-MM-DD');

function ExtraRoundModal({
  open,
  onClose,
  provinceCode,
  year,
}: {
  open: boolean;
  onClose: () => void;
  provinceCode: string;
  year: number;
}) {
  const { t } = useI18n();
  const { message } = useFeedback();
  const create = useCreateRound();
  const [form] = Form.useForm<ExtraValues>();
  return (
    <Modal
      open={open}
      title={t('rounds.addExtra')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'extra-round-ok' }}
      destroyOnHidden
    >
      <Form<ExtraValues>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          create.mutate(
            {
              provinceCode,
              level: 'province',
              year,
              ...(values.name?.trim() ? { name: values.name.trim() } : {}),
              filingBy: values.filingBy ? iso(values.filingBy) : null,
              proposalsBy: iso(values.proposalsBy),
              resultsBy: iso(values.resultsBy),
            },
            {
              onSuccess: () => {
                message.success(t('rounds.extra.created'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="name" label={t('rounds.extra.name')}>
          <Input maxLength={200} placeholder={t('rounds.extra.namePlaceholder')} data-testid="extra-round-name" />
        </Form.Item>
        <Form.Item name="filingBy" label={t('rounds.extra.filingBy')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="proposalsBy" label={t('rounds.extra.proposalsBy')} rules={[{ required: true, message: t('dossier.required') }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="extra-round-proposals" />
        </Form.Item>
        <Form.Item name="resultsBy" label={t('rounds.extra.resultsBy')} rules={[{ required: true, message: t('dossier.required') }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="extra-round-results" />
        </Form.Item>
      </Form>
      {create.isError ? <ErrorAlert error={create.error} /> : null}
    </Modal>
  );
}

type Row = Holiday & { key: number };
let lastKey = 0;
const nextKey = () => ++lastKey;

function HolidaysCard({ provinceCode, year }: { provinceCode: string; year: number }) {
  const { t } = useI18n();
  const { message } = useFeedback();
  const holidays = useHolidays(provinceCode, year);
  const save = useSaveHolidays();
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => setRows((holidays.data ?? []).map((holiday) => ({ ...holiday, key: nextKey() }))), [holidays.data]);
  const set = (index: number, patch: Partial<Holiday>) => setRows(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <Card title={t('rounds.holidays.title', { year })}>
      <Flex vertical gap={8}>
        <span className="ocop-text-secondary">{t('rounds.holidays.hint')}</span>
        {rows.map((row, index) => (
          <Flex key={row.key} gap={8} wrap>
            <DatePicker
              aria-label={t('rounds.holidays.day')}
              format={DATE_FORMAT}
              value={row.day ? dayjs(row.day) : null}
              onChange={(value) => set(index, { day: value ? iso(value) : '' })}
            />
            <Input
              aria-label={t('rounds.holidays.name')}
              placeholder={t('rounds.holidays.name')}
              value={row.name}
              onChange={(event) => set(index, { name: event.target.value })}
              style={{ flex: '1 1 200px' }}
            />
            <Button
              danger
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              onClick={() => setRows(rows.filter((_, at) => at !== index))}
            />
          </Flex>
        ))}
        <Flex gap={8} wrap>
          <Button icon={<PlusOutlined />} onClick={() => setRows([...rows, { day: '', name: '', key: nextKey() }])}>
            {t('rounds.holidays.add')}
          </Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                {
                  provinceCode,
                  year,
                  holidays: rows.filter((row) => row.day && row.name.trim()).map(({ day, name }) => ({ day, name: name.trim() })),
                },
                { onSuccess: () => message.success(t('rounds.holidays.saved')) },
              )
            }
          >
            {t('rounds.holidays.save')}
          </Button>
        </Flex>
        {save.isError ? <ErrorAlert error={save.error} /> : null}
      </Flex>
    </Card>
  );
}

/** The province's evaluation rounds of a year: the regulation's defaults, extra rounds, closing, and the holidays the clock skips. */
export function RoundsPage() {
  const { t, describeError } = useI18n();
  const { message } = useFeedback();
  const { user } = useCurrentUser();
  const provinceCode = homeProvinceCode(user);
  const wide = useMediaQuery('(min-width: 768px)');
  const [year, setYear] = useState(() => Number(dayjs().format('YYYY')));
  const [adding, setAdding] = useState(false);
  const rounds = useRounds(provinceCode, year);
  const defaults = useOpenDefaultRounds();
  const update = useUpdateRound();

  const toggle = (round: RoundView) =>
    update.mutate(
      { roundId: round.id, status: round.status === 'open' ? 'closed' : 'open' },
      { onError: (error) => message.error(describeError(error)) },
    );

  const columns: TableColumnsType<RoundView> = [
    {
      title: t('rounds.col.name'),
      key: 'name',
      render: (_, round) => (
        <Flex vertical gap={2}>
          <strong>{round.name}</strong>
          <span className="ocop-text-secondary" style={{ fontSize: 12 }}>
            {t(round.level === 'province' ? 'rounds.level.province' : 'rounds.level.ministry')}
            {wide ? null : ` · ${t('rounds.col.proposalsBy')}: ${formatIsoDate(round.proposalsBy)}`}
          </span>
        </Flex>
      ),
    },
    {
      title: t('rounds.col.filingBy'),
      key: 'filingBy',
      hidden: !wide,
      render: (_, round) => (round.filingBy ? formatIsoDate(round.filingBy) : '—'),
    },
    { title: t('rounds.col.proposalsBy'), key: 'proposalsBy', hidden: !wide, render: (_, round) => formatIsoDate(round.proposalsBy) },
    { title: t('rounds.col.resultsBy'), key: 'resultsBy', hidden: !wide, render: (_, round) => formatIsoDate(round.resultsBy) },
    { title: t('rounds.col.dossiers'), dataIndex: 'dossierCount', hidden: !wide },
    {
      title: t('rounds.col.status'),
      key: 'status',
      render: (_, round) => (
        <Flex gap={8} align="center" wrap>
          <Tag color={round.status === 'open' ? 'green' : 'default'}>
            {t(round.status === 'open' ? 'rounds.status.open' : 'rounds.status.closed')}
          </Tag>
          <Button size="small" onClick={() => toggle(round)} data-testid={`round-toggle-${round.id}`}>
            {round.status === 'open' ? t('rounds.close') : t('rounds.reopen')}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('rounds.title')}
        description={t('rounds.description')}
        extra={
          <>
            <InputNumber
              aria-label={t('rounds.year')}
              prefix={t('rounds.year')}
              min={2019}
              max={2100}
              value={year}
              onChange={(value) => value && setYear(value)}
              style={{ width: 140 }}
              data-testid="rounds-year"
            />
            <Button
              loading={defaults.isPending}
              onClick={() =>
                defaults.mutate(
                  { provinceCode, year },
                  {
                    onSuccess: (opened) => message.success(t('rounds.opened', { count: opened.length })),
                    onError: (error) => message.error(describeError(error)),
                  },
                )
              }
              data-testid="rounds-defaults"
            >
              {t('rounds.openDefaults')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="rounds-extra">
              {t('rounds.addExtra')}
            </Button>
          </>
        }
      />
      <Flex vertical gap={16}>
        {rounds.isError ? <ErrorAlert error={rounds.error} /> : null}
        <Table<RoundView>
          rowKey="id"
          size="small"
          loading={rounds.isPending}
          columns={columns}
          dataSource={rounds.data ?? []}
          pagination={false}
          locale={{ emptyText: t('rounds.empty') }}
        />
        <HolidaysCard key={year} provinceCode={provinceCode} year={year} />
      </Flex>
      <ExtraRoundModal open={adding} onClose={() => setAdding(false)} provinceCode={provinceCode} year={year} />
    </>
  );
}
