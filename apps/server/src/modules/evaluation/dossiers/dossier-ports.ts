import type { Role, RoleGrant } from '@ocop/domain/shared';
import type { AssessedProducts } from '../self-assessment/self-assessment.service';
import type { RegistrationForm, StoredCouncilResult } from './dossier.tables';

/**
 * What the dossiers need from outside the evaluation module, handed in by app.ts: the registry's
 * products and documents (read with the actor's rights: 404 outside them), the people who act next,
 * the notifier, and the council's scoring of a dossier.
 */
export type DossierActor = { userId: string | null; grants: readonly RoleGrant[] };

export type DossierDocument = { id: string; producerId: string; productId: string | null; kind: string; validTo: string | null };

export type DossierRegistry = AssessedProducts & {
  /** The producer's and the product's registry details as Mẫu 01 shows them, at this moment. */
  registrationOf: (actor: DossierActor, productId: string) => Promise<RegistrationForm>;
  /** A registry document if the actor may read it; otherwise a not-found error. */
  document: (actor: DossierActor, documentId: string) => Promise<DossierDocument>;
  /** The producer's own documents and the product's, to offer as evidence again. */
  documentsOf: (actor: DossierActor, productId: string) => Promise<DossierDocument[]>;
  communeName: (communeCode: string) => Promise<string | null>;
};

export type DossierPeople = {
  holders: (
    roles: readonly Role[],
    place: { provinceCode: string; communeCode?: string; producerId?: string },
  ) => Promise<{ id: string; fullName: string; email: string | null }[]>;
  namesOf: (ids: readonly string[]) => Promise<Map<string, string>>;
};

export type DossierMessage = {
  kind: string;
  subject: string;
  body: string;
  link?: string;
  entityType?: string;
  entityId?: string;
  provinceCode?: string;
};

export type DossierNotifier = { notify: (recipients: readonly string[], message: DossierMessage) => Promise<unknown> };

/** The council's scoring of one dossier, as the lifecycle's facts need it (the councils entity answers). */
export type ScoringFacts = {
  councilAssigned: boolean;
  submittedSheets: number;
  quorum: number;
  result: Omit<StoredCouncilResult, 'closedOn' | 'meetingNeeded'> | null;
  meetingNeeded: boolean;
};

export type DossierScoring = { resultFor: (dossierId: string) => Promise<ScoringFacts> };
