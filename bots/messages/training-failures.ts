// Training failure codes said in Hindi and English.
import type { TRAINING_FAILURES } from '../../core/training/failures.ts';
import type { Say } from './say.ts';

export const TRAINING_FAILURE_TEXT: Record<(typeof TRAINING_FAILURES)[number], Say> = {
  'TRAINING.NOT_STARTED': {
    hi: () => 'प्रशिक्षण अभी शुरू नहीं हुआ है। शुरू करने के लिए लिखें: प्रशिक्षण',
    en: () => 'Training has not started. To start, send: training',
  },
};
