import type { CouncilMemberView } from '@ocop/contracts/councils';
import type { MessageKey } from '../../../messages/vi';

// Types only: importing the contracts' value lists would bring zod into the page.
export type CouncilDepartment = CouncilMemberView['department'];
export type CouncilPosition = CouncilMemberView['position'];

export const DEPARTMENT_LABELS: Record<CouncilDepartment, MessageKey> = {
  agriculture_environment: 'councils.department.agriculture_environment',
  industry_trade: 'councils.department.industry_trade',
  health: 'councils.department.health',
  science_technology: 'councils.department.science_technology',
  culture_sports_tourism: 'councils.department.culture_sports_tourism',
  food_safety: 'councils.department.food_safety',
  finance: 'councils.department.finance',
  expert: 'councils.department.expert',
  ocop_office: 'councils.department.ocop_office',
};

export const POSITION_LABELS: Record<CouncilPosition, MessageKey> = {
  chair: 'councils.position.chair',
  member: 'councils.position.member',
  secretary: 'councils.position.secretary',
  advisory: 'councils.position.advisory',
};

export const DEPARTMENTS = Object.keys(DEPARTMENT_LABELS) as CouncilDepartment[];
export const POSITIONS = Object.keys(POSITION_LABELS) as CouncilPosition[];
