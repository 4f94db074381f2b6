import type { ProductSetListView, ProductSetView } from '@ocop/contracts/registry';

export type ProductSetOption = { value: string; label: string; title: string };
export type ProductSetOptionGroup = { label: string; title: string; options: ProductSetOption[] };

function groupTitle(set: ProductSetView): string {
  const group = `${set.groupCode}. ${set.groupName}`;
  return set.subgroupName ? `${group} › ${set.subgroupCode} ${set.subgroupName}` : group;
}

/**
 * Product sets grouped by group and sub-group ("1. Thực phẩm › 1.5 Chè"), each option "1.5.1 Chè
 * tươi, chè chế biến", in the order of the classification's appendix. `groupCode` narrows to one group.
 */
export function productSetOptions(list: ProductSetListView | undefined, groupCode?: string): ProductSetOptionGroup[] {
  const groups = new Map<string, ProductSetOptionGroup>();
  for (const set of list?.items ?? []) {
    if (groupCode && set.groupCode !== groupCode) continue;
    const key = `${set.groupCode}/${set.subgroupCode ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      const title = groupTitle(set);
      group = { label: title, title, options: [] };
      groups.set(key, group);
    }
    const label = `${set.code} ${set.name}`;
    group.options.push({ value: set.id, label, title: label });
  }
  return [...groups.values()];
}

export function productGroupOptions(list: ProductSetListView | undefined): { value: string; label: string }[] {
  return (list?.groups ?? []).map((group) => ({ value: group.code, label: `${group.code}. ${group.name}` }));
}
