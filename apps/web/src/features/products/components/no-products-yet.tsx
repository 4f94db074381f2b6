import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';

/** A producer's empty product list: says it has none yet (not "nothing matches") and offers to add one. */
export function NoProductsYet({ createPath }: { createPath: string | null }) {
  const { t } = useI18n();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('products.emptyProducer')} data-testid="no-products-yet">
      {createPath ? (
        <Link to={createPath}>
          <Button type="primary" icon={<PlusOutlined />}>
            {t('products.add')}
          </Button>
        </Link>
      ) : null}
    </Empty>
  );
}
