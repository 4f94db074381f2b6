import type { RoleGrantView } from '@ocop/contracts/identity';
import { Flex, Tag } from 'antd';
import { useI18n } from '../lib/i18n';
import { describeScope, roleLabel, type UnitNames } from '../lib/roles';

const ROLE_COLORS: Record<RoleGrantView['role'], string> = {
  system_admin: 'magenta',
  province_admin: 'red',
  province_officer: 'green',
  commune_officer: 'blue',
  council_member: 'gold',
  producer_member: 'cyan',
  sales_point_operator: 'purple',
};

/** One line per grant: the role as a tag, its scope in words. */
export function RoleGrantList({ grants, names }: { grants: readonly RoleGrantView[]; names: UnitNames }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {grants.map((grant) => (
        <li key={`${grant.role}:${grant.provinceCode}:${grant.communeCode}:${grant.producerId}:${grant.salesPointId}`}>
          <Tag color={ROLE_COLORS[grant.role]} style={{ marginInlineEnd: 0 }}>
            {roleLabel(grant.role, t)}
          </Tag>{' '}
          <span>— {describeScope(grant, names, t)}</span>
        </li>
      ))}
    </Flex>
  );
}

/** Compact form for tables: a tag per grant, the scope under the role. */
export function RoleGrantTags({ grants, names }: { grants: readonly RoleGrantView[]; names: UnitNames }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={4} align="flex-start">
      {grants.map((grant) => (
        <Tag
          key={`${grant.role}:${grant.provinceCode}:${grant.communeCode}:${grant.producerId}:${grant.salesPointId}`}
          color={ROLE_COLORS[grant.role]}
          style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
        >
          {roleLabel(grant.role, t)}
          <span style={{ opacity: 0.8 }}> · {describeScope(grant, names, t)}</span>
        </Tag>
      ))}
    </Flex>
  );
}
