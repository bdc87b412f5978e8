import { createTestStore } from '../helpers/sqlite.ts';
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

// A real, migrated SQLite file per test.
describeStoreContract('SqlStore (SQLite)', createTestStore);
describeEfileContract('SqlStore (SQLite)', createTestStore);
describeLeaveContract('SqlStore (SQLite)', createTestStore);
describeCircularContract('SqlStore (SQLite)', createTestStore);
describeScanContract('SqlStore (SQLite)', createTestStore);
describeTrainingContract('SqlStore (SQLite)', createTestStore);
describeLetterContract('SqlStore (SQLite)', createTestStore);
describeDraftContract('SqlStore (SQLite)', createTestStore);
describeDeadlineContract('SqlStore (SQLite)', createTestStore);
describePendencyContract('SqlStore (SQLite)', createTestStore);
