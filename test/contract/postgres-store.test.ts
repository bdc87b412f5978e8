import { createPgTestStore } from '../helpers/postgres.ts';
import { describeEfileContract } from './efile-contract.ts';
import { describeLeaveContract } from './leave-contract.ts';
import { describeStoreContract } from './store-contract.ts';
import { describeCircularContract } from './circular-contract.ts';
import { describeScanContract } from './scans-contract.ts';
import { describeTrainingContract } from './training-contract.ts';
import { describeLetterContract } from './letters-contract.ts';
import { describeDraftContract } from './drafts-contract.ts';
import { describeDeadlineContract } from './deadlines-contract.ts';
import { describePendencyContract } from './pendency-contract.ts';

// A real, migrated PostgreSQL database per test: the same contracts as the in-memory store and SQLite.
describeStoreContract('SqlStore (PostgreSQL)', createPgTestStore);
describeEfileContract('SqlStore (PostgreSQL)', createPgTestStore);
describeLeaveContract('SqlStore (PostgreSQL)', createPgTestStore);
describeCircularContract('SqlStore (PostgreSQL)', createPgTestStore);
describeScanContract('SqlStore (PostgreSQL)', createPgTestStore);
describeTrainingContract('SqlStore (PostgreSQL)', createPgTestStore);
describeLetterContract('SqlStore (PostgreSQL)', createPgTestStore);
describeDraftContract('SqlStore (PostgreSQL)', createPgTestStore);
describeDeadlineContract('SqlStore (PostgreSQL)', createPgTestStore);
describePendencyContract('SqlStore (PostgreSQL)', createPgTestStore);
