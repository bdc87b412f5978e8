import { MemoryStore } from '../../core/store/memory-store.ts';
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

const make = async () => {
  const store = new MemoryStore();
  return { store, cleanup: () => store.close() };
};

describeStoreContract('MemoryStore', make);
describeEfileContract('MemoryStore', make);
describeLeaveContract('MemoryStore', make);
describeCircularContract('MemoryStore', make);
describeScanContract('MemoryStore', make);
describeTrainingContract('MemoryStore', make);
describeLetterContract('MemoryStore', make);
describeDraftContract('MemoryStore', make);
describeDeadlineContract('MemoryStore', make);
describePendencyContract('MemoryStore', make);
