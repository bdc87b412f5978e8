import { createTestStore } from '../helpers/sqlite.ts';
import { describeEfileContract } from './efile-contract.ts';
import { describeLeaveContract } from './leave-contract.ts';
import { describeStoreContract } from './store-contract.ts';

// A real, migrated SQLite file per test.
describeStoreContract('PrismaStore (SQLite)', createTestStore);
describeEfileContract('PrismaStore (SQLite)', createTestStore);
describeLeaveContract('PrismaStore (SQLite)', createTestStore);
