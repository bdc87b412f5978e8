import { createTestStore } from '../helpers/sqlite.ts';
import { describeEfileContract } from './efile-contract.ts';
import { describeLeaveContract } from './leave-contract.ts';
import { describeStoreContract } from './store-contract.ts';
import { describeCircularContract } from './circular-contract.ts';
import { describeScanContract } from './scans-contract.ts';
import { describeTrainingContract } from './training-contract.ts';
import { describeLetterContract } from './letters-contract.ts';
import { describePendencyContract } from './pendency-contract.ts';

// A real, migrated SQLite file per test.
describeStoreContract('PrismaStore (SQLite)', createTestStore);
describeEfileContract('PrismaStore (SQLite)', createTestStore);
describeLeaveContract('PrismaStore (SQLite)', createTestStore);
describeCircularContract('PrismaStore (SQLite)', createTestStore);
describeScanContract('PrismaStore (SQLite)', createTestStore);
describeTrainingContract('PrismaStore (SQLite)', createTestStore);
describeLetterContract('PrismaStore (SQLite)', createTestStore);
describePendencyContract('PrismaStore (SQLite)', createTestStore);
